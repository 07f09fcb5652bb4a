namespace Metrology.Web.Features.Exports;

/// <summary>
/// Cells of the CSV exports (<see cref="ExportWriter"/>), and the formula guard the XLSX writers share:
/// RFC 4180 quoting, and no text that a spreadsheet would run as a formula.
/// </summary>
public static class CsvExport
{
    /// <summary>
    /// One field, quoted when it must be. A value that Excel would run as a formula (= + - @, or a leading
    /// tab / carriage return) gets a leading apostrophe: an owner could otherwise plant "=HYPERLINK(...)"
    /// in a serial number and have it run on an officer's machine (CSV injection, OWASP).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        value = DefuseFormula(value);
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>A text a spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading apostrophe so it stays text.</summary>
    public static string DefuseFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
