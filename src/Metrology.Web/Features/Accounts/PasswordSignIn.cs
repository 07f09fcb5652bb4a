using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Accounts;

public enum SignInStatus
{
    Succeeded,
    Invalid,
    LockedOut,
    Throttled,
}

/// <summary>The outcome of an e-mail and password check; <see cref="User"/> only when it succeeded.</summary>
public sealed record SignInAttempt(SignInStatus Status, AppUser? User = null, TimeSpan? Wait = null)
{
    /// <summary>Whole minutes left to wait, rounded up, for the message.</summary>
    public int WaitMinutes => Wait is { } wait ? (int)Math.Ceiling(wait.TotalMinutes) : 0;
}

/// <summary>
/// The password check shared by the sign-in form and the API login, so both have the same throttle and
/// the same answers. An unknown e-mail and a wrong password give the same answer after the same work
/// (a dummy hash is checked for unknown e-mails: timing does not tell which accounts exist), and an
/// administrator's lock is only revealed to someone who knows the password.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    AppDbContext db,
    SignInThrottle throttle,
    IHttpContextAccessor httpContextAccessor)
{
    private static string? dummyHash;

    public async Task<SignInAttempt> CheckAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var normalizedEmail = userManager.NormalizeEmail(email.Trim());
        var address = httpContextAccessor.HttpContext is { } context ? HostingSetup.ClientAddress(context) : "unknown";
        if (throttle.WaitFor(normalizedEmail, address) is { } wait)
        {
            return new SignInAttempt(SignInStatus.Throttled, Wait: wait);
        }

        // Without the tenant filter: nobody is signed in yet.
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        bool passwordMatches;
        if (user is null)
        {
            dummyHash ??= userManager.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            userManager.PasswordHasher.VerifyHashedPassword(new AppUser(), dummyHash, password);
            passwordMatches = false;
        }
        else
        {
            passwordMatches = await userManager.CheckPasswordAsync(user, password);
        }

        if (!passwordMatches)
        {
            throttle.RecordFailure(normalizedEmail, address);
            return new SignInAttempt(SignInStatus.Invalid);
        }

        throttle.RecordSuccess(normalizedEmail, address);
        return await userManager.IsLockedOutAsync(user!) || !await signInManager.CanSignInAsync(user!)
            ? new SignInAttempt(SignInStatus.LockedOut)
            : new SignInAttempt(SignInStatus.Succeeded, user);
    }
}
