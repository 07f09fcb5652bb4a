using System.Runtime.CompilerServices;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Runs one queued job from start to end: opens and checks the file, maps the header, counts the rows, hands
/// them to the kind's handler (which validates every row, then writes in one transaction), keeps progress on
/// the job, stores the first errors, writes the error file and the final status, and deletes the upload.
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

    public async Task RunAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ImportJobs.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || job.Status != ImportStatus.Queued)
        {
            return;
        }

        job.Status = ImportStatus.Running;
        job.StartedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var errors = new ErrorCollector();
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind)
                ?? throw new ImportFileException("Chưa hỗ trợ nhập loại dữ liệu này.", "This kind of import is not available yet.");
            var file = ImportFile.Open(job.StoredFilePath!, ImportLimits.From(configuration));
            var header = ReadHeader(file, handler.Columns);
            job.TotalRows = CountDataRows(file);
            if (job.TotalRows == 0)
            {
                throw new ImportFileException("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", "The file has no data rows below the header.");
            }

            await db.SaveChangesAsync(cancellationToken);
            var result = await RunHandlerAsync(job, handler, file, header, errors, cancellationToken);
            job.InsertedRows = result.InsertedRows;
            job.UnchangedRows = result.UnchangedRows;
            job.ErrorRows = Math.Max(result.ErrorRows, errors.RowCount);
            job.ProcessedRows = job.TotalRows;
            job.Status = errors.RowCount == 0 ? ImportStatus.Succeeded
                : job.Mode == ImportMode.ValidRowsOnly ? ImportStatus.SucceededWithErrors
                : ImportStatus.Rejected;
            if (errors.RowCount > 0)
            {
                job.ErrorFilePath = await ImportErrorFile.WriteAsync(file, errors.MessagesByRow(handler.Columns), storage.ErrorFilePath(job, file.Format), cancellationToken);
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
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            // Handlers write in one transaction, so an unexpected failure leaves nothing behind.
            logger.LogError(problem, "Import job {JobId} failed", job.Id);
            Fail(job, "Lỗi không mong đợi khi nhập; không có dữ liệu nào được ghi.", "An unexpected error stopped the import; nothing was written.");
        }

        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        storage.DeleteUpload(job);
        job.StoredFilePath = null;
        await db.SaveChangesAsync(CancellationToken.None);
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

    private static ImportHeader ReadHeader(ImportFile file, IReadOnlyList<ImportColumn> columns)
    {
        var first = file.ReadRows().FirstOrDefault()
            ?? throw new ImportFileException("Tệp trống: không có dòng tiêu đề.", "The file is empty: there is no header row.");
        return ImportHeader.Map(first.Cells, columns, file.Format == ImportFileFormat.Xlsx ? file.SheetName : null);
    }

    private static int CountDataRows(ImportFile file) => file.ReadRows().Skip(1).Count(r => !r.IsBlank);

    private async Task<ImportResult> RunHandlerAsync(
        ImportJob job, IImportKindHandler handler, ImportFile file, ImportHeader header, ErrorCollector errors, CancellationToken cancellationToken)
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

    private async Task ReportProgressAsync(long jobId, Func<int> progress, CancellationToken cancellationToken)
    {
        var stored = -1;
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, clock, cancellationToken);
                var now = progress();
                if (now != stored)
                {
                    await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                    await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == jobId)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, now), cancellationToken);
                    stored = now;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished; the final counts are written with the status.
        }
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

    /// <summary>Every error by row for the error file; the first <see cref="ImportRowError.StoredPerJob"/> for the job.</summary>
    private sealed class ErrorCollector
    {
        private readonly SortedDictionary<int, List<ImportCellError>> byRow = [];

        public List<ImportCellError> First { get; } = [];

        public int RowCount => byRow.Count;

        public void Add(ImportCellError error)
        {
            lock (byRow)
            {
                if (!byRow.TryGetValue(error.RowNumber, out var list))
                {
                    byRow[error.RowNumber] = list = [];
                }

                list.Add(error);
                if (First.Count < ImportRowError.StoredPerJob)
                {
                    First.Add(error);
                }
            }
        }

        /// <summary>"Mã số thuế: message (message in English)" per error, the row's errors joined.</summary>
        public Dictionary<int, string> MessagesByRow(IReadOnlyList<ImportColumn> columns)
        {
            var headers = columns.ToDictionary(c => c.Key, c => c.HeaderVi, StringComparer.Ordinal);
            return byRow.ToDictionary(
                r => r.Key,
                r => string.Join("; ", r.Value.Select(e =>
                    $"{(headers.TryGetValue(e.ColumnKey, out var h) ? h : e.ColumnKey)}: {e.MessageVi} ({e.MessageEn})")));
        }
    }
}
