using Metrology.Core.Programme;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Outreach;

/// <summary>/api/v1/outreach: articles, broadcasts, classes, workshops and staff trainings, and their summary by kind.</summary>
public static class OutreachEndpoints
{
    public static void MapOutreachEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outreach").WithTags("Outreach")
            .RequireAuthorization(p => p.RequireRole(OutreachService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<PagedResult<OutreachDto>>, ValidationProblem>> (
            OutreachService service, IStringLocalizer<SharedResource> text, string? kind, int? year, string? search, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var kindFilter = FieldRules.OptionalEnum<OutreachKind>(errors, text, "kind", kind);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new OutreachQuery(kindFilter, year, search, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListOutreach");

        group.MapGet("/summary", async (OutreachService service, int? year, CancellationToken ct) =>
            TypedResults.Ok(await service.SummaryAsync(year ?? service.Today.Year, ct)))
            .WithName("OutreachSummary");

        group.MapGet("/{id:int}", async Task<Results<Ok<OutreachDto>, ProblemHttpResult>> (int id, OutreachService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetOutreach");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(OutreachService.WriterRoles));

        writers.MapPost("/", async (OutreachInput input, OutreachService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/outreach/{dto.Id}", dto)))
            .WithName("CreateOutreach")
            .Produces<OutreachDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, OutreachInput input, OutreachService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateOutreach")
            .Produces<OutreachDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
