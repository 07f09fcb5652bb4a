using Metrology.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.ReferenceData;

public static class Group2Names
{
    /// <summary>
    /// Vietnamese and English name of every Group 2 code, from the revision in force on
    /// <paramref name="date"/>, or the latest one for a type no longer (or not yet) in force.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (string Vi, string En)>> OnAsync(AppDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await db.Group2InstrumentTypes.AsNoTracking()
            .Select(t => new { t.Code, t.NameVi, t.NameEn, t.EffectiveFrom, t.EffectiveTo })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var chosen = g.Where(t => (t.EffectiveFrom is null || t.EffectiveFrom <= date) && (t.EffectiveTo is null || date <= t.EffectiveTo))
                    .Concat(g.OrderByDescending(t => t.EffectiveFrom)).First();
                return (chosen.NameVi, chosen.NameEn);
            },
            StringComparer.Ordinal);
    }
}
