using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Plans;

/// <summary>
/// /api/v1/plans and /api/v1/plan-tasks: annual plans, their tasks (board and list) and progress notes,
/// within the caller's scope (another province's plan is 404).
/// </summary>
public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Annual plans")
            .RequireAuthorization(p => p.RequireRole(PlanService.ReaderRoles));

        plans.MapGet("/", async (PlanService service, int? year, CancellationToken ct) =>
            TypedResults.Ok(await service.ListPlansAsync(year, ct)))
            .WithName("ListPlans");

        plans.MapGet("/{id:int}", async Task<Results<Ok<PlanDto>, ProblemHttpResult>> (int id, PlanService service, CancellationToken ct) =>
            await service.GetPlanAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetPlan");

        plans.MapGet("/{id:int}/tasks", async Task<Results<Ok<IReadOnlyList<PlanTaskDto>>, ProblemHttpResult>> (int id, string? sort, PlanService service, CancellationToken ct) =>
            await service.ListTasksAsync(id, sort, ct) is { } tasks
                ? TypedResults.Ok(tasks)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("ListPlanTasks");

        var planWriters = plans.MapGroup("/").RequireAuthorization(p => p.RequireRole(PlanService.WriterRoles));

        planWriters.MapPost("/", async (PlanInput input, PlanService service, CancellationToken ct) =>
            (await service.CreatePlanAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/plans/{dto.Id}", dto)))
            .WithName("CreatePlan")
            .Produces<PlanSummaryDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        planWriters.MapPut("/{id:int}", async (int id, PlanInput input, PlanService service, CancellationToken ct) =>
            (await service.UpdatePlanAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdatePlan")
            .Produces<PlanSummaryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        planWriters.MapPost("/{id:int}/tasks", async (int id, PlanTaskInput input, PlanService service, CancellationToken ct) =>
            (await service.AddTaskAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/plan-tasks/{dto.Id}", dto)))
            .WithName("AddPlanTask")
            .Produces<PlanTaskDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var tasks = api.MapGroup("/plan-tasks").WithTags("Annual plans")
            .RequireAuthorization(p => p.RequireRole(PlanService.ReaderRoles));

        tasks.MapGet("/{id:int}", async Task<Results<Ok<PlanTaskDto>, ProblemHttpResult>> (int id, PlanService service, CancellationToken ct) =>
            await service.GetTaskAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetPlanTask");

        tasks.MapGet("/{id:int}/notes", async Task<Results<Ok<IReadOnlyList<PlanTaskNoteDto>>, ProblemHttpResult>> (int id, PlanService service, CancellationToken ct) =>
            await service.ListNotesAsync(id, ct) is { } notes
                ? TypedResults.Ok(notes)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("ListPlanTaskNotes");

        var taskWriters = tasks.MapGroup("/").RequireAuthorization(p => p.RequireRole(PlanService.WriterRoles));

        taskWriters.MapPut("/{id:int}", async (int id, PlanTaskInput input, PlanService service, CancellationToken ct) =>
            (await service.UpdateTaskAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdatePlanTask")
            .Produces<PlanTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        taskWriters.MapPost("/{id:int}/move", async (int id, PlanTaskMoveInput input, PlanService service, CancellationToken ct) =>
            (await service.MoveTaskAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("MovePlanTask")
            .Produces<PlanTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        taskWriters.MapPost("/{id:int}/notes", async (int id, PlanTaskNoteInput input, PlanService service, CancellationToken ct) =>
            (await service.AddNoteAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/plan-tasks/{id}/notes", dto)))
            .WithName("AddPlanTaskNote")
            .Produces<PlanTaskNoteDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
