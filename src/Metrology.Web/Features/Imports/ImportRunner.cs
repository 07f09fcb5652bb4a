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
    ImportLeases leases,
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
        try
        {
            await RunLeasedAsync(jobId, cancellationToken);
        }
        finally
        {
            leases.Release(jobId);
        }
    }

    private async Task RunLeasedAsync(long jobId, CancellationToken cancellationToken)
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

        // Every job ends: a file that keeps the worker longer than Imports:MaxRunMinutes is stopped and fails, so the
        // jobs queued behind it run (the handler's single transaction rolls back).
        var limit = TimeSpan.FromMinutes(configuration.GetValue("Imports:MaxRunMinutes", 120));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
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
            List<string> noticeVi = [], noticeEn = [];
            if (file.LegacyEncoding is { } legacy)
            {
                noticeVi.Add($"Tệp không phải UTF-8 nên được đọc theo bảng mã {legacy} (CSV của Excel trên Windows tiếng Việt); hãy kiểm tra dấu tiếng Việt.");
                noticeEn.Add($"The file is not UTF-8, so it was read as {legacy} (Excel's CSV on a Vietnamese Windows); check the Vietnamese accents.");
            }

            if (header.Ignored.Count > 0)
            {
                var names = ImportHeader.Quote(header.Ignored);
                noticeVi.Add($"Đã bỏ qua các cột không có trong mẫu: {names}.");
                noticeEn.Add($"Columns not in the template were ignored: {names}.");
            }

            job.Notice = noticeVi.Count == 0 ? null : Cut($"{string.Join(' ', noticeVi)}\n{string.Join(' ', noticeEn)}", 2000);

            job.TotalRows = CountDataRows(file, header);
            if (job.TotalRows == 0)
            {
                throw new ImportFileException("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", "The file has no data rows below the header.");
            }

            await SaveJobAsync(db, job, deadline.Token);
            result = await RunHandlerAsync(job, handler, file, header, errors, deadline.Token);
            Finish(job, result, errors);
            if (errors.RowCount > 0)
            {
                job.ErrorFilePath = await ImportErrorFile.WriteAsync(file, header.RowNumber, errors.MessagesByRow(), storage.ErrorFilePath(job, file.Format), deadline.Token);
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
        catch (Exception problem) when (result is not null && !cancellationToken.IsCancellationRequested)
        {
            // The handler committed; only the error file could not be written. The job keeps its true counts.
            logger.LogError(problem, "Import job {JobId}: the rows were written but the error file was not", job.Id);
            job.ErrorFilePath = null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Import job {JobId} stopped after {Minutes} minutes", job.Id, limit.TotalMinutes);
            var minutes = limit.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Fail(job, $"Việc nhập chạy quá {minutes} phút nên đã bị dừng; không có dữ liệu nào được ghi. Hãy chia tệp nhỏ hơn hoặc thử lại lúc máy chủ rảnh.",
                $"The import ran longer than {minutes} minutes and was stopped; nothing was written. Split the file or try again when the server is less busy.");
        }
        catch (Exception problem) when (IsBusy(problem))
        {
            // Every import statement waits for a lock a bounded time (ImportSql.LockWaitSeconds): past it the job fails rather than waits for ever.
            logger.LogError(problem, "Import job {JobId}: the database stayed busy", job.Id);
            Fail(job, "Cơ sở dữ liệu bận quá lâu (một thao tác khác đang giữ khóa ghi); không có dữ liệu nào được ghi. Hãy tải tệp lên lại sau ít phút.",
                "The database stayed busy too long (another operation held the write lock); nothing was written. Upload the file again in a few minutes.");
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
    /// writes in a single transaction, which the database rolled back when the process died. Called when the
    /// server starts.
    /// </summary>
    public Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken) =>
        FailAbandonedAsync(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running, checkLeases: true, cancellationToken);

    /// <summary>
    /// The jobs of one file (province, kind, hash) still marked queued or running, called by whoever has just
    /// taken the file's lease (<see cref="ImportLeases"/>): no live process runs them (a killed command line's).
    /// </summary>
    public Task<int> FailAbandonedAsync(int? provinceId, ImportKind kind, string fileHash, CancellationToken cancellationToken) =>
        FailAbandonedAsync(
            j => j.ProvinceId == provinceId && j.Kind == kind && j.FileHash == fileHash && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running),
            checkLeases: false,
            cancellationToken);

    private async Task<int> FailAbandonedAsync(System.Linq.Expressions.Expression<Func<ImportJob, bool>> active, bool checkLeases, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // At start-up, a job whose lease a live process holds (a command line running beside this server) is left alone.
        var abandoned = (await db.ImportJobs.IgnoreQueryFilters().Where(active).ToListAsync(cancellationToken))
            .Where(j => !checkLeases || leases.IsAbandoned(j)).ToList();
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

    private static ImportHeader ReadHeader(ImportFile file, IReadOnlyList<ImportColumn> columns) =>
        ImportHeader.Find(file.ReadRows().Take(ImportHeader.SearchRows).ToList(), columns, file.Format == ImportFileFormat.Xlsx ? file.SheetName : null);

    private static int CountDataRows(ImportFile file, ImportHeader header) => file.ReadRows().Skip(header.RowNumber).Count(r => !r.IsBlank);

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
                catch (Exception problem) when (problem is not OperationCanceledException)
                {
                    // Also when the handler has just finished: a progress write that found the database busy must not fail a job that committed.
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
        foreach (var row in file.ReadRows().Skip(header.RowNumber))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!row.IsBlank)
            {
                yield return header.ToRow(row) with { Problem = Shape(file, header, row) };
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// A CSV row whose cell count is not the header's: an unquoted comma in a name shifted every cell after it (the
    /// signer became another person, issue 19), so the row is an error. A workbook's cells have their own columns.
    /// </summary>
    private static ImportCellError? Shape(ImportFile file, ImportHeader header, RawRow row)
    {
        if (file.Format != ImportFileFormat.Csv || row.Cells.Length == header.Width)
        {
            return null;
        }

        var (vi, en) = row.Cells.Length > header.Width
            ? ($"Dòng có {row.Cells.Length} ô nhưng dòng tiêu đề có {header.Width}: các ô đã bị lệch, có thể vì một giá trị chứa dấu \"{file.Delimiter}\" mà không nằm trong ngoặc kép.",
                $"The row has {row.Cells.Length} cells but the header has {header.Width}: the cells are shifted, perhaps by a value containing \"{file.Delimiter}\" without double quotes.")
            : ($"Dòng có {row.Cells.Length} ô nhưng dòng tiêu đề có {header.Width}: thiếu ô, các ô có thể đã bị lệch.",
                $"The row has {row.Cells.Length} cells but the header has {header.Width}: cells are missing and may be shifted.");
        return new ImportCellError(row.RowNumber, string.Empty, null, vi, en);
    }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
