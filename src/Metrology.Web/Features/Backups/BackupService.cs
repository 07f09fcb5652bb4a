using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Metrology.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metrology.Web.Features.Backups;

/// <summary>What a backup holds, written beside it as <c>manifest.json</c> and shown on the admin page.</summary>
public sealed record BackupManifest(
    string Name,
    DateTime StartedAt,
    DateTime FinishedAt,
    string Engine,
    string DatabaseFile,
    long DatabaseBytes,
    int FileCount,
    long FileBytes,
    IReadOnlyDictionary<string, long> RowCounts);

/// <summary>
/// Backup and restore of a whole installation: the database and the files beside it (attachments, the
/// data-protection keys that sign-in cookies and tokens depend on, import uploads and error files).
/// The database is copied first from one consistent snapshot taken while the app keeps writing (SQLite's online
/// backup API; <c>pg_dump</c> on an exported snapshot). The files are copied after it: attachments are moved into
/// place before their row is committed, so every row in the snapshot finds its file.
/// </summary>
public sealed class BackupService(IConfiguration configuration, TimeProvider clock, ILogger<BackupService> logger)
{
    public const string ManifestFileName = "manifest.json";
    public const string SqliteFileName = "database.sqlite";
    public const string PostgresFileName = "database.pgdump";

    /// <summary>Folders of the data directory that a restored installation needs; mail pickup and import scratch are transient.</summary>
    private static readonly string[] FileFolders = ["attachments", "keys", "imports"];

    private static readonly string[] SkippedFolders = ["tmp", "scratch"];

    /// <summary>Tables counted in the same snapshot as the copy, so a restore can be checked against the manifest.</summary>
    public static readonly string[] CountedTables = ["Organizations", "Instruments", "Verifications", "Certificates", "Attachments", "AuditEntries"];

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Backup:Directory (default ./backups): one sub-folder per backup, named by its start time.</summary>
    public string Directory => Path.GetFullPath(configuration["Backup:Directory"] ?? "./backups");

    private string DataDirectory => DatabaseSetup.DataDirectory(configuration);

    private bool IsPostgres => string.Equals(configuration["Database:Provider"], DatabaseSetup.PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes a backup now into a new sub-folder of <see cref="Directory"/>; one at a time per process.</summary>
    public async Task<BackupManifest> CreateAsync(CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var started = clock.GetUtcNow().UtcDateTime;
            var name = started.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
            var target = Path.Combine(Directory, name);
            var partial = target + ".partial";
            System.IO.Directory.CreateDirectory(partial);
            try
            {
                var (file, counts) = IsPostgres
                    ? await DumpPostgresAsync(Path.Combine(partial, PostgresFileName), cancellationToken)
                    : await CopySqliteAsync(Path.Combine(partial, SqliteFileName), cancellationToken);
                var (fileCount, fileBytes) = CopyFiles(DataDirectory, Path.Combine(partial, "files"));
                var manifest = new BackupManifest(
                    name, started, clock.GetUtcNow().UtcDateTime, IsPostgres ? DatabaseSetup.PostgresProvider : DatabaseSetup.SqliteProvider,
                    Path.GetFileName(file), new FileInfo(file).Length, fileCount, fileBytes, counts);
                await File.WriteAllTextAsync(Path.Combine(partial, ManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken);
                // Only a complete backup carries its final name: a crash leaves a ".partial" folder that List ignores.
                System.IO.Directory.Move(partial, target);
                logger.LogInformation("Backup {Name} written to {Target}", name, target);
                Prune();
                return manifest;
            }
            catch
            {
                System.IO.Directory.Delete(partial, recursive: true);
                throw;
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Backup:Keep (default 14): older complete backups are deleted after a new one succeeds.</summary>
    private void Prune()
    {
        var keep = Math.Max(1, configuration.GetValue("Backup:Keep", 14));
        foreach (var old in List().Skip(keep))
        {
            System.IO.Directory.Delete(Path.Combine(Directory, old.Name), recursive: true);
        }
    }

    /// <summary>The complete backups in <see cref="Directory"/>, newest first.</summary>
    public IReadOnlyList<BackupManifest> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var manifests = new List<BackupManifest>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var path = Path.Combine(folder, ManifestFileName);
            if (File.Exists(path) && JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), ManifestJson) is { } manifest)
            {
                manifests.Add(manifest);
            }
        }

        return [.. manifests.OrderByDescending(m => m.StartedAt)];
    }

    /// <summary>
    /// Restores <paramref name="backupFolder"/> into the configured database and data directory, which must be
    /// empty (a new installation): restoring over live data is a decision for an operator, not a flag.
    /// Returns an error message, or null when restored.
    /// </summary>
    public async Task<string?> RestoreAsync(string backupFolder, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(backupFolder, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            return $"No {ManifestFileName} in {backupFolder}: not a complete backup.";
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), ManifestJson)!;
        var engine = IsPostgres ? DatabaseSetup.PostgresProvider : DatabaseSetup.SqliteProvider;
        if (!string.Equals(manifest.Engine, engine, StringComparison.OrdinalIgnoreCase))
        {
            return $"The backup is of a {manifest.Engine} database; this installation is configured for {engine} (Database:Provider).";
        }

        if (FileFolders.Any(f => System.IO.Directory.Exists(Path.Combine(DataDirectory, f)) && System.IO.Directory.EnumerateFileSystemEntries(Path.Combine(DataDirectory, f)).Any()))
        {
            return $"The data directory {DataDirectory} already holds files: restore into an empty one.";
        }

        var source = Path.Combine(backupFolder, manifest.DatabaseFile);
        if (IsPostgres)
        {
            if (await RestorePostgresAsync(source, cancellationToken) is { } problem)
            {
                return problem;
            }
        }
        else
        {
            var file = Path.Combine(DataDirectory, "metrology.db");
            if (File.Exists(file))
            {
                return $"{file} already exists: restore into an empty data directory.";
            }

            File.Copy(source, file);
        }

        CopyFiles(Path.Combine(backupFolder, "files"), DataDirectory);
        logger.LogInformation("Backup {Name} restored into {DataDirectory}", manifest.Name, DataDirectory);
        return null;
    }

    private async Task<(string File, Dictionary<string, long> Counts)> CopySqliteAsync(string target, CancellationToken cancellationToken)
    {
        var live = Path.Combine(DataDirectory, "metrology.db");
        await using (var source = new SqliteConnection($"Data Source={live};Mode=ReadOnly"))
        await using (var destination = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            // One step (-1): the whole file is copied inside one read transaction, so writers in WAL mode
            // neither wait for it nor make it restart.
            source.BackupDatabase(destination);
        }

        // Counted in the copy itself, which is exactly what a restore will hold.
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            await using var command = copy.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return (target, counts);
    }

    private async Task<(string File, Dictionary<string, long> Counts)> DumpPostgresAsync(string target, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Postgres")!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // The counts and pg_dump read the same exported snapshot, held by this open transaction.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection, transaction);
            counts[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await RunPostgresToolAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={target}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (target, counts);
    }

    private async Task<string?> RestorePostgresAsync(string dump, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Postgres")!;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                return $"The database {connection.Database} already has tables: restore into an empty database.";
            }
        }

        // pg_restore writes to a database only when named (without it, it prints SQL); host and user come from PG* variables.
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await RunPostgresToolAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}", dump], cancellationToken);
        return null;
    }

    /// <summary>Runs pg_dump / pg_restore with the connection given through libpq's variables, so the password never shows in a process list.</summary>
    private static async Task RunPostgresToolAsync(string tool, string connectionString, string[] arguments, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = settings.Database;
        start.Environment["PGUSER"] = settings.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(settings.Password))
        {
            start.Environment["PGPASSWORD"] = settings.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started (is the PostgreSQL client installed?).");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {await error}");
        }
    }

    private static (int Count, long Bytes) CopyFiles(string fromRoot, string toRoot)
    {
        var (count, bytes) = (0, 0L);
        foreach (var folder in FileFolders)
        {
            var from = Path.Combine(fromRoot, folder);
            if (!System.IO.Directory.Exists(from))
            {
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(fromRoot, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
                {
                    continue;
                }

                var to = Path.Combine(toRoot, relative);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                try
                {
                    File.Copy(file, to, overwrite: false);
                }
                catch (FileNotFoundException)
                {
                    // Deleted since it was listed (an import's upload cleaned up): nothing in the snapshot needs it.
                    continue;
                }

                count++;
                bytes += new FileInfo(to).Length;
            }
        }

        return (count, bytes);
    }
}
