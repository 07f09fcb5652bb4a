using System.Globalization;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Cell parsers shared by every kind of import. Spreadsheets from the provinces write the same value many
/// ways (a date typed as 05/01/2022, 5/1/2022, 2022-01-05 or stored by Excel as the serial number 44566;
/// a number as 1.234,5 or 1,234.5): each parser accepts all of them and returns null when the text is none.
/// </summary>
public static class ImportValues
{
    /// <summary>Excel's day 0 in the 1900 date system, counted so that serials after 28/02/1900 come out right.</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Serial 61 is 01/03/1900: earlier serials pass through Excel's fictitious 29/02/1900.</summary>
    private const int FirstReliableSerial = 61;

    /// <summary>Serial of 31/12/9999, the last date Excel has.</summary>
    private const int LastSerial = 2_958_465;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    /// <summary>
    /// dd/MM/yyyy or d/M/yyyy (day first, as in Vietnam), ISO yyyy-MM-dd, an Excel serial number (44566 =
    /// 05/01/2022); a time part after the date ("2022-01-05 00:00:00", "44566.5") is ignored.
    /// </summary>
    public static DateOnly? Date(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // "2022-01-05 00:00:00" or "2022-01-05T00:00:00": what a date cell becomes as text.
        var cut = text.IndexOfAny([' ', 'T']);
        var datePart = cut > 0 ? text[..cut] : text;
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial >= FirstReliableSerial && serial <= LastSerial)
        {
            return ExcelEpoch.AddDays((int)Math.Floor(serial));
        }

        return null;
    }

    /// <summary>
    /// A decimal written with a comma or a point and optional thousands separators: "1.234,5", "1,234.5",
    /// "1 234,5" and "1234.5" are all 1234.5. When both marks appear the last one is the decimal mark; a mark
    /// that appears more than once groups thousands; a single mark is the decimal mark ("2,5" = 2.5).
    /// </summary>
    public static decimal? Number(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Spaces (also the no-break spaces Excel and LibreOffice put in grouped numbers) only group thousands.
        text = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F'));
        var lastComma = text.LastIndexOf(',');
        var lastPoint = text.LastIndexOf('.');
        char? decimalMark = (lastComma, lastPoint) switch
        {
            ( < 0, < 0) => null,
            ( >= 0, >= 0) => lastComma > lastPoint ? ',' : '.',
            ( >= 0, _) => text.Count(c => c == ',') == 1 ? ',' : null,
            _ => text.Count(c => c == '.') == 1 ? '.' : null,
        };
        var groupMark = decimalMark switch
        {
            ',' => '.',
            '.' => ',',
            _ => lastComma >= 0 ? ',' : '.',
        };
        if (decimalMark is { } mark && text.IndexOf(mark, StringComparison.Ordinal) != text.LastIndexOf(mark))
        {
            return null;
        }

        var plain = text.Replace(groupMark.ToString(), string.Empty, StringComparison.Ordinal);
        if (decimalMark is { } m)
        {
            plain = plain.Replace(m, '.');
        }

        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>A whole number; "1.234", "1,234" and "1 234" are 1234, "12.0" (an XLSX number cell) is 12; "12,5" is none.</summary>
    public static long? WholeNumber(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F'));
        if (long.TryParse(compact, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        // Thousands groups of exactly three digits: "1.234.567" or "1,234".
        var groups = compact.TrimStart('-').Split(compact.Contains('.', StringComparison.Ordinal) ? '.' : ',');
        if (groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3)
            && groups.All(g => g.All(char.IsAsciiDigit)) && !(compact.Contains('.', StringComparison.Ordinal) && compact.Contains(',', StringComparison.Ordinal)))
        {
            var digits = string.Concat(groups);
            return long.Parse(digits, CultureInfo.InvariantCulture) * (compact.StartsWith('-') ? -1 : 1);
        }

        // An XLSX number cell read as text: "12.0" or "12".
        return double.TryParse(compact, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real)
            && Math.Abs(real) < long.MaxValue
            ? (long)real
            : null;
    }

    /// <summary>
    /// A choice given by its Vietnamese or English label or its code name, ignoring case, diacritics and spacing:
    /// "Doanh nghiệp", "doanh nghiep", "Enterprise" all pick the same member.
    /// </summary>
    public static TEnum? Choice<TEnum>(string? value, IReadOnlyDictionary<string, TEnum> labels)
        where TEnum : struct, Enum
    {
        var key = Key(value);
        if (key.Length == 0)
        {
            return null;
        }

        if (labels.TryGetValue(key, out var member))
        {
            return member;
        }

        return Enum.GetValues<TEnum>().Where(m => Key(m.ToString()) == key).Select(m => (TEnum?)m).FirstOrDefault();
    }

    /// <summary>
    /// A tax code as spreadsheets mangle it: an XLSX number cell loses nothing for 10 digits, but a leading
    /// apostrophe (Excel's "keep as text") or spaces are dropped. The result still goes through <see cref="TaxCode.Check"/>.
    /// </summary>
    public static string? TaxCodeText(string? value)
    {
        var text = value?.Trim().TrimStart('\'').Replace(" ", string.Empty, StringComparison.Ordinal);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>What headers and labels are compared by: folded (no case, no diacritics) with every space removed.</summary>
    public static string Key(string? value) => TextSearch.Fold(value).Replace(" ", string.Empty, StringComparison.Ordinal);
}
