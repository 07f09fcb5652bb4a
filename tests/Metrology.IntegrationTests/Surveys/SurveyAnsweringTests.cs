using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Surveys;

/// <summary>
/// Campaigns and answering them: drafts, one submit, the score worked out by hand, paper entry, and every
/// refusal (bad answers, second submit, non-target, closed period, other province, wrong role) writing nothing.
/// Scores use <see cref="SurveyApi.Questionnaire"/>: weights 2 (yes/no), 1 (choice), 1 (number / 20), 1 (scale), total 5.
/// </summary>
public abstract class SurveyAnsweringTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = SurveyApi.Campaigns;

    private async Task<(QuestionnaireJson Questionnaire, CampaignJson Campaign, Respondent Respondent)> OpenCampaignWithOneTarget(string role = "EnterpriseUser", string kind = "Enterprise")
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var questionnaire = await officer.CreateQuestionnaire();
        var respondent = await App.NewEnterprise(role, kind);
        var campaign = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, [respondent.Organization.Id]));
        return (questionnaire, campaign, respondent);
    }

    private static int Q(QuestionnaireJson questionnaire, int position) => questionnaire.Questions.Single(q => q.Position == position).Id;

    [Fact]
    public async Task A_target_saves_a_draft_then_submits_once_and_gets_the_hand_worked_score()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;

        var empty = await respondent.Client.MyResponse(campaign.Id);
        empty.Status.ShouldBeNull();
        empty.CanAnswer.ShouldBeTrue();
        empty.Questions.Count.ShouldBe(5);
        var toAnswer = await (await respondent.Client.GetAsync($"{Path}/to-answer", Cancellation)).ShouldReturn<List<SurveyToAnswerJson>>();
        toAnswer.Single().CampaignId.ShouldBe(campaign.Id);

        using var draft = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes"), (Q(q, 2), "Đã ban hành")));
        (await draft.ShouldReturn<ResponseJson>()).Status.ShouldBe("Draft");
        using var more = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 3), "10"), (Q(q, 4), "5"), (Q(q, 5), "Cần hỗ trợ hiệu chuẩn")));
        await more.ShouldHaveStatus(HttpStatusCode.OK);
        using var submit = await respondent.Client.Submit(campaign.Id);

        // yes 1×2 + issued plan 1×1 + 10/20 = 0.5×1 + scale 5 → 1×1 = 4.5 of 5 = 90 %.
        var submitted = await submit.ShouldReturn<ResponseJson>();
        submitted.Status.ShouldBe("Submitted");
        submitted.Score.ShouldBe(90.00m);
        submitted.CanAnswer.ShouldBeFalse();
        submitted.Answers.Select(a => a.Value).ShouldBe(["yes", "Đã ban hành", "10", "5", "Cần hỗ trợ hiệu chuẩn"]);

        using var second = await respondent.Client.Submit(campaign.Id);
        using var change = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "no")));
        (await second.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldBe("Phiếu khảo sát này đã được nộp; không thể sửa hoặc nộp lại.");
        await change.ShouldBeProblem(HttpStatusCode.Conflict);
        var after = await respondent.Client.MyResponse(campaign.Id);
        after.Answers.First().Value.ShouldBe("yes");
        after.Score.ShouldBe(90.00m);
    }

    [Fact]
    public async Task A_blank_optional_answer_counts_as_zero_and_a_lab_operator_of_a_target_body_answers_too()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget("LabOperator", "VerificationBody");
        using var _ = respondent;

        // yes 2 + "Chưa có" 0 + no number (0) + scale 3 → 0.5 = 2.5 of 5 = 50 %.
        using var submit = await respondent.Client.Submit(campaign.Id, SurveyApi.Answers((Q(q, 1), "YES"), (Q(q, 2), "chưa có"), (Q(q, 4), "3")));

        var response = await submit.ShouldReturn<ResponseJson>();
        response.Score.ShouldBe(50.00m);
        response.Answers.Select(a => a.Value).ShouldBe(["yes", "Chưa có", "3"]);
    }

    [Fact]
    public async Task Number_answers_sent_as_text_are_read_with_the_shared_parser_and_an_ambiguous_one_is_refused()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;

        // "12,50" with a decimal comma is 12.50, the typed decimals kept.
        using var comma = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "no"), (Q(q, 3), "12,50")));
        (await comma.ShouldReturn<ResponseJson>()).Answers.Single(a => a.Value != "no").Value.ShouldBe("12.50");

        // "10.000" could be 10 or 10000: the API cannot ask, so it refuses naming the question; letters and two marks are refused too.
        using var bad = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 3), "10.000")));
        (await bad.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor($"answers[{Q(q, 3)}]").Single()
            .ShouldStartWith("Số nhân viên được đào tạo về đo lường: không rõ nghĩa");
        using var letters = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 3), "12abc")));
        (await letters.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor($"answers[{Q(q, 3)}]").ShouldNotBeEmpty();
        using var twoMarks = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 3), "1,2,5")));
        (await twoMarks.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor($"answers[{Q(q, 3)}]").ShouldNotBeEmpty();

        (await respondent.Client.MyResponse(campaign.Id)).Answers.Select(a => a.Value).ShouldContain("12.50");
    }

    [Fact]
    public async Task Answers_out_of_range_are_refused_per_question_in_both_languages_and_nothing_is_written()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        using var first = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "no")));
        await first.ShouldHaveStatus(HttpStatusCode.OK);

        using var bad = await respondent.Client.Save(campaign.Id, SurveyApi.Answers(
            (Q(q, 1), "maybe"), (Q(q, 2), "Đã hoàn thành"), (Q(q, 3), "21"), (Q(q, 4), "6"), (999_999, "yes")));
        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor($"answers[{Q(q, 1)}]").Single().ShouldBe("Hãy trả lời \"yes\" (có) hoặc \"no\" (không).");
        problem.ErrorsFor($"answers[{Q(q, 2)}]").Single().ShouldBe("Hãy chọn một trong các phương án: Chưa có; Đang xây dựng; Đã ban hành.");
        problem.ErrorsFor($"answers[{Q(q, 3)}]").Single().ShouldBe("Giá trị phải trong khoảng 0 đến 20.");
        problem.ErrorsFor($"answers[{Q(q, 4)}]").Single().ShouldBe("Hãy chọn mức từ 1 đến 5.");
        problem.ErrorsFor("answers[999999]").ShouldNotBeEmpty();

        var english = respondent.Client;
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var badEnglish = await english.Save(campaign.Id, SurveyApi.Answers((Q(q, 3), "-1"), (Q(q, 4), "2.5")));
        var englishProblem = await badEnglish.ShouldBeProblem(HttpStatusCode.BadRequest);
        englishProblem.ErrorsFor($"answers[{Q(q, 3)}]").Single().ShouldBe("The value must be between 0 and 20.");
        englishProblem.ErrorsFor($"answers[{Q(q, 4)}]").Single().ShouldBe("Choose a level from 1 to 5.");

        var kept = await respondent.Client.MyResponse(campaign.Id);
        kept.Status.ShouldBe("Draft");
        kept.Answers.Select(a => (a.QuestionId, a.Value)).ShouldBe([(Q(q, 1), "no")]);
    }

    [Fact]
    public async Task Submitting_without_a_required_answer_names_the_question_and_leaves_the_draft()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        using var save = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes"), (Q(q, 4), "4")));
        await save.ShouldHaveStatus(HttpStatusCode.OK);

        using var submit = await respondent.Client.Submit(campaign.Id);

        var problem = await submit.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor($"answers[{Q(q, 2)}]").Single().ShouldBe("Câu hỏi bắt buộc: cần trả lời trước khi nộp.");
        problem.Errors!.Keys.ShouldBe([$"answers[{Q(q, 2)}]"]);
        var draft = await respondent.Client.MyResponse(campaign.Id);
        draft.Status.ShouldBe("Draft");
        draft.Score.ShouldBeNull();
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_target_gets_404_and_nothing_is_written()
    {
        var (q, campaign, target) = await OpenCampaignWithOneTarget();
        using var _ = target;
        using var outsider = await App.NewEnterprise();

        using var read = await outsider.Client.GetAsync($"{Path}/{campaign.Id}/my-response", Cancellation);
        using var save = await outsider.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes")));
        using var submit = await outsider.Client.Submit(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes"), (Q(q, 2), "Chưa có")));

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await save.ShouldBeProblem(HttpStatusCode.NotFound);
        await submit.ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await outsider.Client.GetAsync($"{Path}/to-answer", Cancellation)).ShouldReturn<List<SurveyToAnswerJson>>()).ShouldBeEmpty();
        using var officer = await App.As(TestData.QuangTriOfficer);
        (await (await officer.GetAsync($"{Path}/{campaign.Id}", Cancellation)).ShouldReturn<CampaignJson>()).ResponseCount.ShouldBe(0);
    }

    [Fact]
    public async Task Answers_outside_the_open_period_or_to_a_draft_campaign_are_refused()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var questionnaire = await officer.CreateQuestionnaire();
        using var respondent = await App.NewEnterprise();
        int[] targets = [respondent.Organization.Id];
        var ended = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, targets, opensOn: SurveyApi.Today.AddDays(-30), closesOn: SurveyApi.Today.AddDays(-1)));
        var notYet = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, targets, opensOn: SurveyApi.Today.AddDays(1), closesOn: SurveyApi.Today.AddDays(30)));
        var closed = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, targets, status: "Closed"));
        var draft = await officer.CreateCampaign(SurveyApi.Campaign(questionnaire.Id, targets, status: "Draft"));
        var answers = SurveyApi.Answers((Q(questionnaire, 1), "yes"), (Q(questionnaire, 2), "Chưa có"));

        using var late = await respondent.Client.Submit(ended.Id, answers);
        using var early = await respondent.Client.Save(notYet.Id, answers);
        using var afterClose = await respondent.Client.Save(closed.Id, answers);
        using var unsent = await respondent.Client.Save(draft.Id, answers);

        var problem = await late.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        problem.ErrorsFor("campaign").Single().ShouldBe(
            $"Đợt khảo sát chỉ nhận phiếu khi đang mở, từ {SurveyApi.Today.AddDays(-30):dd/MM/yyyy} đến {SurveyApi.Today.AddDays(-1):dd/MM/yyyy}.");
        await early.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await afterClose.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await unsent.ShouldBeProblem(HttpStatusCode.NotFound);
        (await respondent.Client.MyResponse(ended.Id)).Status.ShouldBeNull();
    }

    [Fact]
    public async Task An_officer_enters_a_paper_form_for_a_target_only()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        using var outsider = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var answers = SurveyApi.Answers((Q(q, 1), "no"), (Q(q, 2), "Đang xây dựng"), (Q(q, 3), "3"), (Q(q, 4), "2"));

        using var notTarget = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}/responses/{outsider.Organization.Id}", answers, Cancellation);
        using var paper = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}/responses/{respondent.Organization.Id}", answers, Cancellation);
        using var twice = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}/responses/{respondent.Organization.Id}", answers, Cancellation);

        await notTarget.ShouldBeProblem(HttpStatusCode.NotFound);
        // no 0 + "Đang xây dựng" 0.5 + 3/20 = 0.15 + scale 2 → 0.25 = 0.9 of 5 = 18 %.
        var entered = await paper.ShouldReturn<ResponseJson>();
        entered.Status.ShouldBe("Submitted");
        entered.EnteredOnPaper.ShouldBeTrue();
        entered.Score.ShouldBe(18.00m);
        await twice.ShouldBeProblem(HttpStatusCode.Conflict);
        var seenByTarget = await respondent.Client.MyResponse(campaign.Id);
        seenByTarget.Status.ShouldBe("Submitted");
        seenByTarget.EnteredOnPaper.ShouldBeTrue();
        var target = (await (await officer.GetAsync($"{Path}/{campaign.Id}", Cancellation)).ShouldReturn<CampaignJson>()).Targets.Single();
        (target.ResponseStatus, target.Score, target.EnteredOnPaper).ShouldBe(("Submitted", 18.00m, true));
    }

    [Fact]
    public async Task Roles_that_may_not_answer_or_run_campaigns_get_403()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var inspector = await App.As(TestData.QuangTriInspector);

        using var officerAnswers = await officer.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes")));
        using var inspectorCreates = await inspector.PostAsJsonAsync(Path, SurveyApi.Campaign(q.Id, [respondent.Organization.Id]), Cancellation);
        using var enterpriseReadsCampaign = await respondent.Client.GetAsync($"{Path}/{campaign.Id}", Cancellation);
        using var enterpriseEntersPaper = await respondent.Client.PutAsJsonAsync(
            $"{Path}/{campaign.Id}/responses/{respondent.Organization.Id}", SurveyApi.Answers((Q(q, 1), "yes")), Cancellation);

        await officerAnswers.ShouldBeProblem(HttpStatusCode.Forbidden);
        await inspectorCreates.ShouldBeProblem(HttpStatusCode.Forbidden);
        await enterpriseReadsCampaign.ShouldBeProblem(HttpStatusCode.Forbidden);
        await enterpriseEntersPaper.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await respondent.Client.MyResponse(campaign.Id)).Status.ShouldBeNull();
    }

    [Fact]
    public async Task A_campaign_needs_dates_in_order_a_published_questionnaire_and_targets_that_measure()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var draftQuestionnaire = await officer.CreateQuestionnaire(publish: false);
        var agency = await officer.CreateOrganization(new Dictionary<string, object?> { ["name"] = TestData.Unique("Chi cục"), ["kind"] = "Agency" });
        var before = (await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<CampaignSummaryJson>>()).Count;

        using var response = await officer.PostAsJsonAsync(Path, new
        {
            questionnaireId = draftQuestionnaire.Id,
            title = "Khảo sát",
            year = 2025,
            opensOn = new DateOnly(2025, 6, 1),
            closesOn = new DateOnly(2025, 5, 31),
            status = "Open",
            targetIds = new[] { agency.Id, 987_654 },
        }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("closesOn").Single().ShouldBe("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        problem.ErrorsFor("questionnaireId").Single().ShouldBe("Bảng hỏi chưa ban hành; hãy ban hành trước khi dùng cho đợt khảo sát.");
        (await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<CampaignSummaryJson>>()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Targets_must_be_enterprises_or_bodies_and_one_that_answered_cannot_be_dropped()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        using var officer = await App.As(TestData.QuangTriOfficer);
        var agency = await officer.CreateOrganization(new Dictionary<string, object?> { ["name"] = TestData.Unique("Chi cục"), ["kind"] = "Agency" });
        using var save = await respondent.Client.Save(campaign.Id, SurveyApi.Answers((Q(q, 1), "yes")));
        await save.ShouldHaveStatus(HttpStatusCode.OK);

        using var withAgency = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}", SurveyApi.Campaign(q.Id, [respondent.Organization.Id, agency.Id]), Cancellation);
        var other = await officer.CreateOrganization(TestData.Enterprise());
        using var dropAnswered = await officer.PutAsJsonAsync($"{Path}/{campaign.Id}", SurveyApi.Campaign(q.Id, [other.Id]), Cancellation);

        (await withAgency.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("targetIds").Single().ShouldContain(agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await dropAnswered.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldBe("Không thể bỏ đơn vị đã trả lời khỏi đợt khảo sát.");
        var unchanged = await (await officer.GetAsync($"{Path}/{campaign.Id}", Cancellation)).ShouldReturn<CampaignJson>();
        unchanged.Targets.Select(t => t.OrganizationId).ShouldBe([respondent.Organization.Id]);
    }

    [Fact]
    public async Task Another_provinces_campaign_is_404_for_reading_results_changing_and_paper_entry()
    {
        var (q, campaign, respondent) = await OpenCampaignWithOneTarget();
        using var _ = respondent;
        var haNoiOfficer = await App.Arranged("HaNoiSurveyOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);

        using var read = await haNoi.GetAsync($"{Path}/{campaign.Id}", Cancellation);
        using var results = await haNoi.GetAsync($"{Path}/{campaign.Id}/results", Cancellation);
        using var export = await haNoi.GetAsync($"{Path}/{campaign.Id}/export", Cancellation);
        using var change = await haNoi.PutAsJsonAsync($"{Path}/{campaign.Id}", SurveyApi.Campaign(q.Id, [respondent.Organization.Id]), Cancellation);
        using var paper = await haNoi.PutAsJsonAsync($"{Path}/{campaign.Id}/responses/{respondent.Organization.Id}", SurveyApi.Answers((Q(q, 1), "yes"), (Q(q, 2), "Chưa có")), Cancellation);
        using var useQuestionnaire = await haNoi.PostAsJsonAsync(Path, SurveyApi.Campaign(q.Id, []), Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await results.ShouldBeProblem(HttpStatusCode.NotFound);
        await export.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await paper.ShouldBeProblem(HttpStatusCode.NotFound);
        (await useQuestionnaire.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("questionnaireId").ShouldNotBeEmpty();
        (await respondent.Client.MyResponse(campaign.Id)).Status.ShouldBeNull();
    }

    public sealed class Sqlite(SqliteApp app) : SurveyAnsweringTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : SurveyAnsweringTests(app), IClassFixture<PostgresApp>;
}
