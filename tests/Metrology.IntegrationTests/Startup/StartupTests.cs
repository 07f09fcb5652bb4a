using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Accounts;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Startup;

/// <summary>
/// What start-up does to a database: the first start creates everything, a restart (a redeploy)
/// adds nothing twice. Each provider's app here starts without demo data.
/// </summary>
public abstract class StartupTests(MetrologyApp app) : IntegrationTest(app)
{
    private sealed record Counts(int Provinces, int Group2Types, int Organizations, int Users, int Roles, int AuditLines);

    [Fact]
    public async Task The_first_system_admin_comes_from_the_admin_settings()
    {
        using var admin = await App.AsSystemAdmin();

        var me = await (await admin.GetAsync("/api/v1/auth/me", Cancellation)).ShouldReturn<MeJson>();
        var users = await (await admin.GetAsync("/api/v1/admin/users", Cancellation)).ShouldReturn<PageJson<UserJson>>();

        me.Email.ShouldBe(MetrologyApp.AdminEmail);
        me.Role.ShouldBe("SystemAdmin");
        me.ProvinceSlug.ShouldBeNull();
        users.Items.ShouldHaveSingleItem().Email.ShouldBe(MetrologyApp.AdminEmail);
    }

    [Fact]
    public async Task Without_demo_data_there_are_no_demo_accounts_or_organisations()
    {
        using var anonymous = App.Anonymous();
        using var admin = await App.AsSystemAdmin();

        using var demoLogin = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.DemoSystemAdmin, password = MetrologyApp.DemoPassword }, Cancellation);

        await demoLogin.ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await admin.ListOrganizations($"provinceSlug={TestData.QuangTri}&kind=VerificationBody")).Total.ShouldBe(0);
        (await admin.ListOrganizations("search=trung%20tam%20ky%20thuat")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_duplicates_nothing()
    {
        using (var admin = await App.AsSystemAdmin())
        {
            await admin.CreateOrganization(TestData.Enterprise(provinceSlug: TestData.QuangTri));
        }

        var before = await CountEverything();

        await App.RestartAsync();
        var afterOneRestart = await CountEverything();
        await App.RestartAsync();
        var afterTwoRestarts = await CountEverything();

        before.Provinces.ShouldBe(34);
        before.Group2Types.ShouldBe(89);
        before.Roles.ShouldBe(7);
        afterOneRestart.ShouldBe(before);
        afterTwoRestarts.ShouldBe(before);
    }

    [Fact]
    public async Task A_token_issued_before_a_restart_still_works_after_it()
    {
        var token = await App.LoginAsync(MetrologyApp.AdminEmail, MetrologyApp.AdminPassword);

        await App.RestartAsync();

        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/auth/me", Cancellation);
        (await response.ShouldReturn<MeJson>()).Email.ShouldBe(MetrologyApp.AdminEmail);
    }

    private async Task<Counts> CountEverything()
    {
        using var admin = await App.AsSystemAdmin();
        var provinces = await (await admin.GetAsync("/api/v1/reference/provinces", Cancellation)).ShouldReturn<List<ProvinceJson>>();
        var types = await (await admin.GetAsync("/api/v1/reference/group2-types", Cancellation)).ShouldReturn<List<Group2TypeJson>>();
        var organizations = await admin.ListOrganizations("pageSize=1");
        var users = await (await admin.GetAsync("/api/v1/admin/users?pageSize=1", Cancellation)).ShouldReturn<PageJson<UserJson>>();
        var audit = await (await admin.GetAsync("/api/v1/audit?pageSize=1", Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        // No endpoint lists roles; a duplicated role would break sign-in for everyone who has it.
        await using var scope = App.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().Roles.Count();
        return new Counts(provinces.Count, types.Count, organizations.Total, users.Total, roles, audit.Total);
    }

    public sealed class SqliteWithoutDemo : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];
    }

    public sealed class PostgresWithoutDemo : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Demo:Seed", "false")];
    }

    public sealed class Sqlite(SqliteWithoutDemo app) : StartupTests(app), IClassFixture<SqliteWithoutDemo>;

    public sealed class Postgres(PostgresWithoutDemo app) : StartupTests(app), IClassFixture<PostgresWithoutDemo>;
}

/// <summary>A restart of an app that seeded demo data does not seed it again.</summary>
public abstract class DemoDataRestartTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Restarting_does_not_seed_the_demo_data_twice()
    {
        await App.RestartAsync();
        await App.RestartAsync();

        using var admin = await App.AsSystemAdmin();
        var organizations = await admin.ListOrganizations($"provinceSlug={TestData.QuangTri}&pageSize=1");
        var users = await (await admin.GetAsync("/api/v1/admin/users?pageSize=200", Cancellation)).ShouldReturn<PageJson<UserJson>>();

        organizations.Total.ShouldBe(TestData.DemoOrganizationCount);
        users.Total.ShouldBe(9);
        users.Items.Count(u => u.Role == "SystemAdmin").ShouldBe(2);
        users.Items.Select(u => u.Email).ShouldBeUnique();
        using var demoOfficer = await App.As(TestData.QuangTriOfficer);
        (await demoOfficer.ListOrganizations("pageSize=1")).Total.ShouldBe(TestData.DemoOrganizationCount);
    }

    public sealed class Sqlite(SqliteApp app) : DemoDataRestartTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DemoDataRestartTests(app), IClassFixture<PostgresApp>;
}
