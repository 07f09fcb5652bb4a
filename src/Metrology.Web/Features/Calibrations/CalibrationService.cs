using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Features.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Calibrations;

/// <summary>
/// Calibration records (not legal verifications: no stamp, no due date), shared by the API and the
/// pages. A lab operator records and reads for its own body only (design/domain.md, "W own body"; a
/// calibration names its customer, which another lab has no business reading, and there is no way to share
/// a record with another body, so own body only); everyone reads through the tenant-filtered context, so
/// another province's record, or another enterprise's for an enterprise user, is 404.
/// </summary>
public sealed class CalibrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int MaxPoints = 100;

    /// <summary>The columns hold 28 digits with 10 decimals; larger values would be rounded on the way in.</summary>
    public const int MaxDecimals = 10;

    private const decimal MaxMagnitude = 1_000_000_000_000_000m;

    public bool CanWrite => currentUser.IsInRole(Roles.LabOperator) && currentUser.OrganizationId is not null;

    /// <summary>The body a lab operator works for (-1, matching nothing, when its account has none); null for every other role.</summary>
    private int? OwnBodyId => currentUser.IsInRole(Roles.LabOperator) ? currentUser.OrganizationId ?? -1 : null;

    public async Task<PagedResult<CalibrationSummaryDto>> ListAsync(CalibrationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Readable(db);
        if (query.InstrumentId is { } instrumentId)
        {
            rows = rows.Where(c => c.InstrumentId == instrumentId);
        }

        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(c => EF.Functions.Like(c.Instrument!.SearchText, pattern, "\\"));
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, CalibrationQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var rowsOfPage = await rows
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Id,
                c.InstrumentId,
                c.Instrument!.TypeCode,
                c.Instrument.Manufacturer,
                c.Instrument.SerialNumber,
                c.OwnerId,
                c.BodyId,
                c.Date,
                c.Unit,
                c.DecisionRule,
                c.Overall,
                CertificateNumber = db.Certificates.Where(x => x.CalibrationId == c.Id).OrderByDescending(x => x.Id).Select(x => x.Number).FirstOrDefault(),
                PointCount = c.Points.Count,
            })
            .ToListAsync(cancellationToken);
        var names = await OrganizationNames.PastScopeAsync(db, rowsOfPage.SelectMany(c => new[] { c.OwnerId, c.BodyId }), cancellationToken);
        var items = rowsOfPage.Select(c => new CalibrationSummaryDto(
            c.Id, c.InstrumentId, c.TypeCode, c.Manufacturer, c.SerialNumber, names.GetValueOrDefault(c.OwnerId), names.GetValueOrDefault(c.BodyId),
            c.Date, c.Unit, c.DecisionRule, c.Overall, c.CertificateNumber, c.PointCount)).ToList();
        return new PagedResult<CalibrationSummaryDto>(items, total, page, pageSize);
    }

    public async Task<CalibrationDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, id, cancellationToken);
    }

    /// <summary>Instruments of the caller's scope for the entry form's picker, matched on the folded search text.</summary>
    public async Task<IReadOnlyList<CalibrationInstrumentOption>> SearchInstrumentsAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Instruments.AsNoTracking();
        foreach (var word in TextSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
        }

        return await rows.OrderBy(i => i.SerialNumber).ThenBy(i => i.Id).Take(20)
            .Select(i => new CalibrationInstrumentOption(i.Id, i.TypeCode, i.Manufacturer, i.Model, i.SerialNumber, i.Owner!.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<CalibrationDto>> CreateAsync(CalibrationInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsInRole(Roles.LabOperator) || currentUser.OrganizationId is not { } bodyId)
        {
            return Outcome<CalibrationDto>.Forbidden(text["Calibrations.Error.NotLabOperator"]);
        }

        if (input.BodyId is { } requested && requested != bodyId)
        {
            return Outcome<CalibrationDto>.Forbidden(text["Calibrations.Error.OtherBody"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var body = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == bodyId, cancellationToken);
        if (body is not { Kind: OrganizationKind.VerificationBody })
        {
            return Outcome<CalibrationDto>.Forbidden(text["Calibrations.Error.NotLabOperator"]);
        }

        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "calibratedBy", input.CalibratedBy, 200);
        FieldRules.OptionalText(errors, text, "procedure", input.Procedure, 200);
        FieldRules.RequireText(errors, text, "unit", input.Unit, 20);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, 2000);
        FieldRules.OptionalText(errors, text, "certificateNumber", input.CertificateNumber, 60);
        FieldRules.OptionalText(errors, text, "signerName", input.SignerName, 200);
        FieldRules.OptionalText(errors, text, "signerTitle", input.SignerTitle, 200);

        var rule = DecisionRule.None;
        if (!string.IsNullOrWhiteSpace(input.DecisionRule))
        {
            if (FieldRules.EnumByName<DecisionRule>(input.DecisionRule) is { } parsed)
            {
                rule = parsed;
            }
            else
            {
                errors.Add("decisionRule", text["Calibrations.Error.RuleUnknown", string.Join(", ", Enum.GetNames<DecisionRule>())]);
            }
        }

        var today = DisplayFormat.Today(clock);
        if (input.Date is not { } date)
        {
            errors.Add("date", text["Error.Required"]);
        }
        else if (date > today)
        {
            errors.Add("date", text["Calibrations.Error.DateInFuture", DisplayFormat.Date(today)]);
        }

        ValidatePoints(errors, input.Points);

        Core.Instruments.Instrument? instrument = null;
        if (input.InstrumentId is not { } instrumentId)
        {
            errors.Add("instrumentId", text["Error.Required"]);
        }
        else
        {
            // The tenant filter hides other provinces' instruments: to the lab they do not exist.
            instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken);
            if (instrument is null)
            {
                errors.Add("instrumentId", text["Calibrations.Error.InstrumentNotFound"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<CalibrationDto>.Invalid(errors);
        }

        var certificateNumber = FieldRules.Blank(input.CertificateNumber);
        if (certificateNumber is not null && await VerificationService.CertificateNumberTakenAsync(db, bodyId, certificateNumber, cancellationToken))
        {
            return Outcome<CalibrationDto>.Conflict("certificateNumber", text["Calibrations.Error.CertificateDuplicate", certificateNumber]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var evaluated = Evaluate(input.Points!.Select(ToPoint).ToList(), rule);
        var record = new CalibrationRecord
        {
            ProvinceId = instrument!.ProvinceId,
            InstrumentId = instrument.Id,
            OwnerId = instrument.OwnerId,
            BodyId = bodyId,
            Date = input.Date!.Value,
            CalibratedBy = input.CalibratedBy!.Trim(),
            Procedure = FieldRules.Blank(input.Procedure),
            Unit = input.Unit!.Trim(),
            DecisionRule = rule,
            Overall = evaluated.Overall,
            Notes = FieldRules.Blank(input.Notes),
            Points = evaluated.ToEntities(),
            CreatedAt = now,
            CreatedByUserId = currentUser.UserId,
        };
        db.Calibrations.Add(record);
        if (certificateNumber is not null)
        {
            // Same SaveChanges, so the same transaction: no calibration without its certificate or the reverse.
            db.Certificates.Add(new Certificate
            {
                ProvinceId = record.ProvinceId,
                BodyId = bodyId,
                InstrumentId = instrument.Id,
                OwnerId = instrument.OwnerId,
                Calibration = record,
                Number = certificateNumber,
                PublicToken = Certificate.NewToken(),
                IssuedOn = record.Date,
                ValidUntil = null,
                SignerName = FieldRules.Blank(input.SignerName) ?? record.CalibratedBy,
                SignerTitle = FieldRules.Blank(input.SignerTitle),
                CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (certificateNumber is not null)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return Outcome<CalibrationDto>.Conflict("certificateNumber", text["Calibrations.Error.CertificateDuplicate", certificateNumber]);
        }

        return Outcome<CalibrationDto>.Ok((await GetAsync(db, record.Id, cancellationToken))!);
    }

    /// <summary>A point's values and its statement, as stored and as the entry form previews them.</summary>
    public sealed record EvaluatedPoint(
        decimal Nominal, decimal Indication, decimal Error, decimal ExpandedUncertainty, decimal CoverageFactor, decimal? Tolerance, Conformity Conformity);

    public sealed record Evaluation(IReadOnlyList<EvaluatedPoint> Points, Conformity Overall)
    {
        /// <summary>The points as stored, numbered from 1 in entry order.</summary>
        public List<CalibrationPoint> ToEntities() => [.. Points.Select((p, i) => new CalibrationPoint
        {
            Order = i + 1,
            Nominal = p.Nominal,
            Indication = p.Indication,
            Error = p.Error,
            ExpandedUncertainty = p.ExpandedUncertainty,
            CoverageFactor = p.CoverageFactor,
            Tolerance = p.Tolerance,
            Conformity = p.Conformity,
        })];
    }

    /// <summary>Applies the decision rule to valid points (see <see cref="ConformityDecision"/>).</summary>
    public static Evaluation Evaluate(IReadOnlyList<(decimal Nominal, decimal Indication, decimal U, decimal K, decimal? Tolerance)> points, DecisionRule rule)
    {
        var evaluated = points.Select(p =>
        {
            var error = ConformityDecision.Error(p.Nominal, p.Indication);
            return new EvaluatedPoint(p.Nominal, p.Indication, error, p.U, p.K, p.Tolerance, ConformityDecision.Decide(error, p.Tolerance, p.U, rule));
        }).ToList();
        return new Evaluation(evaluated, ConformityDecision.Overall(evaluated.Select(p => p.Conformity)));
    }

    /// <summary>Errors keyed "points[i].field" (0-based, as the JSON array) so a client can point at the cell.</summary>
    public void ValidatePoints(FieldErrors errors, IReadOnlyList<CalibrationPointInput>? points)
    {
        if (points is null || points.Count == 0)
        {
            errors.Add("points", text["Calibrations.Error.NoPoints"]);
            return;
        }

        if (points.Count > MaxPoints)
        {
            errors.Add("points", text["Calibrations.Error.TooManyPoints", MaxPoints]);
            return;
        }

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point is null)
            {
                errors.Add($"points[{i}]", text["Error.Required"]);
                continue;
            }

            RequireNumber(errors, $"points[{i}].nominal", point.Nominal);
            RequireNumber(errors, $"points[{i}].indication", point.Indication);
            if (RequireNumber(errors, $"points[{i}].expandedUncertainty", point.ExpandedUncertainty) is { } u && !ConformityDecision.IsValidUncertainty(u))
            {
                errors.Add($"points[{i}].expandedUncertainty", text["Calibrations.Error.UncertaintyNegative"]);
            }

            if (RequireNumber(errors, $"points[{i}].coverageFactor", point.CoverageFactor) is { } k && !ConformityDecision.IsValidCoverageFactor(k))
            {
                errors.Add($"points[{i}].coverageFactor", text["Calibrations.Error.CoverageFactor"]);
            }

            if (point.Tolerance is { } t)
            {
                if (!ConformityDecision.IsValidTolerance(t))
                {
                    errors.Add($"points[{i}].tolerance", text["Calibrations.Error.Tolerance"]);
                }
                else
                {
                    CheckStorable(errors, $"points[{i}].tolerance", t);
                }
            }
        }
    }

    private decimal? RequireNumber(FieldErrors errors, string field, decimal? value)
    {
        if (value is not { } number)
        {
            errors.Add(field, text["Error.Required"]);
            return null;
        }

        return CheckStorable(errors, field, number) ? number : null;
    }

    private bool CheckStorable(FieldErrors errors, string field, decimal value)
    {
        if (Math.Abs(value) >= MaxMagnitude || decimal.Round(value, MaxDecimals) != value)
        {
            errors.Add(field, text["Calibrations.Error.Precision", MaxDecimals]);
            return false;
        }

        return true;
    }

    private static (decimal, decimal, decimal, decimal, decimal?) ToPoint(CalibrationPointInput p) =>
        (p.Nominal!.Value, p.Indication!.Value, p.ExpandedUncertainty!.Value, p.CoverageFactor!.Value, p.Tolerance);

    /// <summary>The calibrations the caller may read: the tenant filter's, narrowed to its own body for a lab operator.</summary>
    private IQueryable<CalibrationRecord> Readable(AppDbContext db)
    {
        var rows = db.Calibrations.AsNoTracking();
        return OwnBodyId is { } bodyId ? rows.Where(c => c.BodyId == bodyId) : rows;
    }

    private async Task<CalibrationDto?> GetAsync(AppDbContext db, long id, CancellationToken cancellationToken)
    {
        var record = await Readable(db)
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Record = c,
                c.Instrument!.TypeCode,
                c.Instrument.Manufacturer,
                c.Instrument.Model,
                c.Instrument.SerialNumber,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        var names = await OrganizationNames.PastScopeAsync(db, [record.Record.OwnerId, record.Record.BodyId], cancellationToken);
        var points = await db.CalibrationPoints.AsNoTracking().Where(p => p.CalibrationId == id).OrderBy(p => p.Order)
            .Select(p => new CalibrationPointDto(p.Order, p.Nominal, p.Indication, p.Error, p.ExpandedUncertainty, p.CoverageFactor, p.Tolerance, p.Conformity))
            .ToListAsync(cancellationToken);
        // The newest certificate: a revoked one is followed by its replacement.
        var certificate = await db.Certificates.AsNoTracking().Where(x => x.CalibrationId == id).OrderByDescending(x => x.Id)
            .Select(x => new CalibrationCertificateDto(x.Id, x.Number, x.IssuedOn, x.PublicToken, x.RevokedAt != null))
            .FirstOrDefaultAsync(cancellationToken);
        var c = record.Record;
        return new CalibrationDto(
            c.Id, c.InstrumentId, record.TypeCode, record.Manufacturer, record.Model, record.SerialNumber, c.OwnerId, names.GetValueOrDefault(c.OwnerId),
            c.BodyId, names.GetValueOrDefault(c.BodyId), c.Date, c.CalibratedBy, c.Procedure, c.Unit, c.DecisionRule, c.Overall, c.Notes, certificate, points, c.CreatedAt);
    }
}
