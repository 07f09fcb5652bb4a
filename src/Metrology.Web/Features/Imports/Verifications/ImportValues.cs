using System.Globalization;
using Metrology.Core.Shared;
using Metrology.Core.Verification;

namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// Reading the cell values of a verification file as people type them: dates dd/MM/yyyy, d/M/yyyy, ISO or an
/// Excel serial number (a date cell read without its format), kinds and results in Vietnamese or English,
/// with or without diacritics.
/// </summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy/MM/dd"];

    // Excel's serial 1 is 01/01/1900; anything outside 1900..9999 is not a date someone meant.
    private const double FirstSerial = 1;
    private const double LastSerial = 2958465;

    private static readonly Dictionary<string, VerificationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["ban dau"] = VerificationKind.Initial,
        ["kiem dinh ban dau"] = VerificationKind.Initial,
        ["initial"] = VerificationKind.Initial,
        ["dinh ky"] = VerificationKind.Periodic,
        ["kiem dinh dinh ky"] = VerificationKind.Periodic,
        ["periodic"] = VerificationKind.Periodic,
        ["sau sua chua"] = VerificationKind.AfterRepair,
        ["kiem dinh sau sua chua"] = VerificationKind.AfterRepair,
        ["after repair"] = VerificationKind.AfterRepair,
        ["afterrepair"] = VerificationKind.AfterRepair,
        ["doi chung"] = VerificationKind.Reference,
        ["kiem dinh doi chung"] = VerificationKind.Reference,
        ["reference"] = VerificationKind.Reference,
    };

    private static readonly Dictionary<string, VerificationResult> Results = new(StringComparer.Ordinal)
    {
        ["dat"] = VerificationResult.Pass,
        ["pass"] = VerificationResult.Pass,
        ["passed"] = VerificationResult.Pass,
        ["khong dat"] = VerificationResult.Fail,
        ["fail"] = VerificationResult.Fail,
        ["failed"] = VerificationResult.Fail,
    };

    public static DateOnly? Date(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        // "31/01/2024 00:00:00" or "2024-01-31T00:00:00": a date cell that came with its (empty) time.
        var cut = text.IndexOfAny([' ', 'T']);
        if (cut > 0)
        {
            text = text[..cut];
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial is >= FirstSerial and <= LastSerial)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        return null;
    }

    public static VerificationKind? Kind(string? value) =>
        Kinds.TryGetValue(TextSearch.Fold(value), out var kind) ? kind
        : Enum.TryParse<VerificationKind>(value, ignoreCase: true, out var named) && !int.TryParse(value, out _) ? named
        : null;

    public static VerificationResult? Result(string? value) =>
        Results.TryGetValue(TextSearch.Fold(value), out var result) ? result : null;
}
