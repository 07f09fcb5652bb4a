using Metrology.Core.Programme;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Investments;

/// <summary>/api/v1/investment-projects (projects, components, disbursements) and /api/v1/equipment.</summary>
public static class InvestmentEndpoints
{
    public static void MapInvestmentEndpoints(this RouteGroupBuilder api)
    {
        MapProjects(api);
        MapEquipment(api);
    }

    private static void MapProjects(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/investment-projects").WithTags("Investment projects")
            .RequireAuthorization(p => p.RequireRole(InvestmentService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<PagedResult<ProjectSummaryDto>>, ValidationProblem>> (
            InvestmentService service, IStringLocalizer<SharedResource> text, string? search, string? status, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var statusFilter = FieldRules.OptionalEnum<InvestmentProjectStatus>(errors, text, "status", status);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new ProjectQuery(search, statusFilter, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListInvestmentProjects");

        group.MapGet("/{id:int}", async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> (int id, InvestmentService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetInvestmentProject");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(InvestmentService.WriterRoles));

        writers.MapPost("/", async (ProjectInput input, InvestmentService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/investment-projects/{dto.Id}", dto)))
            .WithName("CreateInvestmentProject")
            .Produces<ProjectDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, ProjectInput input, InvestmentService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateInvestmentProject")
            .Produces<ProjectDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writers.MapPost("/{id:int}/disbursements", async (int id, DisbursementInput input, InvestmentService service, CancellationToken ct) =>
            (await service.AddDisbursementAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/investment-projects/{dto.Id}", dto)))
            .WithName("AddDisbursement")
            .Produces<ProjectDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writers.MapPut("/{id:int}/disbursements/{year:int}", async (int id, int year, DisbursementInput input, InvestmentService service, CancellationToken ct) =>
            (await service.ChangeDisbursementAsync(id, year, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ChangeDisbursement")
            .Produces<ProjectDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writers.MapDelete("/{id:int}/disbursements/{year:int}", async (int id, int year, InvestmentService service, CancellationToken ct) =>
            (await service.RemoveDisbursementAsync(id, year, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("RemoveDisbursement")
            .Produces<ProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapEquipment(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/equipment").WithTags("Equipment")
            .RequireAuthorization(p => p.RequireRole(EquipmentService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<PagedResult<EquipmentDto>>, ValidationProblem>> (
            EquipmentService service, IStringLocalizer<SharedResource> text,
            string? search, int? projectId, string? status, int? holderId, bool? forInspection, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var statusFilter = FieldRules.OptionalEnum<EquipmentStatus>(errors, text, "status", status);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new EquipmentQuery(search, projectId, statusFilter, holderId, forInspection, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListEquipment");

        group.MapGet("/{id:int}", async Task<Results<Ok<EquipmentDto>, ProblemHttpResult>> (int id, EquipmentService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetEquipment");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(EquipmentService.WriterRoles));

        writers.MapPost("/", async (EquipmentInput input, EquipmentService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/equipment/{dto.Id}", dto)))
            .WithName("CreateEquipment")
            .Produces<EquipmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, EquipmentInput input, EquipmentService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateEquipment")
            .Produces<EquipmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

}
