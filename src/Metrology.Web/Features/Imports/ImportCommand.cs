using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// <c>dotnet run --project src/Metrology.Web -- import &lt;kind&gt; &lt;file&gt; --province &lt;slug&gt; [--mode validRowsOnly]</c>:
/// the migration of a large file on the server, by the same runner as the web upload but in the foreground,
/// with a text progress bar. The web server is not started. Prints the counts, and the first errors with the
/// error file's path when rows are in error. Exit code 0 when the job succeeded, 1 otherwise.
/// </summary>
public static class ImportCommand
{
    /// <summary>Errors printed on the console; the rest are in the error file.</summary>
    public const int ErrorsPrinted = 20;

    private const string Usage = "Usage: import <organizations|instruments|verifications|inspection-plans> <file> --province <slug> [--mode validRowsOnly]";

    public static bool IsImport(string[] args) => args.Length > 0 && args[0] == "import";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (Parse(args, out var kind, out var file, out var province, out var mode) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"File not found: {file}");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var storage = services.GetRequiredService<ImportStorage>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var provinceId = await db.Provinces.Where(p => p.Slug == province).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (provinceId is null)
        {
            await Console.Error.WriteLineAsync($"Unknown province: {province} (a slug as in /api/v1/reference/provinces, e.g. quang-tri).");
            return 1;
        }

        StoredUpload? upload;
        await using (var content = File.OpenRead(file))
        {
            upload = await storage.SaveAsync(content, CancellationToken.None);
        }

        if (upload is null)
        {
            await Console.Error.WriteLineAsync($"The file exceeds the {ImportStorage.Describe(storage.MaxFileBytes)} limit (Imports:MaxFileBytes).");
            return 1;
        }

        // The same lease as a web upload's: a server or another command line importing this file refuses it, and
        // if this process is killed the operating system lets go of it, so the file can be imported again at once.
        var leases = services.GetRequiredService<ImportLeases>();
        var lease = leases.TryTake(provinceId, kind, upload.Hash);
        if (lease is null)
        {
            ImportStorage.Delete(upload.Path);
            await Console.Error.WriteLineAsync("This file is already being imported (by the server or another command line).");
            return 1;
        }

        var runner = services.GetRequiredService<ImportRunner>();
        await runner.FailAbandonedAsync(provinceId, kind, upload.Hash, CancellationToken.None);
        var job = new ImportJob
        {
            ProvinceId = provinceId,
            Kind = kind,
            Mode = mode,
            Status = ImportStatus.Queued,
            FileName = Path.GetFileName(file),
            FileHash = upload.Hash,
            FileSize = upload.Size,
            StoredFilePath = upload.Path,
            CreatedByEmail = $"cli:{Environment.UserName}",
            CreatedAt = DateTime.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        leases.Hand(job.Id, lease);

        // The runner works on its own (and lets go of the lease at the end); this loop only draws its progress from the job row.
        var run = runner.RunAsync(job.Id, CancellationToken.None);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(500));
            if (!run.IsCompleted)
            {
                await DrawAsync(dbFactory, job.Id);
            }
        }

        await run;
        // The bar's last state, drawn even when the job was done before the first tick.
        await DrawAsync(dbFactory, job.Id);
        Console.WriteLine();
        var done = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == job.Id);
        Console.WriteLine($"Job {done.Id}: {done.Status}. Rows {done.TotalRows}, inserted {done.InsertedRows}, unchanged {done.UnchangedRows}, with errors {done.ErrorRows}.");
        if (done.FailureMessage is { } failure)
        {
            Console.WriteLine(failure.Split('\n')[^1]);
        }

        if (done.ErrorRows > 0)
        {
            var first = await db.ImportRowErrors.IgnoreQueryFilters().AsNoTracking().Where(e => e.JobId == job.Id)
                .OrderBy(e => e.Row).ThenBy(e => e.Id).Take(ErrorsPrinted).ToListAsync();
            foreach (var error in first)
            {
                Console.WriteLine($"Row {error.Row}, {error.Column} \"{error.Value}\": {error.MessageVi} / {error.MessageEn}");
            }
        }

        if (done.ErrorFilePath is { } errors)
        {
            Console.WriteLine($"Error file (every row, with an error column): {errors}");
        }

        return done.Status == ImportStatus.Succeeded ? 0 : 1;
    }

    private static async Task DrawAsync(IDbContextFactory<AppDbContext> dbFactory, long jobId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.ProcessedRows, j.TotalRows }).FirstAsync();
        const int width = 40;
        var share = job.TotalRows == 0 ? 0 : Math.Clamp((double)job.ProcessedRows / job.TotalRows, 0, 1);
        var filled = (int)(share * width);
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', width - filled)}] {share:P0} {job.ProcessedRows}/{job.TotalRows}"));
    }

    /// <summary>The arguments, or what is wrong with them.</summary>
    private static string? Parse(string[] args, out ImportKind kind, out string file, out string province, out ImportMode mode)
    {
        kind = default;
        file = string.Empty;
        province = string.Empty;
        mode = ImportMode.AllOrNothing;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--province" when i + 1 < args.Length:
                    province = args[++i];
                    break;
                case "--mode" when i + 1 < args.Length:
                    if (!Enum.TryParse(args[++i], ignoreCase: true, out mode))
                    {
                        return $"Unknown mode: {args[i]} (allOrNothing or validRowsOnly).";
                    }

                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
                    // A configuration override (--Storage:DataDirectory=...), already read by the host builder.
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional.Count != 2 || province.Length == 0)
        {
            return "Expected a kind, a file and --province.";
        }

        if (ImportKinds.FromSlug(positional[0]) is not { } parsedKind)
        {
            return $"Unknown kind: {positional[0]}.";
        }

        kind = parsedKind;
        file = positional[1];
        return null;
    }
}
