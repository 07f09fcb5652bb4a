using Metrology.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.ReferenceData;

/// <summary>A province as a choice in a filter or form.</summary>
public sealed record ProvinceOption(string Slug, string Name)
{
    public static async Task<IReadOnlyList<ProvinceOption>> ListAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Provinces.AsNoTracking().OrderBy(p => p.Id).Select(p => new ProvinceOption(p.Slug, p.NameVi)).ToListAsync(cancellationToken);
    }
}
