using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Infrastructure;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Metrology.Web.Features.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV or XLSX while its rows are read, so memory stays flat whatever
/// the number of rows. Both formats defuse spreadsheet formulas planted in the data (an owner can type
/// "=HYPERLINK(...)" as a manufacturer): CSV cells get a leading apostrophe (<see cref="CsvExport.Cell"/>),
/// XLSX cells are typed strings, which Excel shows as text and never evaluates.
/// </summary>
public static class ExportWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>With a BOM: without it Excel reads UTF-8 Vietnamese as mojibake.</summary>
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The HTTP answer: a download named after the export and today's date, written as the rows arrive.</summary>
    public static IResult ToResult(ExportTable table, ExportFormat format, DateOnly today, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{table.FileName}-{today:yyyy-MM-dd}");
        return format == ExportFormat.Csv
            ? TypedResults.Stream(body => WriteCsvAsync(body, table, cancellationToken), CsvContentType, $"{name}.csv")
            : TypedResults.Stream(body => PipeXlsxAsync(body, table, cancellationToken), XlsxContentType, $"{name}.xlsx");
    }

    /// <summary>RFC 4180 CSV, comma-separated, CRLF, dates dd/MM/yyyy, one row written per row read.</summary>
    public static async Task WriteCsvAsync(Stream output, ExportTable table, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', table.Columns.Select(c => CsvExport.Cell(c.Header))));
        await writer.WriteAsync("\r\n");
        var line = new StringBuilder();
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                line.Append(CsvCell(row[c]));
            }

            line.Append("\r\n");
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The workbook through MiniExcel, which writes synchronously and pulls its rows from an IEnumerable: run
    /// on the caller's thread, it blocks it for the whole file. Use it on a background thread or a file.
    /// </summary>
    public static void WriteXlsx(Stream output, ExportTable table, CancellationToken cancellationToken)
    {
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = table.Columns.Select(c => new DynamicExcelColumn(c.Key)
            {
                Name = c.Header,
                Width = c.Width,
                Format = c.Kind == ExportValueKind.Date ? "dd/MM/yyyy" : null,
            }).ToArray(),
        };
        MiniExcel.SaveAs(output, XlsxRows(table, cancellationToken), sheetName: "Sheet1", excelType: ExcelType.XLSX, configuration: configuration);
    }

    /// <summary>
    /// Kestrel refuses synchronous writes on a response, and MiniExcel makes only those: it writes into a pipe
    /// on a pool thread while this request copies the pipe to the client. The pipe's back-pressure keeps at
    /// most a few chunks in memory, and the first bytes leave before the last row is read.
    /// </summary>
    private static async Task PipeXlsxAsync(Stream body, ExportTable table, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        var producer = Task.Run(
            () =>
            {
                try
                {
                    using (var stream = pipe.Writer.AsStream())
                    {
                        WriteXlsx(stream, table, cancellationToken);
                    }
                }
                catch (Exception e)
                {
                    pipe.Writer.Complete(e);
                    throw;
                }
            },
            cancellationToken);
        try
        {
            await pipe.Reader.CopyToAsync(body, cancellationToken);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
        }

        await producer;
    }

    private static IEnumerable<Dictionary<string, object?>> XlsxRows(ExportTable table, CancellationToken cancellationToken)
    {
        foreach (var row in table.Rows.ToBlockingEnumerable(cancellationToken))
        {
            var cells = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                // DateOnly becomes a real Excel date (sortable, shown dd/MM/yyyy); text stays a typed string cell.
                cells[table.Columns[c].Key] = row[c] is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : row[c];
            }

            yield return cells;
        }
    }

    /// <summary>
    /// Text is defused and quoted as it needs; dates and numbers are ours, written invariantly (a negative
    /// number must stay a number, not gain an apostrophe).
    /// </summary>
    private static string CsvCell(object? value) => value switch
    {
        null => string.Empty,
        string text => CsvExport.Cell(text),
        DateOnly date => DisplayFormat.Date(date),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvExport.Cell(value.ToString()),
    };
}
