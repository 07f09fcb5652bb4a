using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

/// <summary>The department's plan for one year of the programme, made of tasks.</summary>
public class AnnualPlan : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    /// <summary>The plan as issued (e.g. "Kế hoạch số 12/KH-SKHCN"), when it was recorded as a document.</summary>
    public int? DocumentId { get; set; }

    public DirectiveDocument? Document { get; set; }

    public List<PlanTask> Tasks { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>One task of an annual plan: who does it, by when, and how far it is.</summary>
public class PlanTask : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int PlanId { get; set; }

    public AnnualPlan? Plan { get; set; }

    public required string Title { get; set; }

    public ProgrammeArea Area { get; set; }

    /// <summary>The unit or person in charge, as the plan names it (e.g. "Phòng Quản lý TCĐLCL").</summary>
    public required string OwnerName { get; set; }

    public DateOnly Deadline { get; set; }

    public PlanTaskStatus Status { get; set; }

    public int ProgressPercent { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>The directive document that gave rise to the task, e.g. Decision 1928/QĐ-UBND.</summary>
    public int? SourceDocumentId { get; set; }

    public DirectiveDocument? SourceDocument { get; set; }

    public List<PlanTaskNote> Notes { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Overdue: past its deadline and neither done nor cancelled.</summary>
    public bool IsOverdueOn(DateOnly today) =>
        Deadline < today && Status is PlanTaskStatus.NotStarted or PlanTaskStatus.InProgress;
}

/// <summary>A dated progress note on a plan task, with an optional link to the evidence.</summary>
public class PlanTaskNote : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int TaskId { get; set; }

    public DateOnly WrittenOn { get; set; }

    public required string Text { get; set; }

    public string? EvidenceUrl { get; set; }

    public string? AuthorEmail { get; set; }

    public DateTime CreatedAt { get; set; }
}
