using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

public enum ScienceTaskLevel
{
    Basic,
    Provincial,
    National,
}

public enum ScienceTaskStatus
{
    Proposed,
    Approved,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>
/// A science and technology task (nhiệm vụ KH&amp;CN), e.g. the basic-level pilot model of the measurement
/// assurance programme. Budget in VND (integer: the đồng has no subunit in use).
/// </summary>
public class ScienceTask : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public ScienceTaskLevel Level { get; set; }

    public required string Title { get; set; }

    public ProgrammeArea Area { get; set; }

    public int HostOrganizationId { get; set; }

    public Organization? HostOrganization { get; set; }

    public int? ApprovalDocumentId { get; set; }

    public DirectiveDocument? ApprovalDocument { get; set; }

    public long Budget { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly EndOn { get; set; }

    public ScienceTaskStatus Status { get; set; }

    /// <summary>What it produced (models, procedures, trained staff...).</summary>
    public string? Outputs { get; set; }

    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold(Title);
}
