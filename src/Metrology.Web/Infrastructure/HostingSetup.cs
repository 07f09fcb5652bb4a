using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Shared;
using Metrology.Web.Components;
using Metrology.Web.Features.Accounts;
using Metrology.Web.Features.Assurance;
using Metrology.Web.Features.Attachments;
using Metrology.Web.Features.Auditing;
using Metrology.Web.Features.Backups;
using Metrology.Web.Features.Calibrations;
using Metrology.Web.Features.Dashboards;
using Metrology.Web.Features.Demo;
using Metrology.Web.Features.Designations;
using Metrology.Web.Features.Documents;
using Metrology.Web.Features.Exports;
using Metrology.Web.Features.Home;
using Metrology.Web.Features.Imports;
using Metrology.Web.Features.Inspections;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Features.Investments;
using Metrology.Web.Features.NationalRollup;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Features.Outreach;
using Metrology.Web.Features.Plans;
using Metrology.Web.Features.PublicLookup;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Features.ReferenceVerification;
using Metrology.Web.Features.Reports;
using Metrology.Web.Features.ScienceTasks;
using Metrology.Web.Features.Standards;
using Metrology.Web.Features.Surveys;
using Metrology.Web.Features.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using MudBlazor;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Metrology.Web.Infrastructure;

/// <summary>Service registration and the HTTP pipeline, kept out of Program.cs so both read top to bottom.</summary>
public static class HostingSetup
{
    /// <summary>Picks the bearer handler for requests that carry a token, the Identity cookie otherwise.</summary>
    private const string CookieOrBearerScheme = "CookieOrBearer";

    /// <summary>Vietnamese first; English as en-GB (day-first dates). Bare "vi"/"en" accept API clients' Accept-Language.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en-GB"), new("vi"), new("en")];

    public static void AddMetrologyServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line: what log collectors of a production deployment ingest.
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        // No "Server: Kestrel" banner on responses.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Keys under the data directory: sign-in cookies and API tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("Metrology")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSetup.DataDirectory(configuration), "keys")));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ITenantScope>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddAppDatabase(configuration);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                // Lockout is an administrator's act only (UserAdministration); failed passwords are slowed
                // down per account and address by SignInThrottle, so nobody can lock someone else out.
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearerScheme;
                o.DefaultAuthenticateScheme = CookieOrBearerScheme;
                o.DefaultChallengeScheme = CookieOrBearerScheme;
                o.DefaultForbidScheme = CookieOrBearerScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context =>
                    CarriesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "metrology.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS (directly, or through a proxy with Hosting:ForwardedHeaders).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Every request, not Identity's default of every 30 minutes: a lock, a role or password change
            // and a sign-out end the browser session at once.
            o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            // API callers get status codes, not a redirect to the login page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddScoped<SessionCheck>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<RefreshTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddWebSecurity(configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // API clients choose their language with Accept-Language. Pages ignore the header: the UI is
            // Vietnamese until the user picks English on the switch (a cookie), whatever the browser says.
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? acceptLanguage.DetermineProviderCultureResult(context)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });

        services.AddMetrologyTelemetry(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();

        var loginLimit = configuration.GetValue("RateLimits:LoginPerMinutePerIp", 20);
        var publicLimit = configuration.GetValue("RateLimits:PublicPerMinutePerIp", 30);
        var publicBudget = configuration.GetValue("RateLimits:PublicPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Posts only: the sign-in form's page itself is shown freely, its submissions count with the API logins.
            o.AddPolicy(AuthEndpoints.LoginRateLimitPolicy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginLimit, Window = TimeSpan.FromMinutes(1) }));
            // The public lookup is limited per address and, against counting spread over many addresses, in
            // total; both limits live in the global limiter, chained per address first, so one address past its
            // own limit does not use up everybody's budget. The policy only marks the endpoints.
            o.AddPolicy(PublicLookupEndpoints.RateLimitPolicy, _ => RateLimitPartition.GetNoLimiter("marked"));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsPublicLookup(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = publicLimit, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsPublicLookup(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "all",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = publicBudget, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests. Retry after 60 seconds." },
                });
            };
        });

        services.AddScoped<OrganizationService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoDataSeeder>();
        // Every area's demo records, found by type so that adding an area touches no list here.
        foreach (var seeder in typeof(IDemoRecordSeeder).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDemoRecordSeeder))))
        {
            services.AddScoped(typeof(IDemoRecordSeeder), seeder);
        }

        services.AddScoped<VerificationService>();
        services.AddScoped<CertificateService>();
        services.AddScoped<PublicLookupService>();
        services.AddMemoryCache();
        services.AddScoped<Group2Catalogue>();
        services.AddScoped<DesignationService>();
        services.AddScoped<StandardService>();
        services.AddScoped<ReferenceCaseService>();
        services.AddScoped<CalibrationService>();
        services.AddScoped<PlanService>();
        services.AddScoped<OutreachService>();
        services.AddScoped<InvestmentService>();
        services.AddScoped<EquipmentService>();
        services.AddScoped<AssuranceService>();
        services.AddSingleton<DemoStatus>();
        services.AddInstruments();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<AttachmentAccess>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<ScienceTaskService>();
        services.AddScoped<ReportService>();
        services.AddSurveys();
        services.AddInspections();
        services.AddScoped<ExportService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<RollupService>();
        services.AddScoped<StartService>();
        services.AddImports();
        services.AddBackups();

        // Vietnamese letters leave as UTF-8, not as "&#x1EA3;" entities that tripled the size of every page's text.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddResponseCompression(o =>
        {
            // Also over HTTPS: the pages and assets are what a phone downloads. A reflected secret is the BREACH
            // risk; the pages carry none beside the antiforgery token, which is random per form render.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // The static assets leave precompressed; this compresses the pages and API answers, where speed matters more.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            // A phone has room for one message: the newest replaces the others instead of stacking over the page.
            o.SnackbarConfiguration.PreventDuplicates = true;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
            o.SnackbarConfiguration.NewestOnTop = true;
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
        });
    }

    public static void UseMetrologyPipeline(this WebApplication app)
    {
        app.UseWebSecurity();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseBearerTokenRevocation();
        app.UseCookieApiAntiforgery();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        var apiDocs = new[] { app.MapOpenApi("/openapi/{documentName}.json"), app.MapScalarApiReference("/scalar") };
        if (!app.Configuration.GetValue("Security:AnonymousApiDocs", false))
        {
            // The API's map tells an attacker where to look: signed-in users only, unless a deployment opts in.
            foreach (var docs in apiDocs)
            {
                docs.RequireAuthorization();
            }
        }
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.AddEndpointFilterFactory(InputGuard.Factory);
        api.MapAuthEndpoints();
        api.MapOrganizationEndpoints();
        api.MapAdminUserEndpoints();
        api.MapAuditEndpoints();
        api.MapReferenceDataEndpoints();
        api.MapVerificationEndpoints();
        api.MapPublicLookupEndpoints();
        api.MapDesignationEndpoints();
        api.MapStandardEndpoints();
        api.MapReferenceCaseEndpoints();
        api.MapCalibrationEndpoints();
        api.MapInstrumentEndpoints();
        api.MapAttachmentEndpoints();
        api.MapDocumentEndpoints();
        api.MapScienceTaskEndpoints();
        api.MapPlanEndpoints();
        api.MapOutreachEndpoints();
        api.MapSurveyEndpoints();
        api.MapInvestmentEndpoints();
        api.MapExportEndpoints();
        api.MapAssuranceEndpoints();
        api.MapInspectionEndpoints();
        api.MapReportEndpoints();
        api.MapDashboardEndpoints();
        api.MapRollupEndpoints();
        api.MapStartEndpoints();
        api.MapImportEndpoints();
        api.MapBackupEndpoints();

        app.MapCultureEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>The client's address (the proxy's unless Hosting:ForwardedHeaders is on): what rate limits count by.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsPublicLookup(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PublicLookupEndpoints.RateLimitPolicy;

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>/culture/set?culture=en-GB&amp;redirectUri=/x stores the choice in a year-long cookie.</summary>
    private static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/set", (HttpContext context, string? culture, string? redirectUri) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.TwoLetterISOLanguageName, culture, StringComparison.OrdinalIgnoreCase)) ?? SupportedCultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            // Only a path of this site: "//evil" and "/\\evil" are other hosts to a browser (and made LocalRedirect throw a 500).
            var target = Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(redirectUri) ? redirectUri! : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
}
