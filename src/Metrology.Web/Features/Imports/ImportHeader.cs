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

    /// <summary>How far down the header row is looked for: a title block and a few blank rows fit above it.</summary>
    public const int SearchRows = 10;

    private readonly int[] fileIndexOfColumn;

    private ImportHeader(int[] fileIndexOfColumn, int width, int rowNumber, IReadOnlyList<string> ignored)
    {
        this.fileIndexOfColumn = fileIndexOfColumn;
        Width = width;
        RowNumber = rowNumber;
        Ignored = ignored;
    }

    /// <summary>The header row's cell count, which every CSV data row must have.</summary>
    public int Width { get; }

    /// <summary>The file row of the header (the lower one of a two-row header); data rows follow it.</summary>
    public int RowNumber { get; }

    /// <summary>Headers of columns the template does not have ("STT", "Ghi chú"): their cells are not read.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>
    /// Finds the header among the first <see cref="SearchRows"/> rows: the first row that names every required
    /// column, or with the row below it when the two together do (a merged two-row header: "Thông tin phương
    /// tiện" over "Hãng sản xuất", "Số sản xuất"). Title rows and blank rows above it are passed over; columns
    /// the template does not have are ignored and named (<see cref="Ignored"/>). Throws naming the unknown, the
    /// missing and the repeated columns of the likeliest row when no row fits.
    /// </summary>
    public static ImportHeader Find(IReadOnlyList<RawRow> firstRows, IReadOnlyList<ImportColumn> columns, string? sheetName)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            foreach (var name in new[] { columns[c].HeaderVi, columns[c].HeaderEn, columns[c].Key }.Concat(columns[c].Aliases))
            {
                byKey.TryAdd(ImportValues.Key(name), c);
            }
        }

        Mapping? best = null;
        var rows = firstRows.Where(r => !r.IsBlank).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var single = Mapping.Of(rows[r].Cells, rows[r].RowNumber, byKey, columns);
            if (single.Fits)
            {
                return single.ToHeader();
            }

            // The row below fills the cells a merged heading spans; each column is named by whichever of the two rows names a template column.
            if (r + 1 < rows.Count && rows[r + 1].RowNumber == rows[r].RowNumber + 1 && single.Known > 0)
            {
                var width = Math.Max(rows[r].Cells.Length, rows[r + 1].Cells.Length);
                var combined = new string?[width];
                for (var i = 0; i < width; i++)
                {
                    var lower = i < rows[r + 1].Cells.Length ? rows[r + 1].Cells[i] : null;
                    var upper = i < rows[r].Cells.Length ? rows[r].Cells[i] : null;
                    combined[i] = lower is not null && byKey.ContainsKey(ImportValues.Key(lower)) ? lower : upper ?? lower;
                }

                var pair = Mapping.Of(combined, rows[r + 1].RowNumber, byKey, columns);
                if (pair.Fits && pair.Known > single.Known)
                {
                    return pair.ToHeader();
                }
            }

            if (best is null || single.Known > best.Known)
            {
                best = single;
            }
        }

        if (best is null || (sheetName is not null && best.Known == 0))
        {
            if (sheetName is not null)
            {
                throw new ImportFileException(
                    $"Trang \"{sheetName}\" không có cột nào của mẫu nhập trong {SearchRows} dòng đầu. Dữ liệu phải ở trang \"{ImportFile.DataSheetName}\" hoặc trang đầu tiên.",
                    $"Sheet \"{sheetName}\" has none of the template's columns in its first {SearchRows} rows. The data must be on sheet \"{ImportFile.DataSheetName}\" or the first sheet.");
            }

            throw new ImportFileException("Tệp trống: không có dòng tiêu đề.", "The file is empty: there is no header row.");
        }

        throw best.Mismatch(columns);
    }

    /// <summary>One candidate header row mapped onto the template's columns.</summary>
    private sealed class Mapping
    {
        private int[] indexes = [];
        private List<string> unknown = [];
        private List<string> repeated = [];
        private int width;
        private int rowNumber;
        private bool missingRequired;

        /// <summary>Template columns the row names.</summary>
        public int Known { get; private set; }

        public bool Fits => !missingRequired && repeated.Count == 0 && Known > 0;

        public static Mapping Of(string?[] header, int rowNumber, Dictionary<string, int> byKey, IReadOnlyList<ImportColumn> columns)
        {
            var mapping = new Mapping { indexes = Enumerable.Repeat(-1, columns.Count).ToArray(), width = header.Length, rowNumber = rowNumber };
            for (var i = 0; i < header.Length; i++)
            {
                var key = ImportValues.Key(header[i]);
                if (key.Length == 0 || key == ImportValues.Key(ErrorColumn))
                {
                    continue;
                }

                if (!byKey.TryGetValue(key, out var column))
                {
                    mapping.unknown.Add(header[i]!);
                }
                else if (mapping.indexes[column] >= 0)
                {
                    mapping.repeated.Add(header[i]!);
                }
                else
                {
                    mapping.indexes[column] = i;
                    mapping.Known++;
                }
            }

            mapping.missingRequired = columns.Where((c, i) => c.Required && mapping.indexes[i] < 0).Any();
            return mapping;
        }

        public ImportHeader ToHeader() => new(indexes, width, rowNumber, unknown);

        public ImportFileException Mismatch(IReadOnlyList<ImportColumn> columns)
        {
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

            var where = rowNumber == 1 ? string.Empty : $" (dòng {rowNumber})";
            var whereEn = rowNumber == 1 ? string.Empty : $" (row {rowNumber})";
            return new ImportFileException(
                $"Dòng tiêu đề{where} không khớp mẫu: " + string.Join("; ", problemsVi) + ".",
                $"The header row{whereEn} does not match the template: " + string.Join("; ", problemsEn) + ".");
        }
    }

    /// <summary>The row's values in the kind's column order; absent columns are null.</summary>
    public ImportRow ToRow(RawRow row) =>
        new(row.RowNumber, fileIndexOfColumn.Select(i => i >= 0 && i < row.Cells.Length ? row.Cells[i] : null).ToArray());

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
