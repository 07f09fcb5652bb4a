using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Organizations;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using NpgsqlTypes;

namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// Imports verification records (issue 5): each row is checked on its own while the file streams into a
/// temporary staging table (PostgreSQL: binary COPY; SQLite: one prepared INSERT reused), then the checks
/// that need the other rows or the database, and the merge, run as a few set-based statements
/// (<see cref="VerificationStagingSql"/>), all in one transaction. Memory stays flat whatever the file size:
/// only the small reference tables (organisations, types, designations) are held.
/// </summary>
public sealed partial class VerificationImportHandler(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<VerificationImportHandler> logger) : IImportKindHandler
{
    private const int ProgressEvery = 10_000;

    public ImportKind Kind => ImportKind.Verifications;

    public IReadOnlyList<ImportColumn> Columns => VerificationImportColumns.All;

    public async Task<ImportResult> RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = context.Job;
        var user = await CreatorAsync(db, job.CreatedByEmail, cancellationToken);
        var messages = new VerificationImportMessages(text);
        var validator = new VerificationRowValidator(await LookupsAsync(db, context.ProvinceId, user, job, cancellationToken), messages);

        var postgres = db.Database.IsNpgsql();
        // Opened through EF so the connection is set up as everywhere else (SQLite pragmas, interceptors).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // SQLite: the long first pass writes only the connection's temp staging table, in a deferred transaction
        // of its own that locks nothing, so the runner can still store the job's progress meanwhile. The checks and
        // the merge then run in a transaction begun IMMEDIATE (below), holding the write lock from their first
        // read: a deferred transaction that reads and then writes after another connection committed (the
        // runner's progress, any user's edit) gets a WAL "busy snapshot", which no waiting resolves; it once
        // hung imports for ever (issue 19).
        var transaction = postgres
            ? await connection.BeginTransactionAsync(cancellationToken)
            : ((SqliteConnection)connection).BeginTransaction(deferred: true);
        try
        {
            return await RunInTransactionAsync(context, connection, transaction, t => transaction = t, validator, messages, user, postgres, cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task<ImportResult> RunInTransactionAsync(
        ImportContext context, DbConnection connection, DbTransaction transaction, Action<DbTransaction> replaced,
        VerificationRowValidator validator, VerificationImportMessages messages, Creator? user, bool postgres, CancellationToken cancellationToken)
    {
        var job = context.Job;
        if (postgres)
        {
            // The duplicate checks sort the whole file by several keys; the default 4 MB per sort spills a large file to disk.
            await ExecuteAsync(connection, transaction, "SET LOCAL work_mem = '64MB'", cancellationToken);
            // A lock another session keeps (a long edit of the same instrument) fails the job after a minute instead of holding it for ever.
            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = '{ImportSql.LockWaitSeconds}s'"), cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, transaction, VerificationStagingSql.DropStaging, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, VerificationStagingSql.CreateStaging(postgres), cancellationToken);

        using var logScope = logger.BeginScope("Import job {JobId}", job.Id);
        var staging = Stopwatch.StartNew();
        // Pass 1: stream the file, check each row, stage the valid ones. Nothing is written to real tables yet.
        var total = 0;
        var rowErrors = 0;
        await using (var loader = postgres
            ? (IStagingLoader)await PostgresLoader.StartAsync((NpgsqlConnection)connection, cancellationToken)
            : new SqliteLoader((SqliteConnection)connection, (SqliteTransaction)transaction))
        {
            await foreach (var row in context.ReadRows(cancellationToken))
            {
                total++;
                if (row.Problem is { } problem)
                {
                    context.ReportError(problem);
                    rowErrors++;
                    continue;
                }

                var staged = validator.Validate(row, context.ReportError);
                if (staged is null)
                {
                    rowErrors++;
                }
                else
                {
                    await loader.WriteAsync(staged, cancellationToken);
                }

                if (total % ProgressEvery == 0)
                {
                    context.ReportProgress(total);
                }
            }

            await loader.CompleteAsync(cancellationToken);
        }

        // Every row is read: the page now shows the set-based checks and the merge as what is left.
        context.ReportProgress(total);
        if (!postgres)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            replaced(transaction);
        }

        LogStep("read, check and stage the rows", staging.Elapsed.TotalSeconds);
        var parameters = new Dictionary<string, object?>
        {
            ["province"] = context.ProvinceId,
            ["job"] = job.Id,
            ["now"] = clock.GetUtcNow().UtcDateTime,
            ["user"] = user?.Id,
            ["email"] = job.CreatedByEmail,
        };

        // Pass 2: the checks that need the other rows or the database, over the staging table.
        await ExecuteAsync(connection, transaction, VerificationStagingSql.IndexStaging, cancellationToken);
        if (postgres)
        {
            // Autovacuum never analyses temp tables; without statistics the planner guesses a few rows and nests loops.
            await ExecuteAsync(connection, transaction, $"ANALYZE {VerificationStagingSql.Table}", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, VerificationStagingSql.FindUnchanged, cancellationToken, parameters);
        await ExecuteAsync(connection, transaction, VerificationStagingSql.FindErrors, cancellationToken, parameters);
        await ReportSqlErrorsAsync(connection, transaction, messages, context.ReportError, cancellationToken);
        var sqlErrorRows = await ScalarAsync(connection, transaction, VerificationStagingSql.CountErrorRows, cancellationToken);
        var errorRows = rowErrors + sqlErrorRows;
        var unchanged = await ScalarAsync(connection, transaction, VerificationStagingSql.CountUnchanged, cancellationToken);

        if (errorRows > 0 && job.Mode == ImportMode.AllOrNothing)
        {
            // Nothing is written: the staging tables go with the rollback (PostgreSQL) or are dropped below (SQLite).
            await transaction.RollbackAsync(cancellationToken);
            await DropSqliteStagingAsync(postgres, connection, cancellationToken);
            return new ImportResult(total, 0, 0, errorRows);
        }

        // Pass 3: the merge, set-based, of what is left in the staging table.
        if (sqlErrorRows > 0 || unchanged > 0)
        {
            await ExecuteAsync(connection, transaction, VerificationStagingSql.DropRowsNotWritten, cancellationToken);
        }

        var inserted = await ScalarAsync(connection, transaction, VerificationStagingSql.CountStaged, cancellationToken);
        await ExecuteAsync(connection, transaction, VerificationStagingSql.UpdateInstrumentDueDates, cancellationToken, parameters);
        await ExecuteAsync(connection, transaction, VerificationStagingSql.InsertInstruments, cancellationToken, parameters);
        if (postgres)
        {
            await ExecuteAsync(connection, transaction, VerificationStagingSql.InsertVerificationsAndCertificates, cancellationToken, parameters);
        }
        else
        {
            await ExecuteAsync(connection, transaction, VerificationStagingSql.InsertVerifications, cancellationToken, parameters);
            await ExecuteAsync(connection, transaction, VerificationStagingSql.InsertCertificates, cancellationToken, parameters);
        }

        // One audit line for the job instead of one per row: EF's audit of a million entities would hold them all
        // in the change tracker (gigabytes) and double the rows written. The job id on every created row is the
        // trail; this line records who imported what and the counts.
        parameters["entity"] = job.Id.ToString(CultureInfo.InvariantCulture);
        parameters["action"] = nameof(Core.Auditing.AuditAction.Create);
        parameters["after"] = JsonSerializer.Serialize(new { Kind = nameof(ImportKind.Verifications), job.FileName, job.FileHash, TotalRows = total, InsertedRows = inserted, UnchangedRows = unchanged, ErrorRows = errorRows });
        await ExecuteAsync(connection, transaction, VerificationStagingSql.InsertAudit, cancellationToken, parameters);

        if (!postgres)
        {
            await ExecuteAsync(connection, transaction, VerificationStagingSql.DropStaging, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(total, inserted, unchanged, errorRows);
    }

    public async Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var jobId = (long?)job.Id;
        var certificates = db.Certificates.IgnoreQueryFilters();
        var verifications = db.Verifications.IgnoreQueryFilters();
        var instruments = db.Instruments.IgnoreQueryFilters();
        var created = instruments.Where(i => i.ImportJobId == jobId);

        // "Referenced elsewhere": a certificate revoked or replaced since, a certificate or standard use added to an
        // imported verification, or anything recorded since against an instrument the import created.
        var referenced =
            await certificates.AnyAsync(c => c.ImportJobId == jobId && (c.RevokedAt != null || c.ReplacedById != null), cancellationToken)
            || await certificates.AnyAsync(c => c.ImportJobId != jobId && verifications.Any(v => v.Id == c.VerificationId && v.ImportJobId == jobId), cancellationToken)
            || await db.VerificationStandardUses.IgnoreQueryFilters().AnyAsync(u => verifications.Any(v => v.Id == u.VerificationId && v.ImportJobId == jobId), cancellationToken)
            || await verifications.AnyAsync(v => v.ImportJobId != jobId && created.Any(i => i.Id == v.InstrumentId), cancellationToken)
            || await certificates.AnyAsync(c => c.ImportJobId != jobId && created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.Calibrations.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.ReferenceVerificationCases.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.InspectedInstruments.IgnoreQueryFilters().AnyAsync(x => created.Any(i => i.Id == x.InstrumentId), cancellationToken)
            || await db.RemindersSent.IgnoreQueryFilters().AnyAsync(r => created.Any(i => i.Id == r.InstrumentId), cancellationToken);
        if (referenced)
        {
            return false;
        }

        // Instruments that were there before the import show again their latest remaining verification.
        var others = verifications.Where(v => v.ImportJobId != jobId);
        var now = clock.GetUtcNow().UtcDateTime;
        await instruments
            .Where(i => i.ImportJobId != jobId && verifications.Any(v => v.InstrumentId == i.Id && v.ImportJobId == jobId))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(i => i.LastVerifiedOn, i => others.Where(v => v.InstrumentId == i.Id).OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => (DateOnly?)v.Date).FirstOrDefault())
                    .SetProperty(i => i.NextDueDate, i => others.Where(v => v.InstrumentId == i.Id).OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => v.NextDueDate).FirstOrDefault())
                    .SetProperty(i => i.MustNotBeUsed, i => others.Where(v => v.InstrumentId == i.Id).OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => v.Result == VerificationResult.Fail).FirstOrDefault())
                    .SetProperty(i => i.UpdatedAt, now),
                cancellationToken);
        var deletedCertificates = await certificates.Where(c => c.ImportJobId == jobId).ExecuteDeleteAsync(cancellationToken);
        var deletedVerifications = await verifications.Where(v => v.ImportJobId == jobId).ExecuteDeleteAsync(cancellationToken);
        var deletedInstruments = await created.ExecuteDeleteAsync(cancellationToken);

        // One audit line for the undo, for the same reason as the import's (see RunAsync).
        db.AuditEntries.Add(new Core.Auditing.AuditEntry
        {
            At = now,
            UserEmail = job.UndoneByEmail,
            ProvinceId = job.ProvinceId,
            EntityType = nameof(ImportJob),
            EntityId = job.Id.ToString(CultureInfo.InvariantCulture),
            Action = Core.Auditing.AuditAction.Delete,
            Before = JsonSerializer.Serialize(new { Kind = nameof(ImportKind.Verifications), job.FileName, Certificates = deletedCertificates, Verifications = deletedVerifications, Instruments = deletedInstruments }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed record Creator(string Id, string Role, int? OrganizationId);

    private static Task<Creator?> CreatorAsync(AppDbContext db, string? email, CancellationToken cancellationToken)
    {
        if (email is null)
        {
            return Task.FromResult<Creator?>(null);
        }

        // Identity stores the upper-cased e-mail for exactly this look-up.
        var normalized = email.ToUpperInvariant();
        return db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new Creator(u.Id, u.Role, u.OrganizationId)).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<VerificationLookups> LookupsAsync(AppDbContext db, int provinceId, Creator? user, ImportJob job, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ProvinceId == provinceId && o.TaxCode != null)
            .Select(o => new { o.Id, o.Kind, o.TaxCode })
            .ToListAsync(cancellationToken);
        var bodyIds = organizations.Where(o => o.Kind == OrganizationKind.VerificationBody).Select(o => o.Id).ToList();
        var designations = await db.Designations.IgnoreQueryFilters().AsNoTracking().Include(d => d.Scopes)
            .Where(d => bodyIds.Contains(d.BodyId)).ToListAsync(cancellationToken);
        var types = await db.Group2InstrumentTypes.AsNoTracking().ToListAsync(cancellationToken);

        // A lab operator records verifications for its own body only (design/domain.md, roles); the others may
        // import for any body of the province.
        int? onlyBody = user?.Role == Roles.LabOperator ? user.OrganizationId ?? -1 : null;
        var saved = CultureInfo.CurrentUICulture;
        string reason;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
            reason = text["Imports.Verifications.OverrideReason", job.FileName].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }

        return new VerificationLookups
        {
            OrganizationsByTaxCode = organizations.GroupBy(o => o.TaxCode!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.First().Id, g.First().Kind), StringComparer.Ordinal),
            TypesByCode = types.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal),
            DesignationsByBody = designations.GroupBy(d => d.BodyId).ToDictionary(g => g.Key, g => g.ToList()),
            OnlyBodyId = onlyBody,
            Today = DisplayFormat.Today(clock),
            OverrideReason = reason.Length > 500 ? reason[..500] : reason,
        };
    }

    private static async Task ReportSqlErrorsAsync(DbConnection connection, DbTransaction transaction, VerificationImportMessages messages, Action<ImportCellError> report, CancellationToken cancellationToken)
    {
        await using var command = ImportSql.Command(connection, transaction, VerificationStagingSql.ReadErrors);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var problem = Enum.Parse<VerificationImportProblem>(reader.GetString(3));
            object? argument = reader.IsDBNull(4) ? null : reader.GetInt32(4);
            report(messages.Error(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), problem, argument));
        }
    }

    private static async Task DropSqliteStagingAsync(bool postgres, DbConnection connection, CancellationToken cancellationToken)
    {
        if (!postgres)
        {
            await using var command = ImportSql.Command(connection, null, VerificationStagingSql.DropStaging);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs one step; the time of each is logged, so a slow import shows where its time went.</summary>
    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, Dictionary<string, object?>? parameters = null)
    {
        var watch = Stopwatch.StartNew();
        await using var command = ImportSql.Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogStep(StepName(sql), watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification import: {Step} took {Seconds:F2} s")]
    private partial void LogStep(string step, double seconds);

    /// <summary>The statement's first line, e.g. "INSERT INTO \"Certificates\" (...", as the step's name in the log.</summary>
    private static string StepName(string sql)
    {
        var trimmed = sql.TrimStart();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var line = (end < 0 ? trimmed : trimmed[..end]).Trim();
        return line.Length > 80 ? line[..80] : line;
    }

    private static async Task<int> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = ImportSql.Command(connection, transaction, sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes valid rows to the staging table.</summary>
    private interface IStagingLoader : IAsyncDisposable
    {
        ValueTask WriteAsync(StagedVerification row, CancellationToken cancellationToken);

        Task CompleteAsync(CancellationToken cancellationToken);
    }

    /// <summary>PostgreSQL: binary COPY, the fastest way in; typed columns so no text parsing on the server.</summary>
    private sealed class PostgresLoader(NpgsqlBinaryImporter importer) : IStagingLoader
    {
        public static async Task<PostgresLoader> StartAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
            new(await connection.BeginBinaryImportAsync(
                $"COPY {VerificationStagingSql.Table} ({string.Join(", ", VerificationStagingSql.LoadedColumns)}) FROM STDIN (FORMAT BINARY)",
                cancellationToken));

        // Synchronous writes: they only fill Npgsql's buffer (flushed when full); twenty awaits per row cost more than the copy.
        public ValueTask WriteAsync(StagedVerification row, CancellationToken cancellationToken)
        {
            importer.StartRow();
            importer.Write(row.RowNumber, NpgsqlDbType.Integer);
            importer.Write(row.BodyId, NpgsqlDbType.Integer);
            importer.Write(row.OwnerId, NpgsqlDbType.Integer);
            importer.Write(row.OwnerTaxCode, NpgsqlDbType.Text);
            importer.Write(row.TypeCode, NpgsqlDbType.Text);
            importer.Write(row.Manufacturer, NpgsqlDbType.Text);
            WriteOrNull(row.Model, NpgsqlDbType.Text);
            importer.Write(row.SerialNumber, NpgsqlDbType.Text);
            importer.Write(row.SearchText, NpgsqlDbType.Text);
            importer.Write(row.Kind.ToString(), NpgsqlDbType.Text);
            importer.Write(row.Date, NpgsqlDbType.Date);
            importer.Write(row.Result.ToString(), NpgsqlDbType.Text);
            WriteOrNull(row.StampSerial, NpgsqlDbType.Text);
            WriteOrNull(row.CertificateNumber, NpgsqlDbType.Text);
            WriteOrNull(row.NextDueDate, NpgsqlDbType.Date);
            WriteOrNull(row.CycleMonths, NpgsqlDbType.Integer);
            WriteOrNull(row.DueDateOverrideReason, NpgsqlDbType.Text);
            importer.Write(row.VerifierName, NpgsqlDbType.Text);
            WriteOrNull(row.SignerName, NpgsqlDbType.Text);
            WriteOrNull(row.PublicToken, NpgsqlDbType.Text);
            return ValueTask.CompletedTask;
        }

        public async Task CompleteAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

        public ValueTask DisposeAsync() => importer.DisposeAsync();

        private void WriteOrNull<T>(T value, NpgsqlDbType type)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, type);
            }
        }
    }

    /// <summary>SQLite: one prepared INSERT, its parameters rebound per row, inside the job's transaction.</summary>
    private sealed class SqliteLoader : IStagingLoader
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] values;

        public SqliteLoader(SqliteConnection connection, SqliteTransaction transaction)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            var columns = VerificationStagingSql.LoadedColumns;
            command.CommandText = $"INSERT INTO {VerificationStagingSql.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            values = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
            command.Prepare();
        }

        public ValueTask WriteAsync(StagedVerification row, CancellationToken cancellationToken)
        {
            values[0].Value = row.RowNumber;
            values[1].Value = row.BodyId;
            values[2].Value = row.OwnerId;
            values[3].Value = row.OwnerTaxCode;
            values[4].Value = row.TypeCode;
            values[5].Value = row.Manufacturer;
            values[6].Value = (object?)row.Model ?? DBNull.Value;
            values[7].Value = row.SerialNumber;
            values[8].Value = row.SearchText;
            values[9].Value = row.Kind.ToString();
            values[10].Value = Iso(row.Date);
            values[11].Value = row.Result.ToString();
            values[12].Value = (object?)row.StampSerial ?? DBNull.Value;
            values[13].Value = (object?)row.CertificateNumber ?? DBNull.Value;
            values[14].Value = row.NextDueDate is { } due ? Iso(due) : DBNull.Value;
            values[15].Value = (object?)row.CycleMonths ?? DBNull.Value;
            values[16].Value = (object?)row.DueDateOverrideReason ?? DBNull.Value;
            values[17].Value = row.VerifierName;
            values[18].Value = (object?)row.SignerName ?? DBNull.Value;
            values[19].Value = (object?)row.PublicToken ?? DBNull.Value;
            // Synchronous on purpose: SQLite has no real async I/O and the async wrapper only adds a Task per row.
            command.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => command.DisposeAsync();

        // EF Core stores DateOnly as ISO text in SQLite; the merge copies these values into real columns.
        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
