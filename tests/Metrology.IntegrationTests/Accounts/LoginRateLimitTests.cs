using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Accounts;

/// <summary>Password guessing from one address is slowed down: past the limit, login answers 429.</summary>
public abstract class LoginRateLimitTests(MetrologyApp app) : IntegrationTest(app)
{
    private const int LimitPerMinute = 3;

    [Fact]
    public async Task Logins_past_the_per_minute_limit_answer_429_with_retry_after()
    {
        using var anonymous = App.Anonymous();

        for (var attempt = 1; attempt <= LimitPerMinute; attempt++)
        {
            using var allowed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "guess@tests.local", password = $"Guess!{attempt}xyz" }, Cancellation);
            await allowed.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        using var limited = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.QuangTriOfficer, password = MetrologyApp.DemoPassword }, Cancellation);

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        using var otherEndpoints = await anonymous.GetAsync("/health/ready", Cancellation);
        await otherEndpoints.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_form_counts_against_the_same_limit_while_its_page_still_shows()
    {
        for (var attempt = 1; attempt <= LimitPerMinute; attempt++)
        {
            using var allowed = await App.PostSignInFormAsync("guess@tests.local", $"Guess!{attempt}xyz", address: "10.2.0.1");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await App.PostSignInFormAsync(TestData.QuangTriOfficer, MetrologyApp.DemoPassword, address: "10.2.0.1");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // The API login from that address is refused too: one limit for both doors.
        using var api = App.Anonymous();
        api.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "10.2.0.1");
        await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.QuangTriOfficer, password = MetrologyApp.DemoPassword }, Cancellation))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    public sealed class SqliteWithLimit : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("RateLimits:LoginPerMinutePerIp", LimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public sealed class PostgresWithLimit : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("RateLimits:LoginPerMinutePerIp", LimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public sealed class Sqlite(SqliteWithLimit app) : LoginRateLimitTests(app), IClassFixture<SqliteWithLimit>;

    public sealed class Postgres(PostgresWithLimit app) : LoginRateLimitTests(app), IClassFixture<PostgresWithLimit>;
}
