using Metrology.Core.Inspections;

namespace Metrology.Web.Features.Inspections;

// What clients send. Enums and content flags are text ("Group2Instruments") so an unknown value gets a field
// error naming the field instead of an unreadable-body error.

public sealed class InspectionPlanInput
{
    public int? Year { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? LegalBasis { get; set; }

    public string? Team { get; set; }

    public List<InspectionTargetInput>? Targets { get; set; }
}

public sealed class InspectionTargetInput
{
    public int? OrganizationId { get; set; }

    public List<string>? Content { get; set; }

    public int? FromMonth { get; set; }

    public int? ToMonth { get; set; }
}

/// <summary>
/// The head of the agency approves a plan by a decision; the agency's inspector records that decision
/// (there is no "head" account: see the report of the inspections area).
/// </summary>
public sealed class PlanApprovalInput
{
    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? ApprovedBy { get; set; }
}

/// <summary>A coordinator's resolution of one flag. <see cref="TargetId"/> is the target merged or moved.</summary>
public sealed class OverlapResolutionInput
{
    public int? FirstTargetId { get; set; }

    public int? SecondTargetId { get; set; }

    public string? Action { get; set; }

    public int? TargetId { get; set; }

    public int? FromMonth { get; set; }

    public int? ToMonth { get; set; }

    public string? Note { get; set; }
}

public sealed class InspectionRecordInput
{
    public int? PlanId { get; set; }

    public int? OrganizationId { get; set; }

    public string? Kind { get; set; }

    public List<string>? Content { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? Team { get; set; }

    public string? Findings { get; set; }

    public string? Conclusion { get; set; }

    /// <summary>False when the record concludes "no violation": then no violation or sanction may be sent.</summary>
    public bool? ViolationsFound { get; set; }

    public List<ViolationInput>? Violations { get; set; }

    public List<InspectedInstrumentInput>? Instruments { get; set; }

    public List<FollowUpInput>? FollowUps { get; set; }

    public List<int>? EquipmentIds { get; set; }
}

public sealed class ViolationInput
{
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public long? SanctionAmount { get; set; }

    public string? SanctionDecision { get; set; }
}

/// <summary>An instrument of the registry (<see cref="InstrumentId"/>) or one registered on the spot (type, manufacturer, serial).</summary>
public sealed class InspectedInstrumentInput
{
    public int? InstrumentId { get; set; }

    public string? TypeCode { get; set; }

    public string? Manufacturer { get; set; }

    public string? SerialNumber { get; set; }

    public string? Outcome { get; set; }

    public string? Note { get; set; }
}

public sealed class FollowUpInput
{
    public string? Action { get; set; }

    public DateOnly? Deadline { get; set; }
}

// What the API answers.

public sealed record InspectionPlanListItem(
    int Id, int AgencyId, string AgencyName, int Year, string Title, InspectionKind Kind, InspectionPlanStatus Status, int TargetCount, DateTime UpdatedAt);

public sealed record InspectionTargetDto(
    int Id, int OrganizationId, string OrganizationName, IReadOnlyList<InspectionContent> Content, int FromMonth, int ToMonth, int? MergedIntoTargetId);

public sealed record InspectionPlanDto(
    int Id, int AgencyId, string AgencyName, int Year, string Title, InspectionKind Kind, string? LegalBasis, string? Team,
    InspectionPlanStatus Status, DateTime? ApprovedAt, string? ApprovedByEmail, IReadOnlyList<InspectionTargetDto> Targets,
    IReadOnlyList<OverlapDto> Overlaps, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record OverlapSide(int TargetId, int PlanId, string PlanTitle, int AgencyId, string AgencyName, int FromMonth, int ToMonth);

public sealed record OverlapResolutionDto(int Id, OverlapAction Action, OverlapKind Kind, string Note, string? ResolvedByEmail, DateTime ResolvedAt);

public sealed record OverlapDto(
    int OrganizationId, string OrganizationName, OverlapKind Kind, OverlapSide First, OverlapSide Second,
    IReadOnlyList<InspectionContent> SharedContent, OverlapResolutionDto? Resolution)
{
    public bool Resolved => Resolution is not null;
}

/// <summary>The coordination matrix: one row per organisation in 2+ agencies' plans, one cell per month.</summary>
public sealed record CoordinationRow(int OrganizationId, string OrganizationName, IReadOnlyList<CoordinationCell> Months);

public sealed record CoordinationCell(int Month, IReadOnlyList<string> Agencies, bool Overlapping);

public sealed record CoordinationView(int Year, IReadOnlyList<CoordinationRow> Rows, IReadOnlyList<OverlapDto> Overlaps);

public sealed record InspectionRecordListItem(
    int Id, int AgencyId, string AgencyName, int OrganizationId, string OrganizationName, int PlanId, InspectionKind Kind,
    DateOnly StartedOn, DateOnly? EndedOn, int ViolationCount, long SanctionTotal);

public sealed record ViolationDto(int Id, ViolationKind Kind, string Description, long? SanctionAmount, string? SanctionDecision);

public sealed record InspectedInstrumentDto(
    int Id, int InstrumentId, string? TypeCode, string Manufacturer, string SerialNumber, InstrumentCheckOutcome Outcome, string? Note, bool MustNotBeUsed);

public sealed record FollowUpDto(int Id, string Action, DateOnly Deadline, DateOnly? DoneOn);

public sealed record EquipmentUsedDto(int Id, string Name);

public sealed record InspectionRecordDto(
    int Id, int AgencyId, string AgencyName, int PlanId, string PlanTitle, int? TargetId, int OrganizationId, string OrganizationName,
    InspectionKind Kind, IReadOnlyList<InspectionContent> Content, DateOnly StartedOn, DateOnly? EndedOn, string Team, string? Findings,
    string? Conclusion, IReadOnlyList<ViolationDto> Violations, IReadOnlyList<InspectedInstrumentDto> Instruments,
    IReadOnlyList<FollowUpDto> FollowUps, IReadOnlyList<EquipmentUsedDto> EquipmentUsed, DateTime CreatedAt);

/// <summary>One set of figures (a year, or cumulative since <see cref="InspectionStatisticsService.FirstYear"/>).</summary>
public sealed record InspectionFigures(
    int Planned, int Done, int TargetsInspected, int Violations, long Sanctions, int InstrumentsChecked, int InstrumentsUnverifiedOrOverdue);

public sealed record AgencyFigures(int AgencyId, string AgencyName, InspectionFigures Year, InspectionFigures Cumulative);

public sealed record ViolationKindFigures(ViolationKind Kind, int Year, int Cumulative, long SanctionsYear, long SanctionsCumulative);

public sealed record InspectionStatistics(
    int Year, int FromYear, InspectionFigures Total, InspectionFigures CumulativeTotal, IReadOnlyList<AgencyFigures> Agencies,
    IReadOnlyList<ViolationKindFigures> ViolationsByKind);

/// <summary>Content flags as a list for JSON and forms ("Group2Instruments", "FuelQuality").</summary>
public static class ContentFlags
{
    public static readonly InspectionContent[] All =
        Enum.GetValues<InspectionContent>().Where(c => c != InspectionContent.None).ToArray();

    public static IReadOnlyList<InspectionContent> Split(InspectionContent content) => All.Where(c => content.HasFlag(c)).ToList();

    public static InspectionContent Join(IEnumerable<InspectionContent> flags) => flags.Aggregate(InspectionContent.None, (a, c) => a | c);
}
