using Metrology.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Metrology.Web.Features.Accounts;

/// <summary>Form endpoints of the static account pages.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/Account/Logout", async (SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).ExcludeFromDescription();
}
