using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Auditing;

/// <summary>Every change to an organisation or a user leaves an audit line: who, when, what, before and after.</summary>
public abstract class AuditTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Creating_changing_and_deleting_an_organisation_is_audited_with_before_and_after()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var startedAt = DateTime.UtcNow.AddMinutes(-1);
        var organization = await officer.CreateOrganization(TestData.Enterprise(name: "Công ty Nhật ký Gốc"));
        (await officer.PutAsJsonAsync($"{OrganizationApi.Path}/{organization.Id}", TestData.Enterprise(name: "Công ty Nhật ký Mới", taxCode: organization.TaxCode), Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.DeleteAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var lines = await AuditOf("Organization", organization.Id.ToString(CultureInfo.InvariantCulture), TestData.QuangTriAdmin);

        lines.Select(l => l.Action).ShouldBe(["Create", "Update", "Delete"]);
        lines.ShouldAllBe(l => l.UserEmail == TestData.QuangTriOfficer);
        lines.ShouldAllBe(l => l.At >= startedAt && l.At <= DateTime.UtcNow.AddMinutes(1));
        var (create, update, delete) = (lines[0], lines[1], lines[2]);
        create.Before.ShouldBeNull();
        Field(create.After, "Name").ShouldBe("Công ty Nhật ký Gốc");
        Field(create.After, "TaxCode").ShouldBe(organization.TaxCode);
        Field(update.Before, "Name").ShouldBe("Công ty Nhật ký Gốc");
        Field(update.After, "Name").ShouldBe("Công ty Nhật ký Mới");
        Field(delete.Before, "Name").ShouldBe("Công ty Nhật ký Mới");
        delete.After.ShouldBeNull();
    }

    [Fact]
    public async Task Creating_and_changing_a_user_is_audited_without_the_password()
    {
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var email = TestData.NewEmail("audited");
        var user = await (await provinceAdmin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = UserApi.Password, fullName = "Hồ Văn Cũ", role = "Inspector" }, Cancellation))
            .ShouldReturn<UserJson>(HttpStatusCode.Created);
        (await provinceAdmin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { fullName = "Hồ Văn Mới", role = "ProvinceOfficer", password = "Changed!2345-x" }, Cancellation))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = await AuditOf("AppUser", user.Id, TestData.QuangTriAdmin);

        lines.First().Action.ShouldBe("Create");
        lines.ShouldContain(l => l.Action == "Update");
        lines.ShouldAllBe(l => l.UserEmail == TestData.QuangTriAdmin);
        Field(lines.First().After, "Email").ShouldBe(email);
        Field(lines.First().After, "Role").ShouldBe("Inspector");
        var roleChange = lines.Single(l => l.Action == "Update" && Field(l.After, "Role") == "ProvinceOfficer");
        Field(roleChange.Before, "Role").ShouldBe("Inspector");
        var nameChange = lines.Single(l => l.Action == "Update" && Field(l.After, "FullName") == "Hồ Văn Mới");
        Field(nameChange.Before, "FullName").ShouldBe("Hồ Văn Cũ");
        foreach (var line in lines)
        {
            $"{line.Before} {line.After}".ShouldNotContain(UserApi.Password);
            $"{line.Before} {line.After}".ShouldNotContain("Changed!2345-x");
            $"{line.Before} {line.After}".ShouldNotContain("AQAAAA");
        }
    }

    [Fact]
    public async Task A_refused_write_leaves_no_audit_line()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var organization = await officer.CreateOrganization(TestData.Enterprise());
        var before = await AuditTotal();

        (await officer.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(taxCode: organization.TaxCode), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await officer.PostAsJsonAsync(OrganizationApi.Path, new { kind = "Foo" }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await AuditTotal()).ShouldBe(before);
    }

    [Theory]
    [InlineData(TestData.QuangTriOfficer)]
    [InlineData(TestData.QuangTriInspector)]
    [InlineData(TestData.QuangTriEnterpriseUser)]
    [InlineData(TestData.DemoMinistryOfficer)]
    public async Task Only_administrators_read_the_audit_log(string account)
    {
        using var client = await App.As(account);

        using var response = await client.GetAsync("/api/v1/audit", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_audit_log_is_closed_to_anonymous_callers()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/audit", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    /// <summary>The audit lines of one record, oldest first.</summary>
    private async Task<List<AuditJson>> AuditOf(string entityType, string entityId, string reader)
    {
        using var client = await App.As(reader);
        var page = await (await client.GetAsync($"/api/v1/audit?entityType={entityType}&entityId={entityId}&pageSize=200", Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        return [.. page.Items.OrderBy(l => l.Id)];
    }

    private async Task<int> AuditTotal()
    {
        using var admin = await App.AsSystemAdmin();
        return (await (await admin.GetAsync("/api/v1/audit?pageSize=1", Cancellation)).ShouldReturn<PageJson<AuditJson>>()).Total;
    }

    private static string? Field(string? snapshot, string name)
    {
        snapshot.ShouldNotBeNull();
        using var json = JsonDocument.Parse(snapshot);
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
    }

    public sealed class Sqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
}
