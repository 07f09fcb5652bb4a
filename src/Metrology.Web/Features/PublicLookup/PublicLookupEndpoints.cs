using Microsoft.AspNetCore.RateLimiting;

namespace Metrology.Web.Features.PublicLookup;

/// <summary>/api/v1/public: the anonymous certificate lookup, rate limited per address.</summary>
public static class PublicLookupEndpoints
{
    /// <summary>Name of the per-IP rate limit policy shared by the public API and the /verify pages.</summary>
    public const string RateLimitPolicy = "public";

    public static void MapPublicLookupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("Public lookup").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

        // Not found is an answer, not an error: 200 with status "notFound", the same shape for every token.
        group.MapGet("/certificates/{token}", async (string token, PublicLookupService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ByTokenAsync(token, ct)))
            .WithName("PublicCertificateByToken");

        group.MapGet("/lookup", async (string? q, PublicLookupService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SearchAsync(q, ct)))
            .WithName("PublicLookup");
    }
}
