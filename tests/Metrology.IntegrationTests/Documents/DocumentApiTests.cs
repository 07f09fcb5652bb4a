using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Documents.DocumentApi;

namespace Metrology.IntegrationTests.Documents;

/// <summary>Directive documents: the number-and-symbol rules, duplicates, filters, links, and who may do what.</summary>
public abstract class DocumentApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private Task<UserJson> HaNoiOfficer() => App.Arranged("HaNoiDocumentsOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));

    [Fact]
    public async Task An_officer_records_a_decision_and_reads_it_back_cited_like_the_report()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var number = NewDecisionNumber();

        var created = await officer.CreateDocument(Document(number, issuedOn: new DateOnly(2020, 7, 20)));
        var read = await (await officer.GetAsync($"{DocumentsPath}/{created.Id}", Cancellation)).ShouldReturn<DocumentDetailJson>();

        read.Document.Number.ShouldBe(number);
        read.Document.Type.ShouldBe("Decision");
        read.Document.IssuedOn.ShouldBe(new DateOnly(2020, 7, 20));
        // The report writes "ngày 20/7/2020" (no zero before a month from March on) but "ngày 09/12/2020".
        read.Document.Citation.ShouldBe($"Quyết định số {number} ngày 20/7/2020");
        read.LinkedRecords.ShouldBeEmpty();
    }

    [Fact]
    public async Task Days_below_10_and_January_February_take_a_leading_zero_in_the_citation()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var resolution = await officer.CreateDocument(Document($"{Random.Shared.Next(100, 999)}/2020/NQ-HĐND", "Resolution", new DateOnly(2020, 12, 9)));
        var letter = await officer.CreateDocument(Document($"{Random.Shared.Next(10, 99)}/BKH-CN-TĐC", "OfficialLetter", new DateOnly(2023, 1, 3)));
        using var english = await App.As(TestData.QuangTriOfficer, language: "en");
        var inEnglish = await (await english.GetAsync($"{DocumentsPath}/{resolution.Id}", Cancellation)).ShouldReturn<DocumentDetailJson>();

        resolution.Citation.ShouldBe($"Nghị quyết số {resolution.Number} ngày 09/12/2020");
        letter.Citation.ShouldBe($"Công văn số {letter.Number} ngày 03/01/2023");
        inEnglish.Document.Citation.ShouldBe($"Resolution No. {resolution.Number} of 09/12/2020");
    }

    [Theory]
    [InlineData("1928-QĐ-UBND")]
    [InlineData("QĐ-UBND")]
    [InlineData("1928/qđ-ubnd")]
    [InlineData("1928/QĐ UBND")]
    [InlineData("1928//QĐ-UBND")]
    [InlineData("1928/QĐ-")]
    [InlineData("19a8/QĐ-UBND")]
    [InlineData("0/QĐ-UBND")]
    [InlineData("1928/20/QĐ-UBND")]
    public async Task A_malformed_number_is_refused_naming_number_and_nothing_is_written(string number)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await App.CountAllDocuments();

        using var response = await officer.PostAsJsonAsync(DocumentsPath, Document(number), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("number")[0].ShouldContain("1928/QĐ-UBND");
        (await App.CountAllDocuments()).ShouldBe(before);
    }

    [Theory]
    [InlineData("1928/QĐ-UBND", "Decision")]
    [InlineData("99/2020/NQ-HĐND", "Resolution")]
    [InlineData("04/BKH-CN-TĐC", "OfficialLetter")]
    [InlineData("25/KH-SKHCN", "Plan")]
    [InlineData("996/QĐ-TTg", "Decision")]
    [InlineData("07/2020/TT-BKHCN", "OfficialLetter")]
    public async Task The_vietnamese_numbers_of_the_seed_report_are_accepted(string number, string type)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        // A date no other test uses, so the (number, date) pair is new.
        var issuedOn = new DateOnly(2020, 1, 1).AddDays(Random.Shared.Next(365));

        var created = await officer.CreateDocument(Document(number, type, issuedOn));

        created.Number.ShouldBe(number);
    }

    [Fact]
    public async Task A_year_in_the_number_must_be_the_year_of_issue()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(DocumentsPath, Document("99/2021/NQ-HĐND", "Resolution", new DateOnly(2020, 12, 9)), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("number")[0].ShouldContain("2021");
        problem.ErrorsFor("number")[0].ShouldContain("2020");
    }

    [Theory]
    [InlineData("99/2020/NQ-HĐND", "Decision")]
    [InlineData("1928/QĐ-UBND", "OfficialLetter")]
    [InlineData("04/BKH-CN-TĐC", "Plan")]
    public async Task A_type_that_contradicts_the_symbol_is_refused_naming_type(string number, string type)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(DocumentsPath, Document(number, type, new DateOnly(2020, 12, 9)), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("type").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Missing_fields_and_a_future_date_are_each_named_in_vietnamese_or_english()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);

        using var response = await officer.PostAsJsonAsync(DocumentsPath, new { type = "Decision", number = NewDecisionNumber(), issuedOn = future }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("issuer").ShouldNotBeEmpty();
        problem.ErrorsFor("subject").ShouldNotBeEmpty();
        problem.ErrorsFor("issuedOn")[0].ShouldBe("The date of issue cannot be after today.");
    }

    [Fact]
    public async Task The_same_number_on_the_same_date_is_a_409_but_on_another_date_it_is_another_document()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var number = NewDecisionNumber();
        await officer.CreateDocument(Document(number, issuedOn: new DateOnly(2021, 5, 28)));

        using var again = await officer.PostAsJsonAsync(DocumentsPath, Document(number, issuedOn: new DateOnly(2021, 5, 28)), Cancellation);
        var nextYear = await officer.CreateDocument(Document(number, issuedOn: new DateOnly(2022, 5, 28)));

        var problem = await again.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.ErrorsFor("number")[0].ShouldContain("28/5/2021");
        nextYear.Number.ShouldBe(number);
    }

    [Fact]
    public async Task Type_year_issuer_and_diacritic_free_search_filter_the_list()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var word = $"Kiemthu{Guid.NewGuid().ToString("N")[..6]}";
        var issuer = TestData.Unique("Hội đồng nhân dân tỉnh");
        var resolution = Document($"{Random.Shared.Next(100, 999)}/2021/NQ-HĐND", "Resolution", new DateOnly(2021, 12, 9));
        resolution["issuer"] = issuer;
        resolution["subject"] = $"Quy định chính sách hỗ trợ đo lường {word}";
        var decision = Document(issuedOn: new DateOnly(2020, 7, 20));
        decision["subject"] = $"Kế hoạch triển khai đo lường {word}";
        var createdResolution = await officer.CreateDocument(resolution);
        var createdDecision = await officer.CreateDocument(decision);

        async Task<List<int>> Ids(string query, string search = "") =>
            (await (await officer.GetAsync($"{DocumentsPath}?pageSize=200&search={Uri.EscapeDataString($"{word} {search}")}&{query}", Cancellation)).ShouldReturn<PageJson<DocumentJson>>()).Items.Select(d => d.Id).ToList();

        (await Ids("")).ShouldBe([createdResolution.Id, createdDecision.Id]);
        (await Ids("type=Resolution")).ShouldBe([createdResolution.Id]);
        (await Ids("year=2020")).ShouldBe([createdDecision.Id]);
        (await Ids($"issuer={Uri.EscapeDataString(issuer)}")).ShouldBe([createdResolution.Id]);
        (await Ids("", "chinh sach ho tro")).ShouldBe([createdResolution.Id]);
        using var badType = await officer.GetAsync($"{DocumentsPath}?type=Circular", Cancellation);
        (await badType.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("type").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_detail_lists_the_tasks_approved_by_the_document_and_delete_is_refused_while_they_exist()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await officer.CreateDocument(Document());
        var task = await officer.CreateTask(DocumentApi.Task(await officer.AnyOrganizationId(), document.Id));

        var detail = await (await officer.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).ShouldReturn<DocumentDetailJson>();
        using var refused = await officer.DeleteAsync($"{DocumentsPath}/{document.Id}", Cancellation);

        detail.LinkedRecords.ShouldBe([new DocumentLinkJson("scienceTask", task.Id, task.Title, $"science-tasks/{task.Id}")]);
        (await refused.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("id").ShouldNotBeEmpty();
        (await officer.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await officer.DeleteAsync($"{TasksPath}/{task.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.DeleteAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_officer_changes_a_document()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await officer.CreateDocument(Document());
        var change = Document(document.Number, issuedOn: new DateOnly(2020, 7, 21));
        change["subject"] = "Trích yếu đã sửa";

        using var response = await officer.PutAsJsonAsync($"{DocumentsPath}/{document.Id}", change, Cancellation);

        var changed = await response.ShouldReturn<DocumentJson>();
        changed.Subject.ShouldBe("Trích yếu đã sửa");
        changed.IssuedOn.ShouldBe(new DateOnly(2020, 7, 21));
    }

    [Fact]
    public async Task Another_provinces_document_is_404_for_read_change_and_delete_and_absent_from_the_list()
    {
        var haNoiOfficer = await HaNoiOfficer();
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var theirs = await haNoi.CreateDocument(Document());
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var read = await officer.GetAsync($"{DocumentsPath}/{theirs.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{DocumentsPath}/{theirs.Id}", Document(theirs.Number), Cancellation);
        using var delete = await officer.DeleteAsync($"{DocumentsPath}/{theirs.Id}", Cancellation);
        var list = await (await officer.GetAsync($"{DocumentsPath}?pageSize=200&search={Uri.EscapeDataString(theirs.Number)}", Cancellation)).ShouldReturn<PageJson<DocumentJson>>();

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldNotContain(d => d.Id == theirs.Id);
        (await (await haNoi.GetAsync($"{DocumentsPath}/{theirs.Id}", Cancellation)).ShouldReturn<DocumentDetailJson>()).Document.Subject.ShouldBe(theirs.Subject);
    }

    [Fact]
    public async Task Readers_read_only_writers_write_and_labs_and_enterprises_get_403()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await officer.CreateDocument(Document());
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        (await inspector.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ministry.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.PostAsJsonAsync(DocumentsPath, Document(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provinceAdmin.PutAsJsonAsync($"{DocumentsPath}/{document.Id}", Document(document.Number), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ministry.DeleteAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync(DocumentsPath, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await enterprise.GetAsync($"{DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.Anonymous().GetAsync(DocumentsPath, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_provinces_officer_records_its_documents_the_system_administrator_reads_them()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var admin = await App.AsSystemAdmin();
        var before = await App.CountAllDocuments();

        using var forAnotherProvince = await officer.PostAsJsonAsync(DocumentsPath, Document(provinceSlug: TestData.HaNoi), Cancellation);
        using var byAdmin = await admin.PostAsJsonAsync(DocumentsPath, Document(provinceSlug: TestData.QuangTri), Cancellation);
        var created = await officer.CreateDocument(Document(provinceSlug: TestData.QuangTri));

        (await forAnotherProvince.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("provinceSlug").Single().ShouldBe("Bạn chỉ có thể quản lý dữ liệu của tỉnh/thành phố mình.");
        await byAdmin.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"{DocumentsPath}/{created.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.CountAllDocuments()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_list_costs_the_same_number_of_queries_for_5_or_50_documents()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        for (var i = 0; i < 6; i++)
        {
            await officer.CreateDocument(Document());
        }

        await officer.GetAsync($"{DocumentsPath}?pageSize=1", Cancellation);
        App.Queries.Reset();
        (await (await officer.GetAsync($"{DocumentsPath}?pageSize=5", Cancellation)).ShouldReturn<PageJson<DocumentJson>>()).Items.Count.ShouldBe(5);
        var forFive = App.Queries.Count;
        App.Queries.Reset();
        await (await officer.GetAsync($"{DocumentsPath}?pageSize=50", Cancellation)).ShouldReturn<PageJson<DocumentJson>>();
        var forFifty = App.Queries.Count;

        forFifty.ShouldBe(forFive);
        forFive.ShouldBeLessThanOrEqualTo(4);
    }

    public sealed class Sqlite(SqliteApp app) : DocumentApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DocumentApiTests(app), IClassFixture<PostgresApp>;
}
