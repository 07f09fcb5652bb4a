using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Inspections;

/// <summary>Inspection (by an inspectorate) or check (by a management unit): the law names both.</summary>
public enum InspectionKind
{
    Inspection,
    Check,
}

/// <summary>What is inspected; a target may cover several. Stored as the flags' integer.</summary>
[Flags]
public enum InspectionContent
{
    None = 0,
    Group2Instruments = 1,
    PrepackagedGoods = 2,
    FuelQuality = 4,
    MeasurementAssurance = 8,
    VerificationActivities = 16,
    Other = 32,
}

public enum InspectionPlanStatus
{
    Draft,
    Approved,
}

/// <summary>
/// One agency's inspection plan for a year: its targets, content and months. Approved by the agency's head;
/// only an approved plan can have inspection records.
/// </summary>
public class InspectionPlan : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int AgencyId { get; set; }

    public Organization? Agency { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    public InspectionKind Kind { get; set; }

    /// <summary>The legal basis quoted in the plan (laws, decrees, the approving decision).</summary>
    public string? LegalBasis { get; set; }

    public string? Team { get; set; }

    public InspectionPlanStatus Status { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedByEmail { get; set; }

    public List<InspectionTarget> Targets { get; set; } = [];

    /// <summary>The import that created the row (null when entered by hand); undoing the import deletes exactly these.</summary>
    public long? ImportJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One organisation in a plan, the content to inspect there and the planned months (inclusive, 1-12).</summary>
public class InspectionTarget : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int PlanId { get; set; }

    public InspectionPlan? Plan { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public InspectionContent Content { get; set; }

    public int FromMonth { get; set; }

    public int ToMonth { get; set; }

    /// <summary>When a coordinator merged this target into another agency's for a joint inspection.</summary>
    public int? MergedIntoTargetId { get; set; }

    /// <summary>The import that created the target (null when entered by hand).</summary>
    public long? ImportJobId { get; set; }
}

public enum OverlapKind
{
    /// <summary>The same organisation in more than one agency's plan in a year (Directive 20/CT-TTg).</summary>
    SameYear,

    /// <summary>The same organisation, with a content in common, in overlapping months.</summary>
    SameContentOverlappingPeriod,
}

public enum OverlapAction
{
    Merge,
    Move,
    Justify,
}

/// <summary>
/// How a coordinator resolved one overlap between two targets (ids ordered: first &lt; second). Overlaps
/// themselves are computed from the plans; this row is what makes a flag "resolved".
/// </summary>
public class OverlapResolution : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int FirstTargetId { get; set; }

    public int SecondTargetId { get; set; }

    public OverlapKind Kind { get; set; }

    public OverlapAction Action { get; set; }

    public required string Note { get; set; }

    public string? ResolvedByEmail { get; set; }

    public DateTime ResolvedAt { get; set; }
}
