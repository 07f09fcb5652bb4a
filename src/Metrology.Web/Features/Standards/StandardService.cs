using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Standards;

/// <summary>
/// Measurement standards and their calibration history. Province-filtered by the context; a LabOperator
/// reads and writes only its own organisation's standards. The standard's CalibrationDueDate is the due
/// date of its latest calibration, which is what a verification checks (MeasurementStandard.IsInCalibrationOn).
/// </summary>
public sealed class StandardService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>design/domain.md, Roles: standards are W prov (ProvinceOfficer) and W own (LabOperator).</summary>
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer, Roles.LabOperator];

    public static readonly string[] ReaderRoles = [.. WriterRoles, Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.Inspector];

    public static readonly string[] DueStates = ["overdue", "dueSoon", "ok", "unknown"];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public bool IsLabOperator => currentUser.IsInRole(Roles.LabOperator);

    /// <summary>Window for "sắp đến hạn"; the same 30 days as instruments unless set.</summary>
    public int DueSoonDays => configuration.GetValue("Standards:DueSoonDays", 30);

    public async Task<PagedResult<StandardDto>> ListAsync(StandardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DisplayFormat.Today(clock);
        var soon = today.AddDays(DueSoonDays);
        var rows = Visible(db);
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(s => EF.Functions.Like(s.SearchText, pattern, "\\"));
        }

        if (query.OwnerId is { } ownerId)
        {
            rows = rows.Where(s => s.OwnerId == ownerId);
        }

        rows = query.DueState switch
        {
            "overdue" => rows.Where(s => s.CalibrationDueDate < today),
            "dueSoon" => rows.Where(s => s.CalibrationDueDate >= today && s.CalibrationDueDate <= soon),
            "ok" => rows.Where(s => s.CalibrationDueDate > soon),
            "unknown" => rows.Where(s => s.CalibrationDueDate == null),
            _ => rows,
        };

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, StandardQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await Project(rows.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize), withHistory: false, cancellationToken);
        return new PagedResult<StandardDto>(items, total, page, pageSize);
    }

    public async Task<StandardDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await Project(Visible(db).Where(s => s.Id == id), withHistory: true, cancellationToken)).FirstOrDefault();
    }

    public async Task<Outcome<StandardDto>> CreateAsync(StandardInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (owner, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<StandardDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var standard = new MeasurementStandard { Name = input.Name!.Trim(), Quantity = input.Quantity!.Trim(), CreatedAt = now };
        Apply(standard, input, owner!, now);
        db.MeasurementStandards.Add(standard);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<StandardDto>.Ok((await GetAsync(standard.Id, cancellationToken))!);
    }

    public async Task<Outcome<StandardDto>> UpdateAsync(int id, StandardInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standard = await Visible(db, tracked: true).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (standard is null)
        {
            return Outcome<StandardDto>.NotFound();
        }

        var (owner, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<StandardDto>.Invalid(errors);
        }

        Apply(standard, input, owner!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<StandardDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    public async Task<Outcome<StandardDto>> AddCalibrationAsync(int id, StandardCalibrationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standard = await Visible(db, tracked: true).Include(s => s.Calibrations).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (standard is null)
        {
            return Outcome<StandardDto>.NotFound();
        }

        var errors = new FieldErrors();
        var today = DisplayFormat.Today(clock);
        if (input.Date is not { } date)
        {
            errors.Add("date", text["Error.Required"]);
        }
        else if (date > today)
        {
            errors.Add("date", text["Standard.Error.DateInFuture"]);
        }

        if (input.DueDate is null)
        {
            errors.Add("dueDate", text["Error.Required"]);
        }
        else if (input.Date is { } d && input.DueDate <= d)
        {
            errors.Add("dueDate", text["Standard.Error.DueNotAfterDate"]);
        }

        FieldRules.RequireText(errors, text, "calibratedBy", input.CalibratedBy, 300);
        FieldRules.OptionalText(errors, text, "certificateNumber", input.CertificateNumber, 100);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, 1000);
        if (errors.Any)
        {
            return Outcome<StandardDto>.Invalid(errors);
        }

        standard.Calibrations.Add(new StandardCalibration
        {
            Date = input.Date!.Value,
            CalibratedBy = input.CalibratedBy!.Trim(),
            CertificateNumber = FieldRules.Blank(input.CertificateNumber),
            DueDate = input.DueDate!.Value,
            Notes = FieldRules.Blank(input.Notes),
        });

        // The latest calibration decides, even when an older certificate is entered afterwards.
        standard.CalibrationDueDate = standard.Calibrations.OrderByDescending(c => c.Date).ThenByDescending(c => c.DueDate).First().DueDate;
        standard.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<StandardDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>Organisations that may own a standard: the LabOperator's own, otherwise any in the user's scope.</summary>
    public async Task<List<OwnerOption>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.VerificationBody || o.Kind == OrganizationKind.Agency);
        if (IsLabOperator)
        {
            var own = currentUser.OrganizationId ?? -1;
            rows = db.Organizations.AsNoTracking().Where(o => o.Id == own);
        }

        return await rows.OrderBy(o => o.Name).Select(o => new OwnerOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    public string DueStateOf(DateOnly? dueDate) => DueStateOf(dueDate, DisplayFormat.Today(clock), DueSoonDays);

    public static string DueStateOf(DateOnly? dueDate, DateOnly today, int dueSoonDays) => dueDate switch
    {
        null => "unknown",
        { } due when due < today => "overdue",
        { } due when due <= today.AddDays(dueSoonDays) => "dueSoon",
        _ => "ok",
    };

    private IQueryable<MeasurementStandard> Visible(AppDbContext db, bool tracked = false)
    {
        var rows = tracked ? db.MeasurementStandards : db.MeasurementStandards.AsNoTracking();
        if (IsLabOperator)
        {
            var own = currentUser.OrganizationId ?? -1;
            rows = rows.Where(s => s.OwnerId == own);
        }

        return rows;
    }

    private async Task<List<StandardDto>> Project(IQueryable<MeasurementStandard> rows, bool withHistory, CancellationToken cancellationToken)
    {
        var list = await rows.Select(s => new
        {
            Standard = s,
            OwnerName = s.Owner!.Name,
            ProvinceSlug = s.Owner.Province == null ? null : s.Owner.Province.Slug,
            History = withHistory ? s.Calibrations.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).ToList() : new List<StandardCalibration>(),
        }).ToListAsync(cancellationToken);
        var today = DisplayFormat.Today(clock);
        var soonDays = DueSoonDays;
        return [.. list.Select(x => new StandardDto(
            x.Standard.Id, x.Standard.OwnerId, x.OwnerName, x.ProvinceSlug, x.Standard.Name, x.Standard.Quantity, x.Standard.Manufacturer,
            x.Standard.SerialNumber, x.Standard.MeasuringRange, x.Standard.AccuracyOrUncertainty, x.Standard.Traceability,
            x.Standard.CalibrationDueDate, DueStateOf(x.Standard.CalibrationDueDate, today, soonDays),
            [.. x.History.Select(c => new StandardCalibrationDto(c.Id, c.Date, c.CalibratedBy, c.CertificateNumber, c.DueDate, c.Notes))],
            x.Standard.CreatedAt, x.Standard.UpdatedAt))];
    }

    private async Task<(Organization? Owner, FieldErrors Errors)> ValidateAsync(AppDbContext db, StandardInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "name", input.Name, 300);
        FieldRules.RequireText(errors, text, "quantity", input.Quantity, 100);
        FieldRules.OptionalText(errors, text, "manufacturer", input.Manufacturer, 200);
        FieldRules.OptionalText(errors, text, "serialNumber", input.SerialNumber, 100);
        FieldRules.OptionalText(errors, text, "measuringRange", input.MeasuringRange, 200);
        FieldRules.OptionalText(errors, text, "accuracyOrUncertainty", input.AccuracyOrUncertainty, 200);
        FieldRules.OptionalText(errors, text, "traceability", input.Traceability, 500);

        // A lab keeps its own standards: whatever owner it sends, the owner is its organisation.
        var ownerId = IsLabOperator ? currentUser.OrganizationId : input.OwnerId;
        var owner = await FieldRules.OrganizationAsync(db, errors, text, "ownerId", ownerId, mustBeBody: false, cancellationToken);
        return (owner, errors);
    }

    private static void Apply(MeasurementStandard standard, StandardInput input, Organization owner, DateTime now)
    {
        standard.OwnerId = owner.Id;
        standard.ProvinceId = owner.ProvinceId;
        standard.Name = input.Name!.Trim();
        standard.Quantity = input.Quantity!.Trim();
        standard.Manufacturer = FieldRules.Blank(input.Manufacturer);
        standard.SerialNumber = FieldRules.Blank(input.SerialNumber);
        standard.MeasuringRange = FieldRules.Blank(input.MeasuringRange);
        standard.AccuracyOrUncertainty = FieldRules.Blank(input.AccuracyOrUncertainty);
        standard.Traceability = FieldRules.Blank(input.Traceability);
        standard.UpdatedAt = now;
        standard.RefreshSearchText();
    }
}

public sealed record OwnerOption(int Id, string Name);
