using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Standards;

/// <summary>/api/v1/standards: measurement standards and their calibration history.</summary>
public static class StandardEndpoints
{
    public static void MapStandardEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/standards").WithTags("Measurement standards")
            .RequireAuthorization(p => p.RequireRole(StandardService.ReaderRoles));

        group.MapGet("/", async (StandardService service, string? search, int? ownerId, string? dueState, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(new StandardQuery(search, ownerId, dueState, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListStandards");

        group.MapGet("/{id:int}", async Task<Results<Ok<StandardDto>, ProblemHttpResult>> (int id, StandardService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetStandard");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(StandardService.WriterRoles));

        writers.MapPost("/", async (StandardInput input, StandardService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/standards/{dto.Id}", dto)))
            .WithName("CreateStandard")
            .Produces<StandardDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, StandardInput input, StandardService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateStandard")
            .Produces<StandardDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writers.MapPost("/{id:int}/calibrations", async (int id, StandardCalibrationInput input, StandardService service, CancellationToken ct) =>
            (await service.AddCalibrationAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/standards/{dto.Id}", dto)))
            .WithName("AddStandardCalibration")
            .Produces<StandardDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
