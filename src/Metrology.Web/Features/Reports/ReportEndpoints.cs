using Metrology.Web.Features.Reports.Word;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Reports;

/// <summary>/api/v1/reports: the annual report, its header and sections, its workflow and its Word file.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(p => p.RequireRole(ReportService.ReaderRoles));

        group.MapGet("/", async (ReportService service, int? year, string? province, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(year, province, ct)))
            .WithName("ListReports");

        group.MapGet("/{id:int}", async (int id, ReportService service, CancellationToken ct) =>
            (await service.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetReport")
            .Produces<ReportDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (CreateReportInput input, ReportService service, CancellationToken ct) =>
        {
            var (outcome, existingId) = await service.CreateAsync(input, ct);
            if (outcome.Kind == OutcomeKind.Conflict)
            {
                // The client can open the report that already exists instead.
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    detail: outcome.Detail,
                    extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors.ToDictionary(), ["existingId"] = existingId });
            }

            return outcome.ToHttpResult(dto => TypedResults.Created($"/api/v1/reports/{dto.Id}", dto));
        })
            .WithName("CreateReport")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}/header", async (int id, ReportHeaderInput input, ReportService service, CancellationToken ct) =>
            (await service.UpdateHeaderAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateReportHeader")
            .Produces<ReportDto>()
            .ProducesValidationProblem();

        group.MapPut("/{id:int}/sections/{key}", async (int id, string key, SectionInput input, ReportService service, CancellationToken ct) =>
            (await service.SaveSectionAsync(id, key, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SaveReportSection")
            .Produces<ReportDto>()
            .ProducesValidationProblem();

        group.MapDelete("/{id:int}/sections/{key}", async (int id, string key, ReportService service, CancellationToken ct) =>
            (await service.RevertSectionAsync(id, key, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("RevertReportSection")
            .Produces<ReportDto>();

        group.MapPost("/{id:int}/submit", async (int id, ReportService service, CancellationToken ct) =>
            (await service.SubmitAsync(id, ct)).ToHttpResult(TypedResults.Ok)).WithName("SubmitReport").Produces<ReportDto>();
        group.MapPost("/{id:int}/return", async (int id, ReturnInput input, ReportService service, CancellationToken ct) =>
            (await service.ReturnAsync(id, input, ct)).ToHttpResult(TypedResults.Ok)).WithName("ReturnReport").Produces<ReportDto>();
        group.MapPost("/{id:int}/approve", async (int id, ReportService service, CancellationToken ct) =>
            (await service.ApproveAsync(id, ct)).ToHttpResult(TypedResults.Ok)).WithName("ApproveReport").Produces<ReportDto>();
        group.MapPost("/{id:int}/reopen", async (int id, ReturnInput input, ReportService service, CancellationToken ct) =>
            (await service.ReopenAsync(id, input, ct)).ToHttpResult(TypedResults.Ok)).WithName("ReopenReport").Produces<ReportDto>();
        group.MapPost("/{id:int}/send", async (int id, SendInput? input, ReportService service, CancellationToken ct) =>
            (await service.SendAsync(id, input, ct)).ToHttpResult(TypedResults.Ok)).WithName("SendReport").Produces<ReportDto>();

        group.MapGet("/{id:int}/docx", async (int id, ReportService service, CancellationToken ct) =>
            (await service.DocumentAsync(id, ct)).ToHttpResult(result =>
            {
                var stream = new MemoryStream();
                ReportWordWriter.Write(result.Document, stream);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.FileName);
            }))
            .WithName("DownloadReportDocx");
    }
}
