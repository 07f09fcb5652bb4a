using System.Net;
using System.Net.Http.Json;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Organizations;

/// <summary>
/// Bad input to the organisation API: every refusal is a 400/409 ProblemDetails that names the field,
/// and nothing is written.
/// </summary>
public abstract class OrganizationValidationTests(MetrologyApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("0300588569")]
    [InlineData("0100109106")]
    [InlineData("0100109106-001")]
    [InlineData("001085012345")]
    public async Task Valid_tax_codes_are_accepted(string taxCode)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var created = await officer.CreateOrganization(TestData.Enterprise(taxCode: taxCode));

        created.TaxCode.ShouldBe(taxCode);
        (await officer.DeleteAsync($"{OrganizationApi.Path}/{created.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("0300588568", "chữ số kiểm tra")]
    [InlineData("12345", "10 chữ số")]
    [InlineData("0100109106-000", "10 chữ số")]
    [InlineData("0100109106-01", "10 chữ số")]
    [InlineData("03005885690", "10 chữ số")]
    [InlineData("03OO588569", "10 chữ số")]
    public async Task Invalid_tax_codes_are_refused_saying_which_rule_failed(string taxCode, string messagePart)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await App.CountAllOrganizations();

        using var response = await officer.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(taxCode: taxCode), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("taxCode").ShouldHaveSingleItem().ShouldContain(messagePart, Case.Insensitive);
        (await App.CountAllOrganizations()).ShouldBe(before);
    }

    [Fact]
    public async Task An_enterprise_without_a_tax_code_is_refused_but_an_agency_may_have_none()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = TestData.Enterprise(taxCode: "");
        var agency = TestData.Enterprise(taxCode: "");
        agency["kind"] = "Agency";

        using var refused = await officer.PostAsJsonAsync(OrganizationApi.Path, enterprise, Cancellation);
        var created = await officer.CreateOrganization(agency);

        (await refused.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("taxCode").ShouldNotBeEmpty();
        created.TaxCode.ShouldBeNull();
        created.Kind.ShouldBe("Agency");
    }

    [Fact]
    public async Task A_duplicate_tax_code_in_the_same_province_answers_409_and_writes_nothing()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var taxCode = TestData.NewTaxCode();
        var first = await officer.CreateOrganization(TestData.Enterprise(taxCode: taxCode));
        var before = await App.CountAllOrganizations();

        using var duplicate = await officer.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(name: "Bản sao", taxCode: taxCode), Cancellation);

        var problem = await duplicate.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.ErrorsFor("taxCode").ShouldHaveSingleItem().ShouldContain(taxCode);
        (await App.CountAllOrganizations()).ShouldBe(before);
        (await officer.ListOrganizations($"search={taxCode}")).Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task Simultaneous_creates_with_one_tax_code_store_exactly_one_row()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var taxCode = TestData.NewTaxCode();
        var before = await App.CountAllOrganizations();

        // A double-clicked "Save" or two clerks entering the same enterprise at once.
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            officer.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(name: $"Đồng thời {i}", taxCode: taxCode), Cancellation)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await App.CountAllOrganizations()).ShouldBe(before + 1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Changing_a_tax_code_to_one_already_used_in_the_province_answers_409_and_changes_nothing()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var taken = await officer.CreateOrganization(TestData.Enterprise());
        var other = await officer.CreateOrganization(TestData.Enterprise());

        using var response = await officer.PutAsJsonAsync($"{OrganizationApi.Path}/{other.Id}", TestData.Enterprise(name: "Đổi tên", taxCode: taken.TaxCode), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("taxCode").ShouldNotBeEmpty();
        var unchanged = await (await officer.GetAsync($"{OrganizationApi.Path}/{other.Id}", Cancellation)).ShouldReturn<OrganizationJson>();
        unchanged.ShouldBe(other);
    }

    [Fact]
    public async Task The_same_tax_code_may_exist_in_another_province()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var admin = await App.AsSystemAdmin();
        var taxCode = TestData.NewTaxCode();
        await officer.CreateOrganization(TestData.Enterprise(taxCode: taxCode));

        var inHaNoi = await admin.CreateOrganization(TestData.Enterprise(taxCode: taxCode, provinceSlug: TestData.HaNoi));

        inHaNoi.ProvinceSlug.ShouldBe(TestData.HaNoi);
    }

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { """{"kind":"Enterprise","taxCode":"0300588569"}""", "name" },
        { """{"name":"   ","kind":"Enterprise","taxCode":"0300588569"}""", "name" },
        { $$"""{"name":"{{new string('x', 301)}}","kind":"Agency"}""", "name" },
        { $$"""{"name":"Cơ quan","kind":"Agency","address":"{{new string('a', 501)}}"}""", "address" },
        { """{"name":"Cơ quan","kind":"Agency","email":"not-an-email"}""", "email" },
        { """{"name":"Cơ quan","kind":"Agency","email":"Ông A <a@b.vn>"}""", "email" },
        { """{"name":"Cơ quan","kind":"Agency","phone":"call me"}""", "phone" },
        { """{"name":"Cơ quan","kind":"Foo"}""", "kind" },
        { """{"name":"Cơ quan","kind":"2"}""", "kind" },
        { """{"name":"Cơ quan","kind":"Agency, Enterprise"}""", "kind" },
        { """{"name":"Cơ quan"}""", "kind" },
        { """{"name":123,"kind":"Agency"}""", "name" },
        { """{"name":"Cơ quan","kind":2}""", "kind" },
        { """{"name":"Cơ quan","kind":"Agency","taxCode":300588569}""", "taxCode" },
        { """{"name":"Cơ quan","kind":"Agency","provinceSlug":"atlantis"}""", "provinceSlug" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_input_answers_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        using var admin = await App.AsSystemAdmin();
        var before = await App.CountAllOrganizations();

        using var response = await admin.PostAsync(OrganizationApi.Path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor(field).ShouldNotBeEmpty();
        (await App.CountAllOrganizations()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"name":"Cơ quan","kind":"Agency",""")]
    [InlineData("""{"name":"Cơ quan" "kind":"Agency"}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_answers_400_problem_and_writes_nothing(string body)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await App.CountAllOrganizations();

        using var response = await officer.PostAsync(OrganizationApi.Path, new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.Title.ShouldNotBeNullOrWhiteSpace();
        (await App.CountAllOrganizations()).ShouldBe(before);
    }

    [Fact]
    public async Task An_invalid_update_answers_400_and_leaves_the_row_as_it_was()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var original = await officer.CreateOrganization(TestData.Enterprise());
        var bad = TestData.Enterprise(name: "", taxCode: original.TaxCode);

        using var response = await officer.PutAsJsonAsync($"{OrganizationApi.Path}/{original.Id}", bad, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("name").ShouldNotBeEmpty();
        (await (await officer.GetAsync($"{OrganizationApi.Path}/{original.Id}", Cancellation)).ShouldReturn<OrganizationJson>()).ShouldBe(original);
    }

    [Theory]
    [InlineData("pageSize=abc")]
    [InlineData("page=1.5")]
    public async Task A_malformed_query_parameter_answers_400_problem(string query)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.GetAsync($"{OrganizationApi.Path}?{query}", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_kind_filter_answers_400_naming_kind()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.GetAsync($"{OrganizationApi.Path}?kind=2", Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("kind").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Messages_are_vietnamese_by_default_and_english_on_request()
    {
        using var vietnamese = await App.As(TestData.QuangTriOfficer);
        using var english = await App.As(TestData.QuangTriOfficer, language: "en");
        using var englishGb = await App.As(TestData.QuangTriOfficer, language: "en-GB");
        var body = new { kind = "Agency" };

        using var inVietnamese = await vietnamese.PostAsJsonAsync(OrganizationApi.Path, body, Cancellation);
        using var inEnglish = await english.PostAsJsonAsync(OrganizationApi.Path, body, Cancellation);
        using var inEnglishGb = await englishGb.PostAsJsonAsync(OrganizationApi.Path, body, Cancellation);

        (await inVietnamese.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("name").ShouldBe(["Trường này là bắt buộc."]);
        (await inEnglish.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("name").ShouldBe(["This field is required."]);
        (await inEnglishGb.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("name").ShouldBe(["This field is required."]);
    }

    public sealed class Sqlite(SqliteApp app) : OrganizationValidationTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : OrganizationValidationTests(app), IClassFixture<PostgresApp>;
}
