using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Surveys;

public sealed record ChoiceOptionJson(string Label, decimal? Score);

public sealed record QuestionJson(
    int Id, int Position, string Text, string Kind, bool Required, string? Options, decimal? MinValue, decimal? MaxValue, decimal Weight, List<ChoiceOptionJson> Choices);

public sealed record QuestionnaireJson(int Id, string Title, int Version, int? PreviousVersionId, string? Description, DateTime? PublishedAt, List<QuestionJson> Questions);

public sealed record QuestionnaireSummaryJson(int Id, string Title, int Version, DateTime? PublishedAt, int QuestionCount);

public sealed record CampaignTargetJson(int OrganizationId, string Name, string Kind, string? ResponseStatus, bool EnteredOnPaper, decimal? Score);

public sealed record CampaignJson(
    int Id, int QuestionnaireId, string QuestionnaireTitle, int QuestionnaireVersion, string Title, int Year, DateOnly OpensOn, DateOnly ClosesOn,
    string Status, int ResponseCount, List<CampaignTargetJson> Targets);

public sealed record CampaignSummaryJson(int Id, string Title, int Year, string Status, int TargetCount, int SubmittedCount);

public sealed record AnswerJson(int QuestionId, string? Value);

public sealed record ResponseJson(
    int CampaignId, string CampaignTitle, int OrganizationId, string OrganizationName, string? Status, bool EnteredOnPaper, DateTime? SubmittedAt,
    decimal? Score, bool CanAnswer, List<QuestionJson> Questions, List<AnswerJson> Answers);

public sealed record SurveyToAnswerJson(int CampaignId, string Title, string CampaignStatus, string? ResponseStatus, decimal? Score);

public sealed record OptionCountJson(string Label, int Count);

public sealed record QuestionResultJson(int QuestionId, int Position, string Text, string Kind, int AnswerCount, List<OptionCountJson> Counts, decimal? Mean);

public sealed record RankingRowJson(int Rank, int OrganizationId, string OrganizationName, string Kind, decimal? Score, bool EnteredOnPaper, bool Suggested);

public sealed record CampaignResultsJson(
    int CampaignId, int TargetCount, int SubmittedCount, decimal ResponseRate, int SuggestedCount, List<QuestionResultJson> Questions, List<RankingRowJson> Ranking);

/// <summary>A target organisation and a signed-in user of it, made through the API as an administrator would.</summary>
public sealed record Respondent(OrganizationJson Organization, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>Survey calls and a standard questionnaire whose scores are easy to work out by hand.</summary>
public static class SurveyApi
{
    public const string Questionnaires = "/api/v1/questionnaires";
    public const string Campaigns = "/api/v1/survey-campaigns";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>
    /// Five scored questions, weights 2, 1, 1, 1, 0, plus a text question:
    /// 1 yes/no (w 2, required), 2 choice "Chưa có|0 / Đang xây dựng|0.5 / Đã ban hành|1" (w 1, required),
    /// 3 number 0-20 trained staff (w 1, max 10... see <see cref="Max"/>), 4 scale 1-5 (w 1), 5 text (w 0).
    /// </summary>
    public static object Questionnaire(string? title = null) => new
    {
        title = title ?? TestData.Unique("Khảo sát năng lực đo lường"),
        description = "Phiếu khảo sát doanh nghiệp",
        questions = new object[]
        {
            new { text = "Doanh nghiệp có cán bộ phụ trách đo lường?", kind = "YesNo", required = true, weight = 2m },
            new { text = "Kế hoạch hiệu chuẩn phương tiện đo", kind = "Choice", required = true, options = "Chưa có|0\nĐang xây dựng|0.5\nĐã ban hành|1", weight = 1m },
            new { text = "Số nhân viên được đào tạo về đo lường", kind = "Number", required = false, minValue = 0m, maxValue = Max, weight = 1m },
            new { text = "Mức hiểu biết về TCVN ISO 10012", kind = "Scale", required = false, weight = 1m },
            new { text = "Kiến nghị của doanh nghiệp", kind = "Text", required = false, weight = 0m },
        },
    };

    public const decimal Max = 20m;

    public static async Task<QuestionnaireJson> CreateQuestionnaire(this HttpClient client, object? body = null, bool publish = true)
    {
        using var created = await client.PostAsJsonAsync(Questionnaires, body ?? Questionnaire());
        var questionnaire = await created.ShouldReturn<QuestionnaireJson>(HttpStatusCode.Created);
        if (!publish)
        {
            return questionnaire;
        }

        using var published = await client.PostAsync($"{Questionnaires}/{questionnaire.Id}/publish", null);
        return await published.ShouldReturn<QuestionnaireJson>();
    }

    public static object Campaign(int questionnaireId, IEnumerable<int> targets, string status = "Open", DateOnly? opensOn = null, DateOnly? closesOn = null) => new
    {
        questionnaireId,
        title = TestData.Unique("Đợt khảo sát"),
        year = Today.Year,
        opensOn = opensOn ?? Today.AddDays(-10),
        closesOn = closesOn ?? Today.AddDays(10),
        status,
        targetIds = targets.ToArray(),
    };

    public static async Task<CampaignJson> CreateCampaign(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Campaigns, body);
        return await response.ShouldReturn<CampaignJson>(HttpStatusCode.Created);
    }

    /// <summary>A new enterprise of Quảng Trị with an EnterpriseUser account, signed in.</summary>
    public static async Task<Respondent> NewEnterprise(this MetrologyApp app, string role = "EnterpriseUser", string kind = "Enterprise")
    {
        using var officer = await app.As(TestData.QuangTriOfficer);
        var body = TestData.Enterprise(TestData.Unique(kind == "Enterprise" ? "Công ty CP Đo lường" : "Trung tâm Kiểm định"));
        body["kind"] = kind;
        var organization = await officer.CreateOrganization(body);
        var user = await app.CreateAsync(role, TestData.QuangTri, organization.Id);
        return new Respondent(organization, await app.As(user.Email, UserApi.Password));
    }

    public static object Answers(params (int QuestionId, string? Value)[] answers) =>
        new { answers = answers.Select(a => new { questionId = a.QuestionId, value = a.Value }).ToArray() };

    public static async Task<HttpResponseMessage> Save(this HttpClient client, int campaignId, object body) =>
        await client.PutAsJsonAsync($"{Campaigns}/{campaignId}/my-response", body);

    public static async Task<HttpResponseMessage> Submit(this HttpClient client, int campaignId, object? body = null) =>
        body is null
            ? await client.PostAsync($"{Campaigns}/{campaignId}/my-response/submit", null)
            : await client.PostAsJsonAsync($"{Campaigns}/{campaignId}/my-response/submit", body);

    public static async Task<ResponseJson> MyResponse(this HttpClient client, int campaignId) =>
        await (await client.GetAsync($"{Campaigns}/{campaignId}/my-response")).ShouldReturn<ResponseJson>();
}
