using Metrology.Core.Programme;

namespace Metrology.Web.Features.Plans;

/// <summary>What a client sends to create or change an annual plan.</summary>
public sealed class PlanInput
{
    public int? Year { get; set; }

    public string? Title { get; set; }

    /// <summary>The plan as issued (a directive document of the plan's province), when it was recorded.</summary>
    public int? DocumentId { get; set; }

    /// <summary>Ignored for users bound to a province (their own is used); required for a national user creating a plan.</summary>
    public string? ProvinceSlug { get; set; }
}

/// <summary>
/// What a client sends to create or change a plan task. Area and status are text so an unknown value gets
/// a field error naming the field rather than an unreadable-body error.
/// </summary>
public sealed class PlanTaskInput
{
    public string? Title { get; set; }

    public string? Area { get; set; }

    public string? OwnerName { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>Defaults to NotStarted.</summary>
    public string? Status { get; set; }

    public int? ProgressPercent { get; set; }

    /// <summary>Required (and not in the future) when the status is Done; ignored and cleared otherwise.</summary>
    public DateOnly? CompletedOn { get; set; }

    public int? SourceDocumentId { get; set; }
}

/// <summary>Moving a card on the board: the new status, and the completion date when it is Done.</summary>
public sealed class PlanTaskMoveInput
{
    public string? Status { get; set; }

    public DateOnly? CompletedOn { get; set; }
}

public sealed class PlanTaskNoteInput
{
    /// <summary>Defaults to today; not in the future.</summary>
    public DateOnly? WrittenOn { get; set; }

    public string? Text { get; set; }

    /// <summary>A link to the evidence (a published document, a photo album...): http or https only.</summary>
    public string? EvidenceUrl { get; set; }
}

/// <summary>A plan as the plan list shows it, with its task counts.</summary>
public sealed record PlanSummaryDto(
    int Id,
    int Year,
    string Title,
    int? DocumentId,
    string? DocumentNumber,
    string? ProvinceName,
    int TaskCount,
    int DoneCount,
    int OverdueCount);

/// <summary>A plan with all its tasks: what the board and the list views show.</summary>
public sealed record PlanDto(PlanSummaryDto Plan, IReadOnlyList<PlanTaskDto> Tasks);

public sealed record PlanTaskDto(
    int Id,
    int PlanId,
    string Title,
    ProgrammeArea Area,
    string OwnerName,
    DateOnly Deadline,
    PlanTaskStatus Status,
    int ProgressPercent,
    DateOnly? CompletedOn,
    int? SourceDocumentId,
    string? SourceDocumentNumber,
    bool IsOverdue,
    int NoteCount,
    DateTime UpdatedAt);

public sealed record PlanTaskNoteDto(int Id, int TaskId, DateOnly WrittenOn, string Text, string? EvidenceUrl, string? AuthorEmail, DateTime CreatedAt);

/// <summary>A directive document offered in the pickers of plans and tasks.</summary>
public sealed record PlanDocumentOption(int Id, string Number, string Subject, int? ProvinceId);
