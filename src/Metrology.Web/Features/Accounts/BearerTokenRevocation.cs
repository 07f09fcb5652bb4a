using System.Security.Claims;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Accounts;

/// <summary>
/// A bearer token carries its claims with it and by itself stays valid until it expires, even after an
/// administrator locks the account or changes its role. Every such change renews the account's security
/// stamp, so each bearer request compares the token's stamp with the account's and treats a stale token
/// as no token (401): the change applies at once, as UserAdministration promises.
/// </summary>
public static class BearerTokenRevocation
{
    public static void UseBearerTokenRevocation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && HostingSetup.CarriesBearerToken(context.Request)
                && !await context.RequestServices.GetRequiredService<SessionCheck>().IsCurrentAsync(context.User, context.RequestAborted))
            {
                // Replacing the user also drops the authentication result, so authorization challenges (401).
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        });
}
