namespace Metrology.Web.Features.Home;

/// <summary>/api/v1/start: the figures of the caller's start page, the same the home page shows.</summary>
public static class StartEndpoints
{
    public static void MapStartEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/start", async (StartService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(ct)))
            .WithTags("Start")
            .WithName("GetStartPage")
            .Produces<StartPageDto>();
}
