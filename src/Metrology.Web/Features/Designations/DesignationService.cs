using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Designations;

/// <summary>
/// Designations of verification bodies (the national authority's decisions, recorded by the Ministry or
/// the province). Shared by the API and the pages. Rows are tenant-filtered by province; a LabOperator
/// further sees only its own body's designations. Every write is audited (Designation is IAudited).
/// </summary>
public sealed class DesignationService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> text)
{
    public const int DecisionNumberMaxLength = 100;
    public const int IssuerMaxLength = 300;
    public const int NotesMaxLength = 2000;
    public const int RangeMaxLength = 200;

    /// <summary>design/domain.md, Roles: designations are W all / W all / - / W prov.</summary>
    public static readonly string[] WriterRoles = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceOfficer];

    public static readonly string[] ReaderRoles = [.. WriterRoles, Roles.ProvinceAdmin, Roles.Inspector, Roles.LabOperator];

    /// <summary>Only these types may carry the reference-verification flag (design/domain.md, Designation).</summary>
    private static readonly string[] ReferencePrefixes = ["electricity-meter-", "water-meter-cold-"];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    /// <summary>Days before ValidUntil when the warning shows; a setting because the 60 days are a policy, not a law.</summary>
    public int WarningDays => configuration.GetValue("Designations:WarningDays", 60);

    public static bool ReferenceAllowedFor(string typeCode) =>
        ReferencePrefixes.Any(p => typeCode.StartsWith(p, StringComparison.Ordinal));

    public async Task<PagedResult<DesignationDto>> ListAsync(DesignationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DisplayFormat.Today(clock);
        var rows = Visible(db);
        if (query.BodyId is { } bodyId)
        {
            rows = rows.Where(d => d.BodyId == bodyId);
        }

        if (query.ExpiringWithinDays is { } days)
        {
            var limit = today.AddDays(days);
            rows = rows.Where(d => d.ValidFrom <= today && d.ValidUntil >= today && d.ValidUntil <= limit && (d.WithdrawnOn == null || d.WithdrawnOn > today));
        }

        if (query.ActiveOnly)
        {
            rows = rows.Where(d => d.ValidFrom <= today && d.ValidUntil >= today && (d.WithdrawnOn == null || d.WithdrawnOn > today));
        }

        // A province holds tens of designations, not thousands: search and page in memory over the folded
        // text rather than keep a search column in step with the body's name.
        var all = await Project(rows.OrderBy(d => d.ValidUntil).ThenBy(d => d.Id), db, today, cancellationToken);
        var words = TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = all.Where(d =>
        {
            var folded = TextSearch.Fold($"{d.DecisionNumber} {d.Issuer} {d.BodyName} {string.Join(' ', d.Scopes.Select(s => s.TypeName))}");
            return words.All(w => folded.Contains(w, StringComparison.Ordinal));
        }).ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, DesignationQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        return new PagedResult<DesignationDto>([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count, page, pageSize);
    }

    public async Task<DesignationDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await Project(Visible(db).Where(d => d.Id == id), db, DisplayFormat.Today(clock), cancellationToken)).FirstOrDefault();
    }

    public async Task<Outcome<DesignationDto>> CreateAsync(DesignationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (body, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<DesignationDto>.Invalid(errors);
        }

        var number = input.DecisionNumber!.Trim();
        if (await NumberTakenAsync(db, body!.Id, number, exceptId: null, cancellationToken))
        {
            return Duplicate(number);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var designation = new Designation { DecisionNumber = number, Issuer = input.Issuer!.Trim(), CreatedAt = now };
        Apply(designation, input, body, now);
        db.Designations.Add(designation);
        return await SaveAsync(db, designation, number, cancellationToken);
    }

    public async Task<Outcome<DesignationDto>> UpdateAsync(int id, DesignationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var designation = await Visible(db, tracked: true).Include(d => d.Scopes).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (designation is null)
        {
            return Outcome<DesignationDto>.NotFound();
        }

        var (body, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<DesignationDto>.Invalid(errors);
        }

        var number = input.DecisionNumber!.Trim();
        if (await NumberTakenAsync(db, body!.Id, number, exceptId: id, cancellationToken))
        {
            return Duplicate(number);
        }

        // The scope rows are replaced as a whole: the decision's scope is one list, and the audit log
        // shows the old rows deleted and the new ones created.
        db.DesignationScopes.RemoveRange(designation.Scopes);
        designation.Scopes.Clear();
        Apply(designation, input, body, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, designation, number, cancellationToken);
    }

    public async Task<Outcome<DesignationDto>> WithdrawAsync(int id, DesignationWithdrawalInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var designation = await Visible(db, tracked: true).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (designation is null)
        {
            return Outcome<DesignationDto>.NotFound();
        }

        if (designation.WithdrawnOn is { } already)
        {
            return Outcome<DesignationDto>.Conflict("withdrawnOn", text["Designation.Error.AlreadyWithdrawn", DisplayFormat.Date(already)]);
        }

        var errors = new FieldErrors();
        if (input.WithdrawnOn is not { } on)
        {
            errors.Add("withdrawnOn", text["Error.Required"]);
        }
        else if (on < designation.ValidFrom || on > designation.ValidUntil)
        {
            errors.Add("withdrawnOn", text["Designation.Error.WithdrawOutside", DisplayFormat.Date(designation.ValidFrom), DisplayFormat.Date(designation.ValidUntil)]);
        }

        if (errors.Any)
        {
            return Outcome<DesignationDto>.Invalid(errors);
        }

        designation.WithdrawnOn = input.WithdrawnOn;
        designation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DesignationDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>Verification bodies the user may pick: those of their scope (all for national writers).</summary>
    public async Task<List<BodyOption>> BodiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.VerificationBody)
            .OrderBy(o => o.Name).Select(o => new BodyOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Group 2 types a scope row may name: each code once, with its current Vietnamese name.</summary>
    public async Task<List<TypeOption>> TypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Group2InstrumentTypes.AsNoTracking().OrderBy(t => t.Id).Select(t => new TypeOption(t.Code, t.NameVi)).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(t => t.Code)];
    }

    /// <summary>The province filter comes from the context; a LabOperator sees only its own body's decisions.</summary>
    private IQueryable<Designation> Visible(AppDbContext db, bool tracked = false)
    {
        var rows = tracked ? db.Designations : db.Designations.AsNoTracking();
        if (currentUser.IsInRole(Roles.LabOperator))
        {
            var own = currentUser.OrganizationId ?? -1;
            rows = rows.Where(d => d.BodyId == own);
        }

        return rows;
    }

    private async Task<List<DesignationDto>> Project(IQueryable<Designation> rows, AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var list = await rows.Select(d => new
        {
            d.Id,
            d.BodyId,
            BodyName = d.Body!.Name,
            ProvinceSlug = d.Body.Province == null ? null : d.Body.Province.Slug,
            d.DecisionNumber,
            d.DecisionDate,
            d.Issuer,
            d.ValidFrom,
            d.ValidUntil,
            d.WithdrawnOn,
            d.Notes,
            Scopes = d.Scopes.OrderBy(s => s.Id).ToList(),
            d.CreatedAt,
            d.UpdatedAt,
        }).ToListAsync(cancellationToken);
        var codes = list.SelectMany(d => d.Scopes.Select(s => s.TypeCode)).Distinct().ToList();
        var names = (await db.Group2InstrumentTypes.AsNoTracking().Where(t => codes.Contains(t.Code)).Select(t => new { t.Code, t.NameVi, t.NameEn, t.EffectiveFrom }).ToListAsync(cancellationToken))
            .GroupBy(t => t.Code)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.EffectiveFrom ?? DateOnly.MinValue).First(), StringComparer.Ordinal);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var warningDays = WarningDays;
        return [.. list.Select(d =>
        {
            var status = d.WithdrawnOn is { } w && w <= today ? "withdrawn"
                : today < d.ValidFrom ? "notYetValid"
                : today > d.ValidUntil ? "expired"
                : "active";
            var daysLeft = d.ValidUntil.DayNumber - today.DayNumber;
            return new DesignationDto(
                d.Id, d.BodyId, d.BodyName, d.ProvinceSlug, d.DecisionNumber, d.DecisionDate, d.Issuer, d.ValidFrom, d.ValidUntil, d.WithdrawnOn, d.Notes,
                [.. d.Scopes.Select(s => new DesignationScopeDto(
                    s.TypeCode,
                    names.TryGetValue(s.TypeCode, out var n) ? (english ? n.NameEn : n.NameVi) : null,
                    s.Initial, s.Periodic, s.AfterRepair, s.Reference, s.MeasuringRange))],
                status,
                status == "active" && daysLeft <= warningDays,
                daysLeft,
                d.CreatedAt,
                d.UpdatedAt);
        })];
    }

    private async Task<(Organization? Body, FieldErrors Errors)> ValidateAsync(AppDbContext db, DesignationInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        // Tenant-filtered: another province's body is "not found" for a province officer.
        var body = await FieldRules.OrganizationAsync(db, errors, text, "bodyId", input.BodyId, mustBeBody: true, cancellationToken);

        FieldRules.RequireText(errors, text, "decisionNumber", input.DecisionNumber, DecisionNumberMaxLength);
        FieldRules.RequireText(errors, text, "issuer", input.Issuer, IssuerMaxLength);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, NotesMaxLength);
        if (input.DecisionDate is null)
        {
            errors.Add("decisionDate", text["Error.Required"]);
        }

        if (input.ValidFrom is null)
        {
            errors.Add("validFrom", text["Error.Required"]);
        }

        if (input.ValidUntil is null)
        {
            errors.Add("validUntil", text["Error.Required"]);
        }
        else if (input.ValidFrom is { } from && input.ValidUntil < from)
        {
            errors.Add("validUntil", text["Designation.Error.UntilBeforeFrom"]);
        }

        var scopes = input.Scopes ?? [];
        if (scopes.Count == 0)
        {
            errors.Add("scopes", text["Designation.Error.NoScope"]);
        }

        var codes = scopes.Select(s => s.TypeCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        var known = (await db.Group2InstrumentTypes.AsNoTracking().Where(t => codes.Contains(t.Code)).Select(t => t.Code).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            var code = scope.TypeCode?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                errors.Add($"scopes[{i}].typeCode", text["Error.Required"]);
                continue;
            }

            if (!known.Contains(code))
            {
                errors.Add($"scopes[{i}].typeCode", text["Designation.Error.UnknownType", code.Length > 80 ? code[..80] : code]);
            }
            else if (scope.Reference && !ReferenceAllowedFor(code))
            {
                errors.Add($"scopes[{i}].reference", text["Designation.Error.ReferenceType"]);
            }

            if (!scope.Initial && !scope.Periodic && !scope.AfterRepair && !scope.Reference)
            {
                errors.Add($"scopes[{i}].kinds", text["Designation.Error.NoKind"]);
            }

            FieldRules.OptionalText(errors, text, $"scopes[{i}].measuringRange", scope.MeasuringRange, RangeMaxLength);
        }

        return (body, errors);
    }

    private static void Apply(Designation designation, DesignationInput input, Organization? body, DateTime now)
    {
        designation.BodyId = body!.Id;
        designation.ProvinceId = body.ProvinceId;
        designation.DecisionNumber = input.DecisionNumber!.Trim();
        designation.DecisionDate = input.DecisionDate!.Value;
        designation.Issuer = input.Issuer!.Trim();
        designation.ValidFrom = input.ValidFrom!.Value;
        designation.ValidUntil = input.ValidUntil!.Value;
        designation.Notes = FieldRules.Blank(input.Notes);
        designation.UpdatedAt = now;
        foreach (var s in input.Scopes!)
        {
            designation.Scopes.Add(new DesignationScope
            {
                TypeCode = s.TypeCode!.Trim(),
                Initial = s.Initial,
                Periodic = s.Periodic,
                AfterRepair = s.AfterRepair,
                Reference = s.Reference,
                MeasuringRange = FieldRules.Blank(s.MeasuringRange),
            });
        }
    }

    private async Task<Outcome<DesignationDto>> SaveAsync(AppDbContext db, Designation designation, string number, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return Duplicate(number);
        }

        return Outcome<DesignationDto>.Ok((await GetAsync(designation.Id, cancellationToken))!);
    }

    private Outcome<DesignationDto> Duplicate(string number) =>
        Outcome<DesignationDto>.Conflict("decisionNumber", text["Designation.Error.Duplicate", number]);

    private static Task<bool> NumberTakenAsync(AppDbContext db, int bodyId, string number, int? exceptId, CancellationToken cancellationToken) =>
        db.Designations.IgnoreQueryFilters().AnyAsync(d => d.BodyId == bodyId && d.DecisionNumber == number && d.Id != exceptId, cancellationToken);
}

public sealed record BodyOption(int Id, string Name);

public sealed record TypeOption(string Code, string Name);
