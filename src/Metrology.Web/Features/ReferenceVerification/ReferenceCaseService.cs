using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.ReferenceVerification;

/// <summary>
/// An outcome that may also be "422 Unprocessable": the request is well formed but the law does not
/// allow it (the body holds no designation with the reference scope on the request date).
/// </summary>
public sealed record ReferenceCaseOutcome(Outcome<ReferenceCaseDto> Outcome, string? Unprocessable = null)
{
    public bool IsOk => Unprocessable is null && Outcome.IsOk;

    public IResult ToHttpResult(Func<ReferenceCaseDto, IResult> onOk) =>
        Unprocessable is { } detail
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: detail,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["bodyId"] = [detail] } })
            : Outcome.ToHttpResult(onOk);

    public static implicit operator ReferenceCaseOutcome(Outcome<ReferenceCaseDto> outcome) => new(outcome);
}

/// <summary>
/// Reference-verification cases of electricity and cold-water meters: the request, then three dated
/// steps (removal and sealing, verification, conclusion sent) with configurable deadlines.
/// Province-filtered by the context (an EnterpriseUser sees cases where it is the seller); a LabOperator
/// reads and writes only the cases assigned to its body.
/// </summary>
public sealed class ReferenceCaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>design/domain.md, Roles: reference-verification cases are W prov (ProvinceOfficer) and W own body (LabOperator).</summary>
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer, Roles.LabOperator];

    public static readonly string[] ReaderRoles = [.. WriterRoles, Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.Inspector, Roles.EnterpriseUser];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public ReferenceCaseDeadlines Deadlines { get; } = ReferenceDeadlines.From(configuration);

    private bool IsLabOperator => currentUser.IsInRole(Roles.LabOperator);

    /// <summary>Group 2 codes of each meter kind: only these types can be the subject of a reference verification.</summary>
    public static string TypePrefix(ReferenceMeterKind kind) => kind switch
    {
        ReferenceMeterKind.Electricity => "electricity-meter-",
        _ => "water-meter-cold-",
    };

    public async Task<PagedResult<ReferenceCaseDto>> ListAsync(ReferenceCaseQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Visible(db);
        if (query.Open is { } open)
        {
            rows = open ? rows.Where(c => c.ConclusionSentOn == null) : rows.Where(c => c.ConclusionSentOn != null);
        }

        // Cases are few per province (a handful a year): lateness depends on today and the settings,
        // so it is computed in memory rather than stored.
        var all = await Project(db, rows.OrderByDescending(c => c.RequestedOn).ThenByDescending(c => c.Id), cancellationToken);
        var words = TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = all.Where(c =>
        {
            var folded = TextSearch.Fold($"{c.CaseNumber} {c.MeterSerial} {c.RequesterName} {c.BuyerName} {c.SellerName} {c.BodyName}");
            return words.All(w => folded.Contains(w, StringComparison.Ordinal)) && (query.LateOnly != true || c.Late);
        }).ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, ReferenceCaseQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        return new PagedResult<ReferenceCaseDto>([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count, page, pageSize);
    }

    public async Task<ReferenceCaseDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await Project(db, Visible(db).Where(c => c.Id == id), cancellationToken)).FirstOrDefault();
    }

    public async Task<ReferenceCaseOutcome> CreateAsync(ReferenceCaseInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (IsLabOperator && input.BodyId is { } asked && asked != currentUser.OrganizationId)
        {
            return Outcome<ReferenceCaseDto>.Forbidden(text["RefCase.Error.OtherBody"]);
        }

        var errors = new FieldErrors();
        var today = DisplayFormat.Today(clock);
        FieldRules.RequireText(errors, text, "caseNumber", input.CaseNumber, 60);
        FieldRules.RequireText(errors, text, "meterSerial", input.MeterSerial, 100);
        FieldRules.OptionalText(errors, text, "meterDescription", input.MeterDescription, 300);
        FieldRules.RequireText(errors, text, "requesterName", input.RequesterName, 300);
        FieldRules.RequireText(errors, text, "buyerName", input.BuyerName, 300);
        FieldRules.RequireText(errors, text, "sellerName", input.SellerName, 300);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, 2000);
        var kind = FieldRules.EnumByName<ReferenceMeterKind>(input.MeterKind);
        if (string.IsNullOrWhiteSpace(input.MeterKind))
        {
            errors.Add("meterKind", text["Error.Required"]);
        }
        else if (kind is null)
        {
            errors.Add("meterKind", text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<ReferenceMeterKind>())]);
        }

        if (input.RequestedOn is not { } requestedOn)
        {
            errors.Add("requestedOn", text["Error.Required"]);
            requestedOn = default;
        }
        else if (requestedOn > today)
        {
            errors.Add("requestedOn", text["RefCase.Error.DateInFuture"]);
        }

        var bodyId = IsLabOperator ? currentUser.OrganizationId : input.BodyId;
        var body = await FieldRules.OrganizationAsync(db, errors, text, "bodyId", bodyId, mustBeBody: true, cancellationToken);

        if (input.SellerId is { } sellerId && !await db.Organizations.AnyAsync(o => o.Id == sellerId, cancellationToken))
        {
            errors.Add("sellerId", text["Error.Organization.Unknown"]);
        }

        if (input.InstrumentId is { } instrumentId)
        {
            var typeCode = await db.Instruments.Where(i => i.Id == instrumentId).Select(i => new { i.TypeCode }).FirstOrDefaultAsync(cancellationToken);
            if (typeCode is null)
            {
                errors.Add("instrumentId", text["RefCase.Error.UnknownInstrument"]);
            }
            else if (kind is { } k && (typeCode.TypeCode is null || !typeCode.TypeCode.StartsWith(TypePrefix(k), StringComparison.Ordinal)))
            {
                errors.Add("instrumentId", text["RefCase.Error.InstrumentKind"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<ReferenceCaseDto>.Invalid(errors);
        }

        if (await MissingReferenceScopeAsync(db, body!, kind!.Value, requestedOn, cancellationToken) is { } why)
        {
            return new ReferenceCaseOutcome(Outcome<ReferenceCaseDto>.Invalid(new FieldErrors()), why);
        }

        var number = input.CaseNumber!.Trim();
        if (await db.ReferenceVerificationCases.IgnoreQueryFilters().AnyAsync(c => c.ProvinceId == body!.ProvinceId && c.CaseNumber == number, cancellationToken))
        {
            return Duplicate(number);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var @case = new ReferenceVerificationCase
        {
            ProvinceId = body!.ProvinceId,
            CaseNumber = number,
            MeterKind = kind.Value,
            MeterSerial = input.MeterSerial!.Trim(),
            MeterDescription = FieldRules.Blank(input.MeterDescription),
            InstrumentId = input.InstrumentId,
            RequesterName = input.RequesterName!.Trim(),
            BuyerName = input.BuyerName!.Trim(),
            SellerName = input.SellerName!.Trim(),
            SellerId = input.SellerId,
            BodyId = body.Id,
            RequestedOn = requestedOn,
            Notes = FieldRules.Blank(input.Notes),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ReferenceVerificationCases.Add(@case);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return Duplicate(number);
        }

        return Outcome<ReferenceCaseDto>.Ok((await GetAsync(@case.Id, cancellationToken))!);
    }

    /// <summary>Records (or corrects) one step. Dates must follow the previous step and precede the next one, and not be in the future.</summary>
    public async Task<ReferenceCaseOutcome> RecordStepAsync(int id, string step, ReferenceStepInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await Visible(db, tracked: true).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return Outcome<ReferenceCaseDto>.NotFound();
        }

        var errors = new FieldErrors();
        var (previous, next) = step switch
        {
            ReferenceCaseDeadlines.RemovalStep => ((DateOnly?)@case.RequestedOn, @case.VerifiedOn),
            ReferenceCaseDeadlines.VerificationStep => (@case.RemovedAndSealedOn, @case.ConclusionSentOn),
            ReferenceCaseDeadlines.ConclusionStep => (@case.VerifiedOn, (DateOnly?)null),
            _ => (null, null),
        };
        if (!ReferenceCaseDeadlines.StepNames.Contains(step, StringComparer.Ordinal))
        {
            errors.Add("step", text["RefCase.Error.UnknownStep", string.Join(", ", ReferenceCaseDeadlines.StepNames)]);
            return Outcome<ReferenceCaseDto>.Invalid(errors);
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", text["Error.Required"]);
        }
        else if (date > DisplayFormat.Today(clock))
        {
            errors.Add("date", text["RefCase.Error.DateInFuture"]);
        }
        else if (previous is null)
        {
            errors.Add("date", text["RefCase.Error.PreviousMissing"]);
        }
        else if (date < previous)
        {
            errors.Add("date", text["RefCase.Error.BeforePrevious", DisplayFormat.Date(previous)]);
        }
        else if (next is { } n && date > n)
        {
            errors.Add("date", text["RefCase.Error.AfterNext", DisplayFormat.Date(n)]);
        }

        VerificationResult? result = null;
        if (step == ReferenceCaseDeadlines.VerificationStep)
        {
            result = FieldRules.EnumByName<VerificationResult>(input.Result);
            if (result is null)
            {
                errors.Add("result", string.IsNullOrWhiteSpace(input.Result) ? text["Error.Required"] : text["Error.Value.Unknown", "Pass, Fail"]);
            }
        }

        if (step == ReferenceCaseDeadlines.ConclusionStep)
        {
            FieldRules.RequireText(errors, text, "conclusion", input.Conclusion, 2000);
        }

        if (errors.Any)
        {
            return Outcome<ReferenceCaseDto>.Invalid(errors);
        }

        switch (step)
        {
            case ReferenceCaseDeadlines.RemovalStep:
                @case.RemovedAndSealedOn = input.Date;
                break;
            case ReferenceCaseDeadlines.VerificationStep:
                @case.VerifiedOn = input.Date;
                @case.Result = result;
                break;
            default:
                @case.ConclusionSentOn = input.Date;
                @case.Conclusion = input.Conclusion!.Trim();
                break;
        }

        @case.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ReferenceCaseDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>Bodies the writer may assign: a LabOperator only its own.</summary>
    public async Task<List<Designations.BodyOption>> BodiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.VerificationBody);
        if (IsLabOperator)
        {
            var own = currentUser.OrganizationId ?? -1;
            rows = rows.Where(o => o.Id == own);
        }

        return await rows.OrderBy(o => o.Name).Select(o => new Designations.BodyOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Null when the body held, on that date, an active designation with a reference scope row for the meter's types; else why not.</summary>
    private async Task<string?> MissingReferenceScopeAsync(AppDbContext db, Organization body, ReferenceMeterKind kind, DateOnly on, CancellationToken cancellationToken)
    {
        // Unfiltered: the body is already known to be in scope, and its designations are what the law checks.
        var designations = await db.Designations.IgnoreQueryFilters().AsNoTracking().Include(d => d.Scopes)
            .Where(d => d.BodyId == body.Id).ToListAsync(cancellationToken);
        var active = designations.Where(d => d.IsActiveOn(on)).ToList();
        var kindText = text[$"RefCase.MeterKind.{kind}"];
        if (active.Count == 0)
        {
            return text["RefCase.Error.NoActiveDesignation", body.Name, DisplayFormat.Date(on)];
        }

        var prefix = TypePrefix(kind);
        return active.Any(d => d.Scopes.Any(s => s.Reference && s.TypeCode.StartsWith(prefix, StringComparison.Ordinal)))
            ? null
            : text["RefCase.Error.NoReferenceScope", body.Name, kindText, DisplayFormat.Date(on)].Value;
    }

    private IQueryable<ReferenceVerificationCase> Visible(AppDbContext db, bool tracked = false)
    {
        var rows = tracked ? db.ReferenceVerificationCases : db.ReferenceVerificationCases.AsNoTracking();
        if (IsLabOperator)
        {
            var own = currentUser.OrganizationId ?? -1;
            rows = rows.Where(c => c.BodyId == own);
        }

        return rows;
    }

    private async Task<List<ReferenceCaseDto>> Project(AppDbContext db, IQueryable<ReferenceVerificationCase> rows, CancellationToken cancellationToken)
    {
        // The body is read without the organisation filter: an EnterpriseUser sees its cases but not the lab's record.
        var list = await rows.ToListAsync(cancellationToken);
        var bodyIds = list.Select(c => c.BodyId).Distinct().ToList();
        var bodies = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => bodyIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, Slug = o.Province == null ? null : o.Province.Slug }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var today = DisplayFormat.Today(clock);
        return [.. list.Select(c =>
        {
            var steps = Deadlines.Steps(c, today);
            var body = bodies[c.BodyId];
            return new ReferenceCaseDto(
                c.Id, c.CaseNumber, c.MeterKind.ToString(), c.MeterSerial, c.MeterDescription, c.InstrumentId, c.RequesterName, c.BuyerName,
                c.SellerName, c.SellerId, c.BodyId, body.Name, body.Slug, c.RequestedOn, c.RemovedAndSealedOn, c.VerifiedOn, c.Result?.ToString(),
                c.ConclusionSentOn, c.Conclusion, c.Notes, steps, steps.Any(s => s.Late), c.ConclusionSentOn is not null, c.CreatedAt, c.UpdatedAt);
        })];
    }

    private Outcome<ReferenceCaseDto> Duplicate(string number) =>
        Outcome<ReferenceCaseDto>.Conflict("caseNumber", text["RefCase.Error.Duplicate", number]);
}
