using System.Security.Claims;
using System.Security.Cryptography;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrology.Web.Features.Accounts;

/// <summary>
/// One-time refresh tokens. A sign-in starts a <see cref="RefreshTokenFamily"/>; its family and token ids
/// travel as claims inside the (protected) tokens. A refresh must present the family's current token and
/// gets the next one; presenting an older one again revokes the family.
/// </summary>
public sealed class RefreshTokens(AppDbContext db, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
{
    public const string FamilyClaim = "metrology:refresh_family";
    public const string TokenClaim = "metrology:refresh_token";

    private TimeSpan Lifetime => bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;

    /// <summary>A new family for a sign-in; the claims go into the tokens handed out.</summary>
    public async Task<Claim[]> StartFamilyAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Housekeeping where it costs nothing extra: the user's families whose last token has expired.
        await db.RefreshTokenFamilies.Where(f => f.UserId == user.Id && f.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var family = new RefreshTokenFamily { Id = NewId(), UserId = user.Id, CurrentTokenId = NewId(), CreatedAt = now, ExpiresAt = now + Lifetime };
        db.RefreshTokenFamilies.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return Claims(family.Id, family.CurrentTokenId);
    }

    /// <summary>
    /// The claims of the next token when <paramref name="refreshPrincipal"/> holds its family's current token;
    /// null otherwise, in which case the family is revoked (a used token came back: a copy is in other hands).
    /// </summary>
    public async Task<Claim[]?> RotateAsync(ClaimsPrincipal refreshPrincipal, CancellationToken cancellationToken = default)
    {
        var familyId = refreshPrincipal.FindFirstValue(FamilyClaim);
        var tokenId = refreshPrincipal.FindFirstValue(TokenClaim);
        if (familyId is null || tokenId is null)
        {
            return null;
        }

        var next = NewId();
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + Lifetime;
        // One conditional update: of two requests racing with the same token, only one can win.
        var rotated = await db.RefreshTokenFamilies
            .Where(f => f.Id == familyId && f.CurrentTokenId == tokenId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CurrentTokenId, next).SetProperty(f => f.ExpiresAt, expires), cancellationToken);
        if (rotated == 1)
        {
            return Claims(familyId, next);
        }

        await db.RefreshTokenFamilies.Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), cancellationToken);
        return null;
    }

    private static Claim[] Claims(string familyId, string tokenId) => [new(FamilyClaim, familyId), new(TokenClaim, tokenId)];

    /// <summary>128 random bits, base64url: 22 characters.</summary>
    private static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
}
