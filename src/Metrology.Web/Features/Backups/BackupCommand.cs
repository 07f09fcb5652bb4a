namespace Metrology.Web.Features.Backups;

/// <summary>
/// <c>backup</c> and <c>restore &lt;folder&gt;</c> on the command line (scripts/backup.sh, scripts/restore.sh): the
/// same service as the admin page, for cron and for disaster recovery. Neither starts the web server; restore runs
/// before migrations and seeding, since it needs the empty database a new installation starts with.
/// </summary>
public static class BackupCommand
{
    private const string Usage = "Usage: backup | restore [--Key=value settings] <backup folder>";

    public static bool IsBackupOrRestore(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var backups = app.Services.GetRequiredService<BackupService>();
        if (args[0] == "backup")
        {
            var manifest = await backups.CreateAsync(CancellationToken.None);
            Console.WriteLine($"Backup {manifest.Name} written to {Path.Combine(backups.Directory, manifest.Name)}: "
                + $"database {manifest.DatabaseBytes:N0} bytes, {manifest.FileCount} files, "
                + string.Join(", ", manifest.RowCounts.Select(c => $"{c.Key} {c.Value}")) + ".");
            return 0;
        }

        // Settings may come as --Key=value arguments anywhere; the folder is the one argument that is not one.
        var folder = args.Skip(1).LastOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (folder is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }

        if (await backups.RestoreAsync(Path.GetFullPath(folder), CancellationToken.None) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        Console.WriteLine($"Restored {folder}. Start the app as usual: it applies any newer migrations.");
        return 0;
    }
}
