using System.Security.Claims;
using Metrology.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrology.Web.Features.Accounts;

/// <summary>
/// Whether a signed-in principal (cookie, bearer token or Blazor circuit) still stands: the account exists,
/// is not locked, and its security stamp is the one the principal was issued with. Locking, a role change,
/// a password change and signing out all renew the stamp, so each ends every session made before it.
/// </summary>
public sealed class SessionCheck(AppDbContext db, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        // One primary-key read without the tenant filter: the check runs before the request has a user.
        var account = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        return account is not null
            && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
            && !(account.LockoutEnd > clock.GetUtcNow());
    }

    /// <summary>
    /// The cookie's principal is checked on every request instead of Identity's default of every 30 minutes,
    /// so a lock, a role or password change, or a sign-out elsewhere ends the browser session at its next request.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (!await check.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
