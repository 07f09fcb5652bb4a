using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Surveys;

/// <summary>The questionnaire builder: drafts are edited freely, published ones are frozen and change by new versions.</summary>
public abstract class QuestionnaireApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = SurveyApi.Questionnaires;

    [Fact]
    public async Task A_draft_takes_reordered_added_and_removed_questions_and_keeps_their_settings()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var draft = await officer.CreateQuestionnaire(publish: false);
        draft.Version.ShouldBe(1);
        draft.PublishedAt.ShouldBeNull();
        draft.Questions.Select(q => q.Kind).ShouldBe(["YesNo", "Choice", "Number", "Scale", "Text"]);
        draft.Questions[1].Choices.ShouldBe([new("Chưa có", 0m), new("Đang xây dựng", 0.5m), new("Đã ban hành", 1m)]);

        // The scale question moves first, the text question goes, a new yes/no question comes last.
        using var response = await officer.PutAsJsonAsync($"{Path}/{draft.Id}", new
        {
            title = "Khảo sát năng lực đo lường 2025",
            description = (string?)null,
            questions = new object[]
            {
                new { text = "Mức hiểu biết về TCVN ISO 10012", kind = "Scale", required = true, weight = 3m },
                new { text = "Doanh nghiệp có cán bộ phụ trách đo lường?", kind = "YesNo", required = true, weight = 2m },
                new { text = "Có phòng thử nghiệm nội bộ?", kind = "yesno", required = false, weight = 0.5m },
            },
        }, Cancellation);
        var changed = await response.ShouldReturn<QuestionnaireJson>();

        changed.Title.ShouldBe("Khảo sát năng lực đo lường 2025");
        changed.Questions.Select(q => (q.Position, q.Text, q.Kind, q.Required, q.Weight)).ShouldBe(
        [
            (1, "Mức hiểu biết về TCVN ISO 10012", "Scale", true, 3m),
            (2, "Doanh nghiệp có cán bộ phụ trách đo lường?", "YesNo", true, 2m),
            (3, "Có phòng thử nghiệm nội bộ?", "YesNo", false, 0.5m),
        ]);
        (await (await officer.GetAsync($"{Path}/{draft.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>()).Questions.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_published_questionnaire_is_frozen_and_editing_it_makes_version_2_with_the_same_questions()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var published = await officer.CreateQuestionnaire();
        published.PublishedAt.ShouldNotBeNull();

        using var edit = await officer.PutAsJsonAsync($"{Path}/{published.Id}", SurveyApi.Questionnaire("Đổi tên"), Cancellation);
        using var again = await officer.PostAsync($"{Path}/{published.Id}/publish", null, Cancellation);
        using var newVersion = await officer.PostAsync($"{Path}/{published.Id}/versions", null, Cancellation);

        (await edit.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldBe("Bảng hỏi đã ban hành thì không sửa được; hãy tạo phiên bản mới.");
        await again.ShouldBeProblem(HttpStatusCode.Conflict);
        var version2 = await newVersion.ShouldReturn<QuestionnaireJson>(HttpStatusCode.Created);
        version2.Version.ShouldBe(2);
        version2.PreviousVersionId.ShouldBe(published.Id);
        version2.PublishedAt.ShouldBeNull();
        version2.Title.ShouldBe(published.Title);
        version2.Questions.Select(q => (q.Position, q.Text, q.Kind, q.Weight, q.Options)).ShouldBe(published.Questions.Select(q => (q.Position, q.Text, q.Kind, q.Weight, q.Options)));
        version2.Questions.Select(q => q.Id).ShouldNotContain(published.Questions[0].Id);
        var original = await (await officer.GetAsync($"{Path}/{published.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>();
        original.Title.ShouldBe(published.Title);

        using var editDraft = await officer.PutAsJsonAsync($"{Path}/{version2.Id}", SurveyApi.Questionnaire("Phiên bản 2"), Cancellation);
        (await editDraft.ShouldReturn<QuestionnaireJson>()).Title.ShouldBe("Phiên bản 2");
    }

    [Fact]
    public async Task Bad_questions_are_refused_naming_each_field_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = (await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<QuestionnaireSummaryJson>>()).Count;

        using var response = await officer.PostAsJsonAsync(Path, new
        {
            title = " ",
            questions = new object[]
            {
                new { text = "Trọng số âm", kind = "YesNo", weight = -1m },
                new { text = "Văn bản có điểm", kind = "Text", weight = 1m },
                new { text = "Một phương án", kind = "Choice", options = "Có", weight = 1m },
                new { text = "Điểm ngoài 0-1", kind = "Choice", options = "Có|1.5\nKhông|0", weight = 1m },
                new { text = "Khoảng ngược", kind = "Number", minValue = 10m, maxValue = 5m, weight = 1m },
                new { text = "", kind = "Star", weight = 1m },
                new { text = "Số có điểm không có giá trị lớn nhất", kind = "Number", weight = 1m },
            },
        }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("title").ShouldNotBeEmpty();
        problem.ErrorsFor("questions[0].weight").Single().ShouldBe("Trọng số phải lớn hơn hoặc bằng 0.");
        problem.ErrorsFor("questions[1].weight").Single().ShouldBe("Câu hỏi dạng văn bản không tính điểm: trọng số phải bằng 0.");
        problem.ErrorsFor("questions[2].options").Single().ShouldBe("Câu hỏi lựa chọn cần ít nhất hai phương án, mỗi dòng một phương án.");
        problem.ErrorsFor("questions[3].options").Single().ShouldBe("Điểm của phương án (sau dấu |) phải là số từ 0 đến 1.");
        problem.ErrorsFor("questions[4].maxValue").Single().ShouldBe("Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.");
        problem.ErrorsFor("questions[5].text").ShouldNotBeEmpty();
        problem.ErrorsFor("questions[5].kind").ShouldNotBeEmpty();
        problem.ErrorsFor("questions[6].maxValue").ShouldNotBeEmpty();
        (await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<QuestionnaireSummaryJson>>()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Errors_read_in_English_when_the_client_asks_for_it()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");

        using var response = await officer.PostAsJsonAsync(Path, new
        {
            title = "Survey",
            questions = new object[] { new { text = "Weight", kind = "Scale", weight = -2m } },
        }, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("questions[0].weight").Single().ShouldBe("The weight must be 0 or more.");
    }

    [Fact]
    public async Task An_empty_questionnaire_cannot_be_published()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var draft = await officer.CreateQuestionnaire(new { title = TestData.Unique("Rỗng"), questions = Array.Empty<object>() }, publish: false);

        using var response = await officer.PostAsync($"{Path}/{draft.Id}/publish", null, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorsFor("questions").ShouldNotBeEmpty();
        (await (await officer.GetAsync($"{Path}/{draft.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>()).PublishedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_province_officer_writes_and_readers_of_other_roles_only_read()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var questionnaire = await officer.CreateQuestionnaire();
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        using var byInspector = await inspector.PostAsJsonAsync(Path, SurveyApi.Questionnaire(), Cancellation);
        using var byAdmin = await provinceAdmin.PostAsync($"{Path}/{questionnaire.Id}/versions", null, Cancellation);
        using var enterpriseReads = await enterprise.GetAsync($"{Path}/{questionnaire.Id}", Cancellation);

        await byInspector.ShouldBeProblem(HttpStatusCode.Forbidden);
        await byAdmin.ShouldBeProblem(HttpStatusCode.Forbidden);
        await enterpriseReads.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await inspector.GetAsync($"{Path}/{questionnaire.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>()).Id.ShouldBe(questionnaire.Id);
    }

    [Fact]
    public async Task Another_provinces_questionnaire_is_404_and_the_system_admin_only_reads()
    {
        var haNoiOfficer = await App.Arranged("HaNoiSurveyOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiQuestionnaire = await haNoi.CreateQuestionnaire(publish: false);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var admin = await App.AsSystemAdmin();

        using var read = await officer.GetAsync($"{Path}/{haNoiQuestionnaire.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{Path}/{haNoiQuestionnaire.Id}", SurveyApi.Questionnaire("Chiếm quyền"), Cancellation);
        using var publish = await officer.PostAsync($"{Path}/{haNoiQuestionnaire.Id}/publish", null, Cancellation);
        using var adminCreates = await admin.PostAsJsonAsync(Path, new { title = TestData.Unique("Bảng hỏi của quản trị"), provinceSlug = TestData.QuangTri, questions = Array.Empty<object>() }, Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await publish.ShouldBeProblem(HttpStatusCode.NotFound);
        await adminCreates.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await admin.GetAsync($"{Path}/{haNoiQuestionnaire.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>()).Title.ShouldBe(haNoiQuestionnaire.Title);
        var still = await (await haNoi.GetAsync($"{Path}/{haNoiQuestionnaire.Id}", Cancellation)).ShouldReturn<QuestionnaireJson>();
        still.PublishedAt.ShouldBeNull();
        still.Title.ShouldBe(haNoiQuestionnaire.Title);
    }

    public sealed class Sqlite(SqliteApp app) : QuestionnaireApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : QuestionnaireApiTests(app), IClassFixture<PostgresApp>;
}
