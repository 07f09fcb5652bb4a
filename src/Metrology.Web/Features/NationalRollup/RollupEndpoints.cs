using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Metrology.Web.Features.NationalRollup;

/// <summary>/api/v1/rollup: the Ministry's national roll-up of the annual reports, its XLSX and the deadlines.</summary>
public static class RollupEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapRollupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rollup").WithTags("National roll-up")
            .RequireAuthorization(p => p.RequireRole(RollupService.ReaderRoles));

        group.MapGet("/", async Task<Results<Ok<RollupDto>, ValidationProblem>> (int? year, RollupService service, CancellationToken ct) =>
        {
            var chosen = year ?? await service.LatestCycleAsync(ct);
            var errors = service.CheckYear(chosen);
            return errors.Any
                ? TypedResults.ValidationProblem(errors.ToDictionary())
                : TypedResults.Ok(await service.GetAsync(chosen, ct));
        }).WithName("GetRollup");

        group.MapGet("/{year:int}/xlsx", async (int year, RollupService service, HttpContext http, CancellationToken ct) =>
        {
            var errors = service.CheckYear(year);
            if (errors.Any)
            {
                return Results.ValidationProblem(errors.ToDictionary());
            }

            // MiniExcel closes the workbook's zip with synchronous writes, which Kestrel refuses on the response
            // body: it goes through a buffer that spills to a temp file, then streams out.
            await using var buffer = new FileBufferingWriteStream();
            await service.ExportAsync(year, buffer, ct);
            http.Response.ContentType = XlsxContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"tong-hop-bao-cao-996-{year}.xlsx\"";
            await buffer.DrainBufferAsync(http.Response.Body, ct);
            return Results.Empty;
        }).WithName("ExportRollup").Produces(StatusCodes.Status200OK, contentType: XlsxContentType).ProducesValidationProblem();

        group.MapGet("/deadlines/{year:int}", async (int year, RollupService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetDeadlineAsync(year, ct)))
            .WithName("GetRollupDeadline");

        group.MapGet("/request-letters/{year:int}", async Task<Results<Ok<RequestLetterDto>, NotFound>> (int year, RollupService service, CancellationToken ct) =>
            await service.GetRequestLetterAsync(year, ct) is { } letter ? TypedResults.Ok(letter) : TypedResults.NotFound())
            .WithName("GetReportRequestLetter");

        group.MapPut("/request-letters/{year:int}", async (int year, RequestLetterInput input, RollupService service, CancellationToken ct) =>
            (await service.SetRequestLetterAsync(year, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SetReportRequestLetter")
            .Produces<RequestLetterDto>()
            .ProducesValidationProblem();

        group.MapGet("/targets", async (RollupService service, CancellationToken ct) => TypedResults.Ok(await service.ListTargetsAsync(ct)))
            .WithName("ListNationalTargets");

        group.MapPut("/targets", async (TargetInput input, RollupService service, CancellationToken ct) =>
            (await service.SetTargetAsync(input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SetNationalTarget")
            .Produces<TargetDto>()
            .ProducesValidationProblem();

        group.MapDelete("/targets/{id:int}", async (int id, RollupService service, CancellationToken ct) =>
            (await service.DeleteTargetAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteNationalTarget");

        group.MapPut("/deadlines/{year:int}", async (int year, DeadlineInput input, RollupService service, CancellationToken ct) =>
            (await service.SetDeadlineAsync(year, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SetRollupDeadline")
            .Produces<DeadlineDto>()
            .ProducesValidationProblem();
    }
}
