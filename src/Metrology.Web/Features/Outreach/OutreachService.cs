using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Features.Plans;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Outreach;

/// <summary>
/// Outreach activities (report section 2.5): use cases shared by the API and the page. Tenant-filtered like
/// every programme record; the outlet and the enterprises reached must be organisations of the activity's province.
/// </summary>
public sealed class OutreachService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public static readonly string[] WriterRoles = PlanService.WriterRoles;

    public static readonly string[] ReaderRoles = PlanService.ReaderRoles;

    /// <summary>The cumulative figures of the report run from the province's plan under Decision 1928/QĐ-UBND (2020).</summary>
    public const int CumulativeSince = 2020;

    /// <summary>Decision 996/QĐ-TTg dates from 2018: nothing of the programme is older.</summary>
    public const int FirstYear = 2018;

    /// <summary>A class or workshop of the department gathers tens to hundreds; ten thousand is a typing mistake.</summary>
    public const int MaxParticipants = 10_000;

    public const int TitleMaxLength = 500;
    public const int NotesMaxLength = 4000;

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public bool IsNational => currentUser.ProvinceId is null;

    public DateOnly Today => DisplayFormat.Today(clock);

    /// <summary>Kinds that are published by a newspaper or broadcaster, and so need one.</summary>
    public static bool NeedsOutlet(OutreachKind kind) => kind is OutreachKind.Article or OutreachKind.Broadcast;

    public async Task<PagedResult<OutreachDto>> ListAsync(OutreachQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.OutreachActivities.AsNoTracking();
        if (query.Kind is { } kind)
        {
            rows = rows.Where(o => o.Kind == kind);
        }

        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            rows = rows.Where(o => o.HeldOn >= from && o.HeldOn <= to);
        }

        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(o => EF.Functions.Like(o.SearchText, pattern, "\\"));
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, OutreachQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await Project(db, rows.OrderByDescending(o => o.HeldOn).ThenByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutreachDto>(items, total, page, pageSize);
    }

    public async Task<OutreachDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.OutreachActivities.AsNoTracking().Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Activities by kind in <paramref name="year"/> and cumulatively from 2020 to the end of that year, counted by
    /// the database (GROUP BY kind); kinds with none are listed with zeros so the sentence is always complete.
    /// </summary>
    public async Task<OutreachSummaryDto> SummaryAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = Math.Min(CumulativeSince, year);
        var (from, yearStart, yearEnd) = (new DateOnly(since, 1, 1), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var counts = await db.OutreachActivities
            .Where(o => o.HeldOn >= from && o.HeldOn <= yearEnd)
            .GroupBy(o => o.Kind)
            .Select(g => new { Kind = g.Key, Year = g.Count(o => o.HeldOn >= yearStart), Cumulative = g.Count() })
            .ToListAsync(cancellationToken);
        var kinds = Enum.GetValues<OutreachKind>()
            .Select(k => counts.FirstOrDefault(c => c.Kind == k) is { } c ? new OutreachKindCount(k, c.Year, c.Cumulative) : new OutreachKindCount(k, 0, 0))
            .ToList();
        return new OutreachSummaryDto(year, since, kinds);
    }

    /// <summary>The media outlets and enterprises an activity of <paramref name="provinceId"/> may name (all visible ones when null).</summary>
    public async Task<(IReadOnlyList<OutreachOption> Outlets, IReadOnlyList<OutreachOption> Enterprises)> OptionsAsync(int? provinceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.MediaOutlet || o.Kind == OrganizationKind.Enterprise);
        if (provinceId is not null)
        {
            rows = rows.Where(o => o.ProvinceId == provinceId);
        }

        var all = await rows.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(cancellationToken);
        return (all.Where(o => o.Kind == OrganizationKind.MediaOutlet).Select(o => new OutreachOption(o.Id, o.Name)).ToList(),
            all.Where(o => o.Kind == OrganizationKind.Enterprise).Select(o => new OutreachOption(o.Id, o.Name)).ToList());
    }

    public async Task<int?> ProvinceIdAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutreachActivities.Where(o => o.Id == id).Select(o => o.ProvinceId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Outcome<OutreachDto>> CreateAsync(OutreachInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        var provinceId = FieldRules.ProvinceOfNewRecord(errors, text, currentUser, input.ProvinceSlug);
        var enterpriseIds = await ValidateAsync(db, errors, input, provinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<OutreachDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var activity = new OutreachActivity { ProvinceId = provinceId, Title = string.Empty, CreatedAt = now };
        Apply(activity, input, enterpriseIds, now);
        db.OutreachActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<OutreachDto>.Ok(await Project(db, db.OutreachActivities.AsNoTracking().Where(o => o.Id == activity.Id)).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<OutreachDto>> UpdateAsync(int id, OutreachInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activity = await db.OutreachActivities.Include(o => o.EnterprisesReached).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (activity is null)
        {
            return Outcome<OutreachDto>.NotFound();
        }

        var errors = new FieldErrors();
        var enterpriseIds = await ValidateAsync(db, errors, input, activity.ProvinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<OutreachDto>.Invalid(errors);
        }

        Apply(activity, input, enterpriseIds, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<OutreachDto>.Ok(await Project(db, db.OutreachActivities.AsNoTracking().Where(o => o.Id == activity.Id)).FirstAsync(cancellationToken));
    }

    private static IQueryable<OutreachDto> Project(AppDbContext db, IQueryable<OutreachActivity> rows) =>
        rows.Select(o => new OutreachDto(
            o.Id,
            o.Kind,
            o.HeldOn,
            o.Title,
            o.OutletId,
            o.Outlet == null ? null : o.Outlet.Name,
            o.Link,
            o.Topic,
            o.Participants,
            o.EnterprisesReachedCount,
            o.Notes,
            db.Provinces.Where(p => p.Id == o.ProvinceId).Select(p => p.NameVi).FirstOrDefault(),
            o.EnterprisesReached.OrderBy(e => e.Organization!.Name)
                .Select(e => new OutreachEnterpriseDto(e.OrganizationId, e.Organization!.Name)).ToList(),
            o.UpdatedAt));

    /// <returns>The distinct enterprises to link (valid only when no error was added).</returns>
    private async Task<List<int>> ValidateAsync(AppDbContext db, FieldErrors errors, OutreachInput input, int? provinceId, CancellationToken cancellationToken)
    {
        var kind = FieldRules.RequiredEnum<OutreachKind>(errors, text, "kind", input.Kind);

        if (input.HeldOn is not { } heldOn)
        {
            errors.Add("heldOn", text["Error.Required"]);
        }
        else if (heldOn > Today)
        {
            // The register records what was done; a planned class belongs in the annual plan.
            errors.Add("heldOn", text["Plans.Error.FutureDate"]);
        }
        else if (heldOn.Year < FirstYear)
        {
            errors.Add("heldOn", text["Outreach.Error.TooOld", FirstYear]);
        }

        FieldRules.RequireText(errors, text, "title", input.Title, TitleMaxLength);
        FieldRules.OptionalText(errors, text, "topic", input.Topic, TitleMaxLength);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, NotesMaxLength);
        FieldRules.OptionalHttpUrl(errors, text, "link", input.Link, PlanService.UrlMaxLength);

        if (input.OutletId is { } outletId)
        {
            var outlet = await db.Organizations.AsNoTracking().Where(o => o.Id == outletId && o.ProvinceId == provinceId)
                .Select(o => new { o.Kind }).FirstOrDefaultAsync(cancellationToken);
            if (outlet is null)
            {
                errors.Add("outletId", text["Error.Organization.Unknown"]);
            }
            else if (outlet.Kind != OrganizationKind.MediaOutlet)
            {
                errors.Add("outletId", text["Outreach.Error.NotAnOutlet"]);
            }
        }
        else if (kind is { } k && NeedsOutlet(k))
        {
            errors.Add("outletId", text["Outreach.Error.OutletRequired"]);
        }

        if (input.Participants is < 0 or > MaxParticipants)
        {
            errors.Add("participants", text["Outreach.Error.Count", MaxParticipants]);
        }

        var enterpriseIds = (input.EnterpriseIds ?? []).Distinct().ToList();
        if (enterpriseIds.Count > 0)
        {
            var found = await db.Organizations.AsNoTracking()
                .Where(o => enterpriseIds.Contains(o.Id) && o.ProvinceId == provinceId && o.Kind == OrganizationKind.Enterprise)
                .Select(o => o.Id).ToListAsync(cancellationToken);
            var wrong = enterpriseIds.Except(found).Order().ToList();
            if (wrong.Count > 0)
            {
                errors.Add("enterpriseIds", text["Outreach.Error.NotEnterprises", string.Join(", ", wrong.Take(10))]);
            }
        }

        if (input.EnterprisesReachedCount is { } declared)
        {
            if (declared < enterpriseIds.Count)
            {
                errors.Add("enterprisesReachedCount", text["Outreach.Error.DeclaredBelowLinked", enterpriseIds.Count]);
            }
            else if (declared > MaxParticipants)
            {
                errors.Add("enterprisesReachedCount", text["Outreach.Error.Count", MaxParticipants]);
            }
        }

        return enterpriseIds;
    }

    private static void Apply(OutreachActivity activity, OutreachInput input, List<int> enterpriseIds, DateTime now)
    {
        activity.Kind = FieldRules.EnumByName<OutreachKind>(input.Kind)!.Value;
        activity.HeldOn = input.HeldOn!.Value;
        activity.Title = input.Title!.Trim();
        activity.OutletId = input.OutletId;
        activity.Link = FieldRules.Blank(input.Link);
        activity.Topic = FieldRules.Blank(input.Topic);
        activity.Participants = input.Participants;
        // With no declared figure, the enterprises on record are the figure.
        activity.EnterprisesReachedCount = input.EnterprisesReachedCount ?? (enterpriseIds.Count > 0 ? enterpriseIds.Count : null);
        activity.Notes = FieldRules.Blank(input.Notes);
        activity.UpdatedAt = now;
        activity.RefreshSearchText();

        // Changed in place, not replaced: a link kept is neither deleted nor re-inserted (nor audited as such).
        activity.EnterprisesReached.RemoveAll(e => !enterpriseIds.Contains(e.OrganizationId));
        foreach (var id in enterpriseIds.Where(id => activity.EnterprisesReached.All(e => e.OrganizationId != id)))
        {
            activity.EnterprisesReached.Add(new OutreachEnterprise { OrganizationId = id });
        }
    }
}
