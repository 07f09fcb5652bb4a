using Metrology.Core.Imports;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// One column a kind of import understands. The file's header is matched against <see cref="HeaderVi"/>,
/// <see cref="HeaderEn"/> and <see cref="Aliases"/> ignoring case, diacritics and spacing, so column order
/// is free and English headers work too.
/// </summary>
public sealed record ImportColumn(
    string Key,
    string HeaderVi,
    string HeaderEn,
    bool Required,
    string DescriptionVi,
    string DescriptionEn,
    string Example,
    IReadOnlyList<string> Aliases);

/// <summary>
/// One data row as read from the file: <see cref="RowNumber"/> is what the user sees in a spreadsheet
/// (the header is row 1), <see cref="Values"/> follow the handler's <see cref="IImportKindHandler.Columns"/>
/// order, trimmed, in Unicode NFC, null when the cell is empty or the column is absent.
/// </summary>
public sealed record ImportRow(int RowNumber, IReadOnlyList<string?> Values)
{
    /// <summary>
    /// What is wrong with the row as a whole (a CSV row with more or fewer cells than the header: its cells are
    /// shifted, so none can be trusted); handlers report it as the row's only error and skip the row.
    /// </summary>
    public ImportCellError? Problem { get; init; }
}

/// <summary>A problem found in one cell, reported in both languages.</summary>
public sealed record ImportCellError(int RowNumber, string ColumnKey, string? Value, string MessageVi, string MessageEn);

/// <summary>What one run of a handler did.</summary>
public sealed record ImportResult(int TotalRows, int InsertedRows, int UnchangedRows, int ErrorRows);

/// <summary>Everything a handler needs for one job.</summary>
public sealed class ImportContext
{
    public required ImportJob Job { get; init; }

    /// <summary>The province the rows go to (the job's).</summary>
    public required int ProvinceId { get; init; }

    /// <summary>
    /// The file's data rows, streamed: enumerating reads the file again from the start, so a handler may
    /// pass over it twice (validate, then write) without holding it in memory.
    /// </summary>
    public required Func<CancellationToken, IAsyncEnumerable<ImportRow>> ReadRows { get; init; }

    /// <summary>Where the file is on disk, for handlers with a faster native path (PostgreSQL COPY).</summary>
    public required string FilePath { get; init; }

    /// <summary>Called with the number of rows processed so far; the runner stores it on the job now and then.</summary>
    public required Action<int> ReportProgress { get; init; }

    /// <summary>Collects cell errors; the runner writes the error file (original rows plus an error column) from them.</summary>
    public required Action<ImportCellError> ReportError { get; init; }
}

/// <summary>
/// One kind of import (organisations, instruments, verifications, inspection plans). A handler validates
/// every row before writing anything and writes in one transaction: all rows, or with
/// <see cref="ImportMode.ValidRowsOnly"/> the valid ones. Rows it creates carry <c>ImportJobId</c>; rows
/// already present under the natural key count as unchanged, so importing a file twice changes nothing.
/// </summary>
public interface IImportKindHandler
{
    ImportKind Kind { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    Task<ImportResult> RunAsync(ImportContext context, CancellationToken cancellationToken);

    /// <summary>Deletes the rows the job created; false (nothing deleted) when any is referenced by other records.</summary>
    Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken);
}
