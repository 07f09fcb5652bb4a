using Metrology.Core.Inspections;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Dashboards;

public sealed record TypeCountJson(string? Code, string Name, int Count);

public sealed record DueStateCountJson(string State, int Count);

public sealed record MonthCountJson(int Year, int Month, int Count);

public sealed record OutreachCountJson(string Kind, int Activities, int Participants);

public sealed record CampaignRateJson(int Id, string Title, int Targets, int Submitted, decimal ResponseRate);

public sealed record StateCountJson(string State, int Count);

public sealed record AgencyInspectionsJson(int AgencyId, string AgencyName, int Inspections, int Violations, long SanctionsVnd);

public sealed record InvestmentYearJson(int Year, long CommittedVnd, long DisbursedVnd);

public sealed record DashboardJson(
    int Year, string? ProvinceSlug, string? ProvinceName, DateOnly Today, int InstrumentsInService,
    List<TypeCountJson> InstrumentsByType, List<DueStateCountJson> InstrumentsByDueState, List<MonthCountJson> VerificationsByMonth,
    List<MonthCountJson> OverdueTrend, List<OutreachCountJson> OutreachByKind, List<CampaignRateJson> Surveys,
    List<StateCountJson> AssuranceByState, List<AgencyInspectionsJson> InspectionsByAgency, List<InvestmentYearJson> InvestmentByYear)
{
    public int Due(string state) => InstrumentsByDueState.Single(s => s.State == state).Count;
}

/// <summary>The dashboard tests run on "today" = 15/01/2027 (<see cref="FixedClock"/>), so due states are known by hand.</summary>
public class DashboardSqliteApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FixedClock());
}

public class DashboardPostgresApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FixedClock());
}

/// <summary>
/// A small province's records, written straight to the database as the features would leave them. Every figure
/// the tests expect is listed here with why.
/// </summary>
public static class DashboardArrange
{
    public const string Path = "/api/v1/dashboard";

    /// <summary>The province whose records the tests make: no demo record lives there.</summary>
    public const string Province = "son-la";

    public sealed record Arranged(string OfficerEmail, string OtherOfficerEmail);

    public static Task<Arranged> SonLa(this MetrologyApp app) => app.Arranged("dashboard-son-la", async a =>
    {
        var officer = await a.CreateAsync("ProvinceOfficer", Province);
        var other = await a.CreateAsync("ProvinceOfficer", "lai-chau");
        await a.WithDatabase(db => Seed(db));
        await a.WithDatabase(db => SeedLaiChau(db));
        return new Arranged(officer.Email, other.Email);
    });

    private static async Task<int> Seed(Metrology.Core.Data.AppDbContext db)
    {
        var province = await db.Provinces.Where(p => p.Slug == Province).Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        Organization Org(string name, OrganizationKind kind) => new() { Name = name, Kind = kind, ProvinceId = province, CreatedAt = now, UpdatedAt = now };
        var owner = Org("Công ty Xăng dầu Sơn La", OrganizationKind.Enterprise);
        var second = Org("Công ty Cấp nước Sơn La", OrganizationKind.Enterprise);
        var third = Org("Công ty Cà phê Mai Sơn", OrganizationKind.Enterprise);
        var body = Org("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Sơn La", OrganizationKind.VerificationBody);
        var agency = Org("Thanh tra Sở Khoa học và Công nghệ Sơn La", OrganizationKind.Agency);
        db.Organizations.AddRange(owner, second, third, body, agency);
        await db.SaveChangesAsync();

        Instrument Meter(string? type, DateOnly? last, DateOnly? due, InstrumentStatus status = InstrumentStatus.InService, bool mustNotBeUsed = false) => new()
        {
            ProvinceId = province,
            OwnerId = owner.Id,
            TypeCode = type,
            Manufacturer = "Tatsuno",
            SerialNumber = InstrumentApi.NewSerial(),
            Status = status,
            LastVerifiedOn = last,
            NextDueDate = due,
            MustNotBeUsed = mustNotBeUsed,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Today 15/01/2027, due-soon window 30 days (to 14/02/2027).
        var instruments = new[]
        {
            Meter("fuel-dispenser", new(2026, 3, 1), new(2027, 3, 1)), // valid
            Meter("fuel-dispenser", new(2026, 2, 10), new(2027, 2, 10)), // due soon
            Meter("fuel-dispenser", new(2026, 1, 14), new(2027, 1, 14)), // overdue since yesterday (due in January 2027)
            Meter("water-meter-cold-mechanical", new(2021, 11, 30), new(2026, 11, 30)), // overdue since December (due in November 2026)
            Meter("water-meter-cold-mechanical", null, null), // never verified
            Meter("water-meter-cold-mechanical", new(2026, 5, 5), null, mustNotBeUsed: true), // failed its last verification
            Meter("fuel-dispenser", new(2020, 1, 1), new(2021, 1, 1), InstrumentStatus.OutOfService), // out of service: no due state
            Meter(null, new(2026, 1, 1), new(2026, 6, 1)), // outside Group 2: no due state
        };
        db.Instruments.AddRange(instruments);
        await db.SaveChangesAsync();

        VerificationRecord Verification(DateOnly date) => new()
        {
            ProvinceId = province,
            InstrumentId = instruments[0].Id,
            OwnerId = owner.Id,
            BodyId = body.Id,
            Kind = VerificationKind.Periodic,
            Date = date,
            Result = VerificationResult.Pass,
            VerifierName = "Lò Văn Tâm",
            TypeCode = "fuel-dispenser",
            CreatedAt = now,
        };

        // March 2026: 2, November 2026: 1; the one of December 2025 belongs to another year.
        db.Verifications.AddRange(Verification(new(2026, 3, 5)), Verification(new(2026, 3, 20)), Verification(new(2026, 11, 2)), Verification(new(2025, 12, 31)));

        OutreachActivity Outreach(OutreachKind kind, DateOnly heldOn, int? participants = null) => new()
        {
            ProvinceId = province,
            Kind = kind,
            HeldOn = heldOn,
            Title = $"Tuyên truyền đo lường {heldOn:dd/MM/yyyy}",
            Participants = participants,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // 2026: 2 articles, 1 class of 45 people; the article of 2025 is another year's.
        db.OutreachActivities.AddRange(
            Outreach(OutreachKind.Article, new(2026, 4, 1)), Outreach(OutreachKind.Article, new(2026, 9, 1)),
            Outreach(OutreachKind.Class, new(2026, 6, 10), 45), Outreach(OutreachKind.Article, new(2025, 4, 1)));

        // Committed 10 tỷ in 2025 (the project's start), disbursed 3 tỷ in 2025 and 4 tỷ in 2026.
        var project = new InvestmentProject
        {
            ProvinceId = province,
            Name = "Đầu tư thiết bị kiểm định Sơn La",
            TotalBudget = 10_000_000_000,
            StartYear = 2025,
            EndYear = 2027,
            Status = InvestmentProjectStatus.InProgress,
            CreatedAt = now,
            UpdatedAt = now,
            Disbursements =
            [
                new() { ProvinceId = province, Year = 2025, Amount = 3_000_000_000, CreatedAt = now },
                new() { ProvinceId = province, Year = 2026, Amount = 4_000_000_000, CreatedAt = now },
            ],
        };
        db.InvestmentProjects.Add(project);

        // One inspection of 2026 by the inspectorate with two violations fined 5 000 000 and 2 500 000 đ.
        var plan = new InspectionPlan
        {
            ProvinceId = province,
            AgencyId = agency.Id,
            Year = 2026,
            Title = "Kế hoạch thanh tra năm 2026",
            Status = InspectionPlanStatus.Approved,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync();
        db.InspectionRecords.Add(new InspectionRecord
        {
            ProvinceId = province,
            AgencyId = agency.Id,
            PlanId = plan.Id,
            OrganizationId = owner.Id,
            StartedOn = new(2026, 8, 12),
            Team = "Đoàn thanh tra số 3",
            CreatedAt = now,
            UpdatedAt = now,
            Violations =
            [
                new() { ProvinceId = province, Kind = ViolationKind.OverdueVerification, Description = "Cột đo quá hạn kiểm định", SanctionAmount = 5_000_000 },
                new() { ProvinceId = province, Kind = ViolationKind.TamperedStamp, Description = "Tem kiểm định bị rách", SanctionAmount = 2_500_000 },
            ],
        });

        // A 2026 survey of 4 organisations: 2 submitted, 1 draft, 1 silent = 50 %.
        var questionnaire = new Questionnaire { ProvinceId = province, Title = "Phiếu khảo sát đo lường", CreatedAt = now, UpdatedAt = now };
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync();
        var campaign = new SurveyCampaign
        {
            ProvinceId = province,
            QuestionnaireId = questionnaire.Id,
            Title = "Khảo sát năng lực đo lường 2026",
            Year = 2026,
            OpensOn = new(2026, 5, 1),
            ClosesOn = new(2026, 6, 30),
            Status = SurveyCampaignStatus.Closed,
            CreatedAt = now,
            UpdatedAt = now,
            Targets = [.. new[] { owner, second, third, body }.Select(o => new SurveyTarget { ProvinceId = province, OrganizationId = o.Id })],
        };
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        SurveyResponse Response(Organization o, SurveyResponseStatus status) => new()
        {
            ProvinceId = province,
            CampaignId = campaign.Id,
            OrganizationId = o.Id,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = status == SurveyResponseStatus.Submitted ? now : null,
        };
        db.SurveyResponses.AddRange(Response(owner, SurveyResponseStatus.Submitted), Response(second, SurveyResponseStatus.Submitted), Response(third, SurveyResponseStatus.Draft));

        // Assurance: one not started, one in progress, one complete.
        AssuranceProgramme Programme(Organization enterprise, AssuranceStepStatus step, DateOnly? completedOn) => new()
        {
            ProvinceId = province,
            EnterpriseId = enterprise.Id,
            Kind = AssuranceProgrammeKind.Pilot,
            StartedOn = new(2026, 2, 1),
            CompletedOn = completedOn,
            CreatedAt = now,
            UpdatedAt = now,
            Steps = [new() { ProvinceId = province, Position = 1, Name = "Khảo sát hiện trạng", Status = step, UpdatedAt = now }],
        };
        db.AssuranceProgrammes.AddRange(
            Programme(owner, AssuranceStepStatus.NotStarted, null),
            Programme(second, AssuranceStepStatus.InProgress, null),
            Programme(third, AssuranceStepStatus.Done, new(2026, 10, 1)));
        return await db.SaveChangesAsync();
    }

    /// <summary>Lai Châu: one overdue instrument and one verification, which Sơn La's dashboard must never count.</summary>
    private static async Task<int> SeedLaiChau(Metrology.Core.Data.AppDbContext db)
    {
        var province = await db.Provinces.Where(p => p.Slug == "lai-chau").Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var owner = new Organization { Name = "Công ty Thủy điện Lai Châu", Kind = OrganizationKind.Enterprise, ProvinceId = province, CreatedAt = now, UpdatedAt = now };
        db.Organizations.Add(owner);
        await db.SaveChangesAsync();
        var meter = new Instrument
        {
            ProvinceId = province,
            OwnerId = owner.Id,
            TypeCode = "fuel-dispenser",
            Manufacturer = "Tokheim",
            SerialNumber = InstrumentApi.NewSerial(),
            Status = InstrumentStatus.InService,
            LastVerifiedOn = new(2025, 1, 1),
            NextDueDate = new(2026, 1, 1),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Instruments.Add(meter);
        await db.SaveChangesAsync();
        db.Verifications.Add(new VerificationRecord
        {
            ProvinceId = province,
            InstrumentId = meter.Id,
            OwnerId = owner.Id,
            BodyId = owner.Id,
            Kind = VerificationKind.Periodic,
            Date = new(2026, 3, 9),
            Result = VerificationResult.Pass,
            VerifierName = "Lò Thị Mai",
            TypeCode = "fuel-dispenser",
            CreatedAt = now,
        });
        return await db.SaveChangesAsync();
    }
}
