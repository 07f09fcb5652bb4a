using System.Security.Cryptography;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Attachments;

/// <summary>
/// The attachment bytes on disk: <c>&lt;data directory&gt;/attachments/&lt;first 2 hex&gt;/&lt;sha256&gt;</c>.
/// A file is named by its content's hash, so the same file attached to ten records is stored once. Uploads
/// are written to a temp file first and moved into place only once complete: a killed upload leaves at most
/// a stray temp file, never a half-written stored file that a row points at.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration)
{
    /// <summary>Default of the Attachments:MaxBytes setting: 25 MB, enough for a scanned decision of many pages.</summary>
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    private readonly string root = Path.Combine(DatabaseSetup.DataDirectory(configuration), "attachments");

    public long MaxBytes { get; } = configuration.GetValue("Attachments:MaxBytes", DefaultMaxBytes);

    /// <summary>
    /// Copies <paramref name="content"/> to a temp file, hashing it on the way. Null when it is longer than
    /// <see cref="MaxBytes"/> (the temp file is then already gone).
    /// </summary>
    public async Task<PendingFile?> ReceiveAsync(Stream content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(root, "tmp");
        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size > MaxBytes)
            {
                File.Delete(path);
                return null;
            }

            return new PendingFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Moves a received file to its content-addressed place; a copy already there is kept and the temp file dropped.</summary>
    public void Commit(PendingFile pending)
    {
        var target = PathOf(pending.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(pending.TempPath);
            return;
        }

        try
        {
            File.Move(pending.TempPath, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same bytes won the race: its file is identical.
            File.Delete(pending.TempPath);
        }
    }

    public static void Discard(PendingFile pending) => File.Delete(pending.TempPath);

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Deletes the stored files of these hashes that no attachment row (of any province) still names.</summary>
    public async Task DeleteUnreferencedAsync(AppDbContext db, IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        foreach (var sha in hashes.Distinct(StringComparer.Ordinal))
        {
            if (!await db.Attachments.IgnoreQueryFilters().AnyAsync(a => a.Sha256 == sha, cancellationToken))
            {
                File.Delete(PathOf(sha));
            }
        }
    }

    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256);
}

/// <summary>An upload received into a temp file, not yet in the store.</summary>
public sealed record PendingFile(string TempPath, string Sha256, long SizeBytes);
