using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using Metrology.IntegrationTests.NationalRollup;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Dashboards;

/// <summary>
/// The second demo province, Huế: its accounts sign in, its dashboard shows its own 2022 records (figures of
/// DemoHueSeeder), nothing of it names Quảng Trị, and the Ministry's roll-up lists both demo provinces.
/// </summary>
public abstract class DemoHueDataTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string HueOfficer = "officer@hue.demo";
    private const string HueAdmin = "provinceadmin@hue.demo";

    [Fact]
    public async Task The_hue_officer_sees_hues_2022_records_on_the_dashboard()
    {
        using var officer = await App.As(HueOfficer);
        using var response = await officer.GetAsync($"{DashboardArrange.Path}?year=2022", Cancellation);
        var dashboard = await response.ShouldReturn<DashboardJson>();

        (dashboard.ProvinceSlug, dashboard.ProvinceName).ShouldBe(("hue", "Thành phố Huế"));
        dashboard.InstrumentsInService.ShouldBe(12);
        dashboard.InstrumentsByType.Select(t => (t.Code, t.Count)).ShouldBe([("fuel-dispenser", 8), ("water-meter-cold-mechanical", 4)]);
        dashboard.Due("MustNotBeUsed").ShouldBe(1);
        dashboard.Due("Overdue").ShouldBeGreaterThan(0);
        dashboard.VerificationsByMonth.Sum(m => m.Count).ShouldBe(12);
        dashboard.OutreachByKind.Single(o => o.Kind == "Article").Activities.ShouldBe(3);
        dashboard.OutreachByKind.Single(o => o.Kind == "Class").ShouldBe(new OutreachCountJson("Class", 1, 35));
        dashboard.Surveys.Single().ShouldSatisfyAllConditions(
            s => s.Title.ShouldBe("Khảo sát năng lực đo lường doanh nghiệp thành phố Huế năm 2022"),
            s => (s.Targets, s.Submitted, s.ResponseRate).ShouldBe((8, 6, 75m)));
        dashboard.AssuranceByState.Single(s => s.State == "inProgress").Count.ShouldBe(1);
        dashboard.InspectionsByAgency.Single().ShouldSatisfyAllConditions(
            a => a.AgencyName.ShouldBe("Thanh tra Sở Khoa học và Công nghệ thành phố Huế"),
            a => (a.Inspections, a.Violations, a.SanctionsVnd).ShouldBe((3, 1, 5_000_000L)));
    }

    [Fact]
    public async Task Hues_records_never_mention_Quang_Tri_and_its_admin_signs_in()
    {
        var texts = await App.WithDatabase(async db =>
        {
            var hue = await db.Provinces.Where(p => p.Slug == "hue").Select(p => p.Id).SingleAsync();
            var names = await db.Organizations.AsNoTracking().Where(o => o.ProvinceId == hue).Select(o => o.Name + " " + o.Address).ToListAsync();
            var documents = await db.DirectiveDocuments.AsNoTracking().Where(d => d.ProvinceId == hue).Select(d => d.Number + " " + d.Issuer + " " + d.Subject).ToListAsync();
            var outreach = await db.OutreachActivities.AsNoTracking().Where(a => a.ProvinceId == hue).Select(a => a.Title).ToListAsync();
            var tasks = await db.ScienceTasks.AsNoTracking().Where(t => t.ProvinceId == hue).Select(t => t.Title).ToListAsync();
            return names.Concat(documents).Concat(outreach).Concat(tasks).ToList();
        });

        texts.ShouldContain(t => t.Contains("Báo Thừa Thiên Huế", StringComparison.Ordinal));
        texts.ShouldContain(t => t.StartsWith("1967/QĐ-UBND Ủy ban nhân dân tỉnh Thừa Thiên Huế", StringComparison.Ordinal));
        texts.ShouldAllBe(t => !t.Contains("Quảng Trị") && !t.Contains("Quảng Bình"));

        using var admin = await App.As(HueAdmin);
        using var response = await admin.GetAsync($"{DashboardArrange.Path}?year=2022", Cancellation);
        (await response.ShouldReturn<DashboardJson>()).ProvinceSlug.ShouldBe("hue");
        // The Quảng Trị officer's dashboard does not count Huế's 2022 survey.
        using var quangTri = await App.As(TestData.QuangTriOfficer);
        using var own = await quangTri.GetAsync($"{DashboardArrange.Path}?year=2022", Cancellation);
        (await own.ShouldReturn<DashboardJson>()).Surveys.ShouldNotContain(s => s.Title.Contains("Huế"));
    }

    [Fact]
    public async Task The_ministry_sees_both_demo_provinces_in_the_roll_up()
    {
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        var rollup = await ministry.GetRollup(2022);
        rollup.Province("hue").Units.Select(u => u.Unit).ShouldBe(["Thừa Thiên Huế"]);
        rollup.Province("quang-tri").Units.Select(u => u.Unit).ShouldBe(["Quảng Bình", "Quảng Trị"]);
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoHueDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoHueDataTests(app), IClassFixture<DemoPostgresApp>;
}
