using System.Net;
using System.Security.Cryptography;
using System.Text;
using Metrology.Core.Imports;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Metrology.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// Issue 19, item 1: a command-line import that was killed left its job "Running", and every upload of the same
/// file was refused ("already importing", 409) until the server restarted. A job's row now counts as active only
/// while a live process holds its lease (an operating-system file lock, let go when the process dies).
/// </summary>
public abstract class ImportLeaseTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_job_left_running_by_a_killed_command_line_no_longer_blocks_its_file_and_is_marked_failed()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var file = Encoding.UTF8.GetBytes($"Tên tổ chức,Loại,Mã số thuế\r\nCông ty Dòng lệnh bị dừng,Doanh nghiệp,{ImportFiles.TaxCode("71", 1)}\r\n");
        var leftOver = await LeftRunningAsync(file);

        var job = await officer.Import("organizations", file, "to-chuc.csv");

        job.Status.ShouldBe("Succeeded");
        job.InsertedRows.ShouldBe(1);
        var old = await officer.GetJob(leftOver);
        old.Status.ShouldBe("Failed");
        old.FailureMessage.ShouldBe("Tiến trình máy chủ đã dừng trong khi nhập; không có dữ liệu nào được ghi. Hãy tải tệp lên lại.");
    }

    [Fact]
    public async Task A_job_whose_process_is_alive_still_refuses_the_same_file_until_it_ends()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var file = Encoding.UTF8.GetBytes($"Tên tổ chức,Loại,Mã số thuế\r\nCông ty Dòng lệnh đang chạy,Doanh nghiệp,{ImportFiles.TaxCode("71", 2)}\r\n");
        var running = await LeftRunningAsync(file);
        var leases = App.Services.GetRequiredService<ImportLeases>();
        var provinceId = await ProvinceIdAsync();
        // The lease as a command line running beside the server holds it.
        var lease = leases.TryTake(provinceId, ImportKind.Organizations, Hash(file)).ShouldNotBeNull();

        using (var refused = await officer.Upload("organizations", file, "to-chuc.csv"))
        {
            var problem = await refused.ShouldBeProblem(HttpStatusCode.Conflict);
            problem.ErrorsFor("file").ShouldBe(["Tệp này đang được nhập (chờ hoặc đang chạy). Hãy đợi lượt nhập đó kết thúc."]);
        }

        (await officer.GetJob(running)).Status.ShouldBe("Running");
        await lease.DisposeAsync();
        (await officer.Import("organizations", file, "to-chuc.csv")).Status.ShouldBe("Succeeded");
    }

    /// <summary>A job row as a killed command line leaves it: running, its upload gone, no process behind it.</summary>
    private async Task<long> LeftRunningAsync(byte[] file)
    {
        await using var scope = await App.DbAsync();
        var job = new ImportJob
        {
            ProvinceId = await ProvinceIdAsync(),
            Kind = ImportKind.Organizations,
            Mode = ImportMode.AllOrNothing,
            Status = ImportStatus.Running,
            FileName = "to-chuc.csv",
            FileHash = Hash(file),
            FileSize = file.Length,
            CreatedByEmail = "cli:clerk",
            CreatedAt = DateTime.UtcNow,
            StartedAt = DateTime.UtcNow,
        };
        scope.Db.ImportJobs.Add(job);
        await scope.Db.SaveChangesAsync(Cancellation);
        return job.Id;
    }

    private async Task<int> ProvinceIdAsync()
    {
        await using var scope = await App.DbAsync();
        return await scope.Db.Provinces.Where(p => p.Slug == TestData.QuangTri).Select(p => p.Id).SingleAsync(Cancellation);
    }

    private static string Hash(byte[] file) => Convert.ToHexStringLower(SHA256.HashData(file));

    public sealed class Sqlite(SqliteApp app) : ImportLeaseTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ImportLeaseTests(app), IClassFixture<PostgresApp>;
}
