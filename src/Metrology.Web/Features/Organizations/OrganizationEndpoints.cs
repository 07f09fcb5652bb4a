using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Organizations;

/// <summary>/api/v1/organizations: list, read, create, change, delete, all within the caller's scope.</summary>
public static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");

        group.MapGet("/", async Task<Results<Ok<PagedResult<OrganizationDto>>, ValidationProblem>> (
            OrganizationService service, IStringLocalizer<SharedResource> text,
            string? search, string? kind, string? provinceSlug, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        {
            Core.Organizations.OrganizationKind? kindFilter = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                kindFilter = FieldRules.EnumByName<Core.Organizations.OrganizationKind>(kind);
                if (kindFilter is null)
                {
                    var errors = new FieldErrors();
                    errors.Add("kind", text["Error.Kind.Unknown", string.Join(", ", Enum.GetNames<Core.Organizations.OrganizationKind>())]);
                    return TypedResults.ValidationProblem(errors.ToDictionary());
                }
            }

            var result = await service.ListAsync(new OrganizationQuery(search, kindFilter, provinceSlug, sort, page ?? 1, pageSize ?? 20), ct);
            return TypedResults.Ok(result);
        }).WithName("ListOrganizations");

        group.MapGet("/{id:int}", async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> (int id, OrganizationService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetOrganization");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(OrganizationService.WriterRoles));

        writers.MapPost("/", async (OrganizationInput input, OrganizationService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/organizations/{dto.Id}", dto)))
            .WithName("CreateOrganization")
            .Produces<OrganizationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}", async (int id, OrganizationInput input, OrganizationService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateOrganization")
            .Produces<OrganizationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapDelete("/{id:int}", async (int id, OrganizationService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteOrganization")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
