using System.Globalization;
using System.Linq.Expressions;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// The instrument registry and its due lists, shared by the API and the pages. Reads go through the
/// tenant-filtered context (an officer sees the province, an enterprise user its own organisation, a
/// national user everything), so another scope's instrument is simply not found.
/// </summary>
public sealed class InstrumentService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>design/domain.md, Roles: instruments are W for these (each within its scope), R for the rest.</summary>
    public static readonly string[] WriterRoles = [Roles.SystemAdmin, Roles.ProvinceOfficer, Roles.LabOperator, Roles.EnterpriseUser];

    // Column sizes of the EF configuration (Core/Data/VerificationConfigurations.cs) that Instrument has no constant for.
    public const int SerialMaxLength = 100;
    public const int PatternApprovalMaxLength = 100;
    public const int AccuracyClassMaxLength = 50;
    public const int LocationMaxLength = 300;

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    /// <summary>An enterprise user registers only its own instruments; the form hides the owner field for it.</summary>
    public bool OwnerIsFixed => currentUser.IsInRole(Roles.EnterpriseUser);

    public DateOnly Today => DisplayFormat.Today(clock);

    public int DueSoonDays => InstrumentsSetup.DueSoonDays(configuration);

    public async Task<Outcome<KeysetPage<InstrumentDto>>> ListAsync(InstrumentQuery query, CancellationToken cancellationToken = default)
    {
        if (!TryParseIdCursor(query.After, out var afterId))
        {
            return Outcome<KeysetPage<InstrumentDto>>.Invalid(CursorError());
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db, query);
        if (afterId is { } after)
        {
            rows = rows.Where(i => i.Id > after);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, InstrumentQuery.MaxPageSize);
        var page = await Project(rows.OrderBy(i => i.Id)).Take(pageSize + 1).ToListAsync(cancellationToken);
        var types = await TypeNamesAsync(db, cancellationToken);
        var items = page.Take(pageSize).Select(r => ToDto(r, types)).ToList();
        var next = page.Count > pageSize ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return Outcome<KeysetPage<InstrumentDto>>.Ok(new KeysetPage<InstrumentDto>(items, next));
    }

    /// <summary>Overdue and due-soon instruments, earliest due date first.</summary>
    public async Task<Outcome<KeysetPage<InstrumentDto>>> DueListAsync(DueListQuery query, CancellationToken cancellationToken = default)
    {
        var (errors, bodyId) = CheckDueQuery(query);
        if (errors.Any)
        {
            return Outcome<KeysetPage<InstrumentDto>>.Invalid(errors);
        }

        if (bodyId is null && query.BodyId is not null)
        {
            return Outcome<KeysetPage<InstrumentDto>>.Forbidden(text["Instruments.Error.OtherBody"]);
        }

        _ = TryParseDueCursor(query.After, out var cursor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = DueFilter(db, query, bodyId);
        if (cursor is { } position)
        {
            var (afterDate, afterId) = position;
            rows = rows.Where(i => i.NextDueDate > afterDate || (i.NextDueDate == afterDate && i.Id > afterId));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, InstrumentQuery.MaxPageSize);
        var page = await Project(rows.OrderBy(i => i.NextDueDate).ThenBy(i => i.Id)).Take(pageSize + 1).ToListAsync(cancellationToken);
        var types = await TypeNamesAsync(db, cancellationToken);
        var items = page.Take(pageSize).Select(r => ToDto(r, types)).ToList();
        var next = page.Count > pageSize ? DueCursor(items[^1]) : null;
        return Outcome<KeysetPage<InstrumentDto>>.Ok(new KeysetPage<InstrumentDto>(items, next));
    }

    /// <summary>
    /// Field errors of a due-list query, and the body to filter by: a lab operator's own body when it names
    /// none; null with no error when it names another body (the caller answers 403).
    /// </summary>
    public (FieldErrors Errors, int? BodyId) CheckDueQuery(DueListQuery query)
    {
        var errors = new FieldErrors();
        if (query.State is { } state && state is not (DueState.Overdue or DueState.DueSoon))
        {
            errors.Add("state", text["Instruments.Error.DueStateUnknown"]);
        }

        if (!TryParseDueCursor(query.After, out _))
        {
            errors.Add("after", text["Instruments.Error.Cursor"]);
        }

        var bodyId = query.BodyId;
        if (currentUser.IsInRole(Roles.LabOperator))
        {
            bodyId = query.BodyId is null || query.BodyId == currentUser.OrganizationId ? currentUser.OrganizationId : null;
        }

        return (errors, bodyId);
    }

    public async Task<InstrumentDetailDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(db.Instruments.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var history = await db.Verifications.AsNoTracking()
            .Where(v => v.InstrumentId == id)
            .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
            .Select(v => new
            {
                Verification = v,
                Certificate = db.Certificates.Where(c => c.VerificationId == v.Id && c.RevokedAt == null).Select(c => c.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // An enterprise user may not list the lab as an organisation, yet the lab that verified its instrument is on the certificate.
        var bodies = await OrganizationNames.PastScopeAsync(db, history.Select(h => h.Verification.BodyId), cancellationToken);
        var verifications = history.Select(h => new InstrumentVerificationDto(
            h.Verification.Id, h.Verification.Date, h.Verification.Kind, h.Verification.Result, bodies[h.Verification.BodyId],
            h.Verification.StampSerial, h.Certificate, h.Verification.VerifierName, h.Verification.NextDueDate)).ToList();
        return new InstrumentDetailDto(ToDto(row, await TypeNamesAsync(db, cancellationToken)), verifications);
    }

    public async Task<Outcome<InstrumentDto>> CreateAsync(InstrumentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checkedInput = await ValidateAsync(db, input, cancellationToken);
        if (checkedInput.Failure is { } failure)
        {
            return failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var instrument = new Instrument { Manufacturer = string.Empty, SerialNumber = string.Empty, CreatedAt = now };
        Apply(instrument, input, checkedInput, now);
        if (await DuplicateAsync(db, instrument, cancellationToken))
        {
            return DuplicateConflict(instrument);
        }

        db.Instruments.Add(instrument);
        return await SaveAsync(db, instrument, cancellationToken);
    }

    public async Task<Outcome<InstrumentDto>> UpdateAsync(int id, InstrumentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instrument is null)
        {
            return Outcome<InstrumentDto>.NotFound();
        }

        var checkedInput = await ValidateAsync(db, input, cancellationToken);
        if (checkedInput.Failure is { } failure)
        {
            return failure;
        }

        Apply(instrument, input, checkedInput, clock.GetUtcNow().UtcDateTime);
        if (await DuplicateAsync(db, instrument, cancellationToken))
        {
            return DuplicateConflict(instrument);
        }

        return await SaveAsync(db, instrument, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instrument is null)
        {
            return Outcome<bool>.NotFound();
        }

        // Legal records keep their instrument: checked without the tenant filter, whoever wrote them.
        var inUse = await db.Verifications.IgnoreQueryFilters().AnyAsync(v => v.InstrumentId == id, cancellationToken)
            || await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.InstrumentId == id, cancellationToken)
            || await db.Calibrations.IgnoreQueryFilters().AnyAsync(c => c.InstrumentId == id, cancellationToken)
            || await db.ReferenceVerificationCases.IgnoreQueryFilters().AnyAsync(c => c.InstrumentId == id, cancellationToken);
        if (inUse)
        {
            return Outcome<bool>.Conflict("id", text["Instruments.Error.InUse"]);
        }

        db.Instruments.Remove(instrument);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The most recent reminders mailed about instruments the caller can see.</summary>
    public async Task<IReadOnlyList<ReminderSentDto>> RemindersAsync(string? search, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.RemindersSent.AsNoTracking().Join(db.Instruments, r => r.InstrumentId, i => i.Id, (r, i) => new { r, i });
        foreach (var word in TextSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(x => EF.Functions.Like(x.i.SearchText, pattern, "\\") || EF.Functions.Like(x.i.Owner!.SearchText, pattern, "\\"));
        }

        return await rows
            .OrderByDescending(x => x.r.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .Select(x => new ReminderSentDto(x.r.Id, x.i.Id, x.i.SerialNumber, x.i.Owner!.Name, x.r.DueDate, x.r.Kind, x.r.Recipient, x.r.SentAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Owners the caller may pick in the form: its province's organisations (all kinds), or all for national users.</summary>
    public async Task<IReadOnlyList<OwnerOption>> OwnerOptionsAsync(OrganizationKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = db.Organizations.AsNoTracking();
        if (kind is { } only)
        {
            organizations = organizations.Where(o => o.Kind == only);
        }

        return await organizations.OrderBy(o => o.Name).Take(2000)
            .Select(o => new OwnerOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Group 2 types for pickers: one row per code, the revision in force today.</summary>
    public async Task<IReadOnlyList<TypeOption>> TypeOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await TypeNamesAsync(db, cancellationToken);
        return types.Select(t => new TypeOption(t.Key, t.Value)).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>
    /// The tenant filter again, as a plain equality, for the due lists (ordered by due date). The filter's
    /// form "all provinces OR ProvinceId = p" keeps SQLite from using the (ProvinceId, NextDueDate, Id)
    /// index: the overdue list of a province with 253,000 instruments took 480 ms for its first page
    /// through the filter alone, under 10 ms with this.
    /// </summary>
    private IQueryable<Instrument> InstrumentsInScope(AppDbContext db) =>
        currentUser.ProvinceId is { } provinceId
            ? db.Instruments.AsNoTracking().Where(i => i.ProvinceId == provinceId)
            : db.Instruments.AsNoTracking();

    /// <summary>The registry's filters, shared with the exports (Features/Exports) so a file holds what the list shows.</summary>
    public IQueryable<Instrument> Filter(AppDbContext db, InstrumentQuery query)
    {
        // Not InstrumentsInScope: ordered by id, the registry walks the primary key, and the province
        // equality would make SQLite pick the province index and sort instead (5 ms became 35 ms).
        var rows = db.Instruments.AsNoTracking();
        // Each word may match the instrument, its owner's name or its Group 2 type's name.
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\")
                || EF.Functions.Like(i.Owner!.SearchText, pattern, "\\")
                || db.Group2InstrumentTypes.Any(t => t.Code == i.TypeCode && EF.Functions.Like(t.SearchText, pattern, "\\")));
        }

        if (FieldRules.Blank(query.TypeCode) is { } typeCode)
        {
            rows = rows.Where(i => i.TypeCode == typeCode);
        }

        if (query.OwnerId is { } ownerId)
        {
            rows = rows.Where(i => i.OwnerId == ownerId);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(i => i.Status == status);
        }

        if (query.DueState is { } state)
        {
            rows = rows.Where(DueRules.Is(state, Today, DueSoonDays));
        }

        return rows;
    }

    /// <summary>The due list's filters, shared with the exports; <paramref name="bodyId"/> comes from <see cref="CheckDueQuery"/>.</summary>
    public IQueryable<Instrument> DueFilter(AppDbContext db, DueListQuery query, int? bodyId)
    {
        var window = query.WithinDays ?? DueSoonDays;
        var rows = InstrumentsInScope(db).Where(query.State is { } state
            ? DueRules.Is(state, Today, window)
            : DueRules.IsDue(Today, window));
        if (query.OwnerId is { } ownerId)
        {
            rows = rows.Where(i => i.OwnerId == ownerId);
        }

        if (bodyId is { } body)
        {
            // "The body's instruments" = those whose latest verification it made (index InstrumentId, Date).
            rows = rows.Where(i => db.Verifications
                .Where(v => v.InstrumentId == i.Id)
                .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
                .Select(v => (int?)v.BodyId)
                .FirstOrDefault() == body);
        }

        return rows;
    }

    private sealed record ValidatedInput(int OwnerId, int? ProvinceId, string? TypeCode, InstrumentStatus Status, Outcome<InstrumentDto>? Failure);

    private async Task<ValidatedInput> ValidateAsync(AppDbContext db, InstrumentInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "manufacturer", input.Manufacturer, Instrument.TextMaxLength);
        FieldRules.RequireText(errors, text, "serialNumber", input.SerialNumber, SerialMaxLength);
        FieldRules.OptionalText(errors, text, "model", input.Model, Instrument.TextMaxLength);
        FieldRules.OptionalText(errors, text, "patternApprovalNumber", input.PatternApprovalNumber, PatternApprovalMaxLength);
        FieldRules.OptionalText(errors, text, "accuracyClass", input.AccuracyClass, AccuracyClassMaxLength);
        FieldRules.OptionalText(errors, text, "measuringRange", input.MeasuringRange, Instrument.TextMaxLength);
        FieldRules.OptionalText(errors, text, "location", input.Location, LocationMaxLength);

        var status = InstrumentStatus.InService;
        if (FieldRules.Blank(input.Status) is { } statusText)
        {
            if (FieldRules.EnumByName<InstrumentStatus>(statusText) is { } parsed)
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", text["Instruments.Error.StatusUnknown", string.Join(", ", Enum.GetNames<InstrumentStatus>())]);
            }
        }

        var typeCode = FieldRules.Blank(input.TypeCode);
        if (typeCode is not null && !await db.Group2InstrumentTypes.AnyAsync(t => t.Code == typeCode, cancellationToken))
        {
            errors.Add("typeCode", text["Instruments.Error.TypeUnknown", typeCode.Length > 60 ? typeCode[..60] : typeCode]);
        }

        var ownerId = input.OwnerId;
        if (currentUser.IsInRole(Roles.EnterpriseUser))
        {
            if (currentUser.OrganizationId is not { } own || (ownerId is not null && ownerId != own))
            {
                return new ValidatedInput(0, null, null, status, Outcome<InstrumentDto>.Forbidden(text["Instruments.Error.OwnOnly"]));
            }

            ownerId = own;
        }

        int? provinceId = null;
        if (ownerId is null)
        {
            errors.Add("ownerId", text["Error.Required"]);
        }
        else
        {
            // The tenant filter limits owners to the caller's province (or organisation): anything else is unknown here.
            var owner = await db.Organizations.Where(o => o.Id == ownerId).Select(o => new { o.ProvinceId }).FirstOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                errors.Add("ownerId", text["Instruments.Error.OwnerUnknown"]);
            }
            else
            {
                provinceId = owner.ProvinceId;
            }
        }

        return new ValidatedInput(ownerId ?? 0, provinceId, typeCode, status, errors.Any ? Outcome<InstrumentDto>.Invalid(errors) : null);
    }

    private static void Apply(Instrument instrument, InstrumentInput input, ValidatedInput valid, DateTime now)
    {
        instrument.OwnerId = valid.OwnerId;
        instrument.ProvinceId = valid.ProvinceId;
        instrument.TypeCode = valid.TypeCode;
        instrument.Status = valid.Status;
        instrument.Manufacturer = input.Manufacturer!.Trim();
        instrument.Model = FieldRules.Blank(input.Model);
        instrument.SerialNumber = input.SerialNumber!.Trim();
        instrument.PatternApprovalNumber = FieldRules.Blank(input.PatternApprovalNumber);
        instrument.AccuracyClass = FieldRules.Blank(input.AccuracyClass);
        instrument.MeasuringRange = FieldRules.Blank(input.MeasuringRange);
        instrument.Location = FieldRules.Blank(input.Location);
        instrument.UpdatedAt = now;
        instrument.RefreshSearchText();
    }

    /// <summary>
    /// The natural key, checked across every scope (another owner in the province may hold it). Checked in code
    /// as well as by the unique index because the index treats an empty type (NULL) as never equal.
    /// </summary>
    private static async Task<bool> DuplicateAsync(AppDbContext db, Instrument instrument, CancellationToken cancellationToken) =>
        await db.Instruments.IgnoreQueryFilters().AnyAsync(
            i => i.ProvinceId == instrument.ProvinceId && i.TypeCode == instrument.TypeCode
                && i.Manufacturer == instrument.Manufacturer && i.SerialNumber == instrument.SerialNumber && i.Id != instrument.Id,
            cancellationToken);

    private Outcome<InstrumentDto> DuplicateConflict(Instrument instrument) =>
        Outcome<InstrumentDto>.Conflict("serialNumber", text["Instruments.Error.Duplicate", instrument.SerialNumber, instrument.Manufacturer]);

    private async Task<Outcome<InstrumentDto>> SaveAsync(AppDbContext db, Instrument instrument, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return DuplicateConflict(instrument);
        }

        var row = await Project(db.Instruments.AsNoTracking().Where(i => i.Id == instrument.Id)).FirstAsync(cancellationToken);
        return Outcome<InstrumentDto>.Ok(ToDto(row, await TypeNamesAsync(db, cancellationToken)));
    }

    /// <summary>The columns a list needs, read in one query with the owner's name.</summary>
    private sealed record Row(
        int Id, int OwnerId, string OwnerName, string? ProvinceName, string? TypeCode, string Manufacturer, string? Model, string SerialNumber,
        string? PatternApprovalNumber, string? AccuracyClass, string? MeasuringRange, string? Location, InstrumentStatus Status,
        bool MustNotBeUsed, DateOnly? LastVerifiedOn, DateOnly? NextDueDate, DateTime CreatedAt, DateTime UpdatedAt);

    private static IQueryable<Row> Project(IQueryable<Instrument> rows) => rows.Select(ToRow);

    private static readonly Expression<Func<Instrument, Row>> ToRow = i => new Row(
        i.Id, i.OwnerId, i.Owner!.Name, i.Owner.Province == null ? null : i.Owner.Province.NameVi, i.TypeCode, i.Manufacturer, i.Model,
        i.SerialNumber, i.PatternApprovalNumber, i.AccuracyClass, i.MeasuringRange, i.Location, i.Status, i.MustNotBeUsed,
        i.LastVerifiedOn, i.NextDueDate, i.CreatedAt, i.UpdatedAt);

    private InstrumentDto ToDto(Row r, IReadOnlyDictionary<string, string> typeNames) => new(
        r.Id, r.OwnerId, r.OwnerName, r.ProvinceName, r.TypeCode,
        r.TypeCode is { } code && typeNames.TryGetValue(code, out var name) ? name : null,
        r.Manufacturer, r.Model, r.SerialNumber, r.PatternApprovalNumber, r.AccuracyClass, r.MeasuringRange, r.Location, r.Status,
        r.MustNotBeUsed, r.LastVerifiedOn, r.NextDueDate,
        DueRules.StateOf(r.Status, r.TypeCode, r.MustNotBeUsed, r.LastVerifiedOn, r.NextDueDate, Today, DueSoonDays),
        r.CreatedAt, r.UpdatedAt);

    /// <summary>Code → name in the UI language, from the revision in force today (else the latest one).</summary>
    private async Task<IReadOnlyDictionary<string, string>> TypeNamesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var english = !CultureInfo.CurrentUICulture.TwoLetterISOLanguageName.Equals("vi", StringComparison.Ordinal);
        var names = await Group2Names.OnAsync(db, Today, cancellationToken);
        return names.ToDictionary(n => n.Key, n => english ? n.Value.En : n.Value.Vi, StringComparer.Ordinal);
    }

    private static bool TryParseIdCursor(string? after, out int? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(after))
        {
            return true;
        }

        if (int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            id = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Due-list cursor: the last row's due date and id, "yyyy-MM-dd_id".</summary>
    private static string DueCursor(InstrumentDto last) =>
        string.Create(CultureInfo.InvariantCulture, $"{last.NextDueDate:yyyy-MM-dd}_{last.Id}");

    private static bool TryParseDueCursor(string? after, out (DateOnly Date, int Id)? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(after))
        {
            return true;
        }

        var parts = after.Split('_');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            cursor = (date, id);
            return true;
        }

        return false;
    }

    private FieldErrors CursorError()
    {
        var errors = new FieldErrors();
        errors.Add("after", text["Instruments.Error.Cursor"]);
        return errors;
    }
}

public sealed record OwnerOption(int Id, string Name);

public sealed record TypeOption(string Code, string Name);
