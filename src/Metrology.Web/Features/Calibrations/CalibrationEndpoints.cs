using Metrology.Core.Accounts;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Calibrations;

/// <summary>/api/v1/calibrations: lab operators record for their own body; readers see their scope.</summary>
public static class CalibrationEndpoints
{
    public static void MapCalibrationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calibrations").WithTags("Calibrations");

        group.MapGet("/", async (CalibrationService service, int? instrumentId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(new CalibrationQuery(instrumentId, search, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListCalibrations");

        group.MapGet("/{id:long}", async Task<Results<Ok<CalibrationDto>, ProblemHttpResult>> (long id, CalibrationService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetCalibration");

        group.MapPost("/", async (CalibrationInput input, CalibrationService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/calibrations/{dto.Id}", dto)))
            .RequireAuthorization(p => p.RequireRole(Roles.LabOperator))
            .WithName("CreateCalibration")
            .Produces<CalibrationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
