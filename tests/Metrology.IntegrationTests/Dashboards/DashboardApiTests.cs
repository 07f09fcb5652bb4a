using System.Net;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Dashboards.DashboardArrange;

namespace Metrology.IntegrationTests.Dashboards;

/// <summary>
/// The province dashboard over Sơn La's hand-made records (see <see cref="DashboardArrange"/>), on 15/01/2027,
/// with Lai Châu's records next door to prove a province sees only its own numbers.
/// </summary>
public abstract class DashboardApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private static async Task<DashboardJson> Get(HttpClient client, string query = "year=2026")
    {
        using var response = await client.GetAsync($"{DashboardArrange.Path}?{query}", Cancellation);
        return await response.ShouldReturn<DashboardJson>();
    }

    [Fact]
    public async Task The_officer_sees_the_provinces_figures_as_counted_by_hand()
    {
        var arranged = await App.SonLa();
        using var officer = await App.As(arranged.OfficerEmail, UserApi.Password);
        var dashboard = await Get(officer);

        (dashboard.ProvinceSlug, dashboard.ProvinceName, dashboard.Today).ShouldBe((Province, "Sơn La", new DateOnly(2027, 1, 15)));
        dashboard.InstrumentsInService.ShouldBe(6, "out-of-service and non-Group 2 instruments have no due state");
        dashboard.InstrumentsByType.ShouldBe(
        [
            new TypeCountJson("fuel-dispenser", "Cột đo xăng dầu", 3),
            new TypeCountJson("water-meter-cold-mechanical", "Đồng hồ đo nước lạnh cơ khí", 3),
        ]);
        (dashboard.Due("Ok"), dashboard.Due("DueSoon"), dashboard.Due("Overdue"), dashboard.Due("NeverVerified"), dashboard.Due("MustNotBeUsed"))
            .ShouldBe((1, 1, 2, 1, 1));

        dashboard.VerificationsByMonth.Count.ShouldBe(12);
        dashboard.VerificationsByMonth.Where(m => m.Count > 0).ShouldBe([new MonthCountJson(2026, 3, 2), new MonthCountJson(2026, 11, 1)]);

        // February 2026 to January 2027: the water meter due 30/11/2026 is overdue from November's end, the
        // dispenser due 14/01/2027 joins it today.
        dashboard.OverdueTrend.Count.ShouldBe(12);
        dashboard.OverdueTrend[0].ShouldBe(new MonthCountJson(2026, 2, 0));
        dashboard.OverdueTrend.TakeLast(4).ShouldBe(
            [new MonthCountJson(2026, 10, 0), new MonthCountJson(2026, 11, 1), new MonthCountJson(2026, 12, 1), new MonthCountJson(2027, 1, 2)]);

        dashboard.OutreachByKind.Single(k => k.Kind == "Article").ShouldBe(new OutreachCountJson("Article", 2, 0));
        dashboard.OutreachByKind.Single(k => k.Kind == "Class").ShouldBe(new OutreachCountJson("Class", 1, 45));
        dashboard.Surveys.Single().ShouldSatisfyAllConditions(
            s => s.Title.ShouldBe("Khảo sát năng lực đo lường 2026"),
            s => (s.Targets, s.Submitted, s.ResponseRate).ShouldBe((4, 2, 50m)));
        dashboard.AssuranceByState.ShouldBe(
            [new StateCountJson("notStarted", 1), new StateCountJson("inProgress", 1), new StateCountJson("complete", 1)]);
        dashboard.InspectionsByAgency.Single().ShouldSatisfyAllConditions(
            a => a.AgencyName.ShouldBe("Thanh tra Sở Khoa học và Công nghệ Sơn La"),
            a => (a.Inspections, a.Violations, a.SanctionsVnd).ShouldBe((1, 2, 7_500_000L)));
        dashboard.InvestmentByYear.First().Year.ShouldBe(2020);
        dashboard.InvestmentByYear.TakeLast(2).ShouldBe(
            [new InvestmentYearJson(2025, 10_000_000_000, 3_000_000_000), new InvestmentYearJson(2026, 0, 4_000_000_000)]);
    }

    [Fact]
    public async Task A_province_officer_never_sees_another_provinces_numbers()
    {
        var arranged = await App.SonLa();
        using var laiChau = await App.As(arranged.OtherOfficerEmail, UserApi.Password);
        var own = await Get(laiChau);
        (own.ProvinceSlug, own.InstrumentsInService, own.Due("Overdue")).ShouldBe(("lai-chau", 1, 1));
        own.VerificationsByMonth.Sum(m => m.Count).ShouldBe(1);
        own.Surveys.ShouldBeEmpty();
        own.InspectionsByAgency.ShouldBeEmpty();

        using var response = await laiChau.GetAsync($"{DashboardArrange.Path}?year=2026&provinceSlug={Province}", Cancellation);
        await response.ShouldBeProblem(HttpStatusCode.NotFound);

        using var sonLa = await App.As(arranged.OfficerEmail, UserApi.Password);
        (await Get(sonLa)).VerificationsByMonth.Sum(m => m.Count).ShouldBe(3, "Lai Châu's March verification is not Sơn La's");
    }

    [Fact]
    public async Task The_system_administrator_picks_a_province_and_other_roles_are_refused()
    {
        await App.SonLa();
        using var admin = await App.AsSystemAdmin();
        var picked = await Get(admin, $"year=2026&provinceSlug={Province}");
        (picked.ProvinceName, picked.InstrumentsInService, picked.Due("Overdue")).ShouldBe(("Sơn La", 6, 2));
        using (var unknown = await admin.GetAsync($"{DashboardArrange.Path}?provinceSlug=atlantis", Cancellation))
        {
            await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
        }

        using (var badYear = await admin.GetAsync($"{DashboardArrange.Path}?year=1800", Cancellation))
        {
            (await badYear.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("year").ShouldNotBeEmpty();
        }

        foreach (var email in (string[])[TestData.DemoMinistryOfficer, TestData.QuangTriInspector, TestData.QuangTriLabOperator])
        {
            using var client = await App.As(email);
            (await client.GetAsync(DashboardArrange.Path, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
    }

    [Fact]
    public async Task The_dashboard_costs_the_same_bounded_number_of_queries_for_a_big_and_a_small_province()
    {
        var arranged = await App.SonLa();
        using var sonLa = await App.As(arranged.OfficerEmail, UserApi.Password);
        using var laiChau = await App.As(arranged.OtherOfficerEmail, UserApi.Password);
        await Get(sonLa);
        await Get(laiChau);

        App.Queries.Reset();
        await Get(sonLa);
        var big = App.Queries.Count;
        App.Queries.Reset();
        await Get(laiChau);
        var small = App.Queries.Count;

        big.ShouldBe(small);
        big.ShouldBeLessThanOrEqualTo(16);
    }

    public sealed class Sqlite(DashboardSqliteApp app) : DashboardApiTests(app), IClassFixture<DashboardSqliteApp>;

    public sealed class Postgres(DashboardPostgresApp app) : DashboardApiTests(app), IClassFixture<DashboardPostgresApp>;
}
