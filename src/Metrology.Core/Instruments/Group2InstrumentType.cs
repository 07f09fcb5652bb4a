namespace Metrology.Core.Instruments;

/// <summary>
/// One row of the Group 2 list (Circular 23/2013 as amended by 07/2019 and 03/2024): the controls and
/// the verification cycle. Rows carry effective dates because circulars replace them: a revision is a
/// new row for the same code from its date, the old row ending the day before.
/// Null booleans mean "not confirmed" in the source.
/// </summary>
public class Group2InstrumentType
{
    public const int CodeMaxLength = 80;

    public int Id { get; set; }

    public required string Code { get; set; }

    public required string QuantityGroupVi { get; set; }

    public required string QuantityGroupEn { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public bool? PatternApproval { get; set; }

    public bool? InitialVerification { get; set; }

    public bool? PeriodicVerification { get; set; }

    public bool? AfterRepairVerification { get; set; }

    /// <summary>Months to the next periodic verification; null when the list sets no cycle.</summary>
    public int? CycleMonths { get; set; }

    /// <summary>The circular the row comes from, e.g. "TT03/2024".</summary>
    public required string Source { get; set; }

    public string Notes { get; set; } = string.Empty;

    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Last day the row applies; null while in force.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public string SearchText { get; set; } = string.Empty;

    public bool IsInForceOn(DateOnly date) =>
        (EffectiveFrom is null || EffectiveFrom <= date) && (EffectiveTo is null || date <= EffectiveTo);
}
