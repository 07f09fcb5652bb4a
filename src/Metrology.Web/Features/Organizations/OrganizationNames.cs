using Metrology.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Organizations;

public static class OrganizationNames
{
    /// <summary>
    /// Names of the organisations on records the caller may already see (the lab that verified an
    /// enterprise's instrument, the owner on a calibration). Read past the tenant filter on purpose, in a
    /// query of its own: IgnoreQueryFilters inside the record query would lift the filters of the whole
    /// query, not just of the name lookup.
    /// </summary>
    public static async Task<Dictionary<int, string>> PastScopeAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => distinct.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
