using Metrology.Core.Programme;

namespace Metrology.Web.Features.ScienceTasks;

/// <summary>What a client sends to record or change an S&amp;T task. Enums are text so an unknown value names its field.</summary>
public sealed class ScienceTaskInput
{
    public string? Level { get; set; }

    public string? Title { get; set; }

    public string? Area { get; set; }

    public int? HostOrganizationId { get; set; }

    public int? ApprovalDocumentId { get; set; }

    /// <summary>VND, whole đồng.</summary>
    public long? Budget { get; set; }

    public DateOnly? StartOn { get; set; }

    public DateOnly? EndOn { get; set; }

    public string? Status { get; set; }

    public string? Outputs { get; set; }
}

public sealed record ScienceTaskDto(
    int Id,
    ScienceTaskLevel Level,
    string Title,
    ProgrammeArea Area,
    int HostOrganizationId,
    string HostOrganizationName,
    int? ApprovalDocumentId,
    DocumentType? ApprovalDocumentType,
    string? ApprovalDocumentNumber,
    DateOnly? ApprovalDocumentIssuedOn,
    long Budget,
    DateOnly StartOn,
    DateOnly EndOn,
    ScienceTaskStatus Status,
    string? Outputs,
    int? ProvinceId,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>A page of tasks with the budget total of ALL tasks the filters select, not only this page's.</summary>
public sealed record ScienceTaskPage(IReadOnlyList<ScienceTaskDto> Items, int Total, int Page, int PageSize, long BudgetTotal);

/// <summary>Year selects the tasks running at some time in that year (start on or before its end, end on or after its start).</summary>
public sealed record ScienceTaskQuery(
    string? Search = null,
    ScienceTaskLevel? Level = null,
    ScienceTaskStatus? Status = null,
    int? Year = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
