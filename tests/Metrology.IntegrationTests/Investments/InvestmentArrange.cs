using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Investments;

public sealed record DocumentRefJson(int Id, string Number, DateOnly IssuedOn, string Subject);

public sealed record ComponentJson(int Id, string Name, int Quantity, string Unit, long? Budget);

public sealed record DisbursementJson(int Year, long Amount, long Cumulative, string? OverBudgetReason);

public sealed record ProjectEquipmentJson(int Id, string Name, int Quantity, long Value, DateOnly? DeliveredOn, string Status, string? HolderName);

public sealed record ProjectSummaryJson(
    int Id, string Name, string? InvestorName, long TotalBudget, int StartYear, int EndYear, string Status, long Disbursed, decimal PercentDisbursed, string? ProvinceSlug);

public sealed record ProjectJson(
    int Id, string Name, int? InvestorId, string? InvestorName, DocumentRefJson? PolicyDocument, DocumentRefJson? FeasibilityDocument,
    long TotalBudget, int StartYear, int EndYear, string Status, string? Notes, long Disbursed, long Remaining, decimal PercentDisbursed,
    List<ComponentJson> Components, List<DisbursementJson> Disbursements, List<ProjectEquipmentJson> Equipment, string? ProvinceSlug);

public sealed record EquipmentJson(
    int Id, int? ProjectId, string? ProjectName, int? ComponentId, string? ComponentName, string Name, int Quantity, long Value,
    DateOnly? DeliveredOn, string? Location, int? HolderId, string? HolderName, string Status, bool ForInspection, string? ProvinceSlug);

/// <summary>Investment and equipment calls, and the directive documents they point at.</summary>
public static class InvestmentArrange
{
    public const string ProjectsPath = "/api/v1/investment-projects";
    public const string EquipmentPath = "/api/v1/equipment";

    /// <summary>25 616 000 000 đ: the total of Quảng Trị's measurement-testing and biotechnology project.</summary>
    public const long Total = 25_616_000_000;

    public static Dictionary<string, object?> Project(
        int? policyDocumentId = null, int? feasibilityDocumentId = null, long? totalBudget = Total, int? startYear = 2021, int? endYear = 2023, object[]? components = null) => new()
        {
            ["name"] = TestData.Unique("Đầu tư thiết bị đo lường thử nghiệm"),
            ["investorId"] = null,
            ["policyDocumentId"] = policyDocumentId,
            ["feasibilityDocumentId"] = feasibilityDocumentId,
            ["totalBudget"] = totalBudget,
            ["startYear"] = startYear,
            ["endYear"] = endYear,
            ["status"] = "InProgress",
            ["notes"] = null,
            ["components"] = components ??
        [
            new { name = "Thiết bị đo lường, thử nghiệm", quantity = 58, unit = "bộ", budget = 21_000_000_000L },
            new { name = "Thiết bị công nghệ sinh học", quantity = 2, unit = "thiết bị", budget = 4_000_000_000L },
        ],
        };

    public static object Equipment(int? projectId = null, int? componentId = null, int? holderId = null, string name = "Bình chuẩn dung tích 20 L", string status = "InUse", bool forInspection = false) => new
    {
        projectId,
        componentId,
        name,
        quantity = 1,
        value = 45_000_000L,
        deliveredOn = new DateOnly(2022, 11, 30),
        location = "Phòng thí nghiệm đo lường, 02 Lê Lợi, Đông Hà",
        holderId,
        status,
        forInspection,
    };

    public static async Task<ProjectJson> CreateProject(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(ProjectsPath, body);
        return await response.ShouldReturn<ProjectJson>(HttpStatusCode.Created);
    }

    public static async Task<ProjectJson> Disburse(this HttpClient client, int projectId, int year, long amount, string? overBudgetReason = null)
    {
        using var response = await client.PostAsJsonAsync($"{ProjectsPath}/{projectId}/disbursements", new { year, amount, overBudgetReason });
        return await response.ShouldReturn<ProjectJson>(HttpStatusCode.Created);
    }

    public static async Task<EquipmentJson> CreateEquipment(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(EquipmentPath, body);
        return await response.ShouldReturn<EquipmentJson>(HttpStatusCode.Created);
    }

    /// <summary>
    /// A directive document of a province, written straight to the database: its API belongs to another
    /// area, and these tests only need something to point at.
    /// </summary>
    public static async Task<int> NewDocumentAsync(this MetrologyApp app, string provinceSlug, string number)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        var provinceId = await db.Provinces.Where(p => p.Slug == provinceSlug).Select(p => (int?)p.Id).SingleAsync();
        var document = new DirectiveDocument
        {
            ProvinceId = provinceId,
            Type = DocumentType.Decision,
            Number = number,
            Issuer = "Ủy ban nhân dân tỉnh",
            IssuedOn = new DateOnly(2021, 5, 28),
            Subject = "Phê duyệt báo cáo nghiên cứu khả thi dự án",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        document.RefreshSearchText();
        db.DirectiveDocuments.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    /// <summary>An S&amp;T task of a province hosted by <paramref name="hostId"/>, written straight to the database (another area's API).</summary>
    public static async Task<int> NewScienceTaskAsync(this MetrologyApp app, int hostId, string title)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        var host = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == hostId);
        var task = new ScienceTask
        {
            ProvinceId = host.ProvinceId,
            Level = ScienceTaskLevel.Basic,
            Title = title,
            Area = ProgrammeArea.EnterpriseSupport,
            HostOrganizationId = hostId,
            Budget = 850_000_000,
            StartOn = new DateOnly(2022, 1, 1),
            EndOn = new DateOnly(2023, 12, 31),
            Status = ScienceTaskStatus.InProgress,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        task.RefreshSearchText();
        db.ScienceTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>Rows of every province: what a refused write must leave alone.</summary>
    public static async Task<(int Projects, int Components, int Disbursements, int Equipment)> CountInvestmentRowsAsync(this MetrologyApp app)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        return (await db.InvestmentProjects.IgnoreQueryFilters().CountAsync(),
            await db.Set<ProjectComponent>().IgnoreQueryFilters().CountAsync(),
            await db.Set<Disbursement>().IgnoreQueryFilters().CountAsync(),
            await db.Equipment.IgnoreQueryFilters().CountAsync());
    }

    public static Task<OrganizationJson> CreateHolder(this HttpClient client, string name) =>
        client.CreateOrganization(new { name = TestData.Unique(name), kind = nameof(OrganizationKind.VerificationBody) });
}
