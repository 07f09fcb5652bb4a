using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Imports.Verifications.VerificationImportArrange;

namespace Metrology.IntegrationTests.Imports.Verifications;

/// <summary>
/// Issue 19, item 1: on SQLite a verification import used to hang for ever ("Running", the page at "đang đối chiếu
/// với cơ sở dữ liệu và ghi…") when another connection committed between its first read and its first write
/// (WAL busy snapshot, retried without a time-out). Ten 20,000-row files in a row, while the app takes other
/// writes and the runner stores progress: every job finishes, with every row written.
/// </summary>
public sealed class VerificationImportUnderWritesTests(SqliteApp app) : IntegrationTest(app), IClassFixture<SqliteApp>
{
    private const string Header =
        "Mã số thuế tổ chức kiểm định,Số giấy chứng nhận,Mã số thuế chủ sở hữu,Mã loại phương tiện đo nhóm 2,Hãng sản xuất,Kiểu,Số sản xuất,"
        + "Ngày kiểm định,Hình thức kiểm định,Kết quả,Số tem kiểm định,Hạn kiểm định tiếp theo,Kiểm định viên,Người ký giấy chứng nhận";

    [Fact]
    public async Task Ten_20000_row_imports_in_a_row_each_finish_while_other_writes_run()
    {
        const int rows = 20_000;
        var world = await App.ImportWorld();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var otherWrites = 0;
        // Other users keep writing while the imports run: each write commits between the import's reads and writes.
        var writer = Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    // On SQLite one writer at a time: a write that waits past its time-out while a merge holds the lock is refused, not counted.
                    using var response = await officer.PostAsJsonAsync("/api/v1/organizations", TestData.Enterprise(name: TestData.Unique("Cơ sở ghi song song")), CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        otherWrites++;
                    }

                    await Task.Delay(20, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            },
            Cancellation);

        var total = Stopwatch.StartNew();
        try
        {
            for (var run = 1; run <= 10; run++)
            {
                var tag = Tag();
                var file = new StringBuilder(Header).Append('\n');
                for (var i = 1; i <= rows; i++)
                {
                    file.Append(world.BodyTaxCode).Append(",GCN-").Append(tag).Append('-').Append(i).Append(',').Append(world.OwnerTaxCode)
                        .Append(',').Append(FuelDispenser).Append(",Tatsuno,SUNNY-2,S-").Append(tag).Append('-').Append(i)
                        .Append(",31/01/2024,Định kỳ,Đạt,T-").Append(tag).Append('-').Append(i).Append(",,Lê Văn Kiểm,Nguyễn Văn Ký\n");
                }

                var started = Stopwatch.StartNew();
                var job = await lab.Import("verifications", Encoding.UTF8.GetBytes(file.ToString()), $"kiem-dinh-{run}.csv");

                job.Status.ShouldBe("Succeeded", $"run {run}: {job.FailureMessage}");
                (job.TotalRows, job.ProcessedRows, job.InsertedRows, job.ErrorRows).ShouldBe((rows, rows, rows, 0), $"run {run}");
                TestContext.Current.SendDiagnosticMessage($"Run {run}: {started.Elapsed.TotalSeconds:F1} s");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        otherWrites.ShouldBeGreaterThan(10, "the other writes ran alongside the imports");
        TestContext.Current.SendDiagnosticMessage($"Ten imports: {total.Elapsed.TotalSeconds:F0} s, {otherWrites} other writes");
    }
}
