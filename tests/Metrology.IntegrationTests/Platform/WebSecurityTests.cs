using System.Net;
using Metrology.IntegrationTests.Attachments;
using Metrology.IntegrationTests.Documents;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Platform;

/// <summary>What every answer tells a browser about itself, the API map's visibility, and cookie writes to the API.</summary>
public abstract class WebSecurityTests(MetrologyApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/verify")]
    [InlineData("/api/v1/public/lookup?q=GCN-1")]
    [InlineData("/api/v1/organizations")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_banner(string path)
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync(path, Cancellation);

        var policy = Header(response, "Content-Security-Policy");
        policy.ShouldContain("default-src 'self'");
        policy.ShouldMatch("script-src 'self' 'nonce-[0-9A-F]{32}';");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldNotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS over plain HTTP means nothing");
    }

    [Fact]
    public async Task The_pages_only_inline_script_carries_the_nonce_of_its_policy()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/Account/Login", Cancellation);

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));
        foreach (var script in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value))
        {
            (script.Contains("src=", StringComparison.Ordinal) || script.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal))
                .ShouldBeTrue($"{script} would be blocked");
        }
    }

    [Fact]
    public async Task Over_https_the_answer_asks_for_https_for_a_year_and_the_sign_in_cookie_is_secure()
    {
        using var browser = App.Anonymous();
        browser.BaseAddress = new Uri("https://metrology.test/");

        using var signIn = await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = TestData.QuangTriOfficer, ["Input.Password"] = MetrologyApp.DemoPassword });

        signIn.StatusCode.ShouldBe(HttpStatusCode.Found);
        Header(signIn, "Strict-Transport-Security").ShouldBe("max-age=31536000");
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BrowserForms.AuthCookie + "=", StringComparison.Ordinal))
            .ShouldContain("secure", Case.Insensitive);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task The_api_reference_needs_a_signed_in_user(string path)
    {
        using var anonymous = App.Anonymous();
        using var signedIn = await App.As(TestData.QuangTriOfficer);

        using var refused = await anonymous.GetAsync(path, Cancellation);
        using var shown = await signedIn.GetAsync(path, Cancellation);

        refused.StatusCode.ShouldBe(HttpStatusCode.Found);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
        // The reference page may first redirect to its own address; a signed-in user is never sent to sign in.
        shown.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Found);
        (shown.Headers.Location?.OriginalString ?? string.Empty).ShouldNotContain("Account/Login");
    }

    [Fact]
    public async Task An_upload_with_the_sign_in_cookie_but_no_antiforgery_token_is_refused_and_stores_nothing()
    {
        var cookie = await App.SignInWithFormAsync(TestData.QuangTriOfficer, MetrologyApp.DemoPassword);
        using var browser = App.WithCookie(cookie);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await officer.CreateDocument(DocumentApi.Document());

        // What a page of another site could make a signed-in browser send.
        using var forged = await browser.Upload("DirectiveDocument", document.Id, "forged.pdf", AttachmentApi.UniquePdf());

        (await forged.ShouldBeProblem(HttpStatusCode.BadRequest)).Title.ShouldNotBeNull().ShouldContain("antiforgery");
        (await officer.ListAttachments("DirectiveDocument", document.Id)).Items.ShouldBeEmpty();
        // The same upload with a bearer token, as API clients make it, is accepted.
        await (await officer.Upload("DirectiveDocument", document.Id, "real.pdf", AttachmentApi.UniquePdf())).ShouldHaveStatus(HttpStatusCode.Created);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new ShouldAssertException($"{name} is missing");

    public sealed class Sqlite(SqliteApp app) : WebSecurityTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : WebSecurityTests(app), IClassFixture<PostgresApp>;
}

/// <summary>A deployment behind a TLS-terminating proxy on the same machine, with the API reference opened to all.</summary>
public abstract class ProxiedDeploymentTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Https_at_the_proxy_makes_the_sign_in_cookie_secure_and_asks_for_https()
    {
        using var browser = App.Anonymous();
        browser.BaseAddress = new Uri("http://metrology.test/");
        browser.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "127.0.0.1");
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var signIn = await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = TestData.QuangTriOfficer, ["Input.Password"] = MetrologyApp.DemoPassword });

        signIn.StatusCode.ShouldBe(HttpStatusCode.Found);
        signIn.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BrowserForms.AuthCookie + "=", StringComparison.Ordinal))
            .ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task The_api_reference_is_open_when_the_setting_allows_it()
    {
        using var anonymous = App.Anonymous();

        await (await anonymous.GetAsync("/openapi/v1.json", Cancellation)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    public sealed class SqliteProxied : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Hosting:ForwardedHeaders", "true"), new("Security:AnonymousApiDocs", "true")];
    }

    public sealed class PostgresProxied : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("Hosting:ForwardedHeaders", "true"), new("Security:AnonymousApiDocs", "true")];
    }

    public sealed class Sqlite(SqliteProxied app) : ProxiedDeploymentTests(app), IClassFixture<SqliteProxied>;

    public sealed class Postgres(PostgresProxied app) : ProxiedDeploymentTests(app), IClassFixture<PostgresProxied>;
}
