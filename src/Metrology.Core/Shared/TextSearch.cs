using System.Globalization;
using System.Text;

namespace Metrology.Core.Shared;

/// <summary>
/// Folds Vietnamese text to a lowercase, diacritic-free form so that "quang tri" finds "Quảng Trị".
/// Searchable entities store this form in a column, which both SQLite and PostgreSQL can index and
/// compare with a plain LIKE (neither engine folds Vietnamese diacritics by itself).
/// </summary>
public static class TextSearch
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // "đ" is a letter of its own, not d + mark, so decomposition leaves it alone.
            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(folded);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The separators a certificate number or stamp serial may be typed with or without ("QT25-0000009", "qt25 0000009").
    /// The SQL of <see cref="CompactKeySql"/> removes the same ones.
    /// </summary>
    private static readonly string[] KeySeparators = ["-", "/", " ", ".", "_"];

    /// <summary>
    /// A certificate number or stamp serial as compared by the searches: lowercase, Đ as d, without separators, so
    /// "000123/2026/GCNKĐ" and "000123 2026 gcnkd" meet. Only ASCII letters are lowered, as SQLite's lower() does.
    /// </summary>
    public static string CompactKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var key = text.Trim().Replace('Đ', 'd').Replace('đ', 'd');
        foreach (var separator in KeySeparators)
        {
            key = key.Replace(separator, string.Empty, StringComparison.Ordinal);
        }

        return new string(key.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c).ToArray());
    }

    /// <summary>The same key as <see cref="CompactKey"/>, computed by the database for a stored column (both engines).</summary>
    public static string CompactKeySql(string column)
    {
        var sql = $"replace(replace(\"{column}\", 'Đ', 'd'), 'đ', 'd')";
        foreach (var separator in KeySeparators)
        {
            sql = $"replace({sql}, '{separator}', '')";
        }

        return $"lower({sql})";
    }

    /// <summary>Escapes LIKE wildcards so a user's "%" or "_" is matched literally.</summary>
    public static string LikeContainsPattern(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
