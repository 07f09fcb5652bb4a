using System.Security.Cryptography;
using Metrology.Core.Imports;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Where uploads and error files live: {Storage:DataDirectory}/imports. An upload is streamed to disk while
/// it is hashed, never held in memory, and is deleted when its job ends; error files stay for the result page.
/// </summary>
public sealed class ImportStorage(IConfiguration configuration)
{
    private readonly string root = Path.Combine(DatabaseSetup.DataDirectory(configuration), "imports");

    /// <summary>Imports:MaxFileBytes, default 200 MB (issue 5).</summary>
    public long MaxFileBytes { get; } = configuration.GetValue("Imports:MaxFileBytes", 200L * 1024 * 1024);

    /// <summary>Copies the upload to a new file, hashing as it goes; null (and nothing left on disk) when it exceeds the limit.</summary>
    public async Task<StoredUpload?> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "uploads")).FullName;
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.upload");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxFileBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size > MaxFileBytes)
            {
                File.Delete(path);
                return null;
            }

            return new StoredUpload(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public string ErrorFilePath(ImportJob job, ImportFileFormat format)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "errors")).FullName;
        return Path.Combine(directory, $"import-{job.Id}-errors.{(format == ImportFileFormat.Xlsx ? "xlsx" : "csv")}");
    }

    /// <summary>Where a running job keeps its temporary files (the error runs of <see cref="ImportErrorLog"/>).</summary>
    public string ScratchDirectory => Path.Combine(root, "scratch");

    /// <summary>
    /// Removes the temporary files a process that died mid-import left behind. Only files untouched for a day
    /// go: an import run from the command line beside the server may be writing its own right now.
    /// </summary>
    public int DeleteStaleScratchFiles(DateTime utcNow)
    {
        if (!Directory.Exists(ScratchDirectory))
        {
            return 0;
        }

        var stale = new DirectoryInfo(ScratchDirectory).EnumerateFiles().Where(f => f.LastWriteTimeUtc < utcNow.AddDays(-1)).ToList();
        stale.ForEach(f => f.Delete());
        return stale.Count;
    }

    public void DeleteUpload(ImportJob job)
    {
        if (job.StoredFilePath is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>A size for messages: "200 MB", "64 KB".</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

public sealed record StoredUpload(string Path, string Hash, long Size);
