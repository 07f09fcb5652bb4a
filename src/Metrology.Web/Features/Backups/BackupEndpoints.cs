using Metrology.Core.Accounts;

namespace Metrology.Web.Features.Backups;

/// <summary>/api/v1/admin/backups: the system administrator takes a backup now and sees the ones kept.</summary>
public static class BackupEndpoints
{
    public static IServiceCollection AddBackups(this IServiceCollection services) => services.AddSingleton<BackupService>();

    public static void MapBackupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/backups").WithTags("Backups").RequireAuthorization(p => p.RequireRole(Roles.SystemAdmin));

        group.MapGet("/", (BackupService backups) => TypedResults.Ok(backups.List())).WithName("ListBackups");

        group.MapPost("/", async (BackupService backups, CancellationToken ct) =>
        {
            var manifest = await backups.CreateAsync(ct);
            return TypedResults.Created($"/api/v1/admin/backups/{manifest.Name}", manifest);
        }).WithName("CreateBackup");
    }
}
