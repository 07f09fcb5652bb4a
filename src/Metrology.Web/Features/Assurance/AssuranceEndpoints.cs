using Metrology.Core.Programme;
using Metrology.Web.Features.Investments;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Assurance;

/// <summary>/api/v1/assurance-programmes: programmes, their steps, the province progress and the default step list.</summary>
public static class AssuranceEndpoints
{
    public static void MapAssuranceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assurance-programmes").WithTags("Measurement assurance programmes")
            .RequireAuthorization(p => p.RequireRole(AssuranceService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<PagedResult<ProgrammeSummaryDto>>, ValidationProblem>> (
            AssuranceService service, IStringLocalizer<SharedResource> text, string? search, string? kind, string? state, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var kindFilter = FieldRules.OptionalEnum<AssuranceProgrammeKind>(errors, text, "kind", kind);
            if (!string.IsNullOrWhiteSpace(state) && !ProgrammeStates.All.Contains(state))
            {
                errors.Add("state", text["Error.Value.Unknown", string.Join(", ", ProgrammeStates.All)]);
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new ProgrammeQuery(search, kindFilter, state, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListAssuranceProgrammes");

        group.MapGet("/progress", async (AssuranceService service, CancellationToken ct) => TypedResults.Ok(await service.ProgressAsync(ct)))
            .WithName("AssuranceProgress");

        group.MapGet("/default-steps", async (AssuranceService service, CancellationToken ct) => TypedResults.Ok(await service.DefaultStepsAsync(ct)))
            .WithName("GetAssuranceDefaultSteps");

        group.MapPut("/default-steps", async (DefaultStepsInput input, AssuranceService service, CancellationToken ct) =>
            (await service.SetDefaultStepsAsync(input, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(p => p.RequireRole(AssuranceService.StepListEditorRoles))
            .WithName("SetAssuranceDefaultSteps")
            .Produces<DefaultStepsDto>()
            .ProducesValidationProblem();

        group.MapGet("/{id:int}", async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> (int id, AssuranceService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetAssuranceProgramme");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(AssuranceService.WriterRoles));

        writers.MapPost("/", async (ProgrammeInput input, AssuranceService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/assurance-programmes/{dto.Id}", dto)))
            .WithName("CreateAssuranceProgramme")
            .Produces<ProgrammeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}", async (int id, ProgrammeInput input, AssuranceService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateAssuranceProgramme")
            .Produces<ProgrammeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:int}/steps/{stepId:int}", async (int id, int stepId, StepInput input, AssuranceService service, CancellationToken ct) =>
            (await service.UpdateStepAsync(id, stepId, input, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(p => p.RequireRole(AssuranceService.StepWriterRoles))
            .WithName("UpdateAssuranceStep")
            .Produces<ProgrammeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
