using System.Text;
using Metrology.Web.Features.Exports;
using MiniExcelLibs;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// The file a user downloads to fix: every row of the upload as it was (same row numbers), in the same format
/// (CSV stays CSV with its separator, now UTF-8 with a BOM so Excel reads the accents; XLSX stays XLSX), plus
/// a last column "Lỗi / Error" filled on the rows in error. The upload ignores that column, so the fixed file
/// goes back as it is. The messages come in row order (<see cref="ImportErrorLog.MessagesByRow"/>) and are
/// matched to the rows as both are read, so neither the file nor the errors are held in memory. Every cell gets
/// the exports' formula guard (<see cref="CsvExport.DefuseFormula"/>): an uploaded <c>=HYPERLINK(…)</c> goes back
/// as text, never as a formula the clerk's spreadsheet would run; the import takes the guard off again.
/// </summary>
public static class ImportErrorFile
{
    /// <param name="headerRow">The file row of the header (rows above it, a title block, are copied as they are).</param>
    public static async Task<string> WriteAsync(ImportFile file, int headerRow, IEnumerable<(int Row, string Message)> messages, string path, CancellationToken cancellationToken)
    {
        ImportStorage.Delete(path);
        if (file.Format == ImportFileFormat.Xlsx)
        {
            // Keys are positions: the header is written as the first data row, so repeated or blank headers cannot clash.
            await MiniExcel.SaveAsAsync(path, Rows(file, headerRow, messages).Select(ToDictionary), printHeader: false, sheetName: ImportFile.DataSheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            return path;
        }

        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        foreach (var cells in Rows(file, headerRow, messages))
        {
            await writer.WriteAsync(string.Join(file.Delimiter, cells.Select(c => Quote(c, file.Delimiter))).AsMemory(), cancellationToken);
            await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
        }

        return path;
    }

    private static IEnumerable<string?[]> Rows(ImportFile file, int headerRow, IEnumerable<(int Row, string Message)> messages)
    {
        var width = 0;
        using var next = messages.GetEnumerator();
        var pending = next.MoveNext();
        foreach (var row in file.ReadRows())
        {
            if (row.RowNumber < headerRow)
            {
                yield return [.. row.Cells.Select(Defuse)];
                continue;
            }

            if (row.RowNumber == headerRow)
            {
                width = row.Cells.Length;
                // A header already carrying the error column (a re-upload of an error file) gets it replaced.
                var errorColumn = Array.FindIndex(row.Cells, c => ImportValues.Key(c) == ImportValues.Key(ImportHeader.ErrorColumn));
                width = errorColumn >= 0 ? errorColumn : width;
                yield return [.. row.Cells.Take(width).Select(Defuse), ImportHeader.ErrorColumn];
                continue;
            }

            var cells = new string?[width + 1];
            for (var i = 0; i < Math.Min(width, row.Cells.Length); i++)
            {
                cells[i] = Defuse(row.Cells[i]);
            }

            // Both go up by row number; a message for a row the file does not have (none expected) is passed over.
            while (pending && next.Current.Row < row.RowNumber)
            {
                pending = next.MoveNext();
            }

            cells[width] = pending && next.Current.Row == row.RowNumber ? next.Current.Message : null;
            yield return cells;
        }
    }

    private static string? Defuse(string? cell) => cell is null ? null : CsvExport.DefuseFormula(cell);

    private static Dictionary<string, object?> ToDictionary(string?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row[$"c{i}"] = cells[i];
        }

        return row;
    }

    private static string Quote(string? value, char delimiter)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
