using Metrology.Core.Shared;
using Metrology.Core.Verification;

namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// The kinds and results of a verification as people write them in a file: Vietnamese or English, with or
/// without diacritics ("Định kỳ", "dinh ky", "Periodic"; "Đạt", "pass"). Dates use the shared
/// <see cref="Imports.ImportValues.Date"/>.
/// </summary>
public static class VerificationLabels
{
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

    public static VerificationKind? Kind(string? value) =>
        Kinds.TryGetValue(TextSearch.Fold(value), out var kind) ? kind
        : Enum.TryParse<VerificationKind>(value, ignoreCase: true, out var named) && !int.TryParse(value, out _) ? named
        : null;

    public static VerificationResult? Result(string? value) =>
        Results.TryGetValue(TextSearch.Fold(value), out var result) ? result : null;
}
