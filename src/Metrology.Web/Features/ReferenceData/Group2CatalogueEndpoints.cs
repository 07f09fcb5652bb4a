using Metrology.Core.Accounts;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.ReferenceData;

/// <summary>
/// /api/v1/reference/group2-types/{code}: the row in force on a date, the history of a code, and the
/// SystemAdmin's dated revisions and removals.
/// </summary>
public static class Group2CatalogueEndpoints
{
    public static void MapGroup2CatalogueEndpoints(this RouteGroupBuilder reference)
    {
        var group = reference.MapGroup("/group2-types/{code}");

        group.MapGet("/", async Task<Results<Ok<Group2TypeDto>, ProblemHttpResult>> (string code, DateOnly? on, Group2Catalogue catalogue, CancellationToken ct) =>
            await catalogue.InForceAsync(code, on, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetGroup2TypeInForce");

        group.MapGet("/history", async Task<Results<Ok<List<Group2TypeDto>>, ProblemHttpResult>> (string code, Group2Catalogue catalogue, CancellationToken ct) =>
            await catalogue.HistoryAsync(code, ct) is { Count: > 0 } rows
                ? TypedResults.Ok(rows)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetGroup2TypeHistory");

        var admin = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(Roles.SystemAdmin));

        admin.MapPost("/revisions", async (string code, Group2RevisionInput input, Group2Catalogue catalogue, CancellationToken ct) =>
            (await catalogue.ReviseAsync(code, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/reference/group2-types/{dto.Code}?on={dto.EffectiveFrom:yyyy-MM-dd}", dto)))
            .WithName("ReviseGroup2Type")
            .Produces<Group2TypeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/removal", async (string code, Group2RemovalInput input, Group2Catalogue catalogue, CancellationToken ct) =>
            (await catalogue.RemoveAsync(code, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("RemoveGroup2Type")
            .Produces<Group2TypeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
