using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Inspections;

/// <summary>
/// /api/v1/inspection-plans (plans), /api/v1/inspections (records, overlaps, statistics). Roles are checked here,
/// the agency (an inspector writes only its own) and the province (the tenant filter) in the services.
/// </summary>
public static class InspectionEndpoints
{
    public static IServiceCollection AddInspections(this IServiceCollection services) =>
        services.AddScoped<InspectionPlanService>().AddScoped<InspectionRecordService>().AddScoped<InspectionStatisticsService>();

    public static void MapInspectionEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/inspection-plans").WithTags("Inspections")
            .RequireAuthorization(p => p.RequireRole(InspectionPlanService.ReaderRoles));

        plans.MapGet("/", async (InspectionPlanService service, int? year, int? agencyId, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(year, agencyId, ct)))
            .WithName("ListInspectionPlans");

        plans.MapGet("/{id:int}", async Task<Results<Ok<InspectionPlanDto>, ProblemHttpResult>> (int id, InspectionPlanService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetInspectionPlan");

        var planWriters = plans.MapGroup("/").RequireAuthorization(p => p.RequireRole(InspectionPlanService.WriterRoles));

        planWriters.MapPost("/", async (InspectionPlanInput input, InspectionPlanService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/inspection-plans/{dto.Id}", dto)))
            .WithName("CreateInspectionPlan")
            .Produces<InspectionPlanDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        planWriters.MapPut("/{id:int}", async (int id, InspectionPlanInput input, InspectionPlanService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateInspectionPlan")
            .Produces<InspectionPlanDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        planWriters.MapPost("/{id:int}/approval", async (int id, PlanApprovalInput input, InspectionPlanService service, CancellationToken ct) =>
            (await service.ApproveAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ApproveInspectionPlan")
            .Produces<InspectionPlanDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var inspections = api.MapGroup("/inspections").WithTags("Inspections");
        var planReaders = inspections.MapGroup("/").RequireAuthorization(p => p.RequireRole(InspectionPlanService.ReaderRoles));

        planReaders.MapGet("/overlaps", async Task<Results<Ok<IReadOnlyList<OverlapDto>>, ValidationProblem>> (
            InspectionPlanService service, IStringLocalizer<SharedResource> text, int? year, CancellationToken ct) =>
            YearOrError(text, year) is { } problem ? problem : TypedResults.Ok(await service.OverlapsAsync(year!.Value, ct)))
            .WithName("ListInspectionOverlaps");

        planReaders.MapGet("/coordination", async Task<Results<Ok<CoordinationView>, ValidationProblem>> (
            InspectionPlanService service, IStringLocalizer<SharedResource> text, int? year, CancellationToken ct) =>
            YearOrError(text, year) is { } problem ? problem : TypedResults.Ok(await service.CoordinationAsync(year!.Value, ct)))
            .WithName("GetInspectionCoordination");

        inspections.MapPost("/overlaps/resolutions", async (OverlapResolutionInput input, InspectionPlanService service, CancellationToken ct) =>
            (await service.ResolveAsync(input, ct)).ToHttpResult(dto => TypedResults.Created("/api/v1/inspections/overlaps", dto)))
            .RequireAuthorization(p => p.RequireRole(InspectionPlanService.CoordinatorRoles))
            .WithName("ResolveInspectionOverlap")
            .Produces<OverlapDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        planReaders.MapGet("/statistics", async Task<Results<Ok<InspectionStatistics>, ValidationProblem>> (
            InspectionStatisticsService service, IStringLocalizer<SharedResource> text, int? year, CancellationToken ct) =>
            YearOrError(text, year ?? service.CurrentYear) is { } problem
                ? problem
                : TypedResults.Ok(await service.ForYearAsync(year ?? service.CurrentYear, ct)))
            .WithName("GetInspectionStatistics");

        var recordReaders = inspections.MapGroup("/").RequireAuthorization(p => p.RequireRole(InspectionRecordService.ReaderRoles));

        recordReaders.MapGet("/", async (InspectionRecordService service, int? year, int? agencyId, int? planId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(year, agencyId, planId, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListInspectionRecords");

        recordReaders.MapGet("/{id:int}", async Task<Results<Ok<InspectionRecordDto>, ProblemHttpResult>> (int id, InspectionRecordService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetInspectionRecord");

        inspections.MapPost("/", async (InspectionRecordInput input, InspectionRecordService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/inspections/{dto.Id}", dto)))
            .RequireAuthorization(p => p.RequireRole(InspectionPlanService.WriterRoles))
            .WithName("CreateInspectionRecord")
            .Produces<InspectionRecordDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static ValidationProblem? YearOrError(IStringLocalizer<SharedResource> text, int? year)
    {
        if (year is >= InspectionPlanService.MinYear and <= InspectionPlanService.MaxYear)
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Add("year", year is null ? text["Error.Required"] : text["Inspections.Error.Year", InspectionPlanService.MinYear, InspectionPlanService.MaxYear]);
        return TypedResults.ValidationProblem(errors.ToDictionary());
    }
}
