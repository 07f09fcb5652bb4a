using Metrology.Core.Data;
using Metrology.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// The two passes every handler of this folder makes over a file: first check every row (nothing written,
/// the file's own duplicates and the rows already in the database found), then, unless all-or-nothing met an
/// error, add the new valid rows in ONE transaction, saved in batches with the change tracker cleared between
/// them so memory stays flat whatever the file's length.
/// </summary>
public abstract class ImportHandlerBase<TKey, TEntity>(IDbContextFactory<AppDbContext> dbFactory, ImportText text, TimeProvider clock) : IImportKindHandler
    where TKey : notnull
    where TEntity : class
{
    /// <summary>Rows saved per SaveChanges inside the one transaction.</summary>
    protected const int BatchSize = 2000;

    private Dictionary<string, int>? columnIndex;

    public abstract ImportKind Kind { get; }

    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    protected ImportText Text => text;

    protected IDbContextFactory<AppDbContext> DbFactory => dbFactory;

    public async Task<ImportResult> RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await PrepareAsync(db, context, cancellationToken);

        // Pass 1: every row checked; the first row of each natural key is remembered to name it in duplicate errors
        // (by the key's fingerprint: a million keys as strings would take hundreds of MB).
        var firstRowOfKey = new Dictionary<UInt128, int>();
        var invalid = new HashSet<int>();
        int total = 0, unchanged = 0;
        await foreach (var row in context.ReadRows(cancellationToken))
        {
            total++;
            if (row.Problem is { } problem)
            {
                invalid.Add(row.RowNumber);
                context.ReportError(problem);
                context.ReportProgress(total);
                continue;
            }

            var check = new RowCheck(row, ColumnIndex, text);
            if (Check(check, context) is { } parsed && check.IsValid)
            {
                var key = parsed.Key;
                var fingerprint = ImportKeys.Fingerprint(key);
                if (firstRowOfKey.TryGetValue(fingerprint, out var first))
                {
                    check.Errors.Add(text.Error(row, KeyColumn, check.Value(KeyColumn), "Imports.Error.DuplicateInFile", first));
                }
                else
                {
                    firstRowOfKey[fingerprint] = row.RowNumber;
                    if (Exists(key))
                    {
                        unchanged++;
                    }
                }
            }

            if (!check.IsValid)
            {
                invalid.Add(row.RowNumber);
                check.Errors.ForEach(context.ReportError);
            }

            context.ReportProgress(total);
        }

        if (invalid.Count > 0 && context.Job.Mode == ImportMode.AllOrNothing)
        {
            return new ImportResult(total, 0, 0, invalid.Count);
        }

        // Pass 2: the file read again; only valid rows whose key is new are built and added.
        var inserted = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = 0;
        await foreach (var row in context.ReadRows(cancellationToken))
        {
            if (invalid.Contains(row.RowNumber))
            {
                continue;
            }

            if (Check(new RowCheck(row, ColumnIndex, text), context) is not { } parsed
                || Exists(parsed.Key) || firstRowOfKey[ImportKeys.Fingerprint(parsed.Key)] != row.RowNumber)
            {
                continue;
            }

            Add(db, parsed.Entity);
            inserted++;
            if (++pending == BatchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(total, inserted, unchanged, invalid.Count);
    }

    public abstract Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>The column duplicate-key errors are reported on.</summary>
    protected abstract string KeyColumn { get; }

    /// <summary>Loads what the checks look up (natural keys present, references) for the job's province.</summary>
    protected abstract Task PrepareAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Checks one row's cells and references; returns its natural key and the entity it would create (carrying
    /// the job's id and province), or null when the row is invalid.
    /// </summary>
    protected abstract (TKey Key, TEntity Entity)? Check(RowCheck row, ImportContext context);

    /// <summary>Whether the key is already in the database (the row then counts as unchanged).</summary>
    protected abstract bool Exists(TKey key);

    /// <summary>Adds the entity of a valid new row to the transaction's context.</summary>
    protected virtual void Add(AppDbContext db, TEntity entity) => db.Set<TEntity>().Add(entity);

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Dictionary<string, int> ColumnIndex => columnIndex ??= Columns.Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
}
