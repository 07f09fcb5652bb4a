using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Core.Surveys;
using Metrology.Web.Features.Assurance;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Dashboards;

/// <summary>
/// The province dashboard: each card is one or two GROUP BY queries (about fifteen queries in all, whatever
/// the number of records), run through the tenant-filtered context, so a province user only ever counts
/// the province's own rows. A national user may pick a province, or see the whole country.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IConfiguration configuration,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Province roles see their own province; the system administrator picks one.</summary>
    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.ProvinceAdmin, Roles.ProvinceOfficer];

    /// <summary>The types shown one by one in the "instruments by type" card; the rest are summed as "other".</summary>
    public const int TopTypes = 8;

    /// <summary>The programme started in 2020 (Decision 1928/QĐ-UBND): the investment card counts from there.</summary>
    public const int FirstYear = 2020;

    /// <summary>
    /// Cards computed from the instruments' and programmes' current state: instruments in service by type, due states,
    /// the overdue trend of the last 12 months and the assurance programmes. For a past year they still show today.
    /// </summary>
    public static readonly string[] TodayCards = ["types", "due", "overdue", "assurance"];

    public int CurrentYear => DisplayFormat.Today(clock).Year;

    public bool IsNational => currentUser.ProvinceId is null;

    public async Task<Outcome<DashboardDto>> GetAsync(int year, string? provinceSlug, CancellationToken cancellationToken = default)
    {
        if (year is < 2000 or > 2100)
        {
            var errors = new FieldErrors();
            errors.Add("year", text["Rollup.Error.Year", 2000, 2100]);
            return Outcome<DashboardDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownProvince = currentUser.ProvinceId;
        var slug = FieldRules.Blank(provinceSlug) ?? (ownProvince is null ? null : currentUser.ProvinceSlug);
        (int Id, string Slug, string Name)? province = null;
        if (slug is not null)
        {
            var found = await db.Provinces.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.NameVi }).FirstOrDefaultAsync(cancellationToken);
            // Another province's dashboard is "not there" for a province user, like any of its records.
            if (found is null || ownProvince is not null && found.Id != ownProvince)
            {
                return Outcome<DashboardDto>.NotFound();
            }

            province = (found.Id, found.Slug, found.NameVi);
        }

        var scope = province?.Id ?? ownProvince;
        var today = DisplayFormat.Today(clock);
        var dueSoonDays = InstrumentsSetup.DueSoonDays(configuration);
        var (inService, byType) = await InstrumentsByTypeAsync(db, scope, today, cancellationToken);
        return Outcome<DashboardDto>.Ok(new DashboardDto(
            year,
            province?.Slug,
            province?.Name,
            today,
            inService,
            byType,
            await DueStatesAsync(db, scope, today, dueSoonDays, cancellationToken),
            await VerificationsByMonthAsync(db, scope, year, cancellationToken),
            await OverdueTrendAsync(db, scope, today, cancellationToken),
            await OutreachAsync(db, scope, year, cancellationToken),
            await SurveysAsync(db, scope, year, cancellationToken),
            await AssuranceAsync(db, scope, cancellationToken),
            await InspectionsAsync(db, scope, year, cancellationToken),
            await InvestmentAsync(db, scope, year, cancellationToken),
            year < today.Year ? TodayCards : []));
    }

    /// <summary>The tenant filter already narrows a province user; this narrows a national user who picked a province.</summary>
    private static IQueryable<T> In<T>(IQueryable<T> rows, int? provinceId)
        where T : class, IProvinceOwned =>
        provinceId is { } id ? rows.Where(r => r.ProvinceId == id) : rows;

    private static IQueryable<Instrument> Group2InService(AppDbContext db, int? scope) =>
        In(db.Instruments.AsNoTracking(), scope).Where(i => i.Status == InstrumentStatus.InService && i.TypeCode != null);

    private static async Task<(int InService, List<TypeCountDto> ByType)> InstrumentsByTypeAsync(AppDbContext db, int? scope, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await Group2InService(db, scope)
            .GroupBy(i => i.TypeCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await Group2Names.OnAsync(db, today, cancellationToken);
        var ordered = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var rows = ordered.Take(TopTypes)
            .Select(c => new TypeCountDto(c.Code, names.TryGetValue(c.Code, out var name) ? name.Vi : c.Code, c.Count))
            .ToList();
        var rest = ordered.Skip(TopTypes).Sum(c => c.Count);
        if (rest > 0)
        {
            rows.Add(new TypeCountDto(null, string.Empty, rest));
        }

        return (counts.Sum(c => c.Count), rows);
    }

    /// <summary>
    /// One pass over the in-service Group 2 instruments with the rule of <see cref="DueRules.StateOf"/> written as a
    /// CASE (one scan instead of one count per state); the tests hold the two to the same hand-made figures.
    /// </summary>
    private static async Task<List<DueStateCountDto>> DueStatesAsync(AppDbContext db, int? scope, DateOnly today, int dueSoonDays, CancellationToken cancellationToken)
    {
        var limit = today.AddDays(dueSoonDays);
        var counts = await Group2InService(db, scope)
            .Select(i => i.MustNotBeUsed ? (int)DueState.MustNotBeUsed
                : i.NextDueDate == null ? (i.LastVerifiedOn == null ? (int)DueState.NeverVerified : (int)DueState.Ok)
                : i.NextDueDate < today ? (int)DueState.Overdue
                : i.NextDueDate <= limit ? (int)DueState.DueSoon
                : (int)DueState.Ok)
            .GroupBy(state => state)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => (DueState)g.State, g => g.Count, cancellationToken);
        DueState[] shown = [DueState.Ok, DueState.DueSoon, DueState.Overdue, DueState.NeverVerified, DueState.MustNotBeUsed];
        return [.. shown.Select(s => new DueStateCountDto(s, counts.GetValueOrDefault(s)))];
    }

    private static async Task<List<MonthCountDto>> VerificationsByMonthAsync(AppDbContext db, int? scope, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var counts = await In(db.Verifications.AsNoTracking(), scope)
            .Where(v => v.Date >= from && v.Date <= to)
            .GroupBy(v => v.Date.Month)
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, cancellationToken);
        return [.. Enumerable.Range(1, 12).Select(m => new MonthCountDto(year, m, counts.GetValueOrDefault(m)))];
    }

    /// <summary>
    /// Instruments overdue at the end of each of the last 12 months (the current month: today). Computed from the
    /// instruments' current due dates, grouped by the month they fell due, then summed up to each month. This is an
    /// approximation of the history, which is not stored: an instrument counts as overdue at a month's end when its
    /// current due date had passed by then; one that was overdue then but has since been verified (its due date
    /// moved on), taken out of service or scrapped is not counted, so past months may show fewer than there were.
    /// </summary>
    private static async Task<List<MonthCountDto>> OverdueTrendAsync(AppDbContext db, int? scope, DateOnly today, CancellationToken cancellationToken)
    {
        var byMonth = await Group2InService(db, scope)
            .Where(i => !i.MustNotBeUsed && i.NextDueDate != null && i.NextDueDate < today)
            .GroupBy(i => new { i.NextDueDate!.Value.Year, i.NextDueDate.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var points = new List<MonthCountDto>(12);
        for (var back = 11; back >= 0; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            // Due on or before the month's last day: overdue once the month has ended; the current month counts
            // what is overdue today (due before today), which the query already limits to.
            var count = byMonth.Where(m => m.Year < month.Year || m.Year == month.Year && m.Month <= month.Month).Sum(m => m.Count);
            points.Add(new MonthCountDto(month.Year, month.Month, count));
        }

        return points;
    }

    private static async Task<List<OutreachCountDto>> OutreachAsync(AppDbContext db, int? scope, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var counts = await In(db.OutreachActivities.AsNoTracking(), scope)
            .Where(a => a.HeldOn >= from && a.HeldOn <= to)
            .GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Participants = g.Sum(a => a.Participants ?? 0) })
            .ToListAsync(cancellationToken);
        return [.. Enum.GetValues<Core.Programme.OutreachKind>().Select(k => counts.FirstOrDefault(c => c.Kind == k) is { } c
            ? new OutreachCountDto(k, c.Count, c.Participants)
            : new OutreachCountDto(k, 0, 0))];
    }

    private static async Task<List<CampaignRateDto>> SurveysAsync(AppDbContext db, int? scope, int year, CancellationToken cancellationToken)
    {
        var rows = await In(db.SurveyCampaigns.AsNoTracking(), scope)
            .Where(c => c.Year == year)
            .OrderBy(c => c.OpensOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Title,
                Targets = c.Targets.Count,
                Submitted = db.SurveyResponses.Count(r => r.CampaignId == c.Id && r.Status == SurveyResponseStatus.Submitted),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CampaignRateDto(r.Id, r.Title, r.Targets, r.Submitted, Percent(r.Submitted, r.Targets)))];
    }

    /// <summary>All the province's programmes, whatever their start year: the card shows where the work stands now.</summary>
    private static async Task<List<StateCountDto>> AssuranceAsync(AppDbContext db, int? scope, CancellationToken cancellationToken)
    {
        var counts = await In(db.AssuranceProgrammes.AsNoTracking(), scope)
            .Select(p => new { Complete = p.CompletedOn != null, Begun = p.Steps.Any(s => s.Status != Core.Programme.AssuranceStepStatus.NotStarted) })
            .GroupBy(p => new { p.Complete, p.Begun })
            .Select(g => new { g.Key.Complete, g.Key.Begun, Count = g.Count() })
            .ToListAsync(cancellationToken);
        string StateOf(bool complete, bool begun) =>
            complete ? ProgrammeStates.Complete : begun ? ProgrammeStates.InProgress : ProgrammeStates.NotStarted;
        return [.. ProgrammeStates.All.Select(state => new StateCountDto(
            state, counts.Where(c => StateOf(c.Complete, c.Begun) == state).Sum(c => c.Count)))];
    }

    private static async Task<List<AgencyInspectionsDto>> InspectionsAsync(AppDbContext db, int? scope, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var records = In(db.InspectionRecords.AsNoTracking(), scope).Where(r => r.StartedOn >= from && r.StartedOn <= to);
        var done = await records
            .GroupBy(r => new { r.AgencyId, r.Agency!.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var violations = await records
            .SelectMany(r => r.Violations, (r, v) => new { r.AgencyId, v.SanctionAmount })
            .GroupBy(v => v.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count(), Sanctions = g.Sum(v => v.SanctionAmount ?? 0) })
            .ToDictionaryAsync(g => g.AgencyId, cancellationToken);
        return [.. done.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => violations.TryGetValue(d.AgencyId, out var v)
            ? new AgencyInspectionsDto(d.AgencyId, d.Name, d.Count, v.Count, v.Sanctions)
            : new AgencyInspectionsDto(d.AgencyId, d.Name, d.Count, 0, 0))];
    }

    private static async Task<List<InvestmentYearDto>> InvestmentAsync(AppDbContext db, int? scope, int year, CancellationToken cancellationToken)
    {
        var fromYear = Math.Min(FirstYear, year);
        var committed = await In(db.InvestmentProjects.AsNoTracking(), scope)
            .Where(p => p.StartYear >= fromYear && p.StartYear <= year)
            .GroupBy(p => p.StartYear)
            .Select(g => new { Year = g.Key, Amount = g.Sum(p => p.TotalBudget) })
            .ToDictionaryAsync(g => g.Year, g => g.Amount, cancellationToken);
        var disbursed = await In(db.Disbursements.AsNoTracking(), scope)
            .Where(d => d.Year >= fromYear && d.Year <= year)
            .GroupBy(d => d.Year)
            .Select(g => new { Year = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.Year, g => g.Amount, cancellationToken);
        return [.. Enumerable.Range(fromYear, year - fromYear + 1)
            .Select(y => new InvestmentYearDto(y, committed.GetValueOrDefault(y), disbursed.GetValueOrDefault(y)))];
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);
}
