using System.Net;
using Metrology.Core.Reporting;
using Metrology.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using static Metrology.IntegrationTests.NationalRollup.RollupArrange;

namespace Metrology.IntegrationTests.NationalRollup;

/// <summary>
/// The Ministry's roll-up over hand-made reports. Each test uses a year of its own, so the tests of a class
/// share one database without seeing each other's reports. 34 provinces from 2025; 63 former units before
/// (provinces.csv: 11 unchanged provinces + 17 merged from 2 units + 6 merged from 3 = 11 + 34 + 18).
/// </summary>
public abstract class RollupApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const int FormerUnits = 63;

    [Fact]
    public async Task A_sent_report_is_on_time_up_to_the_deadline_day_in_Vietnam_and_an_approved_one_is_missing()
    {
        const int year = 2026;
        // 23:00 on 20/12/2026 in Vietnam is still the deadline day (16:00 UTC).
        var onTime = await App.AddReport("quang-tri", year, "Quảng Trị", ReportStatus.Sent, VietnamTime(2026, 12, 20, 23),
            (KeyIndicator.InstrumentsVerified, 120, 400), (KeyIndicator.OutreachActivities, 9, 30));
        // 00:30 on 21/12/2026 in Vietnam is the next day (17:30 UTC on the 20th): late.
        var late = await App.AddReport("ha-noi", year, "Hà Nội", ReportStatus.Sent, VietnamTime(2026, 12, 21, 0, 30),
            (KeyIndicator.InstrumentsVerified, 300, 900));
        // Approved but not sent: the Ministry has nothing yet, and its figures are not summed.
        await App.AddReport("hue", year, "Thành phố Huế", ReportStatus.Approved, null, (KeyIndicator.InstrumentsVerified, 1000, 1000));

        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        var rollup = await ministry.GetRollup(year);

        rollup.Deadline.ShouldBe(new DateOnly(2026, 12, 20));
        rollup.DeadlineConfigured.ShouldBeFalse();
        rollup.ByFormerUnits.ShouldBeFalse();
        (rollup.Expected, rollup.Sent, rollup.OnTime, rollup.Late, rollup.Missing).ShouldBe((34, 2, 1, 1, 32));
        rollup.Completeness.ShouldBe(0.0588m); // 2 / 34
        rollup.Timeliness.ShouldBe(0.0294m); // 1 / 34
        rollup.Provinces.Count.ShouldBe(34);

        var quangTri = rollup.Province("quang-tri");
        (quangTri.Status, quangTri.IsOnTime, quangTri.ReportId, quangTri.ReportLink).ShouldBe(("onTime", true, onTime, $"/reports/{onTime}"));
        var haNoi = rollup.Province("ha-noi");
        (haNoi.Status, haNoi.IsOnTime, haNoi.ReportLink).ShouldBe(("late", false, $"/reports/{late}"));
        var hue = rollup.Province("hue");
        (hue.Status, hue.ReportId, hue.Sent, hue.Missing).ShouldBe(("missing", null, 0, 1));
        hue.Units.Single().ReportStatus.ShouldBe("Approved");

        rollup.Indicator("InstrumentsVerified").ShouldBe(new IndicatorSumJson("InstrumentsVerified", 420, 1300));
        rollup.Indicator("OutreachActivities").ShouldBe(new IndicatorSumJson("OutreachActivities", 9, 30));
        quangTri.YearOf("InstrumentsVerified").ShouldBe(120);
        hue.YearOf("InstrumentsVerified").ShouldBe(0);
    }

    [Fact]
    public async Task Before_the_merger_a_merged_province_expects_one_report_per_former_unit_and_sums_them()
    {
        const int year = 2022;
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        await App.AddReport("quang-tri", year, "Quảng Trị", ReportStatus.Sent, VietnamTime(2022, 12, 9, 10),
            (KeyIndicator.InstrumentsVerified, 50, 150), (KeyIndicator.SanctionsVnd, 7_500_000, 20_000_000));

        var half = await ministry.GetRollup(year);
        half.ByFormerUnits.ShouldBeTrue();
        half.Expected.ShouldBe(FormerUnits);
        var quangTri = half.Province("quang-tri");
        (quangTri.Status, quangTri.Expected, quangTri.Sent, quangTri.Missing).ShouldBe(("partial", 2, 1, 1));
        quangTri.Units.Select(u => (u.Unit, u.Status)).ShouldBe([("Quảng Bình", "missing"), ("Quảng Trị", "onTime")]);
        quangTri.ReportId.ShouldBeNull("two units: the links are per unit");

        // The former Quảng Bình files its 2022 report late, under its own name.
        var quangBinh = await App.AddReport("quang-tri", year, "tỉnh Quảng Bình", ReportStatus.Sent, VietnamTime(2023, 1, 10, 9),
            (KeyIndicator.InstrumentsVerified, 70, 210), (KeyIndicator.SanctionsVnd, 2_500_000, 5_000_000));
        var full = await ministry.GetRollup(year);
        quangTri = full.Province("quang-tri");
        (quangTri.Status, quangTri.Sent, quangTri.OnTime, quangTri.Late, quangTri.Missing).ShouldBe(("late", 2, 1, 1, 0));
        quangTri.Units[0].ReportLink.ShouldBe($"/reports/{quangBinh}");
        quangTri.YearOf("InstrumentsVerified").ShouldBe(120);
        quangTri.Indicators.Single(i => i.Indicator == "SanctionsVnd").ShouldBe(new IndicatorSumJson("SanctionsVnd", 10_000_000, 25_000_000));
        (full.Sent, full.OnTime, full.Late, full.Missing).ShouldBe((2, 1, 1, FormerUnits - 2));
        full.Completeness.ShouldBe(0.0317m); // 2 / 63
    }

    [Fact]
    public async Task Moving_the_deadline_earlier_makes_a_report_late()
    {
        const int year = 2024;
        await App.AddReport("ha-noi", year, "Hà Nội", ReportStatus.Sent, VietnamTime(2024, 12, 18, 15));
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        (await ministry.GetRollup(year)).Province("ha-noi").Status.ShouldBe("onTime");

        using var response = await ministry.PutDeadline(year, new { dueOn = "2024-12-15" });
        var saved = await response.ShouldReturn<DeadlineJson>();
        (saved.DueOn, saved.Configured, saved.UpdatedByEmail).ShouldBe((new DateOnly(2024, 12, 15), true, TestData.DemoMinistryOfficer));

        var rollup = await ministry.GetRollup(year);
        rollup.Deadline.ShouldBe(new DateOnly(2024, 12, 15));
        rollup.DeadlineConfigured.ShouldBeTrue();
        rollup.Province("ha-noi").Status.ShouldBe("late");
        (rollup.OnTime, rollup.Late).ShouldBe((0, 1));
    }

    [Fact]
    public async Task A_deadline_outside_the_year_or_missing_is_refused_in_both_languages_and_nothing_changes()
    {
        const int year = 2023;
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using (var response = await ministry.PutDeadline(year, new { dueOn = "2022-12-20" }))
        {
            var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.ErrorsFor("dueOn").ShouldBe(["Hạn gửi báo cáo phải nằm trong năm 2023 hoặc năm 2024."]);
        }

        using var english = await App.As(TestData.DemoMinistryOfficer, language: "en");
        using (var response = await english.PutDeadline(year, new { }))
        {
            var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.ErrorsFor("dueOn").ShouldNotBeEmpty();
        }

        using (var response = await english.PutDeadline(1999, new { dueOn = "1999-12-20" }))
        {
            var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.ErrorsFor("year").ShouldBe(["The year must be between 2000 and 2100."]);
        }

        var rollup = await ministry.GetRollup(year);
        (rollup.Deadline, rollup.DeadlineConfigured).ShouldBe((new DateOnly(2023, 12, 20), false));
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_of_provinces_and_one_of_indicators_with_Vietnamese_headers()
    {
        const int year = 2027;
        await App.AddReport("quang-tri", year, "Quảng Trị", ReportStatus.Sent, VietnamTime(2027, 12, 1, 8), (KeyIndicator.Inspections, 6, 40));
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using var response = await ministry.GetAsync($"{RollupPath}/{year}/xlsx", Cancellation);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancellation));

        stream.GetSheetNames().ShouldBe(["Tỉnh thành", "Chỉ tiêu"]);
        var provinces = stream.Query(useHeaderRow: true, sheetName: "Tỉnh thành").Cast<IDictionary<string, object?>>().ToList();
        provinces.Count.ShouldBe(34);
        var quangTri = provinces.Single(r => (string?)r["Tỉnh, thành phố"] == "Quảng Trị");
        quangTri["Tình trạng"].ShouldBe("Đúng hạn");
        quangTri["Ngày gửi"].ShouldBe("01/12/2027");
        provinces.Count(r => (string?)r["Tình trạng"] == "Chưa gửi").ShouldBe(33);

        var indicators = stream.Query(useHeaderRow: true, sheetName: "Chỉ tiêu").Cast<IDictionary<string, object?>>().ToList();
        var nation = indicators.Single(r => (string?)r["Tỉnh, thành phố"] == "Toàn quốc" && (string?)r["Chỉ tiêu"] == "Cuộc thanh tra, kiểm tra");
        Convert.ToDecimal(nation["Năm 2027"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(6);
        Convert.ToDecimal(nation["Lũy kế"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(40);
        indicators.Select(r => (string?)r["Tỉnh, thành phố"]).Distinct().ShouldBe(["Toàn quốc", "Quảng Trị"]);
    }

    [Fact]
    public async Task Only_the_Ministry_and_the_system_administrator_see_the_roll_up()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        (await officer.GetAsync($"{RollupPath}?year=2026", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync($"{RollupPath}/2026/xlsx", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PutDeadline(2026, new { dueOn = "2026-12-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        (await provinceAdmin.GetAsync($"{RollupPath}?year=2026", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.Anonymous().GetAsync($"{RollupPath}?year=2026", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var admin = await App.AsSystemAdmin();
        (await admin.GetRollup(2026)).Provinces.Count.ShouldBe(34);
    }

    [Fact]
    public async Task The_roll_up_costs_the_same_few_queries_whatever_the_number_of_reports()
    {
        const int year = 2028;
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        await ministry.GetRollup(year);
        App.Queries.Reset();
        await ministry.GetRollup(year);
        var none = App.Queries.Count;

        foreach (var slug in (string[])["ha-noi", "hue", "son-la", "lai-chau", "dien-bien", "cao-bang"])
        {
            await App.AddReport(slug, year, slug, ReportStatus.Sent, VietnamTime(2028, 12, 1, 8), (KeyIndicator.ScienceTasks, 1, 3));
        }

        App.Queries.Reset();
        var rollup = await ministry.GetRollup(year);
        App.Queries.Count.ShouldBe(none);
        none.ShouldBeLessThanOrEqualTo(4);
        rollup.Indicator("ScienceTasks").ShouldBe(new IndicatorSumJson("ScienceTasks", 6, 18));
    }

    public sealed class Sqlite(SqliteApp app) : RollupApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : RollupApiTests(app), IClassFixture<PostgresApp>;
}
