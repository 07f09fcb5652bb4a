using System.Globalization;

namespace Metrology.Core.Reporting;

/// <summary>
/// How the report writes numbers, the way the provinces' reports do (seed: Quảng Trị 2022): counts with at
/// least two digits ("04 bài báo", "01 Hội thảo") when there is something to count (an absence is said in words:
/// the assembler never writes "00"), money in billions with a decimal comma ("25,616 tỷ đồng"). The report is an official Vietnamese
/// document, so these forms do not follow the UI language.
/// </summary>
public static class ReportWording
{
    /// <summary>
    /// Vietnamese alphabetical order (ICU's vi collation: Đ after D, Ă and Â after A, tones after the letter), for
    /// lists of provinces and units in the reports and the roll-up; ordinal order would put Đà Nẵng after Yên Bái.
    /// </summary>
    public static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>The key a province sorts by: its proper name, "Đà Nẵng" for "Thành phố Đà Nẵng".</summary>
    public static string SortName(string provinceName) =>
        provinceName.StartsWith("Thành phố ", StringComparison.Ordinal) ? provinceName["Thành phố ".Length..] : provinceName;

    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>"04", "12", "1.234": two digits at least, Vietnamese grouping above 999.</summary>
    public static string Count(long value) =>
        value is >= 0 and < 10 ? value.ToString("00", CultureInfo.InvariantCulture) : value.ToString("#,0", Vietnamese);

    /// <summary>
    /// Money in VND as a report writes it: "25,616 tỷ đồng" (at most three decimals, trailing zeros dropped),
    /// "850 triệu đồng" below a billion, "0 đồng" for nothing.
    /// </summary>
    public static string Money(long vnd)
    {
        const decimal Billion = 1_000_000_000m;
        const decimal Million = 1_000_000m;
        var amount = (decimal)vnd;
        if (Math.Abs(amount) >= Billion)
        {
            return Math.Round(amount / Billion, 3, MidpointRounding.AwayFromZero).ToString("#,0.###", Vietnamese) + " tỷ đồng";
        }

        if (Math.Abs(amount) >= Million)
        {
            return Math.Round(amount / Million, 3, MidpointRounding.AwayFromZero).ToString("#,0.###", Vietnamese) + " triệu đồng";
        }

        return amount.ToString("#,0", Vietnamese) + " đồng";
    }

    /// <summary>A percentage with one decimal and a decimal comma: "97,3%".</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero).ToString("0.#", Vietnamese) + "%";

    /// <summary>A plain number for the annex: "1.234", "25,6".</summary>
    public static string Number(decimal value) => value.ToString("#,0.###", Vietnamese);

    /// <summary>
    /// The first letter in lower case when the text continues a sentence ("về phê duyệt ..."), unless the
    /// first word is an abbreviation ("UBND", "KH&amp;CN") whose second letter is upper case too.
    /// </summary>
    public static string Continuing(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || !char.IsUpper(trimmed[0]) || char.IsUpper(trimmed[1]))
        {
            return trimmed;
        }

        return char.ToLower(trimmed[0], CultureInfo.GetCultureInfo("vi-VN")) + trimmed[1..];
    }

    /// <summary>The text without a final full stop or semicolon, to be joined into a longer sentence.</summary>
    public static string Bare(string text) => text.Trim().TrimEnd('.', ';', ' ');
}
