using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Assurance;

public sealed record StepJson(int Id, int Position, string Name, string Status, DateOnly? StartedOn, DateOnly? CompletedOn, string? EvidenceNote);

public sealed record ProgrammeJson(
    int Id, int EnterpriseId, string EnterpriseName, string Kind, int? ScienceTaskId, string? ScienceTaskTitle, DateOnly StartedOn, DateOnly? CompletedOn,
    string? Notes, int StepCount, int StepsDone, decimal PercentDone, string State, List<StepJson> Steps, string? ProvinceSlug);

public sealed record ProgrammeSummaryJson(
    int Id, int EnterpriseId, string EnterpriseName, string Kind, int? ScienceTaskId, string? ScienceTaskTitle, DateOnly StartedOn, DateOnly? CompletedOn,
    int StepCount, int StepsDone, decimal PercentDone, string State);

public sealed record ProgressJson(int Programmes, int Pilot, int Replicated, int NotStarted, int InProgress, int Complete, List<ProgrammeSummaryJson> Enterprises);

public sealed record DefaultStepsJson(List<string> Steps, string Source);

/// <summary>Assurance programme calls the assurance tests share.</summary>
public static class AssuranceArrange
{
    public const string ProgrammesPath = "/api/v1/assurance-programmes";

    /// <summary>The default list of appsettings.json (design/domain.md), in order.</summary>
    public static readonly string[] ConfiguredSteps =
    [
        "Đánh giá hiện trạng",
        "Xác định nhu cầu đo lường",
        "Thiết lập hệ thống kiểm soát quá trình đo và phương tiện đo",
        "Hiệu chuẩn, kiểm định phương tiện đo",
        "Đào tạo nhân lực",
        "Đánh giá nội bộ",
        "Công nhận",
    ];

    public static object Programme(int enterpriseId, string kind = "Pilot", DateOnly? startedOn = null, int? scienceTaskId = null) => new
    {
        enterpriseId,
        kind,
        scienceTaskId,
        startedOn = startedOn ?? new DateOnly(2022, 3, 1),
        notes = "Doanh nghiệp được chọn từ kết quả khảo sát năm 2022",
    };

    public static object Step(string status, DateOnly? startedOn = null, DateOnly? completedOn = null, string? evidenceNote = null) =>
        new { status, startedOn, completedOn, evidenceNote };

    public static async Task<ProgrammeJson> StartProgramme(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(ProgrammesPath, body);
        return await response.ShouldReturn<ProgrammeJson>(HttpStatusCode.Created);
    }

    public static async Task<ProgrammeJson> SetStep(this HttpClient client, int programmeId, int stepId, object body)
    {
        using var response = await client.PutAsJsonAsync($"{ProgrammesPath}/{programmeId}/steps/{stepId}", body);
        return await response.ShouldReturn<ProgrammeJson>();
    }

    public static async Task<ProgrammeJson> Read(this HttpClient client, int programmeId)
    {
        using var response = await client.GetAsync($"{ProgrammesPath}/{programmeId}");
        return await response.ShouldReturn<ProgrammeJson>();
    }
}
