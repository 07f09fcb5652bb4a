using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Runs one queued job from start to end: opens and checks the file, maps the header, counts the rows, hands
/// them to the kind's handler (which validates every row, then writes in one transaction), keeps progress on
/// the job (best-effort), stores the first errors, writes the error file and the final status (waiting
/// while the database is busy, since the status says whether the rows were written), and deletes the upload.
/// The same code serves the background worker and the command line.
/// </summary>
public sealed class ImportRunner(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IImportKindHandler> handlers,
    ImportStorage storage,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<ImportRunner> logger)
{
    /// <summary>How often progress is written to the job while a handler runs.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one progress write may wait for the database. On SQLite a handler's transaction holds the
    /// write lock for its whole merge; progress is skipped then rather than queued behind it.
    /// </summary>
    private static readonly TimeSpan ProgressWriteTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long the first write of the job's status may wait for a busy database before it is tried again (each later try waits one step longer, up to a minute).</summary>
    private static readonly TimeSpan StatusWriteTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the status writes keep trying while the database stays busy (another process's long
    /// transaction): the status must not be lost, since it tells whether the rows were written.
    /// </summary>
    private static readonly TimeSpan StatusWritePatience = TimeSpan.FromMinutes(10);

    public async Task RunAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(StatusWriteTimeout);
        var job = await db.ImportJobs.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || job.Status != ImportStatus.Queued)
        {
            return;
        }

        job.Status = ImportStatus.Running;
        job.StartedAt = clock.GetUtcNow().UtcDateTime;
        await SaveJobAsync(db, job, cancellationToken);

        var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind);
        using var errors = new ImportErrorLog(handler?.Columns ?? [], storage.ScratchDirectory);
        ImportResult? result = null;
        try
        {
            if (handler is null)
            {
                throw new ImportFileException("Chưa hỗ trợ nhập loại dữ liệu này.", "This kind of import is not available yet.");
            }

            var file = ImportFile.Open(job.StoredFilePath!, ImportLimits.From(configuration));
            var header = ReadHeader(file, handler.Columns);
            job.TotalRows = CountDataRows(file);
            if (job.TotalRows == 0)
            {
                throw new ImportFileException("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", "The file has no data rows below the header.");
            }

            await SaveJobAsync(db, job, cancellationToken);
            result = await RunHandlerAsync(job, handler, file, header, errors, cancellationToken);
            Finish(job, result, errors);
            if (errors.RowCount > 0)
            {
                job.ErrorFilePath = await ImportErrorFile.WriteAsync(file, errors.MessagesByRow(), storage.ErrorFilePath(job, file.Format), cancellationToken);
                job.Errors.AddRange(errors.First.Select(e => new ImportRowError
                {
                    Row = e.RowNumber,
                    Column = e.ColumnKey,
                    Value = Cut(e.Value, 500),
                    MessageVi = Cut(e.MessageVi, 1000)!,
                    MessageEn = Cut(e.MessageEn, 1000)!,
                }));
            }
        }
        catch (ImportFileException problem)
        {
            Fail(job, problem.MessageVi, problem.MessageEn);
        }
        catch (Exception problem) when (problem is not OperationCanceledException && result is not null)
        {
            // The handler committed; only the error file could not be written. The job keeps its true counts.
            logger.LogError(problem, "Import job {JobId}: the rows were written but the error file was not", job.Id);
            job.ErrorFilePath = null;
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            // Handlers write in one transaction, so an unexpected failure leaves nothing behind.
            logger.LogError(problem, "Import job {JobId} failed", job.Id);
            Fail(job, "Lỗi không mong đợi khi nhập; không có dữ liệu nào được ghi.", "An unexpected error stopped the import; nothing was written.");
        }

        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        storage.DeleteUpload(job);
        job.StoredFilePath = null;
        await SaveJobAsync(db, job, CancellationToken.None);
    }

    /// <summary>
    /// Jobs a dead process left queued or running: marked failed. True to the message because every handler
    /// writes in a single transaction, which the database rolled back when the process died.
    /// </summary>
    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var abandoned = await db.ImportJobs.IgnoreQueryFilters()
            .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
            .ToListAsync(cancellationToken);
        foreach (var job in abandoned)
        {
            Fail(job, "Tiến trình máy chủ đã dừng trong khi nhập; không có dữ liệu nào được ghi. Hãy tải tệp lên lại.",
                "The server process stopped during the import; nothing was written. Upload the file again.");
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            storage.DeleteUpload(job);
            job.StoredFilePath = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return abandoned.Count;
    }

    /// <summary>Both languages in one column, Vietnamese first; <see cref="ImportJobDto"/> splits them again.</summary>
    public static void Fail(ImportJob job, string messageVi, string messageEn)
    {
        job.Status = ImportStatus.Failed;
        job.FailureMessage = Cut($"{messageVi}\n{messageEn}", 2000);
        job.InsertedRows = 0;
        job.UnchangedRows = 0;
    }

    /// <summary>
    /// True for the errors of a database that is busy for now, worth trying again: SQLITE_BUSY and SQLITE_LOCKED
    /// (another connection holds the write lock past the busy timeout), a statement cancelled by its timeout,
    /// and what Npgsql marks transient (lost connections, serialisation failures), wherever it sits among the
    /// inner exceptions (EF wraps it in DbUpdateException, its execution strategy in InvalidOperationException).
    /// </summary>
    private static bool IsBusy(Exception problem)
    {
        for (var cause = problem; cause is not null; cause = cause.InnerException)
        {
            // 57014: PostgreSQL cancelled the statement when its command timeout ran out; 55P03: lock not available.
            if (cause is SqliteException { SqliteErrorCode: 5 or 6 } or DbException { IsTransient: true } or DbException { SqlState: "57014" or "55P03" } or TimeoutException)
            {
                return true;
            }
        }

        // Npgsql tears down the connection of a command that timed out; a write racing with that finds its socket gone.
        return problem is DbUpdateException { InnerException: ObjectDisposedException };
    }

    /// <summary>The counts and the status the handler's result and the errors give.</summary>
    private static void Finish(ImportJob job, ImportResult result, ImportErrorLog errors)
    {
        job.InsertedRows = result.InsertedRows;
        job.UnchangedRows = result.UnchangedRows;
        job.ErrorRows = Math.Max(result.ErrorRows, errors.RowCount);
        job.ProcessedRows = job.TotalRows;
        job.Status = errors.RowCount == 0 ? ImportStatus.Succeeded
            : job.Mode == ImportMode.ValidRowsOnly ? ImportStatus.SucceededWithErrors
            : ImportStatus.Rejected;
    }

    /// <summary>Saves the job row, trying again while the database is busy (see <see cref="StatusWritePatience"/>).</summary>
    private async Task SaveJobAsync(AppDbContext db, ImportJob job, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Each try may wait longer: the final write carries up to a thousand row errors, and on a loaded
                // machine that alone can take more than the first try's 5 s; a fixed limit would fail forever.
                db.Database.SetCommandTimeout(StatusWriteTimeout * Math.Min(attempt, 12));
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (Exception problem) when (IsBusy(problem) && waited.Elapsed < StatusWritePatience)
            {
                logger.LogWarning("Import job {JobId}: the database is busy, status write {Attempt} will be tried again", job.Id, attempt);
                // A command that timed out can leave the connection broken (Npgsql closes it): the next try opens a fresh one.
                await db.Database.CloseConnectionAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)), cancellationToken);
            }
        }
    }

    private static ImportHeader ReadHeader(ImportFile file, IReadOnlyList<ImportColumn> columns)
    {
        var first = file.ReadRows().FirstOrDefault()
            ?? throw new ImportFileException("Tệp trống: không có dòng tiêu đề.", "The file is empty: there is no header row.");
        return ImportHeader.Map(first.Cells, columns, file.Format == ImportFileFormat.Xlsx ? file.SheetName : null);
    }

    private static int CountDataRows(ImportFile file) => file.ReadRows().Skip(1).Count(r => !r.IsBlank);

    private async Task<ImportResult> RunHandlerAsync(
        ImportJob job, IImportKindHandler handler, ImportFile file, ImportHeader header, ImportErrorLog errors, CancellationToken cancellationToken)
    {
        var progress = 0;
        var context = new ImportContext
        {
            Job = job,
            ProvinceId = job.ProvinceId!.Value,
            FilePath = file.Path,
            ReadRows = ct => DataRows(file, header, ct),
            ReportProgress = n => Volatile.Write(ref progress, Math.Min(n, job.TotalRows)),
            ReportError = errors.Add,
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(job.Id, () => Volatile.Read(ref progress), stop.Token);
        try
        {
            return await handler.RunAsync(context, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await reporter;
        }
    }

    /// <summary>
    /// Stores the progress on the job now and then, on a connection of its own. Best-effort: a write that
    /// fails or finds the database busy is skipped (the next tick tries again); it must never fail the job,
    /// whose final counts are written with its status.
    /// </summary>
    private async Task ReportProgressAsync(long jobId, Func<int> progress, CancellationToken cancellationToken)
    {
        var stored = -1;
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, clock, cancellationToken);
                var now = progress();
                if (now == stored)
                {
                    continue;
                }

                try
                {
                    await StoreProgressAsync(jobId, now, cancellationToken);
                    stored = now;
                }
                catch (Exception problem) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogDebug(problem, "Import job {JobId}: progress not stored this time", jobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished; the final counts are written with the status.
        }
    }

    /// <summary>
    /// One progress write, as a plain command on a connection of its own: a write skipped because the database
    /// is busy is expected, and EF would log every such time-out as an error (a screenful in the command line).
    /// </summary>
    private async Task StoreProgressAsync(long jobId, int rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = ImportSql.Command(
            db.Database.GetDbConnection(), null, """UPDATE "ImportJobs" SET "ProcessedRows" = @rows WHERE "Id" = @job""",
            new() { ["rows"] = rows, ["job"] = jobId }, (int)ProgressWriteTimeout.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<ImportRow> DataRows(ImportFile file, ImportHeader header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in file.ReadRows().Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!row.IsBlank)
            {
                yield return header.ToRow(row);
            }
        }

        await Task.CompletedTask;
    }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
