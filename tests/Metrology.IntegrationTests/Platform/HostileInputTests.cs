using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Platform;

/// <summary>
/// Issue 15, items 7 and 8: input that used to end in a 500 (nulls inside lists, absurd years, a redirect to another
/// host) or to be stored and break the documents later (control characters) is a 400 naming the field.
/// </summary>
public abstract class HostileInputTests(MetrologyApp app) : IntegrationTest(app)
{
    private static async Task<string[]> RefusedAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            return (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor(field);
        }
    }

    [Fact]
    public async Task A_null_inside_a_list_is_a_400_naming_the_item()
    {
        using var inspector = await App.As(TestData.QuangTriInspector, language: "en");
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        using var lab = await App.As(TestData.QuangTriLabOperator, language: "en");
        const string nullItem = "A list cannot contain an empty (null) item.";

        (await RefusedAsync(await inspector.PostAsJsonAsync("/api/v1/inspections", new { planId = 1, violations = new object?[] { null } }, Cancellation), "violations[0]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await inspector.PostAsJsonAsync("/api/v1/inspections", new { planId = 1, instruments = new object?[] { null }, followUps = new object?[] { new { action = "x" }, null } }, Cancellation), "followUps[1]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await inspector.PostAsJsonAsync("/api/v1/inspections", new { planId = 1, instruments = new object?[] { null } }, Cancellation), "instruments[0]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await inspector.PostAsJsonAsync("/api/v1/inspection-plans", new { year = 2030, targets = new object?[] { null } }, Cancellation), "targets[0]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await officer.PostAsJsonAsync("/api/v1/designations", new { scopes = new object?[] { null } }, Cancellation), "scopes[0]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await officer.PostAsJsonAsync("/api/v1/investment-projects", new { components = new object?[] { null } }, Cancellation), "components[0]"))
            .ShouldBe([nullItem]);
        (await RefusedAsync(await lab.PostAsJsonAsync("/api/v1/verifications", new { standardIds = (int[]?)null }, Cancellation), "standardIds"))
            .ShouldBe(["This field is required."]);
        (await RefusedAsync(await lab.PostAsJsonAsync("/api/v1/verifications", new { standardIds = new int?[] { null } }, Cancellation), "standardIds[0]"))
            .ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/outreach", "-1")]
    [InlineData("/api/v1/outreach", "0")]
    [InlineData("/api/v1/outreach", "10000")]
    [InlineData("/api/v1/inspections", "-1")]
    [InlineData("/api/v1/inspections", "0")]
    [InlineData("/api/v1/inspections", "10000")]
    public async Task A_year_outside_the_calendar_is_a_400_naming_the_year(string path, string year)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        (await RefusedAsync(await officer.GetAsync($"{path}?year={year}", Cancellation), "year")).ShouldBe(["Năm phải từ 1900 đến 2200."]);
        using var fine = await officer.GetAsync($"{path}?year=2024", Cancellation);
        fine.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example", "/")]
    [InlineData("%2Finspections%3Fyear%3D2024", "/inspections?year=2024")]
    public async Task The_language_switch_goes_back_only_to_a_page_of_this_site(string redirectUri, string expected)
    {
        using var browser = App.Anonymous();

        using var response = await browser.GetAsync($"/culture/set?culture=en&redirectUri={redirectUri}", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    public static TheoryData<string> ControlCharacters() => new() { "\v", "\0", "\uFFFE" };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task Text_with_a_control_character_is_refused_naming_the_field_and_the_report_still_downloads(string control)
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        const string refused = "Contains a control character that is not allowed (e.g. NUL, vertical tab, U+FFFE).";
        var name = TestData.Unique("Công ty TNHH Ký tự");
        var organization = TestData.Enterprise(name: name + control + " Xuất khẩu");

        (await RefusedAsync(await officer.PostAsJsonAsync("/api/v1/organizations", organization, Cancellation), "name")).ShouldBe([refused]);
        (await App.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync(o => o.Name.StartsWith(name)))).ShouldBe(0);

        var report = await App.Arranged("report-2025", async a =>
        {
            using var writer = await a.As(TestData.QuangTriOfficer);
            return await writer.CreateReport(TestData.QuangTri, 2025);
        });
        (await RefusedAsync(await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = $"Đề nghị Bộ{control} hỗ trợ." }, Cancellation), "text"))
            .ShouldBe([refused]);
        (await officer.GetReport(report.Id)).Section("IV").IsEdited.ShouldBeFalse();
        using var docx = await officer.GetAsync($"{ReportApi.Path}/{report.Id}/docx", Cancellation);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Text_saved_by_another_path_than_the_api_loses_its_control_characters()
    {
        // Pages save through the same context: what a user pasted from Word is cleaned, not refused.
        var id = await App.AddEnterpriseAsync(TestData.QuangTri);
        await App.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == id);
            organization.Address = "12\v Lê\0 Duẩn\uFFFE, Đông Hà\tQuảng Trị";
            return await db.SaveChangesAsync();
        });

        (await App.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.Address).SingleAsync()))
            .ShouldBe("12 Lê Duẩn, Đông Hà\tQuảng Trị");
    }

    public sealed class Sqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
}
