using System.Security.Claims;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// Runs one operation of a Blazor component in a fresh DI scope acting as the circuit's user.
/// Services that hold a scoped AppDbContext or UserManager must not live as long as a circuit
/// (a context is not thread-safe and its change tracker would grow for hours), so each click gets its own.
/// </summary>
public static class ScopedOperation
{
    public static async Task<TResult> RunAsync<TService, TResult>(
        this IServiceScopeFactory scopes, ClaimsPrincipal user, Func<TService, Task<TResult>> operation)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(user);
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
