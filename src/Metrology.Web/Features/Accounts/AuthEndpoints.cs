using System.Globalization;
using System.Security.Claims;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Metrology.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record MeResponse(string Id, string? Email, string? FullName, string Role, string? ProvinceSlug, int? OrganizationId);

/// <summary>
/// Bearer-token sign-in for API clients. The token is ASP.NET Core Identity's protected bearer token,
/// carrying the same claims (role, province, organisation) as the UI cookie.
/// </summary>
public static class AuthEndpoints
{
    public const string LoginRateLimitPolicy = "login";

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentication");

        group.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> (
            LoginRequest request, PasswordSignIn passwords, RefreshTokens refreshTokens, SignInManager<AppUser> signInManager,
            HttpContext context, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            FieldRules.RequireText(errors, text, "email", request.Email, 256);
            FieldRules.RequireText(errors, text, "password", request.Password, 256);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            var attempt = await passwords.CheckAsync(request.Email!, request.Password!, ct);
            if (attempt is { Status: SignInStatus.Succeeded, User: { } user })
            {
                signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
                await signInManager.SignInWithClaimsAsync(user, isPersistent: false, await refreshTokens.StartFamilyAsync(user, ct));
                // The bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }.
                return TypedResults.Empty;
            }

            return Refused(attempt, context, text);
        })
        .AllowAnonymous()
        .RequireRateLimiting(LoginRateLimitPolicy)
        .WithName("Login")
        .WithSummary("Exchange e-mail and password for a bearer access token.");

        group.MapPost("/refresh", async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> (
            RefreshRequest request, SignInManager<AppUser> signInManager, IOptionsMonitor<BearerTokenOptions> bearerOptions,
            SessionCheck sessions, RefreshTokens refreshTokens, AppDbContext db, TimeProvider clock,
            IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            FieldRules.RequireText(errors, text, "refreshToken", request.RefreshToken, 4096);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            // Not expired, and the session still stands (security stamp, lock), so a locked account or a
            // changed role cannot refresh its way back in.
            var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            var invalid = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["Login.RefreshInvalid"]);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || !await sessions.IsCurrentAsync(ticket.Principal, ct)
                || ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
                || await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
            {
                return invalid;
            }

            if (await refreshTokens.RotateAsync(ticket.Principal, ct) is not { } next)
            {
                // An already used refresh token came back: whoever holds the family's newer tokens may be a
                // thief. A new security stamp ends every session and token of the account; it signs in again.
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
                return invalid;
            }

            signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signInManager.SignInWithClaimsAsync(user, isPersistent: false, next);
            return TypedResults.Empty;
        })
        .AllowAnonymous()
        .RequireRateLimiting(LoginRateLimitPolicy)
        .WithName("RefreshToken")
        .WithSummary("Exchange a refresh token, once, for a new access token and refresh token; a reused refresh token ends every session of the account.");

        group.MapGet("/me", (ClaimsPrincipal user, CurrentUser current) =>
            TypedResults.Ok(new MeResponse(
                current.UserId!, current.UserEmail, user.FindFirstValue(AppClaims.FullName), current.Role ?? string.Empty,
                current.ProvinceSlug, current.OrganizationId)))
        .RequireAuthorization()
        .WithName("Me");
    }

    /// <summary>The same answer for an unknown e-mail and a wrong password; a wait names its length.</summary>
    private static ProblemHttpResult Refused(SignInAttempt attempt, HttpContext context, IStringLocalizer<SharedResource> text)
    {
        if (attempt.Status == SignInStatus.Throttled)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.Wait!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Login.Throttled", attempt.WaitMinutes]);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: attempt.Status == SignInStatus.LockedOut ? text["Login.LockedOut"] : text["Login.Invalid"]);
    }
}
