using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Dashboards;

/// <summary>/api/v1/dashboard: the figures of the province dashboard, for the caller's province.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (int? year, string? provinceSlug, DashboardService service, CancellationToken ct) =>
                (await service.GetAsync(year ?? service.CurrentYear, provinceSlug, ct)).ToHttpResult(TypedResults.Ok))
            .WithTags("Dashboards")
            .RequireAuthorization(p => p.RequireRole(DashboardService.ReaderRoles))
            .WithName("GetDashboard")
            .Produces<DashboardDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
