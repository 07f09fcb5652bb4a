using Metrology.Core.Shared;

namespace Metrology.Core.Imports;

public enum ImportKind
{
    Organizations,
    Instruments,
    Verifications,
    InspectionPlans,
}

/// <summary>All-or-nothing (the default) writes nothing when any row is invalid.</summary>
public enum ImportMode
{
    AllOrNothing,
    ValidRowsOnly,
}

public enum ImportStatus
{
    Queued,
    Running,

    /// <summary>Every row written (or already present).</summary>
    Succeeded,

    /// <summary>"Import the valid rows": the valid ones were written, the others are in the error file.</summary>
    SucceededWithErrors,

    /// <summary>All-or-nothing and some rows were invalid: nothing written, the error file lists them.</summary>
    Rejected,

    /// <summary>The file could not be read or the process died: nothing written.</summary>
    Failed,

    /// <summary>The rows it created were deleted again.</summary>
    Undone,
}

/// <summary>
/// One upload of a file to import, processed in the background. The job is the unit of idempotence and
/// undo: rows it creates carry its id (<c>ImportJobId</c>) so an undo deletes exactly them, and the file
/// hash lets a second upload of the same file be told apart from a concurrent one.
/// </summary>
public class ImportJob : IProvinceOwned
{
    public long Id { get; set; }

    public int? ProvinceId { get; set; }

    public ImportKind Kind { get; set; }

    public ImportMode Mode { get; set; }

    public ImportStatus Status { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex.</summary>
    public required string FileHash { get; set; }

    public long FileSize { get; set; }

    /// <summary>Where the upload is kept on the server until the job ends (under the import folder).</summary>
    public string? StoredFilePath { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int InsertedRows { get; set; }

    /// <summary>Rows already present with the same natural key (a re-import changes nothing).</summary>
    public int UnchangedRows { get; set; }

    public int ErrorRows { get; set; }

    /// <summary>The original rows plus an error column, to fix and upload again.</summary>
    public string? ErrorFilePath { get; set; }

    /// <summary>Why a job failed as a whole (unreadable file, missing columns, process ended).</summary>
    public string? FailureMessage { get; set; }

    /// <summary>What the import did with the file that the user should know, "Vietnamese\nEnglish" (the columns it ignored).</summary>
    public string? Notice { get; set; }

    public string? CreatedByEmail { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime? UndoneAt { get; set; }

    public string? UndoneByEmail { get; set; }

    public List<ImportRowError> Errors { get; set; } = [];
}

/// <summary>
/// One problem in one cell, for the result page. The first <see cref="StoredPerJob"/> are kept here; the
/// error file always has them all.
/// </summary>
public class ImportRowError
{
    public const int StoredPerJob = 1000;

    public long Id { get; set; }

    public long JobId { get; set; }

    /// <summary>The row number as the user sees it in the file (the header is row 1).</summary>
    public int Row { get; set; }

    public required string Column { get; set; }

    public string? Value { get; set; }

    public required string MessageVi { get; set; }

    public required string MessageEn { get; set; }
}
