using System.Security.Claims;
using Metrology.Core.Accounts;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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
            LoginRequest request, SignInManager<AppUser> signInManager, IStringLocalizer<SharedResource> text) =>
        {
            var errors = new FieldErrors();
            FieldRules.RequireText(errors, text, "email", request.Email, 256);
            FieldRules.RequireText(errors, text, "password", request.Password, 256);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signInManager.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                // The bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }.
                return TypedResults.Empty;
            }

            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Invalid"]);
        })
        .AllowAnonymous()
        .RequireRateLimiting(LoginRateLimitPolicy)
        .WithName("Login")
        .WithSummary("Exchange e-mail and password for a bearer access token.");

        group.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> (
            RefreshRequest request, SignInManager<AppUser> signInManager, IOptionsMonitor<BearerTokenOptions> bearerOptions,
            TimeProvider clock, IStringLocalizer<SharedResource> text) =>
        {
            var errors = new FieldErrors();
            FieldRules.RequireText(errors, text, "refreshToken", request.RefreshToken, 4096);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            // The same checks as Identity's MapIdentityApi: not expired, and the security stamp still
            // matches, so a locked account or a changed role cannot refresh its way back in.
            var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
                || await signInManager.UserManager.IsLockedOutAsync(user))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["Login.RefreshInvalid"]);
            }

            var principal = await signInManager.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .RequireRateLimiting(LoginRateLimitPolicy)
        .WithName("RefreshToken")
        .WithSummary("Exchange a refresh token for a new access token (and refresh token).");

        group.MapGet("/me", (ClaimsPrincipal user, CurrentUser current) =>
            TypedResults.Ok(new MeResponse(
                current.UserId!, current.UserEmail, user.FindFirstValue(AppClaims.FullName), current.Role ?? string.Empty,
                current.ProvinceSlug, current.OrganizationId)))
        .RequireAuthorization()
        .WithName("Me");
    }
}
