using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Metrology.Core.Verification;

public enum CertificatePatternProblem
{
    None,

    /// <summary>No "{seq}": every certificate would get the same number.</summary>
    NoSequence,

    /// <summary>More than one "{seq}".</summary>
    TwoSequences,

    /// <summary>No "{yyyy}": the sequence starts again each year and would repeat last year's numbers.</summary>
    NoYear,

    /// <summary>A "{...}" that is not one of the tokens, or a lone brace.</summary>
    UnknownToken,

    /// <summary>The numbers it gives would not fit a certificate number (60 characters).</summary>
    TooLong,
}

/// <summary>
/// A body's certificate-number pattern with a yearly sequence (issue 20, item 4): "{seq:000000}/{yyyy}/GCNKĐ"
/// gives 000001/2026/GCNKĐ, 000002/2026/GCNKĐ... and starts again at 1 in 2027. Tokens: {seq} or
/// {seq:000} (zero-padded to that many digits), {yyyy}. A pattern that could give the same number twice is refused.
/// </summary>
public static partial class CertificateNumberPattern
{
    public const int MaxLength = 100;

    /// <summary>As <see cref="Certificate.Number"/> is stored.</summary>
    public const int NumberMaxLength = 60;

    /// <summary>A sequence longer than this is not a yearly count of certificates.</summary>
    private const int MaxSequenceDigits = 9;

    public static CertificatePatternProblem Check(string pattern)
    {
        if (!TryParts(pattern, out var parts))
        {
            return CertificatePatternProblem.UnknownToken;
        }

        var sequences = parts.Count(p => p.Kind == PartKind.Sequence);
        if (sequences == 0)
        {
            return CertificatePatternProblem.NoSequence;
        }

        if (sequences > 1)
        {
            return CertificatePatternProblem.TwoSequences;
        }

        if (!parts.Any(p => p.Kind == PartKind.Year))
        {
            return CertificatePatternProblem.NoYear;
        }

        var longest = parts.Sum(p => p.Kind switch
        {
            PartKind.Sequence => Math.Max(p.Text.Length, MaxSequenceDigits),
            PartKind.Year => 4,
            _ => p.Text.Length,
        });
        return longest > NumberMaxLength ? CertificatePatternProblem.TooLong : CertificatePatternProblem.None;
    }

    /// <summary>The number with sequence <paramref name="sequence"/> in <paramref name="year"/>; the pattern must pass <see cref="Check"/>.</summary>
    public static string Format(string pattern, int year, int sequence)
    {
        if (!TryParts(pattern, out var parts))
        {
            throw new ArgumentException("Invalid certificate number pattern.", nameof(pattern));
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.Kind switch
            {
                PartKind.Sequence => sequence.ToString(part.Text.Length == 0 ? "0" : part.Text, CultureInfo.InvariantCulture),
                PartKind.Year => year.ToString("0000", CultureInfo.InvariantCulture),
                _ => part.Text,
            });
        }

        return builder.ToString();
    }

    /// <summary>The sequence of <paramref name="number"/> when the pattern gave it in <paramref name="year"/>; else null.</summary>
    public static int? SequenceOf(string pattern, int year, string number)
    {
        if (!TryParts(pattern, out var parts))
        {
            return null;
        }

        var regex = new StringBuilder("^");
        foreach (var part in parts)
        {
            regex.Append(part.Kind switch
            {
                PartKind.Sequence => $"(?<seq>[0-9]{{{Math.Max(part.Text.Length, 1)},{MaxSequenceDigits}}})",
                PartKind.Year => year.ToString("0000", CultureInfo.InvariantCulture),
                _ => Regex.Escape(part.Text),
            });
        }

        regex.Append('$');
        var match = Regex.Match(number, regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return match.Success && int.TryParse(match.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }

    private enum PartKind
    {
        Literal,
        Sequence,
        Year,
    }

    /// <summary>For a sequence, <see cref="Text"/> is its zero padding ("000000") or empty.</summary>
    private sealed record Part(PartKind Kind, string Text);

    private static bool TryParts(string pattern, out List<Part> parts)
    {
        parts = [];
        var position = 0;
        foreach (Match token in Token().Matches(pattern))
        {
            if (token.Index > position)
            {
                parts.Add(new Part(PartKind.Literal, pattern[position..token.Index]));
            }

            parts.Add(token.Groups["year"].Success
                ? new Part(PartKind.Year, string.Empty)
                : new Part(PartKind.Sequence, token.Groups["pad"].Value));
            position = token.Index + token.Length;
        }

        if (position < pattern.Length)
        {
            parts.Add(new Part(PartKind.Literal, pattern[position..]));
        }

        return !parts.Any(p => p.Kind == PartKind.Literal && (p.Text.Contains('{', StringComparison.Ordinal) || p.Text.Contains('}', StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"\{(?:(?<year>yyyy)|seq(?::(?<pad>0{1,9}))?)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
