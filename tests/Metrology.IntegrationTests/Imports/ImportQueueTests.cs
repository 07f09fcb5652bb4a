using System.Net;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.Web.Features.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// Uploads while nothing runs them: the background worker is taken out, so jobs stay queued and the
/// "one active job per file" rule can be seen deterministically; the size limit is lowered to 64 KB.
/// </summary>
public abstract class ImportQueueTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Two_simultaneous_uploads_of_one_file_one_is_accepted_the_other_is_told_it_is_already_running()
    {
        using var first = await App.As(TestData.QuangTriOfficer);
        using var second = await App.As(TestData.QuangTriAdmin);
        var file = Encoding.UTF8.GetBytes($"Tên tổ chức,Loại,Mã số thuế\r\nCông ty Đồng thời,Doanh nghiệp,{ImportFiles.TaxCode("87", 1)}\r\n");

        var responses = await Task.WhenAll(first.Upload("organizations", file, "cung-tep.csv"), second.Upload("organizations", file, "cung-tep.csv"));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Accepted, HttpStatusCode.Conflict]);
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict);
        conflict.ErrorsFor("file").ShouldBe(["Tệp này đang được nhập (chờ hoặc đang chạy). Hãy đợi lượt nhập đó kết thúc."]);
        var accepted = await responses.Single(r => r.StatusCode == HttpStatusCode.Accepted).ShouldReturn<ImportJobJson>(HttpStatusCode.Accepted);
        accepted.Status.ShouldBe("Queued");
        // Another kind or another file is not held up by it.
        using var otherFile = await first.Upload("organizations", [.. file, .. "\r\n"u8.ToArray()], "khac.csv");
        await otherFile.ShouldHaveStatus(HttpStatusCode.Accepted);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_nothing_is_kept()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var large = new byte[100 * 1024];
        Array.Fill(large, (byte)'a');

        using var response = await officer.Upload("organizations", large, "qua-lon.csv");

        var problem = await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        problem.Detail.ShouldBe("Tệp vượt quá giới hạn 64 KB.");
        problem.ErrorsFor("file").ShouldNotBeEmpty();
        var uploads = Path.Combine(App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:DataDirectory"]!, "imports", "uploads");
        (Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*.upload") : []).Length.ShouldBe(
            (await officer.GetFromJsonList()).Count(j => j.Status == "Queued"));
    }

    public sealed class Sqlite(PausedSqliteApp app) : ImportQueueTests(app), IClassFixture<PausedSqliteApp>;

    public sealed class Postgres(PausedPostgresApp app) : ImportQueueTests(app), IClassFixture<PausedPostgresApp>;

    public sealed class PausedSqliteApp : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Imports:MaxFileBytes", "65536")];

        protected override void ConfigureServices(IServiceCollection services) => Paused(services);
    }

    public sealed class PausedPostgresApp : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Imports:MaxFileBytes", "65536")];

        protected override void ConfigureServices(IServiceCollection services) => Paused(services);
    }

    private static void Paused(IServiceCollection services)
    {
        var worker = services.Single(s => s.ImplementationType == typeof(ImportWorker));
        services.Remove(worker);
    }
}

internal static class ImportListApi
{
    public static async Task<List<ImportJobJson>> GetFromJsonList(this HttpClient client)
    {
        using var response = await client.GetAsync(ImportApi.Path, TestContext.Current.CancellationToken);
        return await response.ShouldReturn<List<ImportJobJson>>();
    }
}
