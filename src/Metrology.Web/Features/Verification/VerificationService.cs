using System.Linq.Expressions;
using System.Security.Claims;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Verification;

/// <summary>
/// Recording legal verifications (design/domain.md, Instruments and verification), shared by the API and
/// the recording page. Reads run through the tenant-filtered context; a lab operator additionally sees
/// only its own body's records, an enterprise user only its own instruments' (query filter).
/// </summary>
public sealed class VerificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Only a verification body's operator records verifications, and only for that body.</summary>
    public static readonly string[] WriterRoles = [Roles.LabOperator];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    /// <summary>The body a lab operator works for; null for every other role.</summary>
    private int? OwnBodyId => currentUser.IsInRole(Roles.LabOperator) ? currentUser.OrganizationId ?? -1 : null;

    public async Task<PagedResult<VerificationListItem>> ListAsync(VerificationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Visible(db);
        if (query.InstrumentId is { } instrumentId)
        {
            rows = rows.Where(v => v.InstrumentId == instrumentId);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(v => v.Date >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(v => v.Date <= to);
        }

        if (query.Result is { } result)
        {
            rows = rows.Where(v => v.Result == result);
        }

        // Every word in the instrument's text, or the stamp serial however typed: (A1 || S) && (A2 || S) = (A1 && A2) || S.
        var stamp = TextSearch.CompactKey(query.Search);
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(v => EF.Functions.Like(v.Instrument!.SearchText, pattern, "\\") || v.StampKey == stamp);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, VerificationQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await rows.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(v => new VerificationListItem(
                v.Id, v.Date, v.TypeCode,
                db.Group2InstrumentTypes.Where(t => t.Code == v.TypeCode).OrderByDescending(t => t.EffectiveFrom).Select(t => t.NameVi).FirstOrDefault(),
                v.Instrument!.SerialNumber, v.Instrument.Manufacturer, v.BodyId, null, v.Kind, v.Result,
                v.StampSerial, v.NextDueDate, v.StandardOutOfCalibration,
                db.Certificates.Where(c => c.VerificationId == v.Id).OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefault(),
                db.Certificates.Where(c => c.VerificationId == v.Id).OrderByDescending(c => c.Id).Select(c => c.Number).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var names = await OrganizationNames.PastScopeAsync(db, items.Select(i => i.BodyId), cancellationToken);
        items = items.Select(i => i with { BodyName = names.GetValueOrDefault(i.BodyId) }).ToList();
        return new PagedResult<VerificationListItem>(items, total, page, pageSize);
    }

    public async Task<VerificationDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDtoAsync(db, Visible(db).Where(v => v.Id == id), cancellationToken);
    }

    /// <summary>Instruments of the province (tenant filter) matching the words typed, for the recording form.</summary>
    public async Task<IReadOnlyList<InstrumentChoice>> SearchInstrumentsAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Instruments.AsNoTracking().Where(i => i.TypeCode != null && i.Status != InstrumentStatus.Scrapped);
        foreach (var word in TextSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
        }

        return await rows.OrderBy(i => i.SerialNumber).ThenBy(i => i.Id).Take(20)
            .Select(i => new InstrumentChoice(
                i.Id, i.TypeCode,
                db.Group2InstrumentTypes.Where(t => t.Code == i.TypeCode).OrderByDescending(t => t.EffectiveFrom).Select(t => t.NameVi).FirstOrDefault(),
                i.Manufacturer, i.Model, i.SerialNumber, i.Owner!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One instrument as the recording form names it, when opened from the instrument's page.</summary>
    public async Task<InstrumentChoice?> InstrumentChoiceAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Instruments.AsNoTracking().Where(i => i.Id == id && i.TypeCode != null)
            .Select(i => new InstrumentChoice(
                i.Id, i.TypeCode,
                db.Group2InstrumentTypes.Where(t => t.Code == i.TypeCode).OrderByDescending(t => t.EffectiveFrom).Select(t => t.NameVi).FirstOrDefault(),
                i.Manufacturer, i.Model, i.SerialNumber, i.Owner!.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The operator's body's standards, for the recording form.</summary>
    public async Task<IReadOnlyList<StandardChoice>> OwnStandardsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bodyId = OwnBodyId ?? -1;
        return await db.MeasurementStandards.AsNoTracking().Where(s => s.OwnerId == bodyId).OrderBy(s => s.Name)
            .Select(s => new StandardChoice(s.Id, s.Name, s.SerialNumber, s.CalibrationDueDate))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<VerificationDto>> RecordAsync(VerificationInput input, CancellationToken cancellationToken = default)
    {
        if (OwnBodyId is not { } bodyId)
        {
            return Outcome<VerificationDto>.Forbidden(text["Verification.Error.NotLabOperator"]);
        }

        if (input.BodyId is { } requested && requested != bodyId)
        {
            return Outcome<VerificationDto>.Forbidden(text["Verification.Error.OtherBody"]);
        }

        var today = DisplayFormat.Today(clock);
        var errors = Validate(input, today, out var kind, out var result);
        if (errors.Any)
        {
            return Outcome<VerificationDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == input.InstrumentId, cancellationToken);
        if (instrument is null)
        {
            return Outcome<VerificationDto>.NotFound();
        }

        if (instrument.TypeCode is not { } typeCode)
        {
            errors.Add("instrumentId", text["Verification.Error.NotGroup2"]);
            return Outcome<VerificationDto>.Invalid(errors);
        }

        var date = input.Date!.Value;
        var types = await db.Group2InstrumentTypes.AsNoTracking().Where(t => t.Code == typeCode).ToListAsync(cancellationToken);
        var type = types.FirstOrDefault(t => t.IsInForceOn(date));
        if (type is null)
        {
            return Outcome<VerificationDto>.Unprocessable("date", text["Verification.Error.TypeNotInForce", typeCode, DisplayFormat.Date(date)]);
        }

        // The body's own designations, whatever province filter applies: a body is designated nationally.
        var designations = await db.Designations.IgnoreQueryFilters().AsNoTracking().Include(d => d.Scopes)
            .Where(d => d.BodyId == bodyId).ToListAsync(cancellationToken);
        switch (VerificationRules.CheckDesignation(designations, typeCode, kind, date))
        {
            case DesignationProblem.NoDesignationForType:
                return Outcome<VerificationDto>.Unprocessable("instrumentId", text["Verification.Error.NoDesignation", type.NameVi]);
            case DesignationProblem.NotActiveOnDate:
                return Outcome<VerificationDto>.Unprocessable("date", text["Verification.Error.DesignationNotActive", type.NameVi, DisplayFormat.Date(date)]);
            case DesignationProblem.KindNotInScope:
                return Outcome<VerificationDto>.Unprocessable("kind", text["Verification.Error.KindNotInScope", text[$"Verification.Kind.{kind}"], type.NameVi]);
        }

        // A second verification of one instrument on one day is usually a double entry: recorded only when confirmed.
        if (!input.ConfirmSameDay && await db.Verifications.AnyAsync(v => v.InstrumentId == instrument.Id && v.Date == date, cancellationToken))
        {
            return Outcome<VerificationDto>.Conflict(VerificationInput.ConfirmSameDayField, text["Verification.Error.SameDay", DisplayFormat.Date(date)]);
        }

        var standardIds = input.StandardIds.Distinct().ToList();
        var standards = await db.MeasurementStandards.IgnoreQueryFilters()
            .Where(s => standardIds.Contains(s.Id) && s.OwnerId == bodyId).ToListAsync(cancellationToken);
        if (standards.Count != standardIds.Count)
        {
            errors.Add("standardIds", text["Verification.Error.StandardNotOwned"]);
            return Outcome<VerificationDto>.Invalid(errors);
        }

        var stamp = FieldRules.Blank(input.StampSerial);
        var certificateNumber = FieldRules.Blank(input.CertificateNumber);
        if (await DuplicateAsync(db, bodyId, stamp, certificateNumber, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var cycleDue = result == VerificationResult.Pass ? VerificationRules.NextDueDate(date, type.CycleMonths) : null;
        var nextDue = result == VerificationResult.Pass ? input.NextDueDateOverride ?? cycleDue : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new VerificationRecord
        {
            ProvinceId = instrument.ProvinceId,
            InstrumentId = instrument.Id,
            OwnerId = instrument.OwnerId,
            BodyId = bodyId,
            Kind = kind,
            Date = date,
            Result = result,
            StampSerial = stamp,
            VerifierName = input.VerifierName!.Trim(),
            TypeCode = typeCode,
            CycleMonths = type.CycleMonths,
            NextDueDate = nextDue,
            DueDateOverrideReason = nextDue != cycleDue ? FieldRules.Blank(input.DueDateOverrideReason) : null,
            StandardOutOfCalibration = standards.Any(s => !VerificationRules.WasInCalibration(s.CalibrationDueDate, date)),
            Notes = FieldRules.Blank(input.Notes),
            StandardsUsed = standards.Select(s => new VerificationStandardUse
            {
                StandardId = s.Id,
                WasInCalibration = VerificationRules.WasInCalibration(s.CalibrationDueDate, date),
            }).ToList(),
            CreatedAt = now,
            CreatedByUserId = currentUser.UserId,
        };
        db.Verifications.Add(record);

        // The instrument shows its latest verification; recording an older one afterwards changes nothing there.
        var newerExists = await db.Verifications.AnyAsync(v => v.InstrumentId == instrument.Id && v.Date > date, cancellationToken);
        if (!newerExists)
        {
            instrument.LastVerifiedOn = date;
            instrument.NextDueDate = nextDue;
            instrument.MustNotBeUsed = result == VerificationResult.Fail;
            instrument.UpdatedAt = now;
        }

        if (result == VerificationResult.Pass && certificateNumber is not null)
        {
            db.Certificates.Add(NewCertificate(record, instrument, certificateNumber, input.SignerName, input.SignerTitle, today, now));
        }

        try
        {
            // One SaveChanges: the verification, its certificate, the instrument and the audit lines commit together.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            db.ChangeTracker.Clear();
            return await DuplicateAsync(db, bodyId, stamp, certificateNumber, cancellationToken) ?? throw new InvalidOperationException("Saving the verification failed.");
        }

        return Outcome<VerificationDto>.Ok((await LoadDtoAsync(db, db.Verifications.Where(v => v.Id == record.Id), cancellationToken))!);
    }

    /// <summary>
    /// Issues the certificate of a saved passing verification that has none (it was recorded without a number).
    /// A blank number takes the body's proposed one.
    /// </summary>
    public async Task<Outcome<VerificationDto>> IssueCertificateAsync(long verificationId, IssueCertificateInput input, CancellationToken cancellationToken = default)
    {
        if (OwnBodyId is not { } bodyId)
        {
            return Outcome<VerificationDto>.Forbidden(text["Verification.Error.NotLabOperator"]);
        }

        var errors = new FieldErrors();
        FieldRules.OptionalText(errors, text, "number", input.Number, CertificateNumberPattern.NumberMaxLength);
        FieldRules.OptionalText(errors, text, "signerName", input.SignerName, 200);
        FieldRules.OptionalText(errors, text, "signerTitle", input.SignerTitle, 200);
        if (errors.Any)
        {
            return Outcome<VerificationDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Verifications.FirstOrDefaultAsync(v => v.Id == verificationId && v.BodyId == bodyId, cancellationToken);
        if (record is null)
        {
            return Outcome<VerificationDto>.NotFound();
        }

        if (record.Result != VerificationResult.Pass)
        {
            return Outcome<VerificationDto>.Unprocessable("verificationId", text["Verification.Error.FailNoCertificate"]);
        }

        if (await db.Certificates.AnyAsync(c => c.VerificationId == record.Id, cancellationToken))
        {
            return Outcome<VerificationDto>.Conflict("verificationId", text["Verification.Error.HasCertificate"]);
        }

        var today = DisplayFormat.Today(clock);
        var number = FieldRules.Blank(input.Number) ?? await ProposeNumberAsync(db, bodyId, today, cancellationToken);
        if (number is null)
        {
            errors.Add("number", text["Error.Required"]);
            return Outcome<VerificationDto>.Invalid(errors);
        }

        if (await CertificateNumberTakenAsync(db, bodyId, number, cancellationToken))
        {
            return Outcome<VerificationDto>.Conflict("number", text["Certificate.Error.NumberDuplicate", number]);
        }

        var instrument = await db.Instruments.FirstAsync(i => i.Id == record.InstrumentId, cancellationToken);
        db.Certificates.Add(NewCertificate(record, instrument, number, input.SignerName, input.SignerTitle, today, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<VerificationDto>.Conflict("number", text["Certificate.Error.NumberDuplicate", number]);
        }

        return Outcome<VerificationDto>.Ok((await LoadDtoAsync(db, db.Verifications.Where(v => v.Id == record.Id), cancellationToken))!);
    }

    /// <summary>The operator's body's certificate-number pattern and the number it proposes today.</summary>
    public async Task<CertificateNumberingDto?> NumberingAsync(CancellationToken cancellationToken = default)
    {
        if (OwnBodyId is not { } bodyId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pattern = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == bodyId).Select(o => o.CertificateNumberPattern).FirstOrDefaultAsync(cancellationToken);
        return new CertificateNumberingDto(pattern, await ProposeNumberAsync(db, bodyId, DisplayFormat.Today(clock), cancellationToken));
    }

    /// <summary>Sets (or with a blank one, removes) the body's pattern; one that could give a number twice is refused.</summary>
    public async Task<Outcome<CertificateNumberingDto>> SetNumberPatternAsync(CertificatePatternInput input, CancellationToken cancellationToken = default)
    {
        if (OwnBodyId is not { } bodyId)
        {
            return Outcome<CertificateNumberingDto>.Forbidden(text["Verification.Error.NotLabOperator"]);
        }

        var pattern = FieldRules.Blank(input.Pattern);
        var errors = new FieldErrors();
        if (pattern is not null && pattern.Length > CertificateNumberPattern.MaxLength)
        {
            errors.Add("pattern", text["Error.TooLong", CertificateNumberPattern.MaxLength]);
        }
        else if (pattern is not null && CertificateNumberPattern.Check(pattern) is var problem and not CertificatePatternProblem.None)
        {
            errors.Add("pattern", text[$"Certificate.Pattern.Error.{problem}"]);
        }

        if (errors.Any)
        {
            return Outcome<CertificateNumberingDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var body = await db.Organizations.IgnoreQueryFilters().FirstAsync(o => o.Id == bodyId, cancellationToken);
        body.CertificateNumberPattern = pattern;
        body.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CertificateNumberingDto>.Ok(new CertificateNumberingDto(pattern, await ProposeNumberAsync(db, bodyId, DisplayFormat.Today(clock), cancellationToken)));
    }

    /// <summary>
    /// The next number of the body's pattern this year: one past the highest sequence the pattern gave this year,
    /// skipping numbers typed by hand that happen to be taken. Null when the body has no pattern.
    /// </summary>
    private static async Task<string?> ProposeNumberAsync(AppDbContext db, int bodyId, DateOnly today, CancellationToken cancellationToken)
    {
        var pattern = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == bodyId).Select(o => o.CertificateNumberPattern).FirstOrDefaultAsync(cancellationToken);
        if (pattern is null || CertificateNumberPattern.Check(pattern) != CertificatePatternProblem.None)
        {
            return null;
        }

        var year = today.Year;
        var yearStart = new DateOnly(year, 1, 1);
        var numbers = await db.Certificates.IgnoreQueryFilters().Where(c => c.BodyId == bodyId && c.IssuedOn >= yearStart)
            .Select(c => c.Number).ToListAsync(cancellationToken);
        var taken = numbers.ToHashSet(StringComparer.Ordinal);
        var sequence = numbers.Select(n => CertificateNumberPattern.SequenceOf(pattern, year, n) ?? 0).DefaultIfEmpty(0).Max() + 1;
        var number = CertificateNumberPattern.Format(pattern, year, sequence);
        while (taken.Contains(number) || await CertificateNumberTakenAsync(db, bodyId, number, cancellationToken))
        {
            number = CertificateNumberPattern.Format(pattern, year, ++sequence);
        }

        return number;
    }

    /// <summary>A certificate for a passing verification; the signer defaults to the signed-in user.</summary>
    internal Certificate NewCertificate(VerificationRecord record, Instrument instrument, string number, string? signerName, string? signerTitle, DateOnly today, DateTime now) => new()
    {
        ProvinceId = record.ProvinceId,
        BodyId = record.BodyId,
        InstrumentId = instrument.Id,
        OwnerId = instrument.OwnerId,
        Verification = record,
        Number = number,
        PublicToken = Certificate.NewToken(),
        IssuedOn = today,
        ValidUntil = record.NextDueDate,
        SignerName = FieldRules.Blank(signerName) ?? currentUser.Principal.FindFirstValue(AppClaims.FullName) ?? currentUser.UserEmail ?? "-",
        SignerTitle = FieldRules.Blank(signerTitle),
        CreatedAt = now,
    };

    private FieldErrors Validate(VerificationInput input, DateOnly today, out VerificationKind kind, out VerificationResult result)
    {
        var errors = new FieldErrors();
        kind = default;
        result = default;
        if (input.InstrumentId is null)
        {
            errors.Add("instrumentId", text["Error.Required"]);
        }

        if (FieldRules.EnumByName<VerificationKind>(input.Kind) is { } parsedKind)
        {
            kind = parsedKind;
        }
        else
        {
            errors.Add("kind", string.IsNullOrWhiteSpace(input.Kind) ? text["Error.Required"] : text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<VerificationKind>())]);
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", text["Error.Required"]);
        }
        else if (date > today)
        {
            errors.Add("date", text["Verification.Error.DateInFuture", DisplayFormat.Date(today)]);
        }

        var resultKnown = false;
        if (FieldRules.EnumByName<VerificationResult>(input.Result) is { } parsedResult)
        {
            result = parsedResult;
            resultKnown = true;
        }
        else
        {
            errors.Add("result", string.IsNullOrWhiteSpace(input.Result) ? text["Error.Required"] : text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<VerificationResult>())]);
        }

        FieldRules.RequireText(errors, text, "verifierName", input.VerifierName, VerificationRecord.TextMaxLength);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, 2000);
        FieldRules.OptionalText(errors, text, "signerName", input.SignerName, 200);
        FieldRules.OptionalText(errors, text, "signerTitle", input.SignerTitle, 200);
        if (resultKnown && result == VerificationResult.Fail)
        {
            // A failed instrument gets no stamp, no due date and no certificate.
            AddWhenGiven(errors, "stampSerial", input.StampSerial, "Verification.Error.FailNoStamp");
            AddWhenGiven(errors, "certificateNumber", input.CertificateNumber, "Verification.Error.FailNoCertificate");
            if (input.NextDueDateOverride is not null)
            {
                errors.Add("nextDueDateOverride", text["Verification.Error.FailNoDueDate"]);
            }
        }
        else if (resultKnown)
        {
            FieldRules.RequireText(errors, text, "stampSerial", input.StampSerial, 60);
            FieldRules.OptionalText(errors, text, "certificateNumber", input.CertificateNumber, 60);
            if (input.NextDueDateOverride is { } due)
            {
                FieldRules.RequireText(errors, text, "dueDateOverrideReason", input.DueDateOverrideReason, 500);
                if (input.Date is { } verified && due <= verified)
                {
                    errors.Add("nextDueDateOverride", text["Verification.Error.DueBeforeDate"]);
                }
            }
        }

        return errors;
    }

    private void AddWhenGiven(FieldErrors errors, string field, string? value, string key)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, text[key]);
        }
    }

    private async Task<Outcome<VerificationDto>?> DuplicateAsync(AppDbContext db, int bodyId, string? stamp, string? certificateNumber, CancellationToken cancellationToken)
    {
        if (stamp is not null && await db.Verifications.IgnoreQueryFilters().AnyAsync(v => v.BodyId == bodyId && v.StampSerial == stamp, cancellationToken))
        {
            return Outcome<VerificationDto>.Conflict("stampSerial", text["Verification.Error.StampDuplicate", stamp]);
        }

        if (certificateNumber is not null && await CertificateNumberTakenAsync(db, bodyId, certificateNumber, cancellationToken))
        {
            return Outcome<VerificationDto>.Conflict("certificateNumber", text["Certificate.Error.NumberDuplicate", certificateNumber]);
        }

        return null;
    }

    internal static Task<bool> CertificateNumberTakenAsync(AppDbContext db, int bodyId, string number, CancellationToken cancellationToken) =>
        db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.BodyId == bodyId && c.Number == number, cancellationToken);

    /// <summary>Tenant-filtered records, narrowed to the operator's own body for a lab operator.</summary>
    private IQueryable<VerificationRecord> Visible(AppDbContext db)
    {
        var rows = db.Verifications.AsNoTracking();
        return OwnBodyId is { } bodyId ? rows.Where(v => v.BodyId == bodyId) : rows;
    }

    private async Task<VerificationDto?> LoadDtoAsync(AppDbContext db, IQueryable<VerificationRecord> rows, CancellationToken cancellationToken)
    {
        var dto = await rows.AsNoTracking().Select(ToDto(db)).FirstOrDefaultAsync(cancellationToken);
        if (dto is null)
        {
            return null;
        }

        var today = DisplayFormat.Today(clock);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.VerificationId == dto.Id).OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return dto with
        {
            BodyName = (await OrganizationNames.PastScopeAsync(db, [dto.BodyId], cancellationToken)).GetValueOrDefault(dto.BodyId),
            Certificates = certificates.Select(c => new VerificationCertificateDto(c.Id, c.Number, c.StatusOn(today), c.IssuedOn, c.ValidUntil)).ToList(),
        };
    }

    private static Expression<Func<VerificationRecord, VerificationDto>> ToDto(AppDbContext db) => v => new VerificationDto(
        v.Id, v.InstrumentId, v.TypeCode,
        db.Group2InstrumentTypes.Where(t => t.Code == v.TypeCode).OrderByDescending(t => t.EffectiveFrom).Select(t => t.NameVi).FirstOrDefault(),
        v.Instrument!.Manufacturer, v.Instrument.Model, v.Instrument.SerialNumber,
        v.BodyId, null, v.Kind, v.Date, v.Result, v.StampSerial, v.VerifierName, v.CycleMonths, v.NextDueDate,
        v.DueDateOverrideReason, v.StandardOutOfCalibration, v.Notes,
        v.StandardsUsed.Select(u => new VerificationStandardDto(u.StandardId, u.Standard!.Name, u.Standard.SerialNumber, u.Standard.CalibrationDueDate, u.WasInCalibration)).ToList(),
        new List<VerificationCertificateDto>(),
        v.CreatedAt);
}
