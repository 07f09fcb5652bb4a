using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Designations;

/// <summary>/api/v1/designations: list (with expiry warnings), read, record, correct and withdraw decisions.</summary>
public static class DesignationEndpoints
{
    public static void MapDesignationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/designations").WithTags("Designations")
            .RequireAuthorization(p => p.RequireRole(DesignationService.ReaderRoles));

        group.MapGet("/", async (DesignationService service, string? search, int? bodyId, int? expiringWithinDays, bool? activeOnly, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(new DesignationQuery(search, bodyId, expiringWithinDays, activeOnly ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListDesignations");

        group.MapGet("/{id:int}", async Task<Results<Ok<DesignationDto>, ProblemHttpResult>> (int id, DesignationService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetDesignation");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(DesignationService.WriterRoles));

        writers.MapPost("/", async (DesignationInput input, DesignationService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/designations/{dto.Id}", dto)))
            .WithName("CreateDesignation")
            .Produces<DesignationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}", async (int id, DesignationInput input, DesignationService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateDesignation")
            .Produces<DesignationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPost("/{id:int}/withdraw", async (int id, DesignationWithdrawalInput input, DesignationService service, CancellationToken ct) =>
            (await service.WithdrawAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("WithdrawDesignation")
            .Produces<DesignationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
