using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Metrology.IntegrationTests.Surveys;

/// <summary>
/// Results of a campaign with five targets: four submitted on paper (scores 90, 18, 50, 72 worked out by
/// hand from <see cref="SurveyApi.Questionnaire"/>), one with a draft only. Ranking, per-question tables,
/// response rate, bounded queries and the XLSX export.
/// </summary>
public abstract class SurveyResultsTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = SurveyApi.Campaigns;

    private sealed record Arranged(QuestionnaireJson Questionnaire, CampaignJson Campaign, Dictionary<string, int> Organizations, CampaignJson Small);

    private Task<Arranged> Arrange() => App.Arranged("SurveyResults", async app =>
    {
        using var officer = await app.As(TestData.QuangTriOfficer);
        var questionnaire = await officer.CreateQuestionnaire();
        var organizations = new Dictionary<string, int>();
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            organizations[name] = (await officer.CreateOrganization(TestData.Enterprise(TestData.Unique($"Công ty {name}")))).Id;
        }

        var drafter = await app.NewEnterprise();
        organizations["E"] = drafter.Organization.Id;
        var campaign = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, organizations.Values));
        int Q(int position) => questionnaire.Questions.Single(q => q.Position == position).Id;
        async Task Paper(string name, params (int, string?)[] answers)
        {
            using var response = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}/responses/{organizations[name]}", SurveyApi.Answers(answers));
            await response.ShouldHaveStatus(HttpStatusCode.OK);
        }

        await Paper("A", (Q(1), "yes"), (Q(2), "Đã ban hành"), (Q(3), "10"), (Q(4), "5"), (Q(5), "=HYPERLINK(\"http://example.com\")"));
        await Paper("B", (Q(1), "no"), (Q(2), "Đang xây dựng"), (Q(3), "3"), (Q(4), "2"));
        await Paper("C", (Q(1), "yes"), (Q(2), "Chưa có"), (Q(4), "3"));
        await Paper("D", (Q(1), "yes"), (Q(2), "Đang xây dựng"), (Q(3), "7"), (Q(4), "4"));
        using (drafter)
        {
            using var draft = await drafter.Client.Save(campaign.Id, SurveyApi.Answers((Q(1), "no")));
            await draft.ShouldHaveStatus(HttpStatusCode.OK);
        }

        var smallTarget = await officer.CreateOrganization(TestData.Enterprise());
        var small = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, [smallTarget.Id]));
        using var one = await officer.PutAsJsonAsync($"{Path}/{small.Id}/responses/{smallTarget.Id}", SurveyApi.Answers((Q(1), "yes"), (Q(2), "Chưa có")));
        await one.ShouldHaveStatus(HttpStatusCode.OK);
        return new Arranged(questionnaire, campaign, organizations, small);
    });

    [Fact]
    public async Task The_ranking_orders_submitted_respondents_by_score_and_suggests_the_top_n()
    {
        var arranged = await Arrange();
        using var inspector = await App.As(TestData.QuangTriInspector);

        var results = await (await inspector.GetAsync($"{Path}/{arranged.Campaign.Id}/results?top=2", Cancellation)).ShouldReturn<CampaignResultsJson>();

        results.Ranking.Select(r => (r.Rank, r.OrganizationId, r.Score, r.Suggested)).ShouldBe(
        [
            (1, arranged.Organizations["A"], 90.00m, true),
            (2, arranged.Organizations["D"], 72.00m, true),
            (3, arranged.Organizations["C"], 50.00m, false),
            (4, arranged.Organizations["B"], 18.00m, false),
        ]);
        results.Ranking.ShouldAllBe(r => r.EnteredOnPaper);
        (results.TargetCount, results.SubmittedCount, results.ResponseRate).ShouldBe((5, 4, 80.00m));
        var byDefault = await (await inspector.GetAsync($"{Path}/{arranged.Campaign.Id}/results", Cancellation)).ShouldReturn<CampaignResultsJson>();
        byDefault.Ranking.Count(r => r.Suggested).ShouldBe(4);
        byDefault.SuggestedCount.ShouldBe(5);
    }

    [Fact]
    public async Task Per_question_tables_count_yes_no_and_choices_and_average_numbers_and_scales()
    {
        var arranged = await Arrange();
        using var officer = await App.As(TestData.QuangTriOfficer);

        var results = await (await officer.GetAsync($"{Path}/{arranged.Campaign.Id}/results", Cancellation)).ShouldReturn<CampaignResultsJson>();

        var questions = results.Questions.OrderBy(q => q.Position).ToList();
        questions[0].Counts.Select(c => (c.Label, c.Count)).ShouldBe([("yes", 3), ("no", 1)]);
        questions[1].Counts.Select(c => (c.Label, c.Count)).ShouldBe([("Chưa có", 1), ("Đang xây dựng", 2), ("Đã ban hành", 1)]);
        // 10, 3 and 7 trained staff over three answers: 20 / 3 = 6.67; C left it blank.
        (questions[2].AnswerCount, questions[2].Mean).ShouldBe((3, 6.67m));
        (questions[3].AnswerCount, questions[3].Mean).ShouldBe((4, 3.50m));
        questions[3].Counts.Select(c => c.Count).ShouldBe([0, 1, 1, 1, 1]);
        (questions[4].AnswerCount, questions[4].Mean).ShouldBe((1, null));
    }

    [Fact]
    public async Task Results_cost_the_same_few_queries_for_one_response_or_many()
    {
        var arranged = await Arrange();
        using var officer = await App.As(TestData.QuangTriOfficer);
        await (await officer.GetAsync($"{Path}/{arranged.Small.Id}/results", Cancellation)).ShouldReturn<CampaignResultsJson>();

        async Task<int> Count(int id)
        {
            App.Queries.Reset();
            using var response = await officer.GetAsync($"{Path}/{id}/results", Cancellation);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return App.Queries.Count;
        }

        var small = await Count(arranged.Small.Id);
        var large = await Count(arranged.Campaign.Id);

        large.ShouldBe(small);
        large.ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task The_xlsx_export_lists_every_response_with_its_score_and_neutralises_formulas()
    {
        var arranged = await Arrange();
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.GetAsync($"{Path}/{arranged.Campaign.Id}/export", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancellation));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(5);
        var a = rows.Single(r => r["Điểm năng lực"] is not null && Convert.ToDecimal(r["Điểm năng lực"], System.Globalization.CultureInfo.InvariantCulture) == 90m);
        a["Trạng thái"].ShouldBe("Đã nộp");
        a["5. Kiến nghị của doanh nghiệp"].ShouldBe("'=HYPERLINK(\"http://example.com\")");
        a["1. Doanh nghiệp có cán bộ phụ trách đo lường?"].ShouldBe("yes");
        rows.Count(r => Equals(r["Trạng thái"], "Bản nháp")).ShouldBe(1);
    }

    public sealed class Sqlite(SqliteApp app) : SurveyResultsTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : SurveyResultsTests(app), IClassFixture<PostgresApp>;
}
