using Metrology.Core.Programme;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Documents;

/// <summary>/api/v1/documents: directive documents of the caller's province (all provinces for national roles).</summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents")
            .RequireAuthorization(p => p.RequireRole(DocumentService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<PagedResult<DocumentDto>>, ValidationProblem>> (
            DocumentService service, IStringLocalizer<SharedResource> text,
            string? search, string? type, int? year, string? issuer, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var typeFilter = FieldRules.OptionalEnum<DocumentType>(errors, text, "type", type);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return TypedResults.Ok(await service.ListAsync(new DocumentQuery(search, typeFilter, year, issuer, page ?? 1, pageSize ?? 20), ct));
        }).WithName("ListDocuments");

        group.MapGet("/{id:int}", async Task<Results<Ok<DocumentDetailDto>, ProblemHttpResult>> (int id, DocumentService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetDocument");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(DocumentService.WriterRoles));

        writers.MapPost("/", async (DocumentInput input, DocumentService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/documents/{dto.Id}", dto)))
            .WithName("CreateDocument")
            .Produces<DocumentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}", async (int id, DocumentInput input, DocumentService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateDocument")
            .Produces<DocumentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapDelete("/{id:int}", async (int id, DocumentService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteDocument")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
