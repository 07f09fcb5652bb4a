using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Isolation;

/// <summary>
/// Two provinces side by side: Quảng Trị (the demo data) and Hà Nội (accounts made by the SystemAdmin).
/// Whatever a Quảng Trị user tries, Hà Nội's data is simply not there for them, and stays as it was.
/// </summary>
public abstract class ProvinceIsolationTests(MetrologyApp app) : IntegrationTest(app)
{
    /// <summary>Hà Nội's accounts and one of its organisations, named so that a Quảng Trị search would match it.</summary>
    private sealed record HaNoi(UserJson Admin, UserJson Officer, OrganizationJson Organization, OrganizationJson Lab);

    private Task<HaNoi> ArrangeHaNoi() => App.Arranged(nameof(HaNoi), async app =>
    {
        var admin = await app.CreateAsync("ProvinceAdmin", TestData.HaNoi);
        var officer = await app.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var client = await app.As(officer.Email, UserApi.Password);
        var organization = await client.CreateOrganization(TestData.Enterprise(name: "Công ty TNHH Đo lường Quảng Trị tại Hà Nội"));
        var lab = await client.CreateOrganization(new { name = "Phòng thí nghiệm Quảng Trị - Hà Nội", kind = "VerificationBody" });
        return new HaNoi(admin, officer, organization, lab);
    });

    public static TheoryData<string> QuangTriAccounts() =>
        [TestData.QuangTriAdmin, TestData.QuangTriOfficer, TestData.QuangTriInspector, TestData.QuangTriLabOperator, TestData.QuangTriEnterpriseUser];

    [Theory]
    [MemberData(nameof(QuangTriAccounts))]
    public async Task Another_provinces_organisation_answers_404_to_read_change_and_delete(string quangTriAccount)
    {
        var haNoi = await ArrangeHaNoi();
        using var quangTri = await App.As(quangTriAccount);
        var url = $"{OrganizationApi.Path}/{haNoi.Organization.Id}";

        using var read = await quangTri.GetAsync(url, Cancellation);
        using var change = await quangTri.PutAsJsonAsync(url, TestData.Enterprise(name: "Chiếm quyền", taxCode: haNoi.Organization.TaxCode), Cancellation);
        using var delete = await quangTri.DeleteAsync(url, Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        change.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        using var owner = await App.As(haNoi.Officer.Email, UserApi.Password);
        (await (await owner.GetAsync(url, Cancellation)).ShouldReturn<OrganizationJson>()).ShouldBe(haNoi.Organization);
    }

    [Fact]
    public async Task Province_writers_get_404_not_403_for_another_provinces_organisation()
    {
        var haNoi = await ArrangeHaNoi();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var url = $"{OrganizationApi.Path}/{haNoi.Organization.Id}";

        using var change = await officer.PutAsJsonAsync(url, TestData.Enterprise(name: "Chiếm quyền"), Cancellation);
        using var delete = await officer.DeleteAsync(url, Cancellation);

        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(QuangTriAccounts))]
    public async Task Lists_and_searches_never_show_another_provinces_rows(string quangTriAccount)
    {
        var haNoi = await ArrangeHaNoi();
        using var quangTri = await App.As(quangTriAccount);

        var everything = await quangTri.ListOrganizations("pageSize=200");
        var byName = await quangTri.ListOrganizations("search=quang%20tri&pageSize=200");
        var byTaxCode = await quangTri.ListOrganizations($"search={haNoi.Organization.TaxCode}");
        var byProvince = await quangTri.ListOrganizations($"provinceSlug={TestData.HaNoi}");
        var labs = await quangTri.ListOrganizations("kind=VerificationBody&pageSize=200");

        everything.Items.ShouldAllBe(o => o.ProvinceSlug == TestData.QuangTri);
        everything.Total.ShouldBe(everything.Items.Count);
        byName.Items.ShouldAllBe(o => o.ProvinceSlug == TestData.QuangTri);
        byTaxCode.Total.ShouldBe(0);
        byProvince.Total.ShouldBe(0);
        labs.Items.Select(o => o.Id).ShouldNotContain(haNoi.Lab.Id);
    }

    [Fact]
    public async Task National_roles_see_both_provinces()
    {
        var haNoi = await ArrangeHaNoi();

        foreach (var account in new[] { (MetrologyApp.AdminEmail, MetrologyApp.AdminPassword), (TestData.DemoMinistryOfficer, MetrologyApp.DemoPassword) })
        {
            using var national = await App.As(account.Item1, account.Item2);
            (await national.ListOrganizations($"search={haNoi.Organization.TaxCode}")).Items.ShouldHaveSingleItem().ProvinceSlug.ShouldBe(TestData.HaNoi);
            (await national.ListOrganizations($"provinceSlug={TestData.QuangTri}&pageSize=1")).Total.ShouldBeGreaterThanOrEqualTo(TestData.DemoOrganizationCount);
        }
    }

    [Fact]
    public async Task An_officer_cannot_create_or_move_an_organisation_into_another_province()
    {
        await ArrangeHaNoi();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await officer.CreateOrganization(TestData.Enterprise());
        var before = await App.CountAllOrganizations();

        using var create = await officer.PostAsJsonAsync(OrganizationApi.Path, TestData.Enterprise(provinceSlug: TestData.HaNoi), Cancellation);
        using var move = await officer.PutAsJsonAsync($"{OrganizationApi.Path}/{own.Id}", TestData.Enterprise(taxCode: own.TaxCode, provinceSlug: TestData.HaNoi), Cancellation);

        (await create.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("provinceSlug").ShouldNotBeEmpty();
        (await move.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("provinceSlug").ShouldNotBeEmpty();
        (await App.CountAllOrganizations()).ShouldBe(before);
        (await (await officer.GetAsync($"{OrganizationApi.Path}/{own.Id}", Cancellation)).ShouldReturn<OrganizationJson>()).ProvinceSlug.ShouldBe(TestData.QuangTri);
    }

    [Fact]
    public async Task A_province_admin_cannot_create_a_user_in_another_province()
    {
        var haNoi = await ArrangeHaNoi();
        using var admin = await App.As(TestData.QuangTriAdmin);
        var before = await CountAllUsers();

        using var officer = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("ProvinceOfficer", TestData.HaNoi), Cancellation);
        using var lab = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("LabOperator", null, haNoi.Lab.Id), Cancellation);

        (await officer.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("provinceSlug").ShouldNotBeEmpty();
        (await lab.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("organizationId").ShouldNotBeEmpty();
        (await CountAllUsers()).ShouldBe(before);
    }

    [Fact]
    public async Task A_province_admin_cannot_see_or_change_another_provinces_users()
    {
        var haNoi = await ArrangeHaNoi();
        using var admin = await App.As(TestData.QuangTriAdmin);
        var url = $"/api/v1/admin/users/{haNoi.Officer.Id}";

        using var read = await admin.GetAsync(url, Cancellation);
        using var change = await admin.PutAsJsonAsync(url, new { role = "ProvinceOfficer", locked = true }, Cancellation);
        var list = await (await admin.GetAsync("/api/v1/admin/users?pageSize=200", Cancellation)).ShouldReturn<PageJson<UserJson>>();

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldAllBe(u => u.ProvinceSlug == TestData.QuangTri);
        list.Items.Select(u => u.Id).ShouldNotContain(haNoi.Officer.Id);
        using var owner = await App.As(haNoi.Officer.Email, UserApi.Password);
        (await (await owner.GetAsync("/api/v1/auth/me", Cancellation)).ShouldReturn<MeJson>()).ProvinceSlug.ShouldBe(TestData.HaNoi);
    }

    [Fact]
    public async Task A_province_admin_cannot_read_another_provinces_audit_lines()
    {
        var haNoi = await ArrangeHaNoi();
        using var quangTriAdmin = await App.As(TestData.QuangTriAdmin);
        using var haNoiAdmin = await App.As(haNoi.Admin.Email, UserApi.Password);
        var query = $"/api/v1/audit?entityType=Organization&entityId={haNoi.Organization.Id}";

        var seenFromQuangTri = await (await quangTriAdmin.GetAsync(query, Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        var seenFromHaNoi = await (await haNoiAdmin.GetAsync(query, Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        var userLinesFromQuangTri = await (await quangTriAdmin.GetAsync($"/api/v1/audit?entityType=AppUser&entityId={haNoi.Officer.Id}", Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        var allFromQuangTri = await (await quangTriAdmin.GetAsync("/api/v1/audit?pageSize=200", Cancellation)).ShouldReturn<PageJson<AuditJson>>();

        seenFromQuangTri.Total.ShouldBe(0);
        userLinesFromQuangTri.Total.ShouldBe(0);
        seenFromHaNoi.Items.ShouldContain(a => a.Action == "Create");
        allFromQuangTri.Items.ShouldNotContain(a => a.EntityId == haNoi.Organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.EntityType == "Organization");
        allFromQuangTri.Items.ShouldNotContain(a => a.UserEmail == haNoi.Officer.Email);
    }

    private async Task<int> CountAllUsers()
    {
        using var admin = await App.AsSystemAdmin();
        return (await (await admin.GetAsync("/api/v1/admin/users?pageSize=1", Cancellation)).ShouldReturn<PageJson<UserJson>>()).Total;
    }

    private static object NewUser(string role, string? provinceSlug, int? organizationId = null) => new
    {
        email = TestData.NewEmail("intruder"),
        password = UserApi.Password,
        role,
        provinceSlug,
        organizationId,
    };

    public sealed class Sqlite(SqliteApp app) : ProvinceIsolationTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ProvinceIsolationTests(app), IClassFixture<PostgresApp>;
}
