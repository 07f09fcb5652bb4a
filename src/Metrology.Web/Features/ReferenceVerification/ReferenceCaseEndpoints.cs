using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.ReferenceVerification;

/// <summary>/api/v1/reference-cases: reference-verification cases and their dated steps.</summary>
public static class ReferenceCaseEndpoints
{
    public static void MapReferenceCaseEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference-cases").WithTags("Reference verification")
            .RequireAuthorization(p => p.RequireRole(ReferenceCaseService.ReaderRoles));

        group.MapGet("/", async (ReferenceCaseService service, string? search, bool? open, bool? lateOnly, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(new ReferenceCaseQuery(search, open, lateOnly, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListReferenceCases");

        group.MapGet("/{id:int}", async Task<Results<Ok<ReferenceCaseDto>, ProblemHttpResult>> (int id, ReferenceCaseService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetReferenceCase");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(ReferenceCaseService.WriterRoles));

        writers.MapPost("/", async (ReferenceCaseInput input, ReferenceCaseService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/reference-cases/{dto.Id}", dto)))
            .WithName("CreateReferenceCase")
            .Produces<ReferenceCaseDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writers.MapPost("/{id:int}/steps/{step}", async (int id, string step, ReferenceStepInput input, ReferenceCaseService service, CancellationToken ct) =>
            (await service.RecordStepAsync(id, step, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("RecordReferenceCaseStep")
            .Produces<ReferenceCaseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
