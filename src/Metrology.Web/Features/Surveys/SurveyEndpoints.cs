using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Metrology.Web.Features.Surveys;

/// <summary>/api/v1/questionnaires and /api/v1/survey-campaigns: the builder, campaigns, answering, results and export.</summary>
public static class SurveyEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapSurveyEndpoints(this RouteGroupBuilder api)
    {
        MapQuestionnaires(api);
        MapCampaigns(api);
    }

    private static void MapQuestionnaires(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/questionnaires").WithTags("Surveys")
            .RequireAuthorization(p => p.RequireRole(SurveyAccess.Readers));

        group.MapGet("/", async (QuestionnaireService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListQuestionnaires");

        group.MapGet("/{id:int}", async Task<Results<Ok<QuestionnaireDto>, ProblemHttpResult>> (int id, QuestionnaireService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetQuestionnaire");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(SurveyAccess.Writers));

        writers.MapPost("/", async (QuestionnaireInput input, QuestionnaireService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/questionnaires/{dto.Id}", dto)))
            .WithName("CreateQuestionnaire")
            .Produces<QuestionnaireDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, QuestionnaireInput input, QuestionnaireService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateQuestionnaire")
            .Produces<QuestionnaireDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPost("/{id:int}/publish", async (int id, QuestionnaireService service, CancellationToken ct) =>
            (await service.PublishAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PublishQuestionnaire")
            .Produces<QuestionnaireDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writers.MapPost("/{id:int}/versions", async (int id, QuestionnaireService service, CancellationToken ct) =>
            (await service.NewVersionAsync(id, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/questionnaires/{dto.Id}", dto)))
            .WithName("NewQuestionnaireVersion")
            .Produces<QuestionnaireDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapCampaigns(RouteGroupBuilder api)
    {
        var all = api.MapGroup("/survey-campaigns").WithTags("Surveys");
        var readers = all.MapGroup("/").RequireAuthorization(p => p.RequireRole(SurveyAccess.Readers));
        var writers = all.MapGroup("/").RequireAuthorization(p => p.RequireRole(SurveyAccess.Writers));
        var respondents = all.MapGroup("/").RequireAuthorization(p => p.RequireRole(SurveyAccess.Respondents));

        readers.MapGet("/", async (SurveyCampaignService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListSurveyCampaigns");

        readers.MapGet("/{id:int}", async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> (int id, SurveyCampaignService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetSurveyCampaign");

        readers.MapGet("/{id:int}/results", async Task<Results<Ok<CampaignResultsDto>, ProblemHttpResult>> (
                int id, int? top, SurveyResultsService service, CancellationToken ct) =>
            await service.GetAsync(id, Math.Clamp(top ?? SurveyResultsService.DefaultSuggested, 0, 1000), ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetSurveyResults");

        readers.MapGet("/{id:int}/export", async (int id, SurveyResultsService service, HttpContext http, CancellationToken ct) =>
        {
            // The workbook is a zip that MiniExcel closes with synchronous writes, which Kestrel refuses on the
            // response body: it goes through a buffer that spills to a temp file, then streams out.
            await using var buffer = new FileBufferingWriteStream();
            if (!await service.ExportAsync(id, buffer, ct))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound);
            }

            http.Response.ContentType = XlsxContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"survey-{id}-responses.xlsx\"";
            await buffer.DrainBufferAsync(http.Response.Body, ct);
            return Results.Empty;
        }).WithName("ExportSurveyResponses").Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        readers.MapGet("/{id:int}/responses/{organizationId:int}", async (int id, int organizationId, SurveyResponseService service, CancellationToken ct) =>
            (await service.GetForOrganizationAsync(id, organizationId, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetSurveyResponse")
            .Produces<ResponseDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writers.MapPost("/", async (CampaignInput input, SurveyCampaignService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/survey-campaigns/{dto.Id}", dto)))
            .WithName("CreateSurveyCampaign")
            .Produces<CampaignDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        writers.MapPut("/{id:int}", async (int id, CampaignInput input, SurveyCampaignService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateSurveyCampaign")
            .Produces<CampaignDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}/responses/{organizationId:int}", async (int id, int organizationId, ResponseInput input, SurveyResponseService service, CancellationToken ct) =>
            (await service.EnterPaperAsync(id, organizationId, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("EnterPaperSurveyResponse")
            .Produces<ResponseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        respondents.MapGet("/to-answer", async (SurveyResponseService service, CancellationToken ct) => TypedResults.Ok(await service.ListMineAsync(ct)))
            .WithName("ListSurveysToAnswer");

        respondents.MapGet("/{id:int}/my-response", async (int id, SurveyResponseService service, CancellationToken ct) =>
            (await service.GetMineAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetMySurveyResponse")
            .Produces<ResponseDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        respondents.MapPut("/{id:int}/my-response", async (int id, ResponseInput input, SurveyResponseService service, CancellationToken ct) =>
            (await service.SaveMineAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SaveMySurveyResponse")
            .Produces<ResponseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        respondents.MapPost("/{id:int}/my-response/submit", async (int id, ResponseInput? input, SurveyResponseService service, CancellationToken ct) =>
            (await service.SubmitMineAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SubmitMySurveyResponse")
            .Produces<ResponseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
