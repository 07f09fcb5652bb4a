using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Inspections;

/// <summary>
/// The report's figures against records counted by hand, in an app of their own (no other test's records).
/// 2021, science: plan E1, E2 approved; record E1 (overdue verification, 5.000.000 đ; one overdue and one conforming instrument).
/// 2022, science: plan E1, E2, E3 approved; records E1 (unverified instrument 10.000.000 đ + tampered stamp 20.000.000 đ; one
/// unverified instrument) and E2 (no violation; one conforming instrument). 2022, trade: plan E3, E4 approved, its E3 merged into
/// science's (a joint inspection counts once); record E4 (short prepackaged quantity 3.500.000 đ). A draft trade plan (E5) counts nothing.
/// </summary>
public abstract class InspectionStatisticsTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_figures_of_a_year_and_since_2020_match_the_records_counted_by_hand()
    {
        var world = await App.InspectionWorld();
        var e = new int[6];
        for (var i = 1; i <= 5; i++)
        {
            e[i] = await App.NewEnterpriseAsync($"Công ty Thống kê E{i} {Guid.NewGuid().ToString("N")[..4]}");
        }

        var meters = new int[5];
        for (var i = 0; i < 5; i++)
        {
            meters[i] = await App.NewInstrumentAsync(e[i < 3 ? 1 : 2], $"TK-{i}-{Guid.NewGuid().ToString("N")[..6]}");
        }

        using var science = await App.As(TestData.QuangTriInspector);
        using var trade = await App.As(TradeInspector);
        var plan2021 = await science.CreatePlan(Plan(2021, Target(e[1], 3, 3, "Group2Instruments"), Target(e[2], 5, 5, "Group2Instruments")));
        await science.ApprovePlan(plan2021.Id);
        var plan2022 = await science.CreatePlan(Plan(2022, Target(e[1], 3, 3, "Group2Instruments"), Target(e[2], 4, 4, "Group2Instruments"), Target(e[3], 6, 6, "Group2Instruments")));
        await science.ApprovePlan(plan2022.Id);
        var trade2022 = await trade.CreatePlan(Plan(2022, Target(e[3], 6, 7, "Group2Instruments"), Target(e[4], 8, 8, "PrepackagedGoods")));
        await trade.ApprovePlan(trade2022.Id);
        await trade.CreatePlan(Plan(2022, Target(e[5], 9, 9, "PrepackagedGoods")));
        var flag = (await science.Overlaps(2022)).Single(o => o.OrganizationId == e[3]);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var merge = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = flag.First.TargetId, secondTargetId = flag.Second.TargetId, action = "Merge" }, Cancellation);
        await merge.ShouldHaveStatus(HttpStatusCode.Created);

        async Task Recorded(HttpClient client, Dictionary<string, object?> body)
        {
            using var response = await client.PostAsJsonAsync(RecordsPath, body, Cancellation);
            await response.ShouldHaveStatus(HttpStatusCode.Created);
        }

        var r2021 = Record(plan2021.Id, e[1], "2021-03-15");
        r2021["violations"] = new object[] { new { kind = "OverdueVerification", description = "Cột đo quá hạn", sanctionAmount = 5_000_000L, sanctionDecision = "01/QĐ-XPHC" } };
        r2021["instruments"] = new object[] { new { instrumentId = meters[0], outcome = "Overdue" }, new { instrumentId = meters[1], outcome = "Conforming" } };
        await Recorded(science, r2021);
        var r2022a = Record(plan2022.Id, e[1], "2022-03-10");
        r2022a["violations"] = new object[]
        {
            new { kind = "UnverifiedInstrument", description = "Cột đo chưa kiểm định", sanctionAmount = 10_000_000L, sanctionDecision = "07/QĐ-XPHC" },
            new { kind = "TamperedStamp", description = "Tem kiểm định bị can thiệp", sanctionAmount = 20_000_000L, sanctionDecision = "08/QĐ-XPHC" },
        };
        r2022a["instruments"] = new object[] { new { instrumentId = meters[2], outcome = "Unverified" } };
        await Recorded(science, r2022a);
        var r2022b = Record(plan2022.Id, e[2], "2022-04-12");
        r2022b["violationsFound"] = false;
        r2022b["violations"] = Array.Empty<object>();
        r2022b["instruments"] = new object[] { new { instrumentId = meters[3], outcome = "Conforming" } };
        await Recorded(science, r2022b);
        var r2022c = Record(trade2022.Id, e[4], "2022-08-20");
        r2022c["content"] = new[] { "PrepackagedGoods" };
        r2022c["violations"] = new object[] { new { kind = "PrepackagedQuantityShort", description = "Thiếu định lượng", sanctionAmount = 3_500_000L, sanctionDecision = "21/QĐ-XPHC" } };
        await Recorded(trade, r2022c);

        using var reader = await App.As(TestData.QuangTriAdmin);
        App.Queries.Reset();
        var stats = await (await reader.GetAsync("/api/v1/inspections/statistics?year=2022", Cancellation)).ShouldReturn<StatisticsJson>();
        var queries = App.Queries.Count;

        stats.FromYear.ShouldBe(2020);
        stats.Total.ShouldBe(new FiguresJson(Planned: 4, Done: 3, TargetsInspected: 3, Violations: 3, Sanctions: 33_500_000, InstrumentsChecked: 2, InstrumentsUnverifiedOrOverdue: 1));
        stats.CumulativeTotal.ShouldBe(new FiguresJson(6, 4, 3, 4, 38_500_000, 4, 2));
        var scienceRow = stats.Agencies.Single(a => a.AgencyId == world.ScienceAgencyId);
        scienceRow.Year.ShouldBe(new FiguresJson(3, 2, 2, 2, 30_000_000, 2, 1));
        scienceRow.Cumulative.ShouldBe(new FiguresJson(5, 3, 2, 3, 35_000_000, 4, 2));
        var tradeRow = stats.Agencies.Single(a => a.AgencyId == world.TradeAgencyId);
        tradeRow.Year.ShouldBe(new FiguresJson(1, 1, 1, 1, 3_500_000, 0, 0));
        tradeRow.Cumulative.ShouldBe(tradeRow.Year);
        stats.Agencies.Single(a => a.AgencyId == world.MarketAgencyId).Cumulative.ShouldBe(new FiguresJson(0, 0, 0, 0, 0, 0, 0));
        stats.ViolationsByKind.ShouldBe(
        [
            new ViolationKindJson("UnverifiedInstrument", 1, 1, 10_000_000, 10_000_000),
            new ViolationKindJson("OverdueVerification", 0, 1, 0, 5_000_000),
            new ViolationKindJson("TamperedStamp", 1, 1, 20_000_000, 20_000_000),
            new ViolationKindJson("PrepackagedQuantityShort", 1, 1, 3_500_000, 3_500_000),
        ]);

        var of2021 = await (await reader.GetAsync("/api/v1/inspections/statistics?year=2021", Cancellation)).ShouldReturn<StatisticsJson>();
        of2021.Total.ShouldBe(new FiguresJson(2, 1, 1, 1, 5_000_000, 2, 1));
        of2021.CumulativeTotal.ShouldBe(of2021.Total);
        // GROUP BY queries: a fixed number per request (the bearer check reads the user once more).
        queries.ShouldBeLessThanOrEqualTo(14);

        using var haNoi = await App.As(world.HaNoiInspector, UserApi.Password);
        var elsewhere = await (await haNoi.GetAsync("/api/v1/inspections/statistics?year=2022", Cancellation)).ShouldReturn<StatisticsJson>();
        elsewhere.CumulativeTotal.ShouldBe(new FiguresJson(0, 0, 0, 0, 0, 0, 0));
        using var lab = await App.As(TestData.QuangTriLabOperator);
        await (await lab.GetAsync("/api/v1/inspections/statistics?year=2022", Cancellation)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    public sealed class Sqlite(SqliteApp app) : InspectionStatisticsTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : InspectionStatisticsTests(app), IClassFixture<PostgresApp>;
}
