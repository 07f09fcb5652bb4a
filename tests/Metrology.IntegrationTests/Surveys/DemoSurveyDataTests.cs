using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Surveys;

/// <summary>The demo surveys: the report's 2022 survey of 3 labs and 40 enterprises, the 2021 pilot, and an open survey to answer.</summary>
public abstract class DemoSurveyDataTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = SurveyApi.Campaigns;

    [Fact]
    public async Task The_2022_survey_of_3_labs_and_40_enterprises_is_all_submitted_with_varied_scores()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var campaigns = await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<CampaignSummaryJson>>();

        var survey2022 = campaigns.Single(c => c.Year == 2022);
        survey2022.Title.ShouldStartWith("Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường");
        (survey2022.Status, survey2022.TargetCount, survey2022.SubmittedCount).ShouldBe(("Closed", 43, 43));
        campaigns.Single(c => c.Year == 2021).SubmittedCount.ShouldBe(15);
        var results = await (await officer.GetAsync($"{Path}/{survey2022.Id}/results", Cancellation)).ShouldReturn<CampaignResultsJson>();
        results.ResponseRate.ShouldBe(100m);
        results.Ranking.Count.ShouldBe(43);
        results.Ranking.Select(r => r.Score).Distinct().Count().ShouldBeGreaterThan(10);
        results.Ranking.ShouldAllBe(r => r.Score >= 0 && r.Score <= 100);
        results.Ranking.Count(r => r.Suggested).ShouldBe(5);
        results.Ranking.Where(r => r.Kind == "VerificationBody").ShouldAllBe(r => r.Rank <= 10);
    }

    [Fact]
    public async Task The_demo_enterprise_has_an_open_survey_of_this_year_still_to_answer()
    {
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        var toAnswer = await (await enterprise.GetAsync($"{Path}/to-answer", Cancellation)).ShouldReturn<List<SurveyToAnswerJson>>();

        var open = toAnswer.Single(s => s.CampaignStatus == "Open");
        open.ResponseStatus.ShouldBeNull();
        var form = await enterprise.MyResponse(open.CampaignId);
        form.CanAnswer.ShouldBeTrue();
        form.Questions.Count.ShouldBe(11);
        toAnswer.ShouldContain(s => s.Title.StartsWith("Khảo sát tình hình sử dụng", StringComparison.Ordinal) && s.ResponseStatus == "Submitted");
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoSurveyDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoSurveyDataTests(app), IClassFixture<DemoPostgresApp>;
}
