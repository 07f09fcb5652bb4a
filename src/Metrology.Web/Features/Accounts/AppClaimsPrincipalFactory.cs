using System.Globalization;
using System.Security.Claims;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrology.Web.Features.Accounts;

/// <summary>Puts the user's province and organisation into the principal, so scoping needs no query per request.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Email is not null && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        }

        if (user.ProvinceId is { } provinceId)
        {
            identity.AddClaim(new Claim(AppClaims.ProvinceId, provinceId.ToString(CultureInfo.InvariantCulture)));
            var slug = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Slug).FirstOrDefaultAsync();
            if (slug is not null)
            {
                identity.AddClaim(new Claim(AppClaims.ProvinceSlug, slug));
            }
        }

        if (user.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(AppClaims.OrganizationId, organizationId.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim(AppClaims.FullName, user.FullName));
        }

        return identity;
    }
}
