using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Inspections;

// The inspections API's JSON as a client reads it.

public sealed record TargetJson(int Id, int OrganizationId, string OrganizationName, List<string> Content, int FromMonth, int ToMonth, int? MergedIntoTargetId);

public sealed record OverlapSideJson(int TargetId, int PlanId, string PlanTitle, int AgencyId, string AgencyName, int FromMonth, int ToMonth);

public sealed record ResolutionJson(int Id, string Action, string Kind, string Note, string? ResolvedByEmail, DateTime ResolvedAt);

public sealed record OverlapJson(
    int OrganizationId, string OrganizationName, string Kind, OverlapSideJson First, OverlapSideJson Second, List<string> SharedContent,
    ResolutionJson? Resolution, bool Resolved);

public sealed record PlanJson(
    int Id, int AgencyId, string AgencyName, int Year, string Title, string Kind, string? LegalBasis, string? Team, string Status,
    DateTime? ApprovedAt, string? ApprovedByEmail, List<TargetJson> Targets, List<OverlapJson> Overlaps, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record PlanListItemJson(int Id, int AgencyId, string AgencyName, int Year, string Title, string Kind, string Status, int TargetCount, DateTime UpdatedAt);

public sealed record ViolationJson(int Id, string Kind, string Description, long? SanctionAmount, string? SanctionDecision);

public sealed record InspectedInstrumentJson(int Id, int InstrumentId, string? TypeCode, string Manufacturer, string SerialNumber, string Outcome, string? Note, bool MustNotBeUsed);

public sealed record FollowUpJson(int Id, string Action, DateOnly Deadline, DateOnly? DoneOn);

public sealed record RecordJson(
    int Id, int AgencyId, string AgencyName, int PlanId, string PlanTitle, int? TargetId, int OrganizationId, string OrganizationName, string Kind,
    List<string> Content, DateOnly StartedOn, DateOnly? EndedOn, string Team, string? Findings, string? Conclusion, List<ViolationJson> Violations,
    List<InspectedInstrumentJson> Instruments, List<FollowUpJson> FollowUps, List<EquipmentJson> EquipmentUsed, DateTime CreatedAt);

public sealed record EquipmentJson(int Id, string Name);

public sealed record RecordListItemJson(
    int Id, int AgencyId, string AgencyName, int OrganizationId, string OrganizationName, int PlanId, string Kind, DateOnly StartedOn, DateOnly? EndedOn,
    int ViolationCount, long SanctionTotal);

public sealed record FiguresJson(int Planned, int Done, int TargetsInspected, int Violations, long Sanctions, int InstrumentsChecked, int InstrumentsUnverifiedOrOverdue);

public sealed record AgencyFiguresJson(int AgencyId, string AgencyName, FiguresJson Year, FiguresJson Cumulative);

public sealed record ViolationKindJson(string Kind, int Year, int Cumulative, long SanctionsYear, long SanctionsCumulative);

public sealed record StatisticsJson(int Year, int FromYear, FiguresJson Total, FiguresJson CumulativeTotal, List<AgencyFiguresJson> Agencies, List<ViolationKindJson> ViolationsByKind);

/// <summary>
/// The province's three agencies with an inspector each (the demo's two, and one made for market surveillance),
/// a Hà Nội agency with its inspector, and a Hà Nội enterprise (a target outside Quảng Trị).
/// </summary>
public sealed record InspectionWorld(
    int ScienceAgencyId, int TradeAgencyId, int MarketAgencyId, string MarketInspector, string HaNoiInspector, int HaNoiEnterpriseId);

public static class InspectionArrange
{
    public const string PlansPath = "/api/v1/inspection-plans";
    public const string RecordsPath = "/api/v1/inspections";
    public const string OverlapsPath = "/api/v1/inspections/overlaps";
    public const string ResolutionsPath = "/api/v1/inspections/overlaps/resolutions";
    public const string TradeInspector = "inspector.trade@quangtri.demo";

    private static int year = 2040;

    /// <summary>A year no other test of the run uses: overlaps and lists are per year, so tests stay independent.</summary>
    public static int FreshYear() => Interlocked.Increment(ref year);

    public static Task<InspectionWorld> InspectionWorld(this MetrologyApp app) => app.Arranged(nameof(InspectionWorld), async a =>
    {
        var science = await a.WithDb(db => db.Users.Where(u => u.Email == TestData.QuangTriInspector).Select(u => u.OrganizationId!.Value).SingleAsync());
        var trade = await a.WithDb(db => db.Users.Where(u => u.Email == TradeInspector).Select(u => u.OrganizationId!.Value).SingleAsync());
        var market = await a.WithDb(db => db.Organizations.Where(o => o.Name.StartsWith("Chi cục Quản lý thị trường")).Select(o => o.Id).SingleAsync());
        var marketInspector = await a.CreateAsync("Inspector", TestData.QuangTri, market);

        var haNoiOfficer = await a.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await a.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiAgency = await haNoi.CreateOrganization(new { name = TestData.Unique("Thanh tra Sở KH&CN Hà Nội"), kind = "Agency" });
        var haNoiEnterprise = await haNoi.CreateOrganization(TestData.Enterprise(provinceSlug: TestData.HaNoi));
        var haNoiInspector = await a.CreateAsync("Inspector", TestData.HaNoi, haNoiAgency.Id);
        return new InspectionWorld(science, trade, market, marketInspector.Email, haNoiInspector.Email, haNoiEnterprise.Id);
    });

    public static async Task<T> WithDb<T>(this MetrologyApp app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>A new Quảng Trị enterprise, made by the province officer as a user would.</summary>
    public static async Task<int> NewEnterpriseAsync(this MetrologyApp app, string? name = null)
    {
        using var officer = await app.As(TestData.QuangTriOfficer);
        return (await officer.CreateOrganization(TestData.Enterprise(name: name ?? TestData.Unique("Công ty Xăng dầu Kiểm tra")))).Id;
    }

    public static object Target(int organizationId, int from, int to, params string[] content) =>
        new { organizationId, content, fromMonth = from, toMonth = to };

    public static Dictionary<string, object?> Plan(int year, params object[] targets) => new()
    {
        ["year"] = year,
        ["title"] = TestData.Unique($"Kế hoạch thanh tra năm {year}"),
        ["kind"] = "Inspection",
        ["legalBasis"] = "Luật Đo lường 2011; Luật Thanh tra 2022",
        ["team"] = "Đoàn thanh tra liên ngành",
        ["targets"] = targets,
    };

    public static async Task<PlanJson> CreatePlan(this HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsJsonAsync(PlansPath, body);
        return await response.ShouldReturn<PlanJson>(HttpStatusCode.Created);
    }

    public static async Task<PlanJson> ApprovePlan(this HttpClient client, int planId)
    {
        using var response = await client.PostAsJsonAsync($"{PlansPath}/{planId}/approval", new
        {
            decisionNumber = "12/QĐ-TTr",
            decisionDate = "2024-01-10",
            approvedBy = "Chánh Thanh tra Nguyễn Văn An",
        });
        return await response.ShouldReturn<PlanJson>();
    }

    public static async Task<List<OverlapJson>> Overlaps(this HttpClient client, int year)
    {
        using var response = await client.GetAsync($"{OverlapsPath}?year={year}");
        return await response.ShouldReturn<List<OverlapJson>>();
    }

    /// <summary>An instrument of the registry, put straight in the database (the registry is another feature).</summary>
    public static Task<int> NewInstrumentAsync(this MetrologyApp app, int ownerId, string serial) => app.WithDb(async db =>
    {
        var owner = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == ownerId);
        var instrument = new Instrument
        {
            ProvinceId = owner.ProvinceId,
            OwnerId = ownerId,
            TypeCode = "fuel-dispenser",
            Manufacturer = "Tatsuno",
            SerialNumber = serial,
            Status = InstrumentStatus.InService,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        instrument.RefreshSearchText();
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync();
        return instrument.Id;
    });

    /// <summary>A record body with a violation and its sanction; tests change what they are about.</summary>
    public static Dictionary<string, object?> Record(int planId, int organizationId, string startedOn = "2025-03-10") => new()
    {
        ["planId"] = planId,
        ["organizationId"] = organizationId,
        ["kind"] = "Inspection",
        ["content"] = new[] { "Group2Instruments" },
        ["startedOn"] = startedOn,
        ["endedOn"] = startedOn,
        ["team"] = "Lê Quang Dũng (trưởng đoàn), Trần Thị Mai",
        ["findings"] = "Cột đo xăng dầu số 2 quá hạn kiểm định.",
        ["conclusion"] = "Cơ sở vi phạm quy định về kiểm định phương tiện đo.",
        ["violationsFound"] = true,
        ["violations"] = new object[]
        {
            new { kind = "OverdueVerification", description = "Sử dụng cột đo quá hạn kiểm định", sanctionAmount = 7_500_000L, sanctionDecision = "05/QĐ-XPHC" },
        },
    };
}
