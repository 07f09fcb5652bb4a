using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// The import use cases shared by the API, the pages and the command line: start a job from an upload, read
/// jobs and their errors, undo. Jobs are read through the tenant-filtered context, so another province's job
/// is not found (404); a role that may not import a kind is refused (403).
/// </summary>
public sealed class ImportJobService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    ImportQueue queue,
    ImportLeases leases,
    ImportRunner runner,
    IEnumerable<IImportKindHandler> handlers,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Errors a job's page and GET show; the error file has them all.</summary>
    public const int ErrorsShown = 100;

    public bool CanImport(ImportKind kind) => currentUser.IsInRole([.. ImportKinds.WriterRoles(kind)]);

    /// <summary>The kinds the caller may import and that have a handler, with their columns in the UI language.</summary>
    public IReadOnlyList<ImportKindDto> Kinds() =>
        handlers.Where(h => CanImport(h.Kind)).OrderBy(h => h.Kind).Select(Describe).ToList();

    public ImportKindDto Describe(IImportKindHandler handler)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new ImportKindDto(handler.Kind, ImportKinds.Slug(handler.Kind), text[ImportKinds.LabelKey(handler.Kind)],
            handler.Columns.Select(c => new ImportColumnDto(c.Key, english ? c.HeaderEn : c.HeaderVi, c.Required, english ? c.DescriptionEn : c.DescriptionVi, c.Example)).ToList());
    }

    public IImportKindHandler? Handler(ImportKind kind) => handlers.FirstOrDefault(h => h.Kind == kind);

    /// <summary>
    /// Queues a job for an upload already on disk (see <see cref="ImportStorage.SaveAsync"/>); the upload is
    /// deleted when the request is refused. A second upload of a file whose job is still queued or running is a
    /// conflict, told apart by the database's filtered unique index so two simultaneous requests cannot both win.
    /// </summary>
    public async Task<Outcome<ImportJobDto>> StartAsync(ImportKind kind, StoredUpload upload, string? fileName, string? mode, string? provinceSlug, CancellationToken cancellationToken)
    {
        var outcome = await QueueAsync(kind, upload, fileName, mode, provinceSlug, cancellationToken);
        if (!outcome.IsOk)
        {
            ImportStorage.Delete(upload.Path);
        }

        return outcome;
    }

    private async Task<Outcome<ImportJobDto>> QueueAsync(ImportKind kind, StoredUpload upload, string? fileName, string? mode, string? provinceSlug, CancellationToken cancellationToken)
    {
        if (!CanImport(kind))
        {
            return Outcome<ImportJobDto>.Forbidden(text["Imports.Error.KindForbidden"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        var importMode = ParseMode(errors, mode);
        var provinceId = await ProvinceAsync(db, errors, provinceSlug, cancellationToken);
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            errors.Add("file", text["Imports.Error.NoFile"]);
        }
        else if (upload.Size == 0)
        {
            errors.Add("file", text["Imports.Error.EmptyFile"]);
        }

        if (errors.Any)
        {
            return Outcome<ImportJobDto>.Invalid(errors);
        }

        var job = new ImportJob
        {
            ProvinceId = provinceId,
            Kind = kind,
            Mode = importMode!.Value,
            Status = ImportStatus.Queued,
            FileName = name.Length > 260 ? name[^260..] : name,
            FileHash = upload.Hash,
            FileSize = upload.Size,
            StoredFilePath = upload.Path,
            CreatedByEmail = currentUser.UserEmail ?? Environment.UserName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // A live job of the same file (in this process or a command line beside it) holds the key's lease.
        var lease = leases.TryTake(job.ProvinceId, job.Kind, job.FileHash);
        if (lease is null)
        {
            return Outcome<ImportJobDto>.Conflict("file", text["Imports.Error.AlreadyRunning"]);
        }

        try
        {
            // Holding the lease, a job of this file still queued or running was left by a process that died: it ends failed.
            await runner.FailAbandonedAsync(job.ProvinceId, job.Kind, job.FileHash, cancellationToken);
            db.ImportJobs.Add(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (!await ActiveJobExistsAsync(job, cancellationToken))
                {
                    throw;
                }

                return Outcome<ImportJobDto>.Conflict("file", text["Imports.Error.AlreadyRunning"]);
            }

            leases.Hand(job.Id, lease);
            lease = null;
        }
        finally
        {
            lease?.Dispose();
        }

        queue.Enqueue(job.Id);
        return Outcome<ImportJobDto>.Ok(ToDto(job, []));
    }

    public async Task<ImportJobDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ImportJobs.AsNoTracking().Include(j => j.Errors.OrderBy(e => e.Row).ThenBy(e => e.Id).Take(ErrorsShown))
            .FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null || !CanImport(job.Kind) ? null : ToDto(job, job.Errors);
    }

    /// <summary>The province's jobs of the kinds the caller may import, newest first (one query).</summary>
    public async Task<IReadOnlyList<ImportJobDto>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        var kinds = Enum.GetValues<ImportKind>().Where(CanImport).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.ImportJobs.AsNoTracking().Where(j => kinds.Contains(j.Kind))
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return jobs.Select(j => ToDto(j, [])).ToList();
    }

    /// <summary>The error file of a job the caller may see: path and download name; null when there is none.</summary>
    public async Task<(string Path, string DownloadName)?> ErrorFileAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || !CanImport(job.Kind) || job.ErrorFilePath is not { } path || !File.Exists(path))
        {
            return null;
        }

        return (path, $"{Path.GetFileNameWithoutExtension(job.FileName)}-loi{Path.GetExtension(path)}");
    }

    /// <summary>Deletes the rows the job created when nothing refers to them; the job becomes Undone.</summary>
    public async Task<Outcome<ImportJobDto>> UndoAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return Outcome<ImportJobDto>.NotFound();
        }

        if (!CanImport(job.Kind))
        {
            return Outcome<ImportJobDto>.Forbidden(text["Imports.Error.KindForbidden"]);
        }

        if (!IsUndoable(job))
        {
            return Outcome<ImportJobDto>.Conflict("status", text["Imports.Error.NotUndoable"]);
        }

        if (!await Handler(job.Kind)!.UndoAsync(job, cancellationToken))
        {
            return Outcome<ImportJobDto>.Conflict("id", text["Imports.Error.RowsInUse"]);
        }

        job.Status = ImportStatus.Undone;
        job.UndoneAt = clock.GetUtcNow().UtcDateTime;
        job.UndoneByEmail = currentUser.UserEmail;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ImportJobDto>.Ok(ToDto(job, []));
    }

    private static bool IsUndoable(ImportJob job) =>
        job.Status is ImportStatus.Succeeded or ImportStatus.SucceededWithErrors && job.InsertedRows > 0;

    private ImportMode? ParseMode(FieldErrors errors, string? mode)
    {
        if (string.IsNullOrWhiteSpace(mode))
        {
            return ImportMode.AllOrNothing;
        }

        var parsed = FieldRules.EnumByName<ImportMode>(mode);
        if (parsed is null)
        {
            errors.Add("mode", text["Imports.Error.Mode"]);
        }

        return parsed;
    }

    /// <summary>A provincial user's own province; a national user (SystemAdmin) must name one.</summary>
    private async Task<int?> ProvinceAsync(AppDbContext db, FieldErrors errors, string? provinceSlug, CancellationToken cancellationToken)
    {
        var slug = FieldRules.Blank(provinceSlug);
        if (currentUser.ProvinceId is { } own)
        {
            if (slug is not null && !string.Equals(slug, currentUser.ProvinceSlug, StringComparison.Ordinal))
            {
                errors.Add("province", text["Error.Province.NotYours"]);
            }

            return own;
        }

        if (slug is null)
        {
            errors.Add("province", text["Imports.Error.ProvinceRequired"]);
            return null;
        }

        var scratch = new FieldErrors();
        var id = await FieldRules.ProvinceIdAsync(db, scratch, text, slug, cancellationToken);
        if (scratch.For("provinceSlug") is { } message)
        {
            errors.Add("province", message);
        }

        return id;
    }

    private async Task<bool> ActiveJobExistsAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ImportJobs.IgnoreQueryFilters().AnyAsync(
            j => j.ProvinceId == job.ProvinceId && j.Kind == job.Kind && j.FileHash == job.FileHash
                && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running),
            cancellationToken);
    }

    private ImportJobDto ToDto(ImportJob job, IEnumerable<ImportRowError> errors)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var columns = Handler(job.Kind)?.Columns.ToDictionary(c => c.Key, c => english ? c.HeaderEn : c.HeaderVi, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return new ImportJobDto(
            job.Id, job.Kind, ImportKinds.Slug(job.Kind), job.Mode, job.Status, job.FileName, job.FileSize,
            job.TotalRows, job.ProcessedRows, job.InsertedRows, job.UnchangedRows, job.ErrorRows,
            ImportJobDto.Localized(job.FailureMessage), ImportJobDto.Localized(job.Notice), job.ErrorFilePath is not null, IsUndoable(job) && CanImport(job.Kind),
            job.CreatedByEmail, job.CreatedAt, job.StartedAt, job.FinishedAt, job.UndoneAt,
            errors.Select(e => new ImportErrorDto(e.Row, e.Column, columns.GetValueOrDefault(e.Column, e.Column), e.Value,
                english ? e.MessageEn : e.MessageVi, e.MessageVi, e.MessageEn)).ToList());
    }
}
