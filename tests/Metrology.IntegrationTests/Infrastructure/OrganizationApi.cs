using System.Net;
using System.Net.Http.Json;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>Organisation calls that many tests share.</summary>
public static class OrganizationApi
{
    public const string Path = "/api/v1/organizations";

    public static async Task<OrganizationJson> CreateOrganization(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body);
        return await response.ShouldReturn<OrganizationJson>(HttpStatusCode.Created);
    }

    public static async Task<PageJson<OrganizationJson>> ListOrganizations(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"{Path}?{query}");
        return await response.ShouldReturn<PageJson<OrganizationJson>>();
    }

    /// <summary>Rows in every province, as the SystemAdmin sees them: the count a failed write must leave alone.</summary>
    public static async Task<int> CountAllOrganizations(this MetrologyApp app)
    {
        using var admin = await app.AsSystemAdmin();
        return (await admin.ListOrganizations("pageSize=1")).Total;
    }
}
