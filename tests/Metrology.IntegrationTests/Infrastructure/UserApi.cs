using System.Net;
using System.Net.Http.Json;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>Accounts made through the admin API, the way an administrator would make them.</summary>
public static class UserApi
{
    public const string Password = "Test!2345-user";

    public static async Task<UserJson> CreateAsync(
        this MetrologyApp app, string role, string? provinceSlug, int? organizationId = null, string? email = null)
    {
        using var admin = await app.AsSystemAdmin();
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email = email ?? TestData.NewEmail(role.ToLowerInvariant()),
            password = Password,
            fullName = $"Người dùng thử {role}",
            role,
            provinceSlug,
            organizationId,
        });
        return await response.ShouldReturn<UserJson>(HttpStatusCode.Created);
    }
}
