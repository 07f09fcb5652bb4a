using System.Globalization;
using System.Security.Claims;
using Metrology.Core.Accounts;
using Metrology.Core.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Metrology.Web.Infrastructure;

/// <summary>Claims the platform adds to a signed-in user's principal (cookie and bearer token alike).</summary>
public static class AppClaims
{
    public const string ProvinceId = "metrology:province_id";
    public const string ProvinceSlug = "metrology:province_slug";
    public const string OrganizationId = "metrology:organization_id";
    public const string FullName = "metrology:full_name";
}

/// <summary>
/// The signed-in user of this request or Blazor circuit, and the tenant scope derived from it.
/// HTTP requests read HttpContext.User; circuits have no HttpContext, so <see cref="UserCircuitHandler"/>
/// hands the circuit's user in.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ITenantScope
{
    /// <summary>Province id that matches no row: a province-bound role whose account lost its province sees nothing.</summary>
    private const int NoProvince = -1;

    private ClaimsPrincipal? circuitUser;

    public ClaimsPrincipal Principal => circuitUser ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? Role => Principal.FindFirstValue(ClaimTypes.Role);

    public bool IsInRole(params string[] roles) => roles.Any(Principal.IsInRole);

    public int? ProvinceId
    {
        get
        {
            if (!IsAuthenticated || Role is { } role && Roles.IsNational(role))
            {
                return null;
            }

            return ParseInt(AppClaims.ProvinceId) ?? NoProvince;
        }
    }

    public string? ProvinceSlug => Principal.FindFirstValue(AppClaims.ProvinceSlug);

    public int? OrganizationId => IsAuthenticated ? ParseInt(AppClaims.OrganizationId) : null;

    public bool RestrictToOwnOrganization => IsInRole(Roles.EnterpriseUser);

    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserEmail => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name : null;

    public void SetCircuitUser(ClaimsPrincipal user) => circuitUser = user;

    private int? ParseInt(string claim) =>
        int.TryParse(Principal.FindFirstValue(claim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the authentication state of a Blazor circuit.</summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.SetCircuitUser(state.User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.SetCircuitUser(state.User);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
