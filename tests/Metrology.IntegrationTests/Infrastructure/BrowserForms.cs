using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>
/// What a browser does with the account pages: fetch the form (its antiforgery token and cookie), post it,
/// keep the sign-in cookie. The cookie is returned as a "name=value" string, so a test can also replay a copy.
/// </summary>
public static partial class BrowserForms
{
    public const string AuthCookie = "metrology.auth";

    /// <summary>Header the test host reads as the client's address (see <see cref="UseTestClientAddresses"/>).</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Posts the sign-in form from a fresh browser; the response is the form's answer (302 on success).</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(this MetrologyApp app, string email, string password, string? address = null)
    {
        var browser = app.Anonymous();
        if (address is not null)
        {
            browser.DefaultRequestHeaders.Add(AddressHeader, address);
        }

        return await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>Signs in through the form and returns the sign-in cookie ("metrology.auth=...").</summary>
    public static async Task<string> SignInWithFormAsync(this MetrologyApp app, string email, string password)
    {
        using var response = await app.PostSignInFormAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Found, "the sign-in form should redirect after a good password");
        return AuthCookieOf(response).ShouldNotBeNull("the sign-in form set no cookie");
    }

    /// <summary>A browser holding only this cookie, as someone who copied it would.</summary>
    public static HttpClient WithCookie(this MetrologyApp app, string cookie)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Gets the page, then posts its form <paramref name="formName"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(browser, path);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path, TestContext.Current.CancellationToken);
        return AntiforgeryField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    public static string? AuthCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !c.StartsWith(AuthCookie + "=;", StringComparison.Ordinal))
                .Select(c => c.Split(';')[0]).FirstOrDefault()
            : null;

    /// <summary>
    /// Lets a test speak from several addresses (all requests of the test host come from nowhere): the value of
    /// <see cref="AddressHeader"/>, when present, becomes the connection's remote address.
    /// </summary>
    public static void UseTestClientAddresses(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ClientAddressFilter>();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[AddressHeader].ToString() is { Length: > 0 } address)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
