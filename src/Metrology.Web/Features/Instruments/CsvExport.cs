using System.Text;
using Metrology.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// Instrument lists as CSV for Excel: UTF-8 with a BOM (without it Excel reads Vietnamese as mojibake),
/// dates dd/MM/yyyy, RFC 4180 quoting, and written row by row to the response so memory stays flat.
/// </summary>
public static class CsvExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<InstrumentDto> rows, IStringLocalizer text, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        await WriteRowAsync(writer,
        [
            text["Instruments.Field.Id"], text["Instruments.Field.Type"], text["Instruments.Field.TypeCode"], text["Instruments.Field.Manufacturer"],
            text["Instruments.Field.Model"], text["Instruments.Field.SerialNumber"], text["Instruments.Field.Owner"], text["Instruments.Field.Location"],
            text["Instruments.Field.Status"], text["Instruments.Field.LastVerifiedOn"], text["Instruments.Field.NextDueDate"], text["Instruments.Field.DueState"],
        ]);
        await foreach (var i in rows.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(writer,
            [
                i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.TypeName, i.TypeCode, i.Manufacturer,
                i.Model, i.SerialNumber, i.OwnerName, i.Location,
                text[$"Instruments.Status.{i.Status}"], DisplayFormat.Date(i.LastVerifiedOn), DisplayFormat.Date(i.NextDueDate), text[$"Instruments.Due.{i.DueState}"],
            ]);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteRowAsync(StreamWriter writer, string?[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync(Cell(cells[c]));
        }

        await writer.WriteAsync("\r\n");
    }

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
