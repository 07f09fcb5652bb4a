using System.Globalization;

namespace Metrology.Web.Features.Investments;

/// <summary>Money is VND in whole đồng, written the Vietnamese way in both languages: "25.616.000.000 đ".</summary>
public static class MoneyFormat
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static string Vnd(long amount) => amount.ToString("#,0", Grouping) + " đ";

    public static string Vnd(long? amount) => amount is { } value ? Vnd(value) : string.Empty;

    public static string Percent(decimal value) => value.ToString("0.#", Grouping) + " %";
}
