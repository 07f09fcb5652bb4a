namespace Metrology.Core.Reporting;

/// <summary>
/// The key indicators of the report's annex and of the Ministry's roll-up. Each is counted for the year
/// and cumulatively since the programme started in the province; money indicators are VND.
/// </summary>
public enum KeyIndicator
{
    /// <summary>Enterprises with a measurement assurance programme (pilot or replicated) started.</summary>
    AssuranceEnterprises,

    /// <summary>Verification bodies holding a designation in force at the end of the year.</summary>
    DesignatedBodies,

    /// <summary>Verifications recorded.</summary>
    InstrumentsVerified,

    /// <summary>Group 2 instruments on the register (in service) at the end of the year.</summary>
    Group2InstrumentsRegistered,

    /// <summary>Group 2 instruments in service whose verification was overdue at the end of the year.</summary>
    Group2InstrumentsOverdue,

    /// <summary>Articles, broadcasts, classes, workshops and trainings.</summary>
    OutreachActivities,

    /// <summary>Participants of classes, workshops and trainings.</summary>
    PeopleReached,

    EnterprisesSurveyed,

    ScienceTasks,

    Inspections,

    Violations,

    SanctionsVnd,

    InvestmentCommittedVnd,

    InvestmentDisbursedVnd,
}

/// <summary>One indicator's value for the report's year and cumulatively to its end.</summary>
public sealed record IndicatorValue(KeyIndicator Indicator, decimal Year, decimal Cumulative);

/// <summary>
/// A target a province set itself (or was given) for an indicator by a year, e.g. in its plan for the
/// programme; the annex compares the cumulative figure with the nearest target year.
/// </summary>
public class IndicatorTarget : Shared.IProvinceOwned
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public KeyIndicator Indicator { get; set; }

    /// <summary>The year by which the target is to be reached (2025, 2030).</summary>
    public int TargetYear { get; set; }

    public decimal Value { get; set; }

    /// <summary>Where the target comes from, e.g. "Quyết định số 1928/QĐ-UBND ngày 20/7/2020".</summary>
    public string? Source { get; set; }
}

/// <summary>
/// A target of the programme the Ministry sets for every province for an indicator by a year (a yearly target, or
/// the 2025 and 2030 milestones of Decision 996). A province's own <see cref="IndicatorTarget"/> for the same
/// indicator takes precedence in its annex.
/// </summary>
public class NationalTarget
{
    public int Id { get; set; }

    public KeyIndicator Indicator { get; set; }

    public int TargetYear { get; set; }

    public decimal Value { get; set; }

    /// <summary>Where the target comes from, e.g. "Quyết định số 996/QĐ-TTg ngày 10/8/2018".</summary>
    public string? Source { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByEmail { get; set; }
}
