using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Documents;

public sealed record DocumentJson(
    int Id, string Type, string Number, string Issuer, DateOnly IssuedOn, string Subject, string? Summary, int? ProvinceId, string Citation);

public sealed record DocumentLinkJson(string Kind, int Id, string Title, string Href);

public sealed record DocumentDetailJson(DocumentJson Document, List<DocumentLinkJson> LinkedRecords);

public sealed record ScienceTaskJson(
    int Id, string Level, string Title, string Area, int HostOrganizationId, string HostOrganizationName, int? ApprovalDocumentId,
    string? ApprovalDocumentNumber, long Budget, DateOnly StartOn, DateOnly EndOn, string Status, string? Outputs);

public sealed record ScienceTaskPageJson(List<ScienceTaskJson> Items, int Total, int Page, int PageSize, long BudgetTotal);

/// <summary>Document and S&amp;T task calls the Documents, ScienceTasks and Attachments tests share.</summary>
public static class DocumentApi
{
    public const string DocumentsPath = "/api/v1/documents";
    public const string TasksPath = "/api/v1/science-tasks";

    private static int sequence = Random.Shared.Next(1000, 90_000);

    /// <summary>A number no other test uses, shaped like the province committee's decisions: "12345/QĐ-UBND".</summary>
    public static string NewDecisionNumber() => $"{Interlocked.Increment(ref sequence)}/QĐ-UBND";

    public static Dictionary<string, object?> Document(string? number = null, string type = "Decision", DateOnly? issuedOn = null, string? provinceSlug = null) => new()
    {
        ["type"] = type,
        ["number"] = number ?? NewDecisionNumber(),
        ["issuer"] = "Ủy ban nhân dân tỉnh Quảng Trị",
        ["issuedOn"] = issuedOn ?? new DateOnly(2020, 7, 20),
        ["subject"] = "Ban hành Kế hoạch triển khai Đề án tăng cường, đổi mới hoạt động đo lường trên địa bàn tỉnh",
        ["summary"] = "Giao Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch hằng năm.",
        ["provinceSlug"] = provinceSlug,
    };

    public static Dictionary<string, object?> Task(int hostOrganizationId, int? approvalDocumentId = null, long? budget = 450_000_000,
        DateOnly? startOn = null, DateOnly? endOn = null, string level = "Basic", string status = "InProgress") => new()
        {
            ["level"] = level,
            ["title"] = TestData.Unique("Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường"),
            ["area"] = "EnterpriseSupport",
            ["hostOrganizationId"] = hostOrganizationId,
            ["approvalDocumentId"] = approvalDocumentId,
            ["budget"] = budget,
            ["startOn"] = startOn ?? new DateOnly(2022, 4, 1),
            ["endOn"] = endOn ?? new DateOnly(2023, 9, 30),
            ["status"] = status,
            ["outputs"] = "Quy trình đảm bảo đo lường tại 3 doanh nghiệp",
        };

    public static async Task<DocumentJson> CreateDocument(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(DocumentsPath, body);
        return await response.ShouldReturn<DocumentJson>(HttpStatusCode.Created);
    }

    public static async Task<ScienceTaskJson> CreateTask(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(TasksPath, body);
        return await response.ShouldReturn<ScienceTaskJson>(HttpStatusCode.Created);
    }

    /// <summary>An organisation of the caller's province to host tasks (the demo's technical centre in Quảng Trị).</summary>
    public static async Task<int> AnyOrganizationId(this HttpClient client)
    {
        var page = await client.ListOrganizations("pageSize=1&kind=VerificationBody");
        return page.Items[0].Id;
    }

    /// <summary>An organisation of the caller's province, made when the province has none yet (Hà Nội in the tests).</summary>
    public static async Task<int> AnyOrganizationIdOrCreate(this HttpClient client)
    {
        var page = await client.ListOrganizations("pageSize=1");
        return page.Items.Count > 0 ? page.Items[0].Id : (await client.CreateOrganization(TestData.Enterprise())).Id;
    }

    /// <summary>Every document row of every province, as the system administrator sees them: what a refused write must leave alone.</summary>
    public static async Task<int> CountAllDocuments(this MetrologyApp app)
    {
        using var admin = await app.AsSystemAdmin();
        return (await (await admin.GetAsync($"{DocumentsPath}?pageSize=1")).ShouldReturn<PageJson<DocumentJson>>()).Total;
    }

    public static async Task<int> CountAllTasks(this MetrologyApp app)
    {
        using var admin = await app.AsSystemAdmin();
        return (await (await admin.GetAsync($"{TasksPath}?pageSize=1")).ShouldReturn<ScienceTaskPageJson>()).Total;
    }
}
