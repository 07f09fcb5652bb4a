using Metrology.Core.Data;
using Metrology.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.ReferenceData;

public sealed record ProvinceDto(string Slug, string Name, string Kind, string[] FormerUnits);

public sealed record Group2TypeDto(
    string Code, string NameVi, string NameEn, string QuantityGroupVi, string QuantityGroupEn,
    bool? PatternApproval, bool? InitialVerification, bool? PeriodicVerification, bool? AfterRepairVerification,
    int? CycleMonths, string Source, DateOnly? EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>Read-only reference data for every signed-in user: provinces and the Group 2 list.</summary>
public static class ReferenceDataEndpoints
{
    public static void MapReferenceDataEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags("Reference data");

        group.MapGet("/provinces", async (IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
            return TypedResults.Ok(provinces.Select(p => new ProvinceDto(p.Slug, p.NameVi, p.Kind, p.FormerUnitsVi.Split(';'))));
        }).WithName("ListProvinces");

        group.MapGet("/group2-types", async (IDbContextFactory<AppDbContext> dbFactory, string? search, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = db.Group2InstrumentTypes.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(search))
            {
                var pattern = TextSearch.LikeContainsPattern(TextSearch.Fold(search));
                rows = rows.Where(t => EF.Functions.Like(t.SearchText, pattern, "\\"));
            }

            return TypedResults.Ok(await rows.OrderBy(t => t.Id).Select(t => new Group2TypeDto(
                t.Code, t.NameVi, t.NameEn, t.QuantityGroupVi, t.QuantityGroupEn, t.PatternApproval, t.InitialVerification,
                t.PeriodicVerification, t.AfterRepairVerification, t.CycleMonths, t.Source, t.EffectiveFrom, t.EffectiveTo)).ToListAsync(ct));
        }).WithName("ListGroup2Types");

        group.MapGroup2CatalogueEndpoints();
    }
}
