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

    /// <summary>Escapes LIKE wildcards so a user's "%" or "_" is matched literally.</summary>
    public static string LikeContainsPattern(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
