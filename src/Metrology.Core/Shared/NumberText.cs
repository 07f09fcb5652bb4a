using System.Globalization;

namespace Metrology.Core.Shared;

/// <summary>How a field reads the marks in a typed number (issue 20, item 1).</summary>
public enum NumberStyle
{
    /// <summary>
    /// A measured value (calibration point, U, k, tolerance, survey answer): the comma and the dot both mark
    /// decimals, so "20.004" may be 20,004 or 20004 and is <see cref="NumberReading.Ambiguous"/>.
    /// </summary>
    Measurement,

    /// <summary>Money and counts: whole numbers, where a dot or comma before three digits can only be grouping ("5.000.000").</summary>
    Whole,
}

public enum NumberReading
{
    Ok,
    Empty,

    /// <summary>Two readings are possible: <see cref="NumberParse.Value"/> (decimal) and <see cref="NumberParse.Alternative"/> (grouped).</summary>
    Ambiguous,
    Invalid,
}

public enum NumberProblem
{
    None,

    /// <summary>Letters or other characters that are not part of a number.</summary>
    NotANumber,

    /// <summary>Two decimal marks, or grouping marks in the wrong places ("1.23.4", "1,2,3").</summary>
    TwoDecimalMarks,

    /// <summary>A decimal part in a field that takes whole numbers.</summary>
    NotWhole,

    OutOfRange,

    /// <summary>Two readings in a place that cannot ask (the API): the caller must write the number plainly.</summary>
    Ambiguous,
}

/// <summary>The outcome of reading a typed number; <see cref="Value"/> keeps the decimals as typed ("100,30" has scale 2).</summary>
public readonly record struct NumberParse(NumberReading Reading, decimal? Value, decimal? Alternative, NumberProblem Problem)
{
    public bool IsOk => Reading == NumberReading.Ok;
}

/// <summary>
/// The one reader of numbers typed by people (pages, text values in the API). Vietnamese writes "1.234,5",
/// English "1,234.5", and clerks type either; nothing is guessed: a reading is accepted only when it is the
/// only one, a dot before exactly three digits in a measured value is asked about, and anything else is refused
/// with a reason. Decimals keep the digits typed, trailing zeros included, because in metrology they are significant.
/// </summary>
public static class NumberText
{
    /// <summary>Beyond this a typed number is a slip, not a value (and stays inside decimal's exact range).</summary>
    public const decimal Limit = 1_000_000_000_000_000m;

    /// <summary>Vietnamese writing of numbers, whatever the machine's culture data.</summary>
    public static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static NumberParse Parse(string? text, NumberStyle style, decimal? min = null, decimal? max = null)
    {
        var parsed = Read(text, style);
        if (parsed.Reading != NumberReading.Ok)
        {
            return parsed;
        }

        var value = parsed.Value!.Value;
        return (min is { } lo && value < lo) || (max is { } hi && value > hi) || Math.Abs(value) > Limit
            ? Invalid(NumberProblem.OutOfRange)
            : parsed;
    }

    /// <summary>
    /// The same reading where nobody can be asked (a value sent to the API as text): an ambiguous number is refused.
    /// </summary>
    public static NumberParse ParseStrict(string? text, NumberStyle style, decimal? min = null, decimal? max = null)
    {
        var parsed = Parse(text, style, min, max);
        return parsed.Reading == NumberReading.Ambiguous ? Invalid(NumberProblem.Ambiguous) : parsed;
    }

    /// <summary>A value as it will be stored, in the culture's writing (Vietnamese: 1.234,50), every typed decimal kept.</summary>
    public static string Format(decimal value, IFormatProvider culture) =>
        value.ToString("N" + value.Scale.ToString(CultureInfo.InvariantCulture), NumberFormatInfo.GetInstance(culture));

    private static NumberParse Read(string? text, NumberStyle style)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new NumberParse(NumberReading.Empty, null, null, NumberProblem.None);
        }

        var s = text.Trim();
        var negative = false;
        if (s[0] is '-' or '+' or '−')
        {
            negative = s[0] != '+';
            s = s[1..].TrimStart();
        }

        if (s.Length == 0)
        {
            return Invalid(NumberProblem.NotANumber);
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ',') && !IsSpace(c))
            {
                return Invalid(NumberProblem.NotANumber);
            }
        }

        // Spaces can only group ("5 000 000", "1 234,5"): remove them once their groups are checked.
        if (s.Any(IsSpace))
        {
            var spaced = s.Split(IsSpaceChars, StringSplitOptions.None);
            var last = spaced[^1];
            var lastDigits = last.IndexOfAny(['.', ',']) is var mark and >= 0 ? last[..mark] : last;
            if (!ValidGroups([.. spaced[..^1], lastDigits]))
            {
                return Invalid(NumberProblem.NotANumber);
            }

            s = string.Concat(spaced);
        }

        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        string integerPart;
        string? fraction;
        if (dots > 0 && commas > 0)
        {
            // Both marks: the last one is the decimal mark, the other one groups ("1.234,5", "1,234.5").
            var decimalMark = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            var groupMark = decimalMark == '.' ? ',' : '.';
            if (s.Count(c => c == decimalMark) > 1)
            {
                return Invalid(NumberProblem.TwoDecimalMarks);
            }

            var at = s.IndexOf(decimalMark, StringComparison.Ordinal);
            if (!ValidGroups(s[..at].Split(groupMark)))
            {
                return Invalid(NumberProblem.TwoDecimalMarks);
            }

            integerPart = s[..at].Replace(groupMark.ToString(), string.Empty, StringComparison.Ordinal);
            fraction = s[(at + 1)..];
        }
        else if (dots + commas > 1)
        {
            // One mark repeated can only group ("5.000.000", "5,000,000").
            var mark = dots > 0 ? '.' : ',';
            if (!ValidGroups(s.Split(mark)))
            {
                return Invalid(NumberProblem.TwoDecimalMarks);
            }

            integerPart = s.Replace(mark.ToString(), string.Empty, StringComparison.Ordinal);
            fraction = null;
        }
        else if (dots + commas == 1)
        {
            var at = s.IndexOfAny(['.', ',']);
            integerPart = s[..at];
            fraction = s[(at + 1)..];
            var couldGroup = ValidGroups([integerPart, fraction]);
            if (style == NumberStyle.Whole)
            {
                if (couldGroup)
                {
                    integerPart += fraction;
                    fraction = null;
                }
            }
            else if (couldGroup && s[at] == '.')
            {
                // "20.004": 20,004 the English way, or 20004 with a Vietnamese grouping dot. Ask.
                var asDecimal = Build(negative, integerPart, fraction);
                var asGrouped = Build(negative, integerPart + fraction, null);
                return asDecimal is null || asGrouped is null
                    ? Invalid(NumberProblem.NotANumber)
                    : new NumberParse(NumberReading.Ambiguous, asDecimal, asGrouped, NumberProblem.None);
            }
        }
        else
        {
            integerPart = s;
            fraction = null;
        }

        if (fraction is not null && fraction.Length == 0)
        {
            return Invalid(NumberProblem.NotANumber);
        }

        if (style == NumberStyle.Whole && fraction is not null)
        {
            return Invalid(NumberProblem.NotWhole);
        }

        var value = Build(negative, integerPart.Length == 0 ? "0" : integerPart, fraction);
        return value is null ? Invalid(NumberProblem.OutOfRange) : new NumberParse(NumberReading.Ok, value, null, NumberProblem.None);
    }

    private static readonly char[] IsSpaceChars = [' ', '\u00A0', '\u202F', '\u2009'];

    private static bool IsSpace(char c) => Array.IndexOf(IsSpaceChars, c) >= 0;

    /// <summary>Groups of a grouped number: a first group of 1-3 digits not starting with 0, then groups of exactly 3.</summary>
    private static bool ValidGroups(string[] groups) =>
        groups.Length > 1
        && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups[0].All(char.IsAsciiDigit)
        && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));

    private static decimal? Build(bool negative, string integerPart, string? fraction)
    {
        if (integerPart.Length + (fraction?.Length ?? 0) > 28 || !integerPart.All(char.IsAsciiDigit) || (fraction is not null && !fraction.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var invariant = (negative ? "-" : string.Empty) + integerPart + (fraction is null ? string.Empty : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static NumberParse Invalid(NumberProblem problem) => new(NumberReading.Invalid, null, null, problem);
}
