using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Metrology.Web.Features.Accounts;

/// <summary>
/// Re-checks an open circuit's session every few seconds (Security:CircuitRevalidationSeconds, 5 by default):
/// a circuit keeps the principal it was opened with and sends no cookie again, so without this a locked or
/// demoted user would keep working in an open tab. A failed check turns the circuit anonymous, and the
/// router then sends the tab to the sign-in page, which ends the circuit.
/// </summary>
public sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Security:CircuitRevalidationSeconds", 5)));

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope each time: the circuit's own DbContext would answer from what it has already tracked.
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().IsCurrentAsync(authenticationState.User, cancellationToken);
    }
}
