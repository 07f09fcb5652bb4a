using System.Globalization;

namespace Metrology.Web.Infrastructure;

/// <summary>How dates and numbers show in the UI: dd/MM/yyyy in both languages, times in Vietnam's zone.</summary>
public static class DisplayFormat
{
    private static readonly TimeZoneInfo VietnamZone = FindVietnamZone();

    /// <summary>Vietnamese number grouping, used for money in both languages as the report writes it.</summary>
    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>VND in whole đồng: "25.616.000.000 đ".</summary>
    public static string Vnd(long amount) => amount.ToString("#,0", VietnameseNumbers) + " đ";

    public static string Vnd(long? amount) => amount is { } value ? Vnd(value) : string.Empty;

    /// <summary>A percentage with at most one decimal and a decimal comma: "71,4 %".</summary>
    public static string Percent(decimal value) => value.ToString("0.#", VietnameseNumbers) + " %";

    /// <summary>A UTC instant as Vietnam local date and time.</summary>
    public static string DateTime(DateTime? utc) =>
        utc is { } value
            ? TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(value, DateTimeKind.Utc), VietnamZone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : string.Empty;

    public static string Date(DateTime? utc) =>
        utc is { } value
            ? TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(value, DateTimeKind.Utc), VietnamZone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : string.Empty;

    /// <summary>Today's date in Vietnam, for comparing with legal dates (effective from / to, due dates).</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, VietnamZone));

    /// <summary>Numbers in the UI's culture: 1.234,5 in Vietnamese.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    private static TimeZoneInfo FindVietnamZone()
    {
        // ICU-less containers may lack tzdata; Vietnam has had no daylight saving since 1975, so a fixed +7 is exact.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
    }
}
