using System.Text;
using MiniExcelLibs;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// The file a user downloads to fix: every row of the upload as it was (same row numbers), in the same format
/// (CSV stays CSV with its separator, now UTF-8 with a BOM so Excel reads the accents; XLSX stays XLSX), plus
/// a last column "Lỗi / Error" filled on the rows in error. The upload ignores that column, so the fixed file
/// goes back as it is.
/// </summary>
public static class ImportErrorFile
{
    public static async Task<string> WriteAsync(ImportFile file, IReadOnlyDictionary<int, string> messages, string path, CancellationToken cancellationToken)
    {
        ImportStorage.Delete(path);
        if (file.Format == ImportFileFormat.Xlsx)
        {
            // Keys are positions: the header is written as the first data row, so repeated or blank headers cannot clash.
            await MiniExcel.SaveAsAsync(path, Rows(file, messages).Select(ToDictionary), printHeader: false, sheetName: ImportFile.DataSheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            return path;
        }

        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        foreach (var cells in Rows(file, messages))
        {
            await writer.WriteAsync(string.Join(file.Delimiter, cells.Select(c => Quote(c, file.Delimiter))).AsMemory(), cancellationToken);
            await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
        }

        return path;
    }

    private static IEnumerable<string?[]> Rows(ImportFile file, IReadOnlyDictionary<int, string> messages)
    {
        var width = 0;
        foreach (var row in file.ReadRows())
        {
            if (row.RowNumber == 1)
            {
                width = row.Cells.Length;
                // A header already carrying the error column (a re-upload of an error file) gets it replaced.
                var errorColumn = Array.FindIndex(row.Cells, c => ImportValues.Key(c) == ImportValues.Key(ImportHeader.ErrorColumn));
                width = errorColumn >= 0 ? errorColumn : width;
                yield return [.. row.Cells.Take(width), ImportHeader.ErrorColumn];
                continue;
            }

            var cells = new string?[width + 1];
            Array.Copy(row.Cells, cells, Math.Min(width, row.Cells.Length));
            cells[width] = messages.GetValueOrDefault(row.RowNumber);
            yield return cells;
        }
    }

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
