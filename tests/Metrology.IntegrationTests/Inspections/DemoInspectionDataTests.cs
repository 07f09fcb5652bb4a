using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Inspections;

/// <summary>The demo's inspections as its users see them through the API: 2022's two resolved overlaps, this year's live flag, the figures.</summary>
public abstract class DemoInspectionDataTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_2022_plans_of_three_agencies_have_two_overlaps_both_resolved_and_this_year_has_one_open()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var plans2022 = await (await officer.GetAsync($"{PlansPath}?year=2022", Cancellation)).ShouldReturn<List<PlanListItemJson>>();
        plans2022.Select(p => p.AgencyName).Distinct().Count().ShouldBe(3);
        plans2022.ShouldAllBe(p => p.Status == "Approved");
        var overlaps2022 = await officer.Overlaps(2022);
        overlaps2022.Count.ShouldBe(2);
        overlaps2022.ShouldAllBe(o => o.Resolved);
        overlaps2022.Select(o => o.Resolution!.Action).ShouldBe(["Merge", "Move"], ignoreOrder: true);
        var thisYear = await officer.Overlaps(DateTime.UtcNow.AddHours(7).Year);
        thisYear.ShouldHaveSingleItem().Resolved.ShouldBeFalse();

        var stats = await (await officer.GetAsync("/api/v1/inspections/statistics?year=2022", Cancellation)).ShouldReturn<StatisticsJson>();
        stats.Total.Done.ShouldBe(6);
        stats.Total.Violations.ShouldBe(3);
        stats.Total.Sanctions.ShouldBe(25_500_000);
        stats.CumulativeTotal.Done.ShouldBe(8);
        stats.CumulativeTotal.Sanctions.ShouldBe(30_500_000);
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoInspectionDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoInspectionDataTests(app), IClassFixture<DemoPostgresApp>;
}
