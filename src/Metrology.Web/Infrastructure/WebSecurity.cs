using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// Response headers every page and API answer carries, HTTPS behind a proxy, and antiforgery for API writes
/// made with the sign-in cookie. Settings are described in the README (Security).
/// </summary>
public static class WebSecurity
{
    /// <summary>HttpContext.Items key of this response's script nonce (App.razor puts it on the import map).</summary>
    public const string NonceKey = "csp-nonce";

    public static void AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        if (configuration.GetValue("Hosting:ForwardedHeaders", false))
        {
            // Scheme and client address from the reverse proxy, trusted only from the proxies the framework
            // trusts by default (this machine) unless Hosting:KnownProxies names others.
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in configuration.GetValue("Hosting:KnownProxies", string.Empty)!
                             .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }
    }

    public static void UseWebSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue("Hosting:ForwardedHeaders", false))
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            // Hex: nothing in it for HTML to escape.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Path, nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return next(context);
        });

        // Only on HTTPS requests, and never for localhost (the framework's rule): a browser that once saw the
        // site over HTTPS will not fall back to HTTP for a year.
        app.UseHsts();
    }

    /// <summary>
    /// Scripts from this site only (the import map by nonce); styles also inline, as MudBlazor sets style
    /// attributes; the Blazor circuit's WebSocket is same-origin. The API reference page (Scalar) runs an
    /// inline start-up script, so it alone allows inline scripts.
    /// </summary>
    private static string ContentSecurityPolicy(PathString path, string nonce)
    {
        var scripts = path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
            ? "'self' 'unsafe-inline'"
            : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>
    /// The API is meant for bearer tokens, which a browser never attaches by itself; a write to it with the
    /// sign-in cookie (an upload from a page of another site, say) must carry an antiforgery token as the
    /// site's own forms do. The UI's uploads go through the Blazor circuit and are not affected.
    /// </summary>
    public static void UseCookieApiAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.User.Identity?.IsAuthenticated == true
                && !HostingSetup.CarriesBearerToken(request)
                && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = text["Error.Antiforgery"] },
                });
                return;
            }

            await next(context);
        });
}
