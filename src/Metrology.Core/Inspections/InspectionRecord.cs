using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Inspections;

/// <summary>
/// An inspection done: by which agency, of which organisation, under which plan target, when, by whom; what
/// was checked and found, the violations with their sanctions, and the follow-up required.
/// </summary>
public class InspectionRecord : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int AgencyId { get; set; }

    public Organization? Agency { get; set; }

    public int PlanId { get; set; }

    public InspectionPlan? Plan { get; set; }

    public int? TargetId { get; set; }

    /// <summary>The organisation inspected.</summary>
    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public InspectionKind Kind { get; set; }

    public InspectionContent Content { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public required string Team { get; set; }

    public string? Findings { get; set; }

    public string? Conclusion { get; set; }

    public List<InspectionViolation> Violations { get; set; } = [];

    public List<InspectedInstrument> Instruments { get; set; } = [];

    public List<InspectionFollowUp> FollowUps { get; set; } = [];

    public List<InspectionEquipmentUse> EquipmentUsed { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum ViolationKind
{
    UnverifiedInstrument,
    OverdueVerification,
    TamperedStamp,
    PrepackagedQuantityShort,
    LabellingNonConforming,
    FuelQualityNonConforming,
    MeasurementAssurance,
    Other,
}

/// <summary>A violation found; a sanction (fine in VND, decision number) exists only on a violation.</summary>
public class InspectionViolation : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int RecordId { get; set; }

    public ViolationKind Kind { get; set; }

    public required string Description { get; set; }

    public long? SanctionAmount { get; set; }

    public string? SanctionDecision { get; set; }
}

public enum InstrumentCheckOutcome
{
    Conforming,
    Unverified,
    Overdue,
    NonConforming,
}

/// <summary>An instrument checked during an inspection and what was found.</summary>
public class InspectedInstrument : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int RecordId { get; set; }

    public int InstrumentId { get; set; }

    public Instrument? Instrument { get; set; }

    public InstrumentCheckOutcome Outcome { get; set; }

    public string? Note { get; set; }
}

/// <summary>An action the inspected organisation must take by a deadline.</summary>
public class InspectionFollowUp : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int RecordId { get; set; }

    public required string Action { get; set; }

    public DateOnly Deadline { get; set; }

    public DateOnly? DoneOn { get; set; }
}

/// <summary>Inspection equipment (volume standards, octane testers...) used during an inspection.</summary>
public class InspectionEquipmentUse : IAudited
{
    public int RecordId { get; set; }

    public int EquipmentId { get; set; }
}
