using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>
/// The real application on a database of its own, shared by the tests of one class. Tests talk to it
/// over HTTP only; <see cref="Services"/> is there for the few checks no API exposes (e.g. role rows).
/// </summary>
public abstract class MetrologyApp : IAsyncLifetime
{
    public const string AdminEmail = "root@tests.local";
    public const string AdminPassword = "Root!2345-tests";
    public const string DemoPassword = "Demo!2345";

    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> arrangements = new(StringComparer.Ordinal);
    private TestDatabase? database;
    private MetrologyWebFactory? factory;

    public abstract DatabaseEngine Engine { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Counts the SQL commands this app sends; see <see cref="QueryCounter"/>.</summary>
    public QueryCounter Queries { get; } = new();

    private MetrologyWebFactory Factory => factory ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>Settings a fixture changes from the defaults below (last one wins).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>Services a fixture replaces, e.g. the clock; applied after the app's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        if (database is not null)
        {
            Start();
        }
    }

    /// <summary>A fresh database by default; a fixture may start the app on one it prepared (e.g. a restored backup).</summary>
    protected virtual Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.CreateUnlessUnavailableAsync(Engine);

    /// <summary>Called by every test first: a PostgreSQL test without a server is skipped, with the reason.</summary>
    public void SkipWhenUnavailable()
    {
        if (database is null && TestDatabase.PostgresUnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Stops the app and starts a new instance on the same database, as a redeploy would.</summary>
    public async Task RestartAsync()
    {
        tokens.Clear();
        await Factory.DisposeAsync();
        Start();
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    /// <summary>A client signed in with a bearer token; tokens are cached per account for the fixture's life.</summary>
    public async Task<HttpClient> As(string email, string password = DemoPassword, string? language = null)
    {
        if (!tokens.TryGetValue(email, out var token))
        {
            token = await LoginAsync(email, password);
            tokens[email] = token;
        }

        var client = Anonymous(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AsSystemAdmin() => As(AdminEmail, AdminPassword);

    /// <summary>
    /// Data that several tests of a class read but none changes (e.g. a second province's accounts),
    /// made once per app on first use.
    /// </summary>
    public async Task<T> Arranged<T>(string name, Func<MetrologyApp, Task<T>> arrange)
        where T : class =>
        (T)await arrangements.GetOrAdd(name, _ => new Lazy<Task<object>>(async () => await arrange(this))).Value;

    public async Task<string> LoginAsync(string email, string password)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        await response.ShouldHaveStatus(System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private void Start()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            // Keys are stored unencrypted in the temp data directory on purpose; the warning is noise here.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,
            // The demo's thousands of instruments and verifications only where a fixture asks for them (Demo tests).
            ["Demo:SeedRecords"] = "false",
            // Every test logs in from the same address; only the rate-limit test wants the real limit.
            ["RateLimits:LoginPerMinutePerIp"] = "100000",
            ["RateLimits:PublicPerMinutePerIp"] = "100000",
            // The daily reminder job would mail at start-up; its own tests switch it on.
            ["Reminders:Enabled"] = "false",
        };
        var created = database ?? throw new InvalidOperationException("The database is not created.");
        foreach (var (key, value) in created.Settings().Concat(ExtraSettings))
        {
            settings[key] = value;
        }

        factory = new MetrologyWebFactory(settings, services =>
        {
            services.AddSingleton<IInterceptor>(Queries);
            BrowserForms.UseTestClientAddresses(services);
            ConfigureServices(services);
        });
        // Starting the host runs migrations and seeding now, not inside the first test's timing.
        _ = factory.Server;
    }

    private sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

    private sealed class MetrologyWebFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> configureServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(configureServices);
        }
    }
}

public class SqliteApp : MetrologyApp
{
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;
}

public class PostgresApp : MetrologyApp
{
    public override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
