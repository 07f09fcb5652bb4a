using Metrology.Core.Accounts;
using Metrology.Core.Auditing;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Auditing;

public sealed record AuditEntryDto(long Id, DateTime At, string? UserEmail, string EntityType, string EntityId, AuditAction Action, string? Before, string? After);

/// <summary>Reading the audit log: SystemAdmin sees all, ProvinceAdmin their province's lines.</summary>
public static class AuditEndpoints
{
    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.ProvinceAdmin];

    public static async Task<PagedResult<AuditEntryDto>> QueryAsync(
        AppDbContext db, string? entityType, string? entityId, int page, int pageSize, CancellationToken ct)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            rows = rows.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            rows = rows.Where(a => a.EntityId == entityId);
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserEmail, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(ct);
        return new PagedResult<AuditEntryDto>(items, total, page, pageSize);
    }

    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (IDbContextFactory<AppDbContext> dbFactory, string? entityType, string? entityId, int? page, int? pageSize, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return TypedResults.Ok(await QueryAsync(db, entityType, entityId, page ?? 1, pageSize ?? 50, ct));
        })
        .RequireAuthorization(p => p.RequireRole(ReaderRoles))
        .WithTags("Audit")
        .WithName("ListAuditEntries");
    }
}
