namespace Metrology.Core.Organizations;

/// <summary>Which rule a tax code broke; the web layer turns it into a Vietnamese or English message.</summary>
public enum TaxCodeProblem
{
    None,
    Empty,
    /// <summary>Not 10 digits, 10 digits + "-NNN" branch suffix, or a 12-digit citizen ID.</summary>
    Format,
    /// <summary>The 10th digit does not match the weighted check of the first nine.</summary>
    CheckDigit,
}

/// <summary>
/// Vietnamese enterprise tax code (mã số thuế): d1..d10 with
/// d10 = 10 - (31d1 + 29d2 + 23d3 + 19d4 + 17d5 + 13d6 + 7d7 + 5d8 + 3d9) mod 11, a result of 10 being invalid;
/// a branch adds "-NNN"; individuals and household businesses use a 12-digit citizen ID (format only).
/// </summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public const int MaxLength = 14;

    public static string Normalize(string? value) => (value ?? string.Empty).Trim();

    public static TaxCodeProblem Check(string? value)
    {
        var code = Normalize(value);
        if (code.Length == 0)
        {
            return TaxCodeProblem.Empty;
        }

        if (code.Length == 12 && code.All(char.IsAsciiDigit))
        {
            return TaxCodeProblem.None;
        }

        var main = code;
        if (code.Length == 14)
        {
            if (code[10] != '-' || !code[11..].All(char.IsAsciiDigit) || code[11..] == "000")
            {
                return TaxCodeProblem.Format;
            }

            main = code[..10];
        }

        if (main.Length != 10 || !main.All(char.IsAsciiDigit))
        {
            return TaxCodeProblem.Format;
        }

        return CheckDigitOf(main) == main[9] - '0' ? TaxCodeProblem.None : TaxCodeProblem.CheckDigit;
    }

    /// <summary>The check digit for the first nine digits, or null when the rule yields 10 (no valid code).</summary>
    public static int? CheckDigitOf(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (firstNine[i] - '0');
        }

        var digit = 10 - (sum % 11);
        return digit == 10 ? null : digit;
    }
}
