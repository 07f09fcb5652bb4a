using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Dashboards;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Home;

public sealed record StartFigureJson(string Key, int? Value, string? Href, string? Label, DateOnly? Date);

public sealed record StartPageJson(string Role, string? Title, DateOnly Today, List<StartFigureJson> Figures)
{
    public StartFigureJson Figure(string key) => Figures.Single(f => f.Key == key);

    public int? Value(string key) => Figure(key).Value;
}

/// <summary>
/// Each role's start page over Sơn La's hand-made records of the dashboard tests (<see cref="DashboardArrange"/>), plus
/// the few this class adds (<see cref="StartArrange"/>), on 15/01/2027 with a due-soon window of 30 days (to 14/02/2027).
/// Lai Châu's overdue instrument and verification sit next door and are never counted.
/// </summary>
public abstract class StartPageTests(MetrologyApp app) : IntegrationTest(app)
{
    private static async Task<StartPageJson> Get(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/start", Cancellation);
        return await response.ShouldReturn<StartPageJson>();
    }

    [Fact]
    public async Task The_enterprise_sees_its_overdue_and_due_instruments_its_open_survey_and_its_next_step()
    {
        var arranged = await App.StartArranged();
        using var enterprise = await App.As(arranged.EnterpriseEmail, UserApi.Password);
        var start = await Get(enterprise);

        (start.Role, start.Title, start.Today).ShouldBe(("EnterpriseUser", "Công ty Xăng dầu Sơn La", new DateOnly(2027, 1, 15)));
        // Overdue: the dispenser due 14/01/2027 and the water meter due 30/11/2026; due soon: the dispenser due 10/02/2027.
        start.Figure("Start.Enterprise.Overdue").ShouldBe(new StartFigureJson("Start.Enterprise.Overdue", 2, "/instruments?dueState=Overdue", null, null));
        start.Figure("Start.Enterprise.DueSoon").ShouldBe(new StartFigureJson("Start.Enterprise.DueSoon", 1, "/instruments?dueState=DueSoon", null, null));
        // The 2026 campaign is closed and the other open one is already submitted: one survey waits.
        start.Value("Start.Enterprise.OpenSurveys").ShouldBe(1);
        var survey = start.Figure("Start.Enterprise.Survey");
        (survey.Label, survey.Date, survey.Href).ShouldBe(("Khảo sát bổ sung 2027", new DateOnly(2027, 1, 31), $"/surveys/campaigns/{arranged.OpenCampaignId}/respond"));
        var next = start.Figure("Start.Enterprise.NextStep");
        next.Label.ShouldBe("Khảo sát hiện trạng");
        next.Href.ShouldStartWith("/assurance/");
    }

    [Fact]
    public async Task The_lab_sees_its_days_and_months_work_its_clients_due_its_standards_and_its_designation()
    {
        var arranged = await App.StartArranged();
        using var lab = await App.As(arranged.LabEmail, UserApi.Password);
        var start = await Get(lab);

        (start.Role, start.Title).ShouldBe(("LabOperator", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Sơn La"));
        // Verifications on 15/01/2027 (one) and 03/01/2027; those of 2026 are another month's.
        start.Figure("Start.Lab.VerificationsToday").ShouldBe(new StartFigureJson("Start.Lab.VerificationsToday", 1, "/verifications?from=2027-01-15&to=2027-01-15", null, null));
        start.Figure("Start.Lab.VerificationsMonth").ShouldBe(new StartFigureJson("Start.Lab.VerificationsMonth", 2, "/verifications?from=2027-01-01&to=2027-01-15", null, null));
        // Its client's dispenser, last verified by the lab on 14/01/2026, fell due yesterday; the others were not last verified by it.
        (start.Value("Start.Lab.ClientsOverdue"), start.Value("Start.Lab.ClientsDueSoon")).ShouldBe((1, 0));
        // The balance due 01/02/2027 is within 30 days; the thermometer due 01/06/2027 is not.
        start.Value("Start.Lab.StandardsDue").ShouldBe(1);
        start.Figure("Start.Lab.DesignationUntil").Date.ShouldBe(new DateOnly(2027, 3, 10));
        start.Value("Start.Lab.ImportsRunning").ShouldBe(0);
    }

    [Fact]
    public async Task The_inspector_sees_its_plans_of_the_quarter_its_overlap_and_its_open_follow_up()
    {
        var arranged = await App.StartArranged();
        using var inspector = await App.As(arranged.InspectorEmail, UserApi.Password);
        var start = await Get(inspector);

        start.Role.ShouldBe("Inspector");
        // Its 2027 plans: months 2-4 (in the first quarter) and 7-8 (not); the 2026 plan is last year's.
        start.Value("Start.Inspector.PlansQuarter").ShouldBe(1);
        // The market surveillance agency also plans the same enterprise in 2027: one flag against each of the
        // inspectorate's two targets of that enterprise (months 2-4 and 7-8 against 10-11), none resolved.
        start.Figure("Start.Inspector.Overlaps").ShouldBe(new StartFigureJson("Start.Inspector.Overlaps", 2, "/inspections/coordination?year=2027", null, null));
        start.Value("Start.Inspector.OpenDeadlines").ShouldBe(1);
    }

    [Fact]
    public async Task The_officer_sees_overdue_by_type_the_report_the_overlap_and_the_expiring_designation()
    {
        var arranged = await App.StartArranged();
        using var officer = await App.As(arranged.OfficerEmail, UserApi.Password);
        var start = await Get(officer);

        (start.Role, start.Title).ShouldBe(("ProvinceOfficer", "Sơn La"));
        start.Value("Start.Officer.Overdue").ShouldBe(2);
        start.Figures.Where(f => f.Key == "Start.Officer.OverdueType").Select(f => (f.Label, f.Value, f.Href)).ShouldBe(
        [
            ("Cột đo xăng dầu", 1, "/instruments?dueState=Overdue&type=fuel-dispenser"),
            ("Đồng hồ đo nước lạnh cơ khí", 1, "/instruments?dueState=Overdue&type=water-meter-cold-mechanical"),
        ]);
        // No 2027 report yet; the default deadline is 20/12 of the year.
        start.Figure("Start.Officer.ReportMissing").ShouldBe(new StartFigureJson("Start.Officer.ReportMissing", null, "/reports", null, new DateOnly(2027, 12, 20)));
        start.Value("Start.Officer.Overlaps").ShouldBe(2);
        // The lab's designation ends 10/03/2027, within the 60-day warning.
        start.Value("Start.Officer.DesignationsExpiring").ShouldBe(1);
    }

    [Fact]
    public async Task Another_province_and_another_enterprise_count_only_their_own()
    {
        var arranged = await App.StartArranged();
        using var laiChau = await App.As(arranged.OtherOfficerEmail, UserApi.Password);
        var other = await Get(laiChau);
        other.Title.ShouldBe("Lai Châu");
        other.Value("Start.Officer.Overdue").ShouldBe(1, "Sơn La's two overdue instruments are not Lai Châu's");
        other.Figures.Where(f => f.Key == "Start.Officer.OverdueType").Select(f => (f.Label, f.Value)).ShouldBe([("Cột đo xăng dầu", 1)]);
        (other.Value("Start.Officer.Overlaps"), other.Value("Start.Officer.DesignationsExpiring")).ShouldBe((0, 0));

        using var neighbour = await App.As(arranged.OtherEnterpriseEmail, UserApi.Password);
        var next = await Get(neighbour);
        (next.Value("Start.Enterprise.Overdue"), next.Value("Start.Enterprise.DueSoon"), next.Value("Start.Enterprise.OpenSurveys")).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task The_ministry_sees_the_cycle_of_the_year_with_every_report_missing()
    {
        using var ministry = await App.As("ministry@demo.local");
        var start = await Get(ministry);
        var received = start.Figure("Start.Ministry.Received");
        (received.Value, received.Label, received.Date).ShouldBe((0, "2027", new DateOnly(2027, 12, 20)));
        (start.Value("Start.Ministry.Late"), start.Value("Start.Ministry.Missing")).ShouldBe((0, 34));
    }

    public sealed class Sqlite(DashboardSqliteApp app) : StartPageTests(app), IClassFixture<DashboardSqliteApp>;

    public sealed class Postgres(DashboardPostgresApp app) : StartPageTests(app), IClassFixture<DashboardPostgresApp>;
}

/// <summary>The accounts of each role in Sơn La and what the start pages need beyond the dashboard's records.</summary>
public static class StartArrange
{
    public sealed record Arranged(
        string EnterpriseEmail, string OtherEnterpriseEmail, string LabEmail, string InspectorEmail, string OfficerEmail, string OtherOfficerEmail, int OpenCampaignId);

    public static Task<Arranged> StartArranged(this MetrologyApp app) => app.Arranged("start-pages", async a =>
    {
        var dashboard = await a.SonLa();
        var ids = await a.WithDatabase(db => Seed(db));
        var enterprise = await a.CreateAsync("EnterpriseUser", DashboardArrange.Province, ids.Owner);
        var other = await a.CreateAsync("EnterpriseUser", DashboardArrange.Province, ids.Second);
        var lab = await a.CreateAsync("LabOperator", DashboardArrange.Province, ids.Body);
        var inspector = await a.CreateAsync("Inspector", DashboardArrange.Province, ids.Agency);
        return new Arranged(enterprise.Email, other.Email, lab.Email, inspector.Email, dashboard.OfficerEmail, dashboard.OtherOfficerEmail, ids.OpenCampaign);
    });

    private sealed record Ids(int Owner, int Second, int Body, int Agency, int OpenCampaign);

    private static async Task<Ids> Seed(AppDbContext db)
    {
        var province = await db.Provinces.Where(p => p.Slug == DashboardArrange.Province).Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        async Task<Organization> Org(string name) => await db.Organizations.SingleAsync(o => o.Name == name);
        var owner = await Org("Công ty Xăng dầu Sơn La");
        var second = await Org("Công ty Cấp nước Sơn La");
        var body = await Org("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Sơn La");
        var agency = await Org("Thanh tra Sở Khoa học và Công nghệ Sơn La");
        var market = new Organization { Name = "Chi cục Quản lý thị trường Sơn La", Kind = OrganizationKind.Agency, ProvinceId = province, CreatedAt = now, UpdatedAt = now };
        db.Organizations.Add(market);
        await db.SaveChangesAsync();
        var meters = await db.Instruments.Where(i => i.OwnerId == owner.Id).OrderBy(i => i.Id).ToListAsync();

        VerificationRecord Verification(int instrumentId, DateOnly date) => new()
        {
            ProvinceId = province,
            InstrumentId = instrumentId,
            OwnerId = owner.Id,
            BodyId = body.Id,
            Kind = VerificationKind.Periodic,
            Date = date,
            Result = VerificationResult.Pass,
            VerifierName = "Lò Văn Tâm",
            TypeCode = "fuel-dispenser",
            CreatedAt = now,
        };

        // The valid dispenser twice in January 2027 (today and the 3rd); the dispenser due 14/01/2027 was last verified by the lab.
        db.Verifications.AddRange(Verification(meters[0].Id, new(2027, 1, 15)), Verification(meters[0].Id, new(2027, 1, 3)), Verification(meters[2].Id, new(2026, 1, 14)));
        db.MeasurementStandards.AddRange(
            new MeasurementStandard { ProvinceId = province, OwnerId = body.Id, Name = "Quả cân chuẩn F1", Quantity = "Khối lượng", CalibrationDueDate = new(2027, 2, 1), CreatedAt = now, UpdatedAt = now },
            new MeasurementStandard { ProvinceId = province, OwnerId = body.Id, Name = "Nhiệt kế chuẩn", Quantity = "Nhiệt độ", CalibrationDueDate = new(2027, 6, 1), CreatedAt = now, UpdatedAt = now });
        db.Designations.Add(new Designation
        {
            ProvinceId = province,
            BodyId = body.Id,
            DecisionNumber = "12/QĐ-TĐC",
            DecisionDate = new(2024, 1, 2),
            Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
            ValidFrom = new(2024, 1, 2),
            ValidUntil = new(2027, 3, 10),
            CreatedAt = now,
            UpdatedAt = now,
        });

        InspectionPlan Plan(Organization by, int from, int to) => new()
        {
            ProvinceId = province,
            AgencyId = by.Id,
            Year = 2027,
            Title = $"Kế hoạch thanh tra tháng {from}-{to}/2027",
            Status = InspectionPlanStatus.Approved,
            CreatedAt = now,
            UpdatedAt = now,
            Targets = [new() { ProvinceId = province, OrganizationId = owner.Id, Content = from < 5 ? InspectionContent.Group2Instruments : InspectionContent.FuelQuality, FromMonth = from, ToMonth = to }],
        };

        // Months 2-4 are in the first quarter, 7-8 are not; the market agency's months 10-11 put the same enterprise
        // in two agencies' plans of one year (two flags: one per pair of targets).
        var quarter = Plan(agency, 2, 4);
        db.InspectionPlans.AddRange(quarter, Plan(agency, 7, 8), Plan(market, 10, 11));
        await db.SaveChangesAsync();
        InspectionRecord Record(bool done) => new()
        {
            ProvinceId = province,
            AgencyId = agency.Id,
            PlanId = quarter.Id,
            OrganizationId = owner.Id,
            StartedOn = new(2027, 1, 5),
            Team = "Đoàn thanh tra số 1",
            CreatedAt = now,
            UpdatedAt = now,
            FollowUps = [new() { ProvinceId = province, Action = "Kiểm định lại cột đo", Deadline = new(2027, 2, 1), DoneOn = done ? new DateOnly(2027, 1, 10) : null }],
        };
        db.InspectionRecords.AddRange(Record(done: false), Record(done: true));

        var questionnaire = await db.Questionnaires.FirstAsync();
        SurveyCampaign Campaign(string title) => new()
        {
            ProvinceId = province,
            QuestionnaireId = questionnaire.Id,
            Title = title,
            Year = 2027,
            OpensOn = new(2027, 1, 1),
            ClosesOn = new(2027, 1, 31),
            Status = SurveyCampaignStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
            Targets = [new() { ProvinceId = province, OrganizationId = owner.Id }],
        };
        var open = Campaign("Khảo sát bổ sung 2027");
        var answered = Campaign("Khảo sát đã nộp 2027");
        db.SurveyCampaigns.AddRange(open, answered);
        await db.SaveChangesAsync();
        db.SurveyResponses.Add(new SurveyResponse
        {
            ProvinceId = province,
            CampaignId = answered.Id,
            OrganizationId = owner.Id,
            Status = SurveyResponseStatus.Submitted,
            SubmittedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return new Ids(owner.Id, second.Id, body.Id, agency.Id, open.Id);
    }
}
