using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Inspections;

/// <summary>
/// The report's inspection figures, for a year and cumulative since <see cref="FirstYear"/>, per agency. Every
/// figure is a GROUP BY in the database (a fixed number of queries, whatever the number of records).
/// Planned = targets of approved plans, a target merged into another agency's counting once (the joint inspection);
/// done = records, by the year the inspection started.
/// </summary>
public sealed class InspectionStatisticsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The programme's period starts in 2020 (Decision 1928/QĐ-UBND): cumulative figures count from there.</summary>
    public const int FirstYear = 2020;

    public int CurrentYear => DisplayFormat.Today(clock).Year;

    public async Task<InspectionStatistics> ForYearAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var fromYear = Math.Min(FirstYear, year);
        var ofYear = await FiguresAsync(db, year, year, cancellationToken);
        var cumulative = await FiguresAsync(db, fromYear, year, cancellationToken);
        var agencies = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Agency)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var agencyIds = agencies.Select(a => a.Id).Concat(cumulative.ByAgency.Keys).Distinct();
        var rows = agencyIds
            .Select(id => new AgencyFigures(
                id,
                agencies.FirstOrDefault(a => a.Id == id)?.Name ?? string.Empty,
                ofYear.ByAgency.GetValueOrDefault(id, Empty),
                cumulative.ByAgency.GetValueOrDefault(id, Empty)))
            .OrderBy(a => a.AgencyName, StringComparer.Ordinal)
            .ToList();
        var kinds = Enum.GetValues<ViolationKind>()
            .Select(k => new ViolationKindFigures(
                k,
                ofYear.Violations.Where(v => v.Kind == k).Sum(v => v.Count),
                cumulative.Violations.Where(v => v.Kind == k).Sum(v => v.Count),
                ofYear.Violations.Where(v => v.Kind == k).Sum(v => v.Sanctions),
                cumulative.Violations.Where(v => v.Kind == k).Sum(v => v.Sanctions)))
            .Where(k => k.Cumulative > 0)
            .ToList();
        return new InspectionStatistics(year, fromYear, ofYear.Total, cumulative.Total, rows, kinds);
    }

    private static readonly InspectionFigures Empty = new(0, 0, 0, 0, 0, 0, 0);

    private sealed record ViolationGroup(int AgencyId, ViolationKind Kind, int Count, long Sanctions);

    private sealed record Figures(Dictionary<int, InspectionFigures> ByAgency, InspectionFigures Total, List<ViolationGroup> Violations);

    private static async Task<Figures> FiguresAsync(AppDbContext db, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        var records = db.InspectionRecords.AsNoTracking().Where(r => r.StartedOn >= from && r.StartedOn <= to);

        var planned = await db.InspectionTargets.AsNoTracking()
            .Where(t => t.Plan!.Status == InspectionPlanStatus.Approved && t.Plan.Year >= fromYear && t.Plan.Year <= toYear && t.MergedIntoTargetId == null)
            .GroupBy(t => t.Plan!.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, cancellationToken);
        var done = await records.GroupBy(r => r.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count(), Targets = g.Select(r => r.OrganizationId).Distinct().Count() })
            .ToDictionaryAsync(g => g.AgencyId, cancellationToken);
        var targetsInspected = await records.Select(r => r.OrganizationId).Distinct().CountAsync(cancellationToken);
        var violations = await records.SelectMany(r => r.Violations, (r, v) => new { r.AgencyId, v.Kind, v.SanctionAmount })
            .GroupBy(x => new { x.AgencyId, x.Kind })
            .Select(g => new ViolationGroup(g.Key.AgencyId, g.Key.Kind, g.Count(), g.Sum(x => x.SanctionAmount ?? 0)))
            .ToListAsync(cancellationToken);
        var instruments = await records.SelectMany(r => r.Instruments, (r, i) => new { r.AgencyId, i.Outcome })
            .GroupBy(x => x.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Checked = g.Count(),
                Flagged = g.Sum(x => x.Outcome == InstrumentCheckOutcome.Unverified || x.Outcome == InstrumentCheckOutcome.Overdue ? 1 : 0),
            })
            .ToDictionaryAsync(g => g.AgencyId, cancellationToken);

        var byAgency = planned.Keys.Concat(done.Keys).Concat(violations.Select(v => v.AgencyId)).Concat(instruments.Keys).Distinct()
            .ToDictionary(id => id, id => new InspectionFigures(
                planned.GetValueOrDefault(id),
                done.TryGetValue(id, out var d) ? d.Count : 0,
                d?.Targets ?? 0,
                violations.Where(v => v.AgencyId == id).Sum(v => v.Count),
                violations.Where(v => v.AgencyId == id).Sum(v => v.Sanctions),
                instruments.TryGetValue(id, out var i) ? i.Checked : 0,
                i?.Flagged ?? 0));
        var total = new InspectionFigures(
            byAgency.Values.Sum(f => f.Planned), byAgency.Values.Sum(f => f.Done), targetsInspected, byAgency.Values.Sum(f => f.Violations),
            byAgency.Values.Sum(f => f.Sanctions), byAgency.Values.Sum(f => f.InstrumentsChecked), byAgency.Values.Sum(f => f.InstrumentsUnverifiedOrOverdue));
        return new Figures(byAgency, total, violations);
    }
}
