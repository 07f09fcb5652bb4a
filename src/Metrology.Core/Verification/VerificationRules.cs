namespace Metrology.Core.Verification;

/// <summary>Why a body may not record a verification (design/domain.md, Designation).</summary>
public enum DesignationProblem
{
    None,

    /// <summary>No designation of the body names the instrument's type at all.</summary>
    NoDesignationForType,

    /// <summary>A designation names the type and kind, but none is in force on the verification date.</summary>
    NotActiveOnDate,

    /// <summary>A designation in force names the type, but not this verification kind.</summary>
    KindNotInScope,
}

/// <summary>The pure rules of recording a legal verification, kept apart so they are tested by hand-worked values.</summary>
public static class VerificationRules
{
    /// <summary>Characters of a serial the public search by number shows; the rest are masked.</summary>
    public const int VisibleSerialCharacters = 4;

    /// <summary>
    /// Verification date + the type's cycle in months. DateOnly.AddMonths keeps the day and clamps to the
    /// month's last day, which is how a cycle is counted on paper: 31/01/2022 + 1 month = 28/02/2022.
    /// Null when the type sets no periodic cycle.
    /// </summary>
    public static DateOnly? NextDueDate(DateOnly verificationDate, int? cycleMonths) =>
        cycleMonths is > 0 ? verificationDate.AddMonths(cycleMonths.Value) : null;

    /// <summary>
    /// Checks a body's designations for (type, kind, date). The problem reported is the most specific one:
    /// a designation that would cover the type and kind but is not in force says so, rather than "no designation".
    /// </summary>
    public static DesignationProblem CheckDesignation(IEnumerable<Designation> designations, string typeCode, VerificationKind kind, DateOnly date)
    {
        var forType = designations.Where(d => d.Scopes.Any(s => string.Equals(s.TypeCode, typeCode, StringComparison.Ordinal))).ToList();
        if (forType.Count == 0)
        {
            return DesignationProblem.NoDesignationForType;
        }

        if (forType.Any(d => d.Covers(typeCode, kind, date)))
        {
            return DesignationProblem.None;
        }

        return forType.Any(d => d.IsActiveOn(date)) ? DesignationProblem.KindNotInScope : DesignationProblem.NotActiveOnDate;
    }

    /// <summary>A standard whose calibration is due on or after the verification date was in calibration that day.</summary>
    public static bool WasInCalibration(DateOnly? calibrationDueDate, DateOnly verificationDate) =>
        calibrationDueDate is { } due && due >= verificationDate;

    /// <summary>
    /// "AB12345678" → "******5678": a citizen compares the tail with the meter in hand, while a stranger
    /// guessing certificate numbers learns nothing that identifies the instrument.
    /// </summary>
    public static string MaskSerial(string serial) =>
        serial.Length <= VisibleSerialCharacters
            ? serial
            : new string('*', serial.Length - VisibleSerialCharacters) + serial[^VisibleSerialCharacters..];
}
