using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Plans;

public sealed record PlanSummaryJson(int Id, int Year, string Title, int? DocumentId, string? DocumentNumber, string? ProvinceName, int TaskCount, int DoneCount, int OverdueCount);

public sealed record PlanTaskJson(
    int Id, int PlanId, string Title, string Area, string OwnerName, DateOnly Deadline, string Status, int ProgressPercent, DateOnly? CompletedOn,
    int? SourceDocumentId, string? SourceDocumentNumber, bool IsOverdue, int NoteCount);

public sealed record PlanJson(PlanSummaryJson Plan, List<PlanTaskJson> Tasks);

public sealed record PlanTaskNoteJson(int Id, int TaskId, DateOnly WrittenOn, string Text, string? EvidenceUrl, string? AuthorEmail);

/// <summary>
/// "Now" for the plan and outreach tests: 10:00 on 10/06/2026 in Vietnam (03:00 UTC), standing still, so
/// overdue and "not in the future" are worked out by hand against a known today.
/// </summary>
public sealed class PlanClock : TimeProvider
{
    public static readonly DateOnly Today = new(2026, 6, 10);

    public override DateTimeOffset GetUtcNow() => new(2026, 6, 10, 3, 0, 0, TimeSpan.Zero);
}

public class PlanSqliteApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new PlanClock());
}

public class PlanPostgresApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new PlanClock());
}

/// <summary>Plan calls the plan tests share.</summary>
public static class PlanApi
{
    public const string Path = "/api/v1/plans";
    public const string TaskPath = "/api/v1/plan-tasks";

    public static async Task<PlanSummaryJson> CreatePlan(this HttpClient client, int year = 2026, string? title = null, string? provinceSlug = null)
    {
        using var response = await client.PostAsJsonAsync(Path, new { year, title = title ?? TestData.Unique($"Kế hoạch đo lường năm {year}"), provinceSlug });
        return await response.ShouldReturn<PlanSummaryJson>(HttpStatusCode.Created);
    }

    /// <summary>A request body for a task; tests override the fields they are about.</summary>
    public static Dictionary<string, object?> Task(DateOnly deadline, string status = "InProgress", DateOnly? completedOn = null, string? title = null) => new()
    {
        ["title"] = title ?? TestData.Unique("Khảo sát doanh nghiệp trọng điểm"),
        ["area"] = "Direction",
        ["ownerName"] = "Phòng Quản lý TCĐLCL",
        ["deadline"] = deadline,
        ["status"] = status,
        ["progressPercent"] = 30,
        ["completedOn"] = completedOn,
    };

    public static async Task<PlanTaskJson> AddTask(this HttpClient client, int planId, object body)
    {
        using var response = await client.PostAsJsonAsync($"{Path}/{planId}/tasks", body);
        return await response.ShouldReturn<PlanTaskJson>(HttpStatusCode.Created);
    }

    public static async Task<PlanJson> Board(this HttpClient client, int planId)
    {
        using var response = await client.GetAsync($"{Path}/{planId}");
        return await response.ShouldReturn<PlanJson>();
    }
}
