using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Metrology.EndToEndTests;

/// <summary>
/// The real app on Kestrel at a free loopback port, with a fresh SQLite file and the demo data, plus one
/// headless Chromium shared by every test (each test opens its own browser context, so cookies do not leak).
/// </summary>
public sealed class MetrologyApp : IAsyncLifetime
{
    public const string DemoPassword = "Demo!2345";

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("metrology-e2e-").FullName;
    private Factory? factory;
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>For arranging data no page creates yet (e.g. designations); tests still act through the browser.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app is not started.");

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        factory = new Factory(dataDirectory);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        // Assertions poll until true; under load a page may take longer than Playwright's 5 s default to settle.
        Assertions.SetDefaultExpectTimeout(15_000);

        using var http = new HttpClient { BaseAddress = BaseAddress };
        (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).EnsureSuccessStatusCode();

        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        // Debian's Chromium: Playwright cannot download its own browser build here.
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("METROLOGY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context in Vietnamese (the default language), sized like an office screen or a phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "vi-VN",
            // A phone: 390×844 CSS pixels, touch, the mobile layout's breakpoints.
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Some 30 journeys share one app and two cores; a slow moment under that load is not a failure.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on a slow machine; the temp folder is cleaned by the OS.
        }
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("RateLimits:LoginPerMinutePerIp", "1000");
            // The reminder job would mail at start-up; the instrument journey runs it from the admin page instead.
            builder.UseSetting("Reminders:Enabled", "false");
        }
    }
}
