using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Metrology.Core.Programme;

namespace Metrology.Web.Features.Documents;

/// <summary>
/// The number and symbol ("số, ký hiệu") of a Vietnamese administrative document, as Decree 30/2020/NĐ-CP
/// lays it out: <c>&lt;number&gt;[/&lt;year&gt;]/&lt;SYMBOL&gt;[-&lt;SYMBOL&gt;...]</c>, e.g. "1928/QĐ-UBND",
/// "99/2020/NQ-HĐND", "04/BKH-CN-TĐC". Symbol parts are uppercase abbreviations (digits allowed, as in
/// "BKHCN"); "TTg" (the Prime Minister) is the one mixed-case part in use, so it is accepted by name.
/// </summary>
public sealed partial record DocumentNumber(string Text, int? Year, string FirstSymbol)
{
    /// <summary>The document-kind codes of the symbol's first part that name one of our <see cref="DocumentType"/>s.</summary>
    private static readonly Dictionary<string, DocumentType> KindCodes = new(StringComparer.Ordinal)
    {
        ["NQ"] = DocumentType.Resolution,
        ["QĐ"] = DocumentType.Decision,
        ["KH"] = DocumentType.Plan,
        ["BC"] = DocumentType.Report,
    };

    [GeneratedRegex(@"^(?<number>[0-9]{1,6})(?:/(?<year>[0-9]{4}))?/(?<symbol>(?:[A-ZĐ][A-ZĐ0-9]*|TTg)(?:-(?:[A-ZĐ][A-ZĐ0-9]*|TTg))*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The parsed number, or null when <paramref name="value"/> does not follow the pattern.</summary>
    public static DocumentNumber? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // NFC so that a "Đ" or "Ư" typed as base letter + combining mark compares equal to the stored one.
        var text = value.Trim().Normalize(NormalizationForm.FormC);
        var match = Pattern().Match(text);
        if (!match.Success || match.Groups["number"].Value.All(c => c == '0'))
        {
            return null;
        }

        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        return new DocumentNumber(text, year, match.Groups["symbol"].Value.Split('-')[0]);
    }

    /// <summary>
    /// The type the symbol's first part announces (NQ = resolution...), or null when it names none of ours
    /// (an official letter's symbol is the issuer's abbreviation, e.g. "04/BKH-CN-TĐC").
    /// </summary>
    public DocumentType? ImpliedType => KindCodes.TryGetValue(FirstSymbol, out var type) ? type : null;

    /// <summary>
    /// Whether <paramref name="type"/> agrees with the symbol: a resolution's symbol starts with NQ, a decision's
    /// with QĐ, a plan's with KH, a report's with BC; an official letter's starts with none of those.
    /// </summary>
    public bool Agrees(DocumentType type) => ImpliedType is { } implied
        ? implied == type
        : type == DocumentType.OfficialLetter;

    /// <summary>The symbol code that <paramref name="type"/> requires, or null for an official letter.</summary>
    public static string? CodeFor(DocumentType type) => KindCodes.FirstOrDefault(k => k.Value == type).Key;

    /// <summary>
    /// A date the way Vietnamese documents write it (Decree 30/2020/NĐ-CP, Appendix I): a day below 10 and the
    /// months January and February take a leading zero, other months do not. The seed report follows it:
    /// "09/12/2020", "20/7/2020", "28/5/2021", "03/01/2023".
    /// </summary>
    public static string LegalDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))}/{date.Year}");
}
