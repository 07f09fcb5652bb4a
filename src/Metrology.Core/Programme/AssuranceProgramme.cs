using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

public enum AssuranceProgrammeKind
{
    Pilot,
    Replicated,
}

public enum AssuranceStepStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// An enterprise's measurement assurance programme (guide: Decision 510/QĐ-BKHCN; ISO 10012): a pilot
/// (e.g. under the S&amp;T task of the pilot model) or a replication, made of steps copied from the
/// configurable default list when it starts.
/// </summary>
public class AssuranceProgramme : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int EnterpriseId { get; set; }

    public Organization? Enterprise { get; set; }

    public AssuranceProgrammeKind Kind { get; set; }

    /// <summary>The S&amp;T task that funds it (the pilot model), when there is one.</summary>
    public int? ScienceTaskId { get; set; }

    public ScienceTask? ScienceTask { get; set; }

    /// <summary>The survey campaign whose ranking selected the enterprise, when it was chosen that way.</summary>
    public int? SelectedFromCampaignId { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Notes { get; set; }

    public List<AssuranceStep> Steps { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One step of a programme: its status, dates and evidence (a note and attachments).</summary>
public class AssuranceStep : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int ProgrammeId { get; set; }

    public AssuranceProgramme? Programme { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public AssuranceStepStatus Status { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? EvidenceNote { get; set; }

    public DateTime UpdatedAt { get; set; }
}
