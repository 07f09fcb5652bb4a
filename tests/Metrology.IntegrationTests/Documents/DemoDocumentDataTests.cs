using System.Net;
using Metrology.IntegrationTests.Attachments;
using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Documents.DocumentApi;

namespace Metrology.IntegrationTests.Documents;

/// <summary>The seed report's documents and S&amp;T tasks as the demo officer finds them through the API.</summary>
public abstract class DemoDocumentDataTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_seed_reports_decision_reads_like_the_report_and_carries_its_generated_summary_file()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var found = await (await officer.GetAsync($"{DocumentsPath}?search=1928", Cancellation)).ShouldReturn<PageJson<DocumentJson>>();
        var decision = found.Items.Single(d => d.Number == "1928/QĐ-UBND");

        var files = await officer.ListAttachments("DirectiveDocument", decision.Id);
        using var download = await officer.GetAsync($"{AttachmentApi.AttachmentsPath}/{files.Items.Single().Id}/content", Cancellation);

        decision.Citation.ShouldBe("Quyết định số 1928/QĐ-UBND ngày 20/7/2020");
        files.Items.Single().FileName.ShouldBe("1928-QD-UBND-trich-yeu.txt");
        await download.ShouldHaveStatus(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync(Cancellation)).ShouldContain("Quyết định số 1928/QĐ-UBND ngày 20/7/2020");
    }

    [Fact]
    public async Task The_three_science_tasks_of_2022_add_up_to_their_budgets()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var in2022 = await (await officer.GetAsync($"{TasksPath}?year=2022", Cancellation)).ShouldReturn<ScienceTaskPageJson>();
        var all = await (await officer.GetAsync(TasksPath, Cancellation)).ShouldReturn<ScienceTaskPageJson>();

        // Section I.1.c's three tasks run in 2022 (450 + 320 + 280 million); the 2021 survey task adds 180 million overall.
        in2022.Total.ShouldBe(3);
        in2022.BudgetTotal.ShouldBe(1_050_000_000);
        all.BudgetTotal.ShouldBe(1_230_000_000);
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoDocumentDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoDocumentDataTests(app), IClassFixture<DemoPostgresApp>;
}
