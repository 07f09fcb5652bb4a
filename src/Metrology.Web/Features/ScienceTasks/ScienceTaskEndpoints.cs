using Metrology.Core.Programme;
using Metrology.Web.Features.Documents;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.ScienceTasks;

/// <summary>/api/v1/science-tasks: the province's S&amp;T tasks, with filters and the budget total.</summary>
public static class ScienceTaskEndpoints
{
    public static void MapScienceTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/science-tasks").WithTags("ScienceTasks")
            .RequireAuthorization(p => p.RequireRole(DocumentService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<ScienceTaskPage>, ValidationProblem>> (
            ScienceTaskService service, IStringLocalizer<SharedResource> text,
            string? search, string? level, string? status, int? year, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var levelFilter = FieldRules.OptionalEnum<ScienceTaskLevel>(errors, text, "level", level);
            var statusFilter = FieldRules.OptionalEnum<ScienceTaskStatus>(errors, text, "status", status);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new ScienceTaskQuery(search, levelFilter, statusFilter, year, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListScienceTasks");

        group.MapGet("/{id:int}", async Task<Results<Ok<ScienceTaskDto>, ProblemHttpResult>> (int id, ScienceTaskService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetScienceTask");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(DocumentService.WriterRoles));

        writers.MapPost("/", async (ScienceTaskInput input, ScienceTaskService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/science-tasks/{dto.Id}", dto)))
            .WithName("CreateScienceTask")
            .Produces<ScienceTaskDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, ScienceTaskInput input, ScienceTaskService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateScienceTask")
            .Produces<ScienceTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writers.MapDelete("/{id:int}", async (int id, ScienceTaskService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteScienceTask")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

}
