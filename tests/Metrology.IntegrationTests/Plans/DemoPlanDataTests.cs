using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Outreach;

namespace Metrology.IntegrationTests.Plans;

/// <summary>The demo's plans and outreach, read through the API as Quảng Trị's officer: what the seed report says for 2022.</summary>
public abstract class DemoPlanDataTests(MetrologyApp app) : IntegrationTest(app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task The_2021_and_2022_plans_carry_their_documents_and_the_current_plan_has_overdue_tasks()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var plans = await (await officer.GetAsync(PlanApi.Path, Cancellation)).ShouldReturn<List<PlanSummaryJson>>();

        var plan2022 = plans.Single(p => p.Year == 2022);
        plan2022.DocumentNumber.ShouldBe("18/KH-SKHCN");
        plans.Single(p => p.Year == 2021).DocumentNumber.ShouldBe("25/KH-SKHCN");
        (plan2022.OverdueCount, plan2022.DoneCount).ShouldBe((0, plan2022.TaskCount));
        var board = await officer.Board(plan2022.Id);
        board.Tasks.ShouldContain(t => t.Title.Contains("03 đơn vị kiểm định") && t.Title.Contains("40 doanh nghiệp") && t.NoteCount == 2);
        board.Tasks.ShouldContain(t => t.Title.Contains("Quyết định số 996/QĐ-TTg") && t.SourceDocumentNumber == "1928/QĐ-UBND");
        plans.Single(p => p.Year == Today.Year).OverdueCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Outreach_in_2022_is_the_reports_and_the_cumulative_figures_differ()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var summary = await (await officer.GetAsync("/api/v1/outreach/summary?year=2022", Cancellation)).ShouldReturn<OutreachSummaryJson>();
        var classes = await (await officer.GetAsync("/api/v1/outreach?kind=Class&year=2022", Cancellation)).ShouldReturn<PageJson<OutreachJson>>();
        var articles = await (await officer.GetAsync("/api/v1/outreach?kind=Article&year=2022", Cancellation)).ShouldReturn<PageJson<OutreachJson>>();

        summary.Kinds.Select(k => (k.Kind, k.Year)).ShouldBe([("Article", 4), ("Broadcast", 2), ("Class", 2), ("Workshop", 1), ("StaffTraining", 2)]);
        summary.Kinds.Single(k => k.Kind == "Article").Cumulative.ShouldBeGreaterThan(4);
        classes.Items.Sum(c => c.EnterprisesReachedCount ?? 0).ShouldBe(42);
        classes.Items.SelectMany(c => c.Enterprises).Select(e => e.Id).Distinct().Count().ShouldBe(40);
        articles.Items.ShouldAllBe(a => a.OutletName == "Báo Quảng Trị");
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoPlanDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoPlanDataTests(app), IClassFixture<DemoPostgresApp>;
}
