using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Accounts;

/// <summary>Signing in to the API with e-mail and password, and what a token does and does not open.</summary>
public abstract class AuthTests(MetrologyApp app) : IntegrationTest(app)
{
    private sealed record TokenJson(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        using var anonymous = App.Anonymous();

        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.QuangTriOfficer, password = MetrologyApp.DemoPassword }, Cancellation);

        var token = await login.ShouldReturn<TokenJson>();
        token.TokenType.ShouldBe("Bearer");
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
        token.RefreshToken.ShouldNotBeNullOrWhiteSpace();
        token.ExpiresIn.ShouldBeGreaterThan(0);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var me = await anonymous.SendAsync(request, Cancellation);
        var who = await me.ShouldReturn<MeJson>();
        who.Email.ShouldBe(TestData.QuangTriOfficer);
        who.Role.ShouldBe("ProvinceOfficer");
        who.ProvinceSlug.ShouldBe(TestData.QuangTri);
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_until_the_account_is_locked()
    {
        var user = await App.CreateAsync("ProvinceOfficer", TestData.QuangTri);
        using var anonymous = App.Anonymous();
        using var login = await Login(anonymous, user.Email, UserApi.Password);
        var first = await login.ShouldReturn<TokenJson>();

        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Cancellation);
        var second = await refresh.ShouldReturn<TokenJson>();
        second.AccessToken.ShouldNotBe(first.AccessToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        (await (await anonymous.SendAsync(request, Cancellation)).ShouldReturn<MeJson>()).Email.ShouldBe(user.Email);

        using var admin = await App.AsSystemAdmin();
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "ProvinceOfficer", provinceSlug = TestData.QuangTri, locked = true }, Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var afterLock = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken }, Cancellation);
        (await afterLock.ShouldBeProblem(HttpStatusCode.Unauthorized)).Title.ShouldBe("Phiên đăng nhập đã hết hạn hoặc không còn hợp lệ. Hãy đăng nhập lại.");
    }

    [Fact]
    public async Task A_made_up_refresh_token_answers_401()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }, Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_without_a_token_names_the_missing_field()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "" }, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("refreshToken").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_email_is_matched_regardless_of_case_and_surrounding_spaces()
    {
        using var anonymous = App.Anonymous();

        using var response = await Login(anonymous, "  Officer@QuangTri.DEMO ", MetrologyApp.DemoPassword);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_without_a_token_answers_401()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/organizations", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_answers_401_problem_in_vietnamese_by_default()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.QuangTriInspector, password = "Sai!mat-khau1" }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        problem.Title.ShouldBe("Email hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var anonymous = App.Anonymous(language: "en");

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@tests.local", password = "Whatever!234" }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        problem.Title.ShouldBe("Invalid e-mail or password.");
    }

    [Fact]
    public async Task Login_without_email_or_password_names_the_missing_fields()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = " " }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("email").ShouldNotBeEmpty();
        problem.ErrorsFor("password").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_account()
    {
        var user = await App.CreateAsync("Inspector", TestData.QuangTri);
        using var anonymous = App.Anonymous();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failure = await Login(anonymous, user.Email, "Wrong!pass-" + attempt);
            await failure.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        using var success = await Login(anonymous, user.Email, UserApi.Password);
        await success.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_failures_from_one_address_make_it_wait_while_the_account_stays_open_elsewhere()
    {
        var user = await App.CreateAsync("Inspector", TestData.QuangTri);
        using var attacker = App.Anonymous(language: "en");
        attacker.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "10.0.5.1");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failure = await Login(attacker, user.Email, "Wrong!pass-" + attempt);
            (await failure.ShouldBeProblem(HttpStatusCode.Unauthorized)).Title.ShouldBe("Invalid e-mail or password.");
        }

        // Even the right password waits from that address; the owner, elsewhere, is not locked out.
        using var waiting = await Login(attacker, user.Email, UserApi.Password);
        (await waiting.ShouldBeProblem(HttpStatusCode.TooManyRequests)).Title.ShouldBe("Too many failed sign-ins from this address. Try again in 1 minute(s).");
        waiting.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        using var owner = App.Anonymous();
        owner.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "10.0.5.2");
        await (await Login(owner, user.Email, UserApi.Password)).ShouldHaveStatus(HttpStatusCode.OK);
        using var admin = await App.AsSystemAdmin();
        var seenByAdmin = await (await admin.GetAsync($"/api/v1/admin/users/{user.Id}", Cancellation)).ShouldReturn<UserJson>();
        seenByAdmin.Locked.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_email_is_slowed_down_after_five_failures_exactly_like_a_real_one()
    {
        using var guesser = App.Anonymous(language: "en");
        guesser.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "10.0.5.3");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await Login(guesser, "nobody-here@tests.local", "Wrong!pass-" + attempt)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        (await (await Login(guesser, "nobody-here@tests.local", "Wrong!pass-6")).ShouldBeProblem(HttpStatusCode.TooManyRequests))
            .Title.ShouldBe("Too many failed sign-ins from this address. Try again in 1 minute(s).");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_family_and_the_sessions()
    {
        var user = await App.CreateAsync("ProvinceOfficer", TestData.QuangTri);
        using var anonymous = App.Anonymous();
        var first = await (await Login(anonymous, user.Email, UserApi.Password)).ShouldReturn<TokenJson>();
        var second = await (await Refresh(anonymous, first.RefreshToken)).ShouldReturn<TokenJson>();
        second.RefreshToken.ShouldNotBe(first.RefreshToken);

        // A stolen copy of the first refresh token is presented again.
        using var replay = await Refresh(anonymous, first.RefreshToken);

        await replay.ShouldBeProblem(HttpStatusCode.Unauthorized);
        // The whole family is revoked: the newer refresh token and the access token it came with stop too.
        await (await Refresh(anonymous, second.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        await (await anonymous.SendAsync(request, Cancellation)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // The owner signs in again with the password.
        await (await Login(anonymous, user.Email, UserApi.Password)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_refresh_hands_out_the_next_token_of_the_chain()
    {
        var user = await App.CreateAsync("ProvinceOfficer", TestData.QuangTri);
        using var anonymous = App.Anonymous();
        var token = await (await Login(anonymous, user.Email, UserApi.Password)).ShouldReturn<TokenJson>();

        for (var round = 0; round < 3; round++)
        {
            token = await (await Refresh(anonymous, token.RefreshToken)).ShouldReturn<TokenJson>();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        (await (await anonymous.SendAsync(request, Cancellation)).ShouldReturn<MeJson>()).Email.ShouldBe(user.Email);
    }

    [Fact]
    public async Task An_account_locked_by_an_administrator_cannot_sign_in()
    {
        var user = await App.CreateAsync("Inspector", TestData.QuangTri);
        using var admin = await App.AsSystemAdmin();

        using var lockResponse = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "Inspector", provinceSlug = TestData.QuangTri, locked = true }, Cancellation);
        (await lockResponse.ShouldReturn<UserJson>()).Locked.ShouldBeTrue();

        using var anonymous = App.Anonymous();
        using var login = await Login(anonymous, user.Email, UserApi.Password);
        await login.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Locking_an_account_ends_the_tokens_it_already_holds()
    {
        var user = await App.CreateAsync("ProvinceOfficer", TestData.QuangTri);
        using var client = await App.As(user.Email, UserApi.Password);
        (await client.GetAsync(OrganizationApi.Path, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await App.AsSystemAdmin();

        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "ProvinceOfficer", provinceSlug = TestData.QuangTri, locked = true }, Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var afterLock = await client.GetAsync(OrganizationApi.Path, Cancellation);
        await afterLock.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Taking_a_right_away_applies_at_once_not_when_the_token_expires()
    {
        var user = await App.CreateAsync("ProvinceOfficer", TestData.QuangTri);
        using var client = await App.As(user.Email, UserApi.Password);
        await client.CreateOrganization(TestData.Enterprise());
        using var admin = await App.AsSystemAdmin();
        var before = await App.CountAllOrganizations();

        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "Inspector", provinceSlug = TestData.QuangTri }, Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var afterDemotion = await client.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(), Cancellation);
        afterDemotion.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await App.CountAllOrganizations()).ShouldBe(before);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJTeXN0ZW1BZG1pbiJ9.")]
    public async Task A_made_up_token_answers_401(string token)
    {
        using var anonymous = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await anonymous.SendAsync(request, Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_real_token_with_one_character_changed_answers_401()
    {
        var token = await App.LoginAsync(TestData.DemoSystemAdmin, MetrologyApp.DemoPassword);
        var middle = token.Length / 2;
        var forged = new StringBuilder(token) { [middle] = token[middle] == 'A' ? 'B' : 'A' }.ToString();
        using var anonymous = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await anonymous.SendAsync(request, Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Cancellation);

    private static Task<HttpResponseMessage> Refresh(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Cancellation);

    public sealed class Sqlite(SqliteApp app) : AuthTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AuthTests(app), IClassFixture<PostgresApp>;
}
