using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Programme;
using Metrology.Core.Reporting;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Reports;

/// <summary>
/// Every <see cref="KeyIndicator"/> of one year, for the year and cumulatively to its end, for several provinces
/// at once (the annex reads one, the national roll-up all 34). One grouped SQL query per indicator family: the
/// number of queries does not grow with provinces, instruments or verifications, which never leave the database.
/// "Cumulative" starts with the first record, which is when the programme started in the province.
/// </summary>
public static class KeyIndicatorQuery
{
    /// <summary>
    /// The indicators per province id; a province without records gets zeros. <paramref name="today"/> bounds the
    /// "at year end" states (Group 2 registered, overdue) while the year is still running.
    /// </summary>
    public static async Task<Dictionary<int, IReadOnlyList<IndicatorValue>>> ComputeAsync(
        AppDbContext db, IReadOnlyCollection<int> provinceIds, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = provinceIds.Select(id => (int?)id).ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var asOf = end < today ? end : today;
        var asOfUtc = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var values = new Dictionary<(int Province, KeyIndicator Indicator), (decimal Year, decimal Cumulative)>();
        void Put(KeyIndicator indicator, IEnumerable<Row> rows)
        {
            foreach (var row in rows)
            {
                values[(row.ProvinceId ?? 0, indicator)] = (row.Year, row.Cumulative);
            }
        }

        Put(KeyIndicator.AssuranceEnterprises, await db.AssuranceProgrammes.AsNoTracking()
            .Where(a => ids.Contains(a.ProvinceId) && a.StartedOn <= end)
            .GroupBy(a => a.ProvinceId)
            .Select(g => new Row(g.Key, g.Where(a => a.StartedOn >= start).Select(a => a.EnterpriseId).Distinct().Count(), g.Select(a => a.EnterpriseId).Distinct().Count()))
            .ToListAsync(cancellationToken));

        // In force at year end (the year's figure); ever designated until then (cumulative).
        Put(KeyIndicator.DesignatedBodies, await db.Designations.AsNoTracking()
            .Where(d => ids.Contains(d.ProvinceId) && d.ValidFrom <= end)
            .GroupBy(d => d.ProvinceId)
            .Select(g => new Row(
                g.Key,
                g.Where(d => d.ValidUntil >= asOf && (d.WithdrawnOn == null || d.WithdrawnOn > asOf)).Select(d => d.BodyId).Distinct().Count(),
                g.Select(d => d.BodyId).Distinct().Count()))
            .ToListAsync(cancellationToken));

        Put(KeyIndicator.InstrumentsVerified, await db.Verifications.AsNoTracking()
            .Where(v => ids.Contains(v.ProvinceId) && v.Date <= end)
            .GroupBy(v => v.ProvinceId)
            .Select(g => new Row(g.Key, g.Count(v => v.Date >= start), g.Count()))
            .ToListAsync(cancellationToken));

        // Group 2 instruments in service on the register at year end (recorded by then, or verified by then: an
        // instrument imported later with an older history was in use already), and those overdue then (the last
        // verification on or before the year end gave a due date already past; a failed one gives none: that
        // instrument must not be used, which is another state). One pass over the instruments: one not verified
        // since the year end stands then as it stands today, since its stored NextDueDate is its last verification's.
        // Only one verified after the year end needs its history (one index probe on (InstrumentId, Date)): none for
        // the current year, few for last year's report drafted early in the new one.
        var group2 = await db.Instruments.AsNoTracking()
            .Where(i => ids.Contains(i.ProvinceId) && i.TypeCode != null && i.Status == InstrumentStatus.InService)
            .Where(i => i.CreatedAt < asOfUtc || i.LastVerifiedOn <= asOf
                || (i.LastVerifiedOn > asOf && db.Verifications.Any(v => v.InstrumentId == i.Id && v.Date <= asOf)))
            .GroupBy(i => i.ProvinceId)
            .Select(g => new
            {
                g.Key,
                Registered = g.Count(),
                Overdue = g.Count(i => i.LastVerifiedOn > asOf
                    ? db.Verifications.Where(v => v.InstrumentId == i.Id && v.Date <= asOf)
                        .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
                        .Select(v => v.NextDueDate).FirstOrDefault() < asOf
                    : i.NextDueDate < asOf),
            })
            .ToListAsync(cancellationToken);
        Put(KeyIndicator.Group2InstrumentsRegistered, group2.Select(r => new Row(r.Key, r.Registered, r.Registered)));
        Put(KeyIndicator.Group2InstrumentsOverdue, group2.Select(r => new Row(r.Key, r.Overdue, r.Overdue)));

        var outreach = await db.OutreachActivities.AsNoTracking()
            .Where(o => ids.Contains(o.ProvinceId) && o.HeldOn <= end)
            .GroupBy(o => o.ProvinceId)
            .Select(g => new
            {
                g.Key,
                Year = g.Count(o => o.HeldOn >= start),
                Cumulative = g.Count(),
                PeopleYear = g.Where(o => o.HeldOn >= start).Sum(o => o.Participants ?? 0),
                People = g.Sum(o => o.Participants ?? 0),
            })
            .ToListAsync(cancellationToken);
        Put(KeyIndicator.OutreachActivities, outreach.Select(o => new Row(o.Key, o.Year, o.Cumulative)));
        Put(KeyIndicator.PeopleReached, outreach.Select(o => new Row(o.Key, o.PeopleYear, o.People)));

        Put(KeyIndicator.EnterprisesSurveyed, await (
                from r in db.SurveyResponses.AsNoTracking()
                join o in db.Organizations on r.OrganizationId equals o.Id
                where ids.Contains(r.ProvinceId) && r.Status == SurveyResponseStatus.Submitted && r.Campaign!.Year <= year
                    && o.Kind == Core.Organizations.OrganizationKind.Enterprise
                select new { r.ProvinceId, r.OrganizationId, r.Campaign!.Year })
            .GroupBy(r => r.ProvinceId)
            .Select(g => new Row(g.Key, g.Where(r => r.Year == year).Select(r => r.OrganizationId).Distinct().Count(), g.Select(r => r.OrganizationId).Distinct().Count()))
            .ToListAsync(cancellationToken));

        Put(KeyIndicator.ScienceTasks, await db.ScienceTasks.AsNoTracking()
            .Where(t => ids.Contains(t.ProvinceId) && t.StartOn <= end && t.Status != ScienceTaskStatus.Cancelled)
            .GroupBy(t => t.ProvinceId)
            .Select(g => new Row(g.Key, g.Count(t => t.EndOn >= start), g.Count()))
            .ToListAsync(cancellationToken));

        Put(KeyIndicator.Inspections, await db.InspectionRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ProvinceId) && r.StartedOn <= end)
            .GroupBy(r => r.ProvinceId)
            .Select(g => new Row(g.Key, g.Count(r => r.StartedOn >= start), g.Count()))
            .ToListAsync(cancellationToken));

        var violations = await (
                from v in db.InspectionViolations.AsNoTracking()
                join r in db.InspectionRecords on v.RecordId equals r.Id
                where ids.Contains(v.ProvinceId) && r.StartedOn <= end
                select new { v.ProvinceId, r.StartedOn, Amount = v.SanctionAmount ?? 0 })
            .GroupBy(v => v.ProvinceId)
            .Select(g => new
            {
                g.Key,
                Year = g.Count(v => v.StartedOn >= start),
                Cumulative = g.Count(),
                AmountYear = g.Where(v => v.StartedOn >= start).Sum(v => v.Amount),
                Amount = g.Sum(v => v.Amount),
            })
            .ToListAsync(cancellationToken);
        Put(KeyIndicator.Violations, violations.Select(v => new Row(v.Key, v.Year, v.Cumulative)));
        Put(KeyIndicator.SanctionsVnd, violations.Select(v => new Row(v.Key, v.AmountYear, v.Amount)));

        Put(KeyIndicator.InvestmentCommittedVnd, (await db.InvestmentProjects.AsNoTracking()
            .Where(p => ids.Contains(p.ProvinceId) && p.StartYear <= year)
            .GroupBy(p => p.ProvinceId)
            .Select(g => new { g.Key, Year = g.Where(p => p.StartYear == year).Sum(p => p.TotalBudget), Cumulative = g.Sum(p => p.TotalBudget) })
            .ToListAsync(cancellationToken)).Select(p => new Row(p.Key, p.Year, p.Cumulative)));

        Put(KeyIndicator.InvestmentDisbursedVnd, (await db.Disbursements.AsNoTracking()
            .Where(d => ids.Contains(d.ProvinceId) && d.Year <= year)
            .GroupBy(d => d.ProvinceId)
            .Select(g => new { g.Key, Year = g.Where(d => d.Year == year).Sum(d => d.Amount), Cumulative = g.Sum(d => d.Amount) })
            .ToListAsync(cancellationToken)).Select(p => new Row(p.Key, p.Year, p.Cumulative)));

        return provinceIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<IndicatorValue>)Enum.GetValues<KeyIndicator>()
                .Select(k => values.TryGetValue((id, k), out var v) ? new IndicatorValue(k, v.Year, v.Cumulative) : new IndicatorValue(k, 0, 0))
                .ToList());
    }

    // Whole numbers in SQL (decimal arithmetic differs between SQLite and PostgreSQL); decimal only in the result.
    private sealed record Row(int? ProvinceId, long Year, long Cumulative);
}
