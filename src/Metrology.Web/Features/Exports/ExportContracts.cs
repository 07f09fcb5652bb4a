namespace Metrology.Web.Features.Exports;

/// <summary>The file formats of an export: CSV for any tool, XLSX for Excel users.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>How a column's values are written: text as it is, dates as dd/MM/yyyy, numbers as numbers.</summary>
public enum ExportValueKind
{
    Text,
    Date,
    Number,
}

/// <summary>One column of an export: a stable key (the XLSX column's identity), its header in the caller's language, its kind and width.</summary>
public sealed record ExportColumn(string Key, string Header, ExportValueKind Kind = ExportValueKind.Text, int Width = 18);

/// <summary>
/// An export ready to be written: the columns, and the rows as a stream read from the database while the
/// file is written (one array per row, values in column order: string, DateOnly or a number, null for blank).
/// Nothing holds every row at once, so a province's million instruments fit in a few megabytes.
/// </summary>
public sealed record ExportTable(string FileName, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);
