using Metrology.Core.Instruments;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Demo;

/// <summary>
/// The demo's verification side (designations, thousands of instruments, their history, reference cases,
/// standards): what a visitor of the demo is promised, and that every record obeys the rules a lab's entry
/// would. Read through the API where this branch has one (calibrations), else straight from the database.
/// </summary>
public abstract class DemoVerificationDataTests(MetrologyApp app) : IntegrationTest(app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task The_technical_centre_is_designated_with_reference_scope_and_a_lab_designation_expires_within_60_days()
    {
        var centre = await App.OrganizationOfAsync(TestData.QuangTriLabOperator);
        var designations = await App.WithDbAsync(db => db.Designations.AsNoTracking().Include(d => d.Scopes).ToListAsync());

        var current = designations.Single(d => d.BodyId == centre && d.IsActiveOn(Today));
        current.Scopes.Where(s => s.Reference).Select(s => s.TypeCode).Order()
            .ShouldBe(["electricity-meter-1p-electronic", "electricity-meter-3p-electronic", "water-meter-cold-mechanical"]);
        current.Scopes.Select(s => s.TypeCode).ShouldContain("fuel-dispenser");
        current.Scopes.Select(s => s.TypeCode).ShouldContain("taximeter");
        current.Scopes.Select(s => s.TypeCode).ShouldContain("clinical-thermometer-infrared");
        designations.Select(d => d.Issuer).ShouldContain("Tổng cục Tiêu chuẩn Đo lường Chất lượng");
        designations.Select(d => d.Issuer).ShouldContain("Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia");
        designations.ShouldContain(d => d.BodyId != centre && d.ValidUntil >= Today && d.ValidUntil <= Today.AddDays(60));
    }

    [Fact]
    public async Task Thousands_of_instruments_carry_their_latest_verification_and_some_are_overdue_due_soon_or_failed()
    {
        var instruments = await App.WithDbAsync(db => db.Instruments.AsNoTracking().ToListAsync());
        var latest = await App.WithDbAsync(db => db.Verifications.AsNoTracking()
            .GroupBy(v => v.InstrumentId)
            .Select(g => g.OrderByDescending(v => v.Date).First())
            .ToDictionaryAsync(v => v.InstrumentId));

        instruments.Count.ShouldBeGreaterThan(1000);
        instruments.Select(i => i.TypeCode).Distinct().ShouldBe(
            ["fuel-dispenser", "lpg-dispenser", "water-meter-cold-mechanical", "electricity-meter-1p-electronic", "electricity-meter-3p-electronic",
             "taximeter", "technical-balance", "platform-counter-steelyard-scale", "truck-scale", "clinical-thermometer-infrared"],
            ignoreOrder: true);
        foreach (var instrument in instruments)
        {
            var last = latest[instrument.Id];
            instrument.LastVerifiedOn.ShouldBe(last.Date);
            instrument.NextDueDate.ShouldBe(last.NextDueDate);
            instrument.MustNotBeUsed.ShouldBe(last.Result == VerificationResult.Fail);
        }

        var inService = instruments.Where(i => i.Status == InstrumentStatus.InService).ToList();
        inService.Count(i => i.NextDueDate < Today).ShouldBeGreaterThan(50);
        inService.Count(i => i.NextDueDate >= Today && i.NextDueDate <= Today.AddDays(30)).ShouldBeGreaterThan(10);
        instruments.Count(i => i.MustNotBeUsed).ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Every_verification_is_inside_its_bodys_designation_with_the_due_date_of_the_cycle_in_force()
    {
        var designations = await App.WithDbAsync(db => db.Designations.AsNoTracking().Include(d => d.Scopes).ToListAsync());
        var types = await App.WithDbAsync(db => db.Group2InstrumentTypes.AsNoTracking().ToListAsync());
        var verifications = await App.WithDbAsync(db => db.Verifications.AsNoTracking().ToListAsync());
        var certificates = await App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.VerificationId != null).ToDictionaryAsync(c => c.VerificationId!.Value));

        verifications.Count.ShouldBeGreaterThan(3000);
        verifications.ShouldContain(v => v.Date.Year == 2020);
        verifications.ShouldContain(v => v.Date.Year == 2022);
        foreach (var v in verifications)
        {
            designations.ShouldContain(d => d.BodyId == v.BodyId && d.Covers(v.TypeCode, v.Kind, v.Date), $"verification {v.Id} {v.TypeCode} {v.Kind} {v.Date}");
            v.Date.ShouldBeLessThanOrEqualTo(Today);
            var cycle = types.Single(t => t.Code == v.TypeCode && t.IsInForceOn(v.Date)).CycleMonths;
            if (v.Result == VerificationResult.Pass)
            {
                v.NextDueDate.ShouldBe(v.Date.AddMonths(cycle!.Value));
                v.StampSerial.ShouldNotBeNullOrEmpty();
                certificates[v.Id].ValidUntil.ShouldBe(v.NextDueDate);
                certificates[v.Id].PublicToken.Length.ShouldBe(27);
            }
            else
            {
                v.NextDueDate.ShouldBeNull();
                v.StampSerial.ShouldBeNull();
                certificates.ShouldNotContainKey(v.Id);
            }
        }

        verifications.Where(v => v.StampSerial != null).GroupBy(v => (v.BodyId, v.StampSerial)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task Two_reference_cases_one_concluded_and_one_waiting_past_its_step()
    {
        var cases = await App.WithDbAsync(db => db.ReferenceVerificationCases.AsNoTracking().OrderBy(c => c.RequestedOn).ToListAsync());

        cases.Count.ShouldBe(2);
        cases.Select(c => c.MeterKind).ShouldBe([ReferenceMeterKind.Electricity, ReferenceMeterKind.ColdWater]);
        cases[0].ConclusionSentOn.ShouldNotBeNull();
        cases[0].Result.ShouldBe(VerificationResult.Pass);
        cases[1].RemovedAndSealedOn.ShouldNotBeNull().ShouldBeLessThan(Today.AddDays(-14));
        cases[1].VerifiedOn.ShouldBeNull();
    }

    [Fact]
    public async Task Standards_include_volume_standards_an_octane_tester_and_one_out_of_calibration()
    {
        var standards = await App.WithDbAsync(db => db.MeasurementStandards.AsNoTracking().Include(s => s.Calibrations).ToListAsync());

        standards.ShouldContain(s => s.Name.Contains("octan", StringComparison.Ordinal));
        standards.Count(s => s.Quantity == "Thể tích").ShouldBeGreaterThanOrEqualTo(4);
        standards.ShouldContain(s => s.Name.Contains("5 L", StringComparison.Ordinal));
        standards.ShouldContain(s => s.Name.Contains("20 L", StringComparison.Ordinal));
        standards.ShouldAllBe(s => s.Calibrations.Count >= 2);
        standards.Where(s => s.CalibrationDueDate < Today).ShouldHaveSingleItem().Name.ShouldContain("5 L");
        var flagged = await App.WithDbAsync(db => db.Verifications.CountAsync(v => v.StandardOutOfCalibration));
        flagged.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Calibrations_with_points_are_listed_and_their_statements_follow_the_rule()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var list = await (await officer.GetAsync(CalibrationTestData.ApiPath, Cancellation)).ShouldReturn<PageJson<CalibrationSummaryJson>>();

        list.Total.ShouldBeGreaterThanOrEqualTo(3);
        var guardBand = list.Items.First(c => c.DecisionRule == "GuardBand" && c.CertificateNumber != null);
        var detail = await (await officer.GetAsync($"{CalibrationTestData.ApiPath}/{guardBand.Id}", Cancellation)).ShouldReturn<CalibrationJson>();
        // 3000 g: error 0.21 against T = 0.2 with U = 0.08 is inside T + U = 0.28, a conditional fail.
        detail.Points.Last().Error.ShouldBe(0.21m);
        detail.Points.Last().Conformity.ShouldBe("ConditionalFail");
        detail.Overall.ShouldBe("ConditionalFail");
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoVerificationDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoVerificationDataTests(app), IClassFixture<DemoPostgresApp>;
}

/// <summary>The app with the demo's verification records, which other fixtures leave out to start fast.</summary>
public sealed class DemoSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:SeedRecords", "true")];
}

public sealed class DemoPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:SeedRecords", "true")];
}
