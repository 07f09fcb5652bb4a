namespace Metrology.Web.Features.Imports;

/// <summary>
/// Which file column holds which of a kind's columns. Headers are matched by <see cref="ImportValues.Key"/>
/// (no case, diacritics or spaces) against the Vietnamese header, the English one and the aliases, so
/// "Mã số thuế", "ma so thue", "MST" and "Tax code" all name the tax code, in any order.
/// </summary>
public sealed class ImportHeader
{
    /// <summary>The column the runner adds to the error file; ignored on upload so a fixed error file imports as is.</summary>
    public const string ErrorColumn = "Lỗi / Error";

    private readonly int[] fileIndexOfColumn;

    private ImportHeader(int[] fileIndexOfColumn) => this.fileIndexOfColumn = fileIndexOfColumn;

    /// <summary>Maps the header row, or throws naming the unknown and the missing required columns.</summary>
    public static ImportHeader Map(string?[] header, IReadOnlyList<ImportColumn> columns, string? sheetName)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            foreach (var name in new[] { columns[c].HeaderVi, columns[c].HeaderEn, columns[c].Key }.Concat(columns[c].Aliases))
            {
                byKey.TryAdd(ImportValues.Key(name), c);
            }
        }

        var indexes = Enumerable.Repeat(-1, columns.Count).ToArray();
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = ImportValues.Key(header[i]);
            if (key.Length == 0 || key == ImportValues.Key(ErrorColumn))
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var column))
            {
                unknown.Add(header[i]!);
            }
            else if (indexes[column] >= 0)
            {
                repeated.Add(header[i]!);
            }
            else
            {
                indexes[column] = i;
            }
        }

        if (sheetName is not null && indexes.All(i => i < 0))
        {
            throw new ImportFileException(
                $"Trang \"{sheetName}\" không có cột nào của mẫu nhập. Dữ liệu phải ở trang \"{ImportFile.DataSheetName}\" hoặc trang đầu tiên, dòng 1 là tiêu đề.",
                $"Sheet \"{sheetName}\" has none of the template's columns. The data must be on sheet \"{ImportFile.DataSheetName}\" or the first sheet, with the headers in row 1.");
        }

        var missing = columns.Where((c, i) => c.Required && indexes[i] < 0).Select(c => c.HeaderVi).ToList();
        var problemsVi = new List<string>();
        var problemsEn = new List<string>();
        if (unknown.Count > 0)
        {
            problemsVi.Add($"cột không có trong mẫu: {Quote(unknown)}");
            problemsEn.Add($"unknown columns: {Quote(unknown)}");
        }

        if (missing.Count > 0)
        {
            problemsVi.Add($"thiếu cột bắt buộc: {Quote(missing)}");
            problemsEn.Add($"missing required columns: {Quote(missing)}");
        }

        if (repeated.Count > 0)
        {
            problemsVi.Add($"cột lặp lại: {Quote(repeated)}");
            problemsEn.Add($"repeated columns: {Quote(repeated)}");
        }

        if (problemsVi.Count > 0)
        {
            throw new ImportFileException(
                "Dòng tiêu đề không khớp mẫu: " + string.Join("; ", problemsVi) + ".",
                "The header row does not match the template: " + string.Join("; ", problemsEn) + ".");
        }

        return new ImportHeader(indexes);
    }

    /// <summary>The row's values in the kind's column order; absent columns are null.</summary>
    public ImportRow ToRow(RawRow row) =>
        new(row.RowNumber, fileIndexOfColumn.Select(i => i >= 0 && i < row.Cells.Length ? row.Cells[i] : null).ToArray());

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
