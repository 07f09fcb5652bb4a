using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Reports;

/// <summary>
/// The Group 2 figures of the report ("in service at year end", "overdue at year end") on instruments made for it in
/// Tuyên Quang, worked out by hand: a past year, where instruments verified after 31/12 stood differently then than
/// today, and the current year, where today's due dates decide. The section's sentence, its figure, the annex and,
/// once approved, the snapshot all give the one number.
/// </summary>
public abstract class ReportGroup2Tests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Province = "tuyen-quang";

    private sealed record Accounts(string Officer, string Admin);

    private Task<Accounts> ArrangeAsync() => App.Arranged("report-group2-tuyen-quang", async app =>
    {
        var officer = await app.CreateAsync("ProvinceOfficer", Province);
        var admin = await app.CreateAsync("ProvinceAdmin", Province);
        await app.WithDbAsync(Seed);
        return new Accounts(officer.Email, admin.Email);
    });

    /// <summary>
    /// Each instrument as the verification module leaves it: its LastVerifiedOn / NextDueDate / MustNotBeUsed are those
    /// of its latest verification. All are recorded in the app today (CreatedAt), except K, recorded in 2023.
    /// </summary>
    private static async Task<int> Seed(Core.Data.AppDbContext db)
    {
        var province = await db.Provinces.Where(p => p.Slug == Province).Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        Organization Org(string name, OrganizationKind kind) => new() { Name = name, Kind = kind, ProvinceId = province, CreatedAt = now, UpdatedAt = now };
        var owner = Org("Công ty Xăng dầu Tuyên Quang", OrganizationKind.Enterprise);
        var body = Org("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Tuyên Quang", OrganizationKind.VerificationBody);
        db.Organizations.AddRange(owner, body);
        await db.SaveChangesAsync();

        var verifications = new List<VerificationRecord>();
        Instrument Meter(string? type, (int Y, int M, int D, DateOnly? Due)[] history, InstrumentStatus status = InstrumentStatus.InService, DateTime? createdAt = null)
        {
            var instrument = new Instrument
            {
                ProvinceId = province,
                OwnerId = owner.Id,
                TypeCode = type,
                Manufacturer = "Tatsuno",
                SerialNumber = InstrumentApi.NewSerial("TQ"),
                Status = status,
                CreatedAt = createdAt ?? now,
                UpdatedAt = now,
            };
            foreach (var (y, m, d, due) in history)
            {
                var date = new DateOnly(y, m, d);
                verifications.Add(new VerificationRecord
                {
                    ProvinceId = province,
                    Instrument = instrument,
                    OwnerId = owner.Id,
                    BodyId = body.Id,
                    Kind = VerificationKind.Periodic,
                    Date = date,
                    Result = due is null ? VerificationResult.Fail : VerificationResult.Pass,
                    StampSerial = due is null ? null : InstrumentApi.NewSerial("TEM"),
                    VerifierName = "Ma Văn Tĩnh",
                    TypeCode = type ?? "fuel-dispenser",
                    NextDueDate = due,
                    CreatedAt = now,
                });
                instrument.LastVerifiedOn = date;
                instrument.NextDueDate = due;
                instrument.MustNotBeUsed = due is null;
            }

            return instrument;
        }

        const string Fuel = "fuel-dispenser";
        db.Instruments.AddRange(
            // A: overdue at the end of 2024 (due 01/03/2024), verified late in February 2025: valid today.
            Meter(Fuel, [(2023, 3, 1, new(2024, 3, 1)), (2025, 2, 10, new(2030, 2, 10))]),
            // B: valid at the end of 2024 (due 01/06/2025), never verified since: overdue today.
            Meter(Fuel, [(2024, 6, 1, new(2025, 6, 1))]),
            // C: overdue at the end of 2024 and still.
            Meter(Fuel, [(2023, 1, 10, new(2024, 1, 10))]),
            // D: failed in 2024: must not be used, not overdue.
            Meter(Fuel, [(2024, 5, 5, null)]),
            // E: first verified in April 2025: not on the register at the end of 2024; overdue today.
            Meter(Fuel, [(2025, 4, 1, new(2026, 4, 1))]),
            // F: valid at the end of 2024 (due 02/02/2025), verified again in January 2025: valid today.
            Meter(Fuel, [(2024, 2, 2, new(2025, 2, 2)), (2025, 1, 20, new(2030, 1, 20))]),
            // H: failed on 01/11/2024 (not overdue then), passed after repair in 2025, overdue today.
            Meter(Fuel, [(2023, 10, 1, new(2024, 10, 1)), (2024, 11, 1, null), (2025, 1, 15, new(2026, 1, 15))]),
            // K: on the register since 2023, never verified: counted, not overdue.
            Meter(Fuel, [], createdAt: new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc)),
            // L: due on 31/12/2024, the year's last day: still valid at its end; overdue today.
            Meter(Fuel, [(2023, 12, 31, new(2024, 12, 31))]),
            // Not counted at all: out of service (overdue since 2023), and outside Group 2.
            Meter(Fuel, [(2022, 1, 1, new(2023, 1, 1))], InstrumentStatus.OutOfService),
            Meter(null, [(2023, 1, 1, new(2024, 1, 1))]));
        db.Verifications.AddRange(verifications);
        return await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_past_year_counts_each_instrument_as_it_stood_on_31_December_not_as_it_stands_today()
    {
        var accounts = await ArrangeAsync();
        using var officer = await App.As(accounts.Officer, UserApi.Password);

        var report = await officer.CreateReport(Province, 2024);

        // In service at the end of 2024: A, B, C, D, F, H, K, L (not E, first verified in 2025). Overdue then: A and C.
        report.Section("I.2.3").Text.ShouldContain("Đến hết năm 2024, có 08 phương tiện đo nhóm 2 đang sử dụng được quản lý trên hệ thống, trong đó 02 phương tiện đo quá hạn kiểm định.");
        (report.Figure("I.2.3:registered").Value, report.Figure("I.2.3:overdue").Value).ShouldBe((8m, 2m));
        Indicator(report, "Group2InstrumentsRegistered").ShouldBe((8m, 8m));
        Indicator(report, "Group2InstrumentsOverdue").ShouldBe((2m, 2m));
        report.Annex.Rows.ShouldContain(r => r[1] == "Phương tiện đo nhóm 2 quá hạn kiểm định" && r[2] == "2" && r[3] == "2");
    }

    [Fact]
    public async Task The_current_year_counts_the_instruments_due_dates_as_they_are_today()
    {
        var accounts = await ArrangeAsync();
        using var officer = await App.As(accounts.Officer, UserApi.Password);
        var year = DateTime.UtcNow.AddHours(7).Year;

        var report = await officer.CreateReport(Province, year);

        // Every in-service Group 2 instrument (A, B, C, D, E, F, H, K, L); overdue today: B, C, E, H, L.
        (report.Figure("I.2.3:registered").Value, report.Figure("I.2.3:overdue").Value).ShouldBe((9m, 5m));
        Indicator(report, "Group2InstrumentsOverdue").ShouldBe((5m, 5m));
        report.Section("I.2.3").Text.ShouldContain($"Đến hết năm {year}, có 09 phương tiện đo nhóm 2 đang sử dụng được quản lý trên hệ thống, trong đó 05 phương tiện đo quá hạn kiểm định.");
    }

    [Fact]
    public async Task The_approved_report_keeps_one_overdue_figure_in_its_sentence_figure_annex_and_indicators()
    {
        var accounts = await ArrangeAsync();
        using var officer = await App.As(accounts.Officer, UserApi.Password);
        var draft = await officer.CreateReport(Province, 2025);

        var approved = await App.SubmitAndApprove(draft.Id, accounts.Officer, accounts.Admin);
        var sent = await officer.Step(draft.Id, "send");

        // At the end of 2025 all nine are on the register; overdue then: B (due 01/06/2025), C and L. E (due 01/04/2026)
        // and H (due 15/01/2026) fell due only this year.
        foreach (var report in new[] { approved, sent })
        {
            report.Section("I.2.3").Text.ShouldContain("Đến hết năm 2025, có 09 phương tiện đo nhóm 2 đang sử dụng được quản lý trên hệ thống, trong đó 03 phương tiện đo quá hạn kiểm định.");
            report.Figure("I.2.3:overdue").Value.ShouldBe(3);
            Indicator(report, "Group2InstrumentsOverdue").ShouldBe((3m, 3m));
            report.Annex.Rows.ShouldContain(r => r[1] == "Phương tiện đo nhóm 2 quá hạn kiểm định" && r[2] == "3" && r[3] == "3");
            report.ChangesSinceApproval.ShouldNotBeNull().ShouldBeEmpty();
        }
    }

    private static (decimal Year, decimal Cumulative) Indicator(ReportJson report, string name) =>
        report.Indicators.Single(i => i.Indicator == name) is { } i ? (i.Year, i.Cumulative) : default;

    public sealed class Sqlite(SqliteApp app) : ReportGroup2Tests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ReportGroup2Tests(app), IClassFixture<PostgresApp>;
}
