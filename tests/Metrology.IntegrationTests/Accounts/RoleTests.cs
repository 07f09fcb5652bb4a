using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Accounts;

/// <summary>What each role may read and write (design/domain.md, "Roles"), checked through the API.</summary>
public abstract class RoleTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string UsersPath = "/api/v1/admin/users";

    public static TheoryData<string> AccountsWithoutOrganisationWriteRights() =>
        [TestData.QuangTriInspector, TestData.QuangTriLabOperator, TestData.DemoMinistryOfficer, TestData.QuangTriEnterpriseUser];

    [Theory]
    [MemberData(nameof(AccountsWithoutOrganisationWriteRights))]
    public async Task Roles_without_write_rights_get_403_on_create_change_and_delete(string account)
    {
        using var reader = await App.As(account);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var existing = await officer.CreateOrganization(TestData.Enterprise());
        var before = await App.CountAllOrganizations();

        using var create = await reader.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(), Cancellation);
        using var change = await reader.PutAsJsonAsync($"{OrganizationApi.Path}/{existing.Id}", TestData.Enterprise(name: "Đổi tên", taxCode: existing.TaxCode), Cancellation);
        using var delete = await reader.DeleteAsync($"{OrganizationApi.Path}/{existing.Id}", Cancellation);

        await create.ShouldBeProblem(HttpStatusCode.Forbidden);
        await change.ShouldBeProblem(HttpStatusCode.Forbidden);
        await delete.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await App.CountAllOrganizations()).ShouldBe(before);
        (await (await officer.GetAsync($"{OrganizationApi.Path}/{existing.Id}", Cancellation)).ShouldReturn<OrganizationJson>()).ShouldBe(existing);
    }

    [Theory]
    [InlineData(TestData.QuangTriInspector)]
    [InlineData(TestData.QuangTriLabOperator)]
    [InlineData(TestData.QuangTriAdmin)]
    [InlineData(TestData.QuangTriOfficer)]
    public async Task Province_roles_read_every_organisation_of_their_province(string account)
    {
        using var reader = await App.As(account);

        var page = await reader.ListOrganizations("pageSize=200");

        page.Total.ShouldBeGreaterThanOrEqualTo(TestData.DemoOrganizationCount);
        page.Items.ShouldAllBe(o => o.ProvinceSlug == TestData.QuangTri);
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_their_own_organisation()
    {
        using var enterpriseUser = await App.As(TestData.QuangTriEnterpriseUser);
        var me = await (await enterpriseUser.GetAsync("/api/v1/auth/me", Cancellation)).ShouldReturn<MeJson>();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var neighbour = (await officer.ListOrganizations("kind=Enterprise&pageSize=200")).Items.First(o => o.Id != me.OrganizationId);

        var list = await enterpriseUser.ListOrganizations("pageSize=200");
        var search = await enterpriseUser.ListOrganizations($"search={Uri.EscapeDataString(neighbour.Name)}");
        using var neighbourRead = await enterpriseUser.GetAsync($"{OrganizationApi.Path}/{neighbour.Id}", Cancellation);
        using var ownRead = await enterpriseUser.GetAsync($"{OrganizationApi.Path}/{me.OrganizationId}", Cancellation);

        me.OrganizationId.ShouldNotBeNull();
        list.Items.ShouldHaveSingleItem().Id.ShouldBe(me.OrganizationId.Value);
        list.Total.ShouldBe(1);
        search.Items.ShouldNotContain(o => o.Id == neighbour.Id);
        await neighbourRead.ShouldBeProblem(HttpStatusCode.NotFound);
        (await ownRead.ShouldReturn<OrganizationJson>()).Id.ShouldBe(me.OrganizationId.Value);
    }

    [Theory]
    [InlineData(TestData.QuangTriOfficer)]
    [InlineData(TestData.QuangTriInspector)]
    [InlineData(TestData.QuangTriLabOperator)]
    [InlineData(TestData.QuangTriEnterpriseUser)]
    [InlineData(TestData.DemoMinistryOfficer)]
    public async Task Only_administrators_manage_users(string account)
    {
        using var client = await App.As(account);

        using var list = await client.GetAsync(UsersPath, Cancellation);
        using var create = await client.PostAsJsonAsync(UsersPath, NewUser("Inspector", TestData.QuangTri), Cancellation);

        await list.ShouldBeProblem(HttpStatusCode.Forbidden);
        await create.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("SystemAdmin")]
    [InlineData("MinistryOfficer")]
    public async Task A_province_admin_cannot_create_a_national_role(string role)
    {
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var before = await CountAllUsers();

        using var response = await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser(role, null), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("role").ShouldNotBeEmpty();
        (await CountAllUsers()).ShouldBe(before);
    }

    [Fact]
    public async Task A_province_admin_cannot_promote_a_user_to_system_admin()
    {
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var user = await (await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser("Inspector", null), Cancellation)).ShouldReturn<UserJson>(HttpStatusCode.Created);

        using var response = await provinceAdmin.PutAsJsonAsync($"{UsersPath}/{user.Id}", new { role = "SystemAdmin" }, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("role").ShouldNotBeEmpty();
        (await (await provinceAdmin.GetAsync($"{UsersPath}/{user.Id}", Cancellation)).ShouldReturn<UserJson>()).Role.ShouldBe("Inspector");
    }

    [Fact]
    public async Task A_province_admin_creates_users_in_their_own_province()
    {
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var body = NewUser("ProvinceOfficer", null);

        var user = await (await provinceAdmin.PostAsJsonAsync(UsersPath, body, Cancellation)).ShouldReturn<UserJson>(HttpStatusCode.Created);

        user.ProvinceSlug.ShouldBe(TestData.QuangTri);
        user.Role.ShouldBe("ProvinceOfficer");
        using var newUser = await App.As(user.Email, UserApi.Password);
        (await (await newUser.GetAsync("/api/v1/auth/me", Cancellation)).ShouldReturn<MeJson>()).Role.ShouldBe("ProvinceOfficer");
    }

    [Fact]
    public async Task A_lab_operator_must_belong_to_a_verification_body()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var enterprise = (await officer.ListOrganizations("kind=Enterprise&pageSize=1")).Items.Single();
        var lab = (await officer.ListOrganizations("kind=VerificationBody&pageSize=1")).Items.Single();
        var before = await CountAllUsers();

        using var withoutOrganisation = await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser("LabOperator", null), Cancellation);
        using var atAnEnterprise = await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser("LabOperator", null, enterprise.Id), Cancellation);

        (await withoutOrganisation.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("organizationId").ShouldNotBeEmpty();
        (await atAnEnterprise.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("organizationId").ShouldNotBeEmpty();
        (await CountAllUsers()).ShouldBe(before);

        using var atALab = await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser("LabOperator", null, lab.Id), Cancellation);
        var labOperator = await atALab.ShouldReturn<UserJson>(HttpStatusCode.Created);
        labOperator.OrganizationId.ShouldBe(lab.Id);
        labOperator.OrganizationName.ShouldBe(lab.Name);
    }

    [Fact]
    public async Task An_enterprise_user_must_belong_to_an_enterprise()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var provinceAdmin = await App.As(TestData.QuangTriAdmin);
        var lab = (await officer.ListOrganizations("kind=VerificationBody&pageSize=1")).Items.Single();

        using var response = await provinceAdmin.PostAsJsonAsync(UsersPath, NewUser("EnterpriseUser", null, lab.Id), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("organizationId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_organisation_that_users_belong_to_cannot_be_deleted()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var organization = await officer.CreateOrganization(TestData.Enterprise());
        await App.CreateAsync("EnterpriseUser", TestData.QuangTri, organization.Id);

        using var response = await officer.DeleteAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Conflict);
        (await officer.GetAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_duplicate_email_answers_409_and_creates_no_second_account()
    {
        using var admin = await App.AsSystemAdmin();
        var before = await CountAllUsers();

        using var response = await admin.PostAsJsonAsync(UsersPath, new { email = TestData.QuangTriOfficer.ToUpperInvariant(), password = UserApi.Password, role = "Inspector", provinceSlug = TestData.QuangTri }, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("email").ShouldNotBeEmpty();
        (await CountAllUsers()).ShouldBe(before);
    }

    private async Task<int> CountAllUsers()
    {
        using var admin = await App.AsSystemAdmin();
        return (await (await admin.GetAsync($"{UsersPath}?pageSize=1", Cancellation)).ShouldReturn<PageJson<UserJson>>()).Total;
    }

    private static object NewUser(string role, string? provinceSlug, int? organizationId = null) => new
    {
        email = TestData.NewEmail(role.ToLowerInvariant()),
        password = UserApi.Password,
        fullName = "Trần Thị Thử",
        role,
        provinceSlug,
        organizationId,
    };

    public sealed class Sqlite(SqliteApp app) : RoleTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : RoleTests(app), IClassFixture<PostgresApp>;
}
