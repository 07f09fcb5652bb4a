using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// An import whose database is busy while it runs: another connection holds the lock the runner's own
/// writes need (on SQLite the whole file's write lock, as a long merge does; on PostgreSQL the job's row).
/// Progress is skipped then, the status write waits and tries again, and the job ends with its true status
/// and counts, never "failed" for data that was in fact written.
/// </summary>
public abstract class ImportBusyDatabaseTests(MetrologyApp app) : IntegrationTest(app)
{
    private static readonly string[] Header = ["Tên tổ chức", "Loại", "Mã số thuế"];

    [Fact]
    public async Task A_job_that_finds_the_database_locked_while_it_runs_ends_succeeded_with_its_counts()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        const int rows = 10_000;
        var job = await ImportWhileLockedAsync(officer, File(rows, "47", bad: false), "dong-thoi-ghi.csv");

        job.Status.ShouldBe("Succeeded");
        (job.TotalRows, job.ProcessedRows, job.InsertedRows, job.ErrorRows).ShouldBe((rows, rows, rows, 0));
        (await officer.ListOrganizations($"search={Uri.EscapeDataString("Cơ sở khóa 47-000007")}")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_job_whose_status_write_finds_the_database_locked_waits_and_keeps_its_error_file()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        const int rows = 10_000;
        var job = await ImportWhileLockedAsync(officer, File(rows, "48", bad: true), "khoa-luc-ket-thuc.csv");

        job.Status.ShouldBe("Rejected");
        (job.TotalRows, job.InsertedRows, job.ErrorRows).ShouldBe((rows, 0, rows));
        job.HasErrorFile.ShouldBeTrue();
        var lines = ImportFiles.Lines(await officer.ErrorFile(job.Id), ImportFiles.Utf8Bom);
        lines.Length.ShouldBe(rows + 1);
        lines[1].ShouldEndWith("Mã số thuế: Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng. (Invalid tax code: the check digit (10th digit) is wrong.)");
    }

    /// <summary>Uploads the file, holds the lock while its job runs (below), and returns the job as it ends.</summary>
    private async Task<ImportJobJson> ImportWhileLockedAsync(HttpClient officer, byte[] file, string fileName)
    {
        using var upload = await officer.Upload("organizations", file, fileName);
        var queued = await upload.ShouldReturn<ImportJobJson>(System.Net.HttpStatusCode.Accepted);
        await HoldLockWhileRunning(officer, queued.Id);
        return await officer.WaitForJob(queued.Id);
    }

    /// <summary>
    /// Waits until the job runs, then holds the lock for 8 s and lets go: longer than a progress write waits
    /// (1 s, then it is skipped) and than one status write waits on PostgreSQL (5 s, then it is tried again).
    /// Whichever of the runner's writes comes next (the row count, progress, the final status) finds the
    /// database busy; on SQLite the handler's own transaction waits for the lock too.
    /// </summary>
    private async Task HoldLockWhileRunning(HttpClient client, long jobId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = await client.GetJob(jobId);
            job.IsFinished.ShouldBeFalse("The file was read before the lock could be taken: make it longer.");
            if (job.Status == "Running")
            {
                break;
            }

            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1));
            await Task.Delay(50, Cancellation);
        }

        await using var connection = await LockAsync(jobId);
        await Task.Delay(TimeSpan.FromSeconds(8), Cancellation);
    }

    /// <summary>A connection holding the lock until disposed (its transaction then rolls back).</summary>
    private async Task<DbConnection> LockAsync(long jobId)
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        DbConnection connection;
        string lockSql;
        if (App.Engine == DatabaseEngine.Sqlite)
        {
            connection = new SqliteConnection($"Data Source={Path.Combine(configuration["Storage:DataDirectory"]!, "metrology.db")};Pooling=False");
            lockSql = "BEGIN IMMEDIATE";
        }
        else
        {
            connection = new NpgsqlConnection(configuration.GetConnectionString("Postgres"));
            // NO KEY UPDATE: the job's row cannot be updated, but the rows that point at it can still be inserted.
            lockSql = string.Create(CultureInfo.InvariantCulture, $"BEGIN; SELECT 1 FROM \"ImportJobs\" WHERE \"Id\" = {jobId} FOR NO KEY UPDATE");
        }

        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = lockSql;
        await command.ExecuteNonQueryAsync(Cancellation);
        return connection;
    }

    /// <summary>Organisations with valid tax codes, or (bad) every tax code's check digit wrong.</summary>
    private static byte[] File(int rows, string prefix, bool bad) =>
        ImportFiles.Csv(
            [Header, .. Enumerable.Range(1, rows).Select(i =>
            {
                var taxCode = ImportFiles.TaxCode(prefix, i);
                if (bad)
                {
                    taxCode = taxCode[..9] + (char)('0' + ((taxCode[9] - '0' + 1) % 10));
                }

                return (IReadOnlyList<string?>)[$"Cơ sở khóa {prefix}-{i:D6}", "Doanh nghiệp", taxCode];
            })],
            ',',
            ImportFiles.Utf8Bom);

    public sealed class Sqlite(SqliteApp app) : ImportBusyDatabaseTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ImportBusyDatabaseTests(app), IClassFixture<PostgresApp>;
}
