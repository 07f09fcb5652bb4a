using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Metrology.IntegrationTests.Platform;

/// <summary>What operators and integrators rely on: health checks, the API description, the UI's front door.</summary>
public abstract partial class PlatformTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Ready_health_check_answers_200_when_the_database_is_reachable()
    {
        using var client = App.Anonymous();

        using var response = await client.GetAsync("/health/ready", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Liveness_check_answers_200()
    {
        using var client = App.Anonymous();

        using var response = await client.GetAsync("/health/live", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        using var client = App.Anonymous();

        using var redirect = await client.GetAsync("/scalar", Cancellation);
        using var response = await client.GetAsync(redirect.Headers.Location ?? new Uri("/scalar", UriKind.Relative), Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_organisation_endpoints()
    {
        // Signed in: the API reference is not anonymous unless Security:AnonymousApiDocs says so.
        using var client = await App.As(TestData.QuangTriOfficer);

        using var response = await client.GetAsync("/openapi/v1.json", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/organizations");
        paths.ShouldContain("/api/v1/organizations/{id}");
    }

    [Fact]
    public async Task Login_page_is_served()
    {
        using var client = App.Anonymous();

        using var response = await client.GetAsync("/Account/Login", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        html.ShouldContain("<form", Case.Insensitive);
        html.ShouldContain("password", Case.Insensitive);
    }

    [Fact]
    public async Task Pages_stay_vietnamese_for_an_english_browser_until_the_user_switches()
    {
        using var browser = App.Anonymous(language: "en-US");

        using var before = await browser.GetAsync("/Account/Login", Cancellation);
        var vietnamese = await before.Content.ReadAsStringAsync(Cancellation);
        vietnamese.ShouldContain("<html lang=\"vi\"");

        using var switchRequest = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        switchRequest.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        using var after = await browser.SendAsync(switchRequest, Cancellation);
        (await after.Content.ReadAsStringAsync(Cancellation)).ShouldContain("<html lang=\"en\"");
    }

    /// <summary>Pages anyone may open; every other page must send a visitor who is not signed in to the login page.</summary>
    // The access-denied page shows a fixed message and no data: the cookie handler sends signed-in users there.
    // The certificate lookup is public by law's intent: citizens check a certificate from its QR code.
    private static readonly string[] PublicPages = ["/Account/Login", "/Account/AccessDenied", "/not-found", "/verify", "/verify/1"];

    /// <summary>Every routable page of the app except the public ones, found by reflection so new pages are covered too.</summary>
    public static TheoryData<string> PagesThatRequireSignIn()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => RouteParameter().Replace(r.Template, "1"))
            .Where(route => !PublicPages.Contains(route, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(routes);
    }

    [Fact]
    public void The_home_page_is_among_the_pages_that_require_sign_in() =>
        PagesThatRequireSignIn().Select(row => row.Data).ShouldContain("/");

    [Theory]
    [MemberData(nameof(PagesThatRequireSignIn))]
    public async Task A_page_opened_without_signing_in_redirects_to_the_login_page(string path)
    {
        using var client = App.Anonymous();

        using var response = await client.GetAsync(path, Cancellation);

        ((int)response.StatusCode).ShouldBeInRange(300, 399, $"{path} answered {(int)response.StatusCode}");
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.Location.OriginalString.ShouldContain("Account/Login");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    public sealed class Sqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
}
