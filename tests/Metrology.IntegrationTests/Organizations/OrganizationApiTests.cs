using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Organizations;

/// <summary>Creating, reading, changing, deleting, searching and paging organisations through the API.</summary>
public abstract class OrganizationApiTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_officer_creates_reads_updates_and_deletes_an_organisation_of_their_province()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = TestData.Enterprise(name: "Công ty TNHH Cân điện tử Đông Hà");

        using var created = await officer.PostAsJsonAsync(OrganizationApi.Path, body, Cancellation);

        var organization = await created.ShouldReturn<OrganizationJson>(HttpStatusCode.Created);
        created.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/api/v1/organizations/{organization.Id}");
        organization.Name.ShouldBe("Công ty TNHH Cân điện tử Đông Hà");
        organization.Kind.ShouldBe("Enterprise");
        organization.TaxCode.ShouldBe(body["taxCode"]);
        organization.Address.ShouldBe(body["address"]);
        organization.Phone.ShouldBe(body["phone"]);
        organization.Email.ShouldBe(body["email"]);
        organization.ProvinceSlug.ShouldBe(TestData.QuangTri);
        organization.ProvinceName.ShouldBe("Quảng Trị");

        var read = await (await officer.GetAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation)).ShouldReturn<OrganizationJson>();
        read.ShouldBe(organization);

        var changes = TestData.Enterprise(name: "Công ty Cổ phần Cân điện tử Đông Hà", taxCode: organization.TaxCode);
        changes["address"] = "99 Hùng Vương, phường Đông Hà";
        changes["phone"] = null;
        using var updated = await officer.PutAsJsonAsync($"{OrganizationApi.Path}/{organization.Id}", changes, Cancellation);
        var afterUpdate = await updated.ShouldReturn<OrganizationJson>();
        afterUpdate.Name.ShouldBe("Công ty Cổ phần Cân điện tử Đông Hà");
        afterUpdate.Address.ShouldBe("99 Hùng Vương, phường Đông Hà");
        afterUpdate.Phone.ShouldBeNull();
        afterUpdate.CreatedAt.ShouldBe(organization.CreatedAt);
        afterUpdate.UpdatedAt.ShouldBeGreaterThanOrEqualTo(organization.UpdatedAt);
        (await (await officer.GetAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation)).ShouldReturn<OrganizationJson>()).ShouldBe(afterUpdate);

        using var deleted = await officer.DeleteAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation);
        await deleted.ShouldHaveStatus(HttpStatusCode.NoContent);
        using var gone = await officer.GetAsync($"{OrganizationApi.Path}/{organization.Id}", Cancellation);
        await gone.ShouldBeProblem(HttpStatusCode.NotFound);
        (await officer.ListOrganizations($"search={Uri.EscapeDataString(organization.TaxCode!)}")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Reading_changing_or_deleting_an_id_that_does_not_exist_answers_404()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var read = await officer.GetAsync($"{OrganizationApi.Path}/987654", Cancellation);
        using var update = await officer.PutAsJsonAsync($"{OrganizationApi.Path}/987654", TestData.Enterprise(), Cancellation);
        using var delete = await officer.DeleteAsync($"{OrganizationApi.Path}/987654", Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await update.ShouldBeProblem(HttpStatusCode.NotFound);
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_name_with_markup_is_stored_verbatim_and_returned_as_json_text()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        const string name = "<script>alert('xss')</script> & \"Công ty\"";

        var created = await officer.CreateOrganization(TestData.Enterprise(name: name));

        using var response = await officer.GetAsync($"{OrganizationApi.Path}/{created.Id}", Cancellation);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var returnedName = json.RootElement.GetProperty("name");
        returnedName.ValueKind.ShouldBe(JsonValueKind.String);
        returnedName.GetString().ShouldBe(name);
        created.Name.ShouldBe(name);
    }

    [Fact]
    public async Task Times_are_returned_as_utc_instants()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var created = await officer.CreateOrganization(TestData.Enterprise());

        using var response = await officer.GetAsync($"{OrganizationApi.Path}/{created.Id}", Cancellation);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        foreach (var field in new[] { "createdAt", "updatedAt" })
        {
            // Without the "Z" a client reads the time as its own local time: seven hours off in Vietnam.
            var text = json.RootElement.GetProperty(field).GetString().ShouldNotBeNull();
            text.ShouldEndWith("Z", customMessage: $"{field} = {text}");
            var instant = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            (DateTimeOffset.UtcNow - instant).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(5));
        }
    }

    [Theory]
    [InlineData("quang tri", "Sở Khoa học và Công nghệ tỉnh Quảng Trị")]
    [InlineData("QUANG TRI", "Sở Khoa học và Công nghệ tỉnh Quảng Trị")]
    [InlineData("Quảng Trị", "Sở Khoa học và Công nghệ tỉnh Quảng Trị")]
    [InlineData("dien luc", "Doanh nghiệp tư nhân Điện lực Đồng Hới")]
    [InlineData("ĐIỆN LỰC", "Doanh nghiệp tư nhân Điện lực Đồng Hới")]
    [InlineData("trung tam thi nghiem dien", "Trung tâm Thí nghiệm Điện Quảng Bình")]
    public async Task Search_ignores_diacritics_and_case(string search, string expectedName)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var page = await officer.ListOrganizations($"search={Uri.EscapeDataString(search)}&pageSize=200");

        page.Items.Select(o => o.Name).ShouldContain(expectedName);
    }

    [Fact]
    public async Task Search_returns_only_the_matching_rows()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var page = await officer.ListOrganizations("search=dien%20luc");

        page.Items.Select(o => o.Name).Order(StringComparer.Ordinal).ShouldBe(
            ["Doanh nghiệp tư nhân Điện lực Vĩnh Linh", "Doanh nghiệp tư nhân Điện lực Đồng Hới"]);
        page.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Search_finds_by_tax_code_and_treats_wildcards_literally()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var created = await officer.CreateOrganization(TestData.Enterprise());

        (await officer.ListOrganizations($"search={created.TaxCode}")).Items.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
        (await officer.ListOrganizations("search=%25")).Total.ShouldBe(0);
        (await officer.ListOrganizations("search=_")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Kind_filter_returns_only_that_kind()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var labs = await officer.ListOrganizations("kind=VerificationBody");

        labs.Total.ShouldBeGreaterThanOrEqualTo(3);
        labs.Items.ShouldAllBe(o => o.Kind == "VerificationBody");
        labs.Items.Select(o => o.Name).ShouldContain("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
    }

    [Fact]
    public async Task Pages_split_the_list_without_overlap_and_report_the_total()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var first = await officer.ListOrganizations("pageSize=10&page=1");
        var second = await officer.ListOrganizations("pageSize=10&page=2");
        var all = await officer.ListOrganizations("pageSize=200");

        first.Items.Count.ShouldBe(10);
        second.Items.Count.ShouldBe(10);
        first.Page.ShouldBe(1);
        second.Page.ShouldBe(2);
        first.PageSize.ShouldBe(10);
        first.Total.ShouldBe(all.Total);
        all.Total.ShouldBeGreaterThanOrEqualTo(TestData.DemoOrganizationCount);
        first.Items.Select(o => o.Id).Intersect(second.Items.Select(o => o.Id)).ShouldBeEmpty();
        first.Items.Concat(second.Items).Select(o => o.Id).ShouldBe(all.Items.Take(20).Select(o => o.Id));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_an_oversized_page_is_capped()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var pastTheEnd = await officer.ListOrganizations("pageSize=50&page=1000");
        var huge = await officer.ListOrganizations("pageSize=100000");

        pastTheEnd.Items.ShouldBeEmpty();
        pastTheEnd.Total.ShouldBeGreaterThanOrEqualTo(TestData.DemoOrganizationCount);
        huge.PageSize.ShouldBe(200);
    }

    [Fact]
    public async Task Sort_orders_by_name_tax_code_and_creation_both_ways()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var marker = TestData.Unique("Sorting");
        var beta = await officer.CreateOrganization(TestData.Enterprise(name: $"{marker} Beta", taxCode: "0300588569"));
        var alpha = await officer.CreateOrganization(TestData.Enterprise(name: $"{marker} Alpha", taxCode: "0101248141"));
        var gamma = await officer.CreateOrganization(TestData.Enterprise(name: $"{marker} Gamma", taxCode: "0100109106"));
        var search = $"search={Uri.EscapeDataString(marker)}";

        async Task<IEnumerable<int>> Ids(string sort) => (await officer.ListOrganizations($"{search}&sort={sort}")).Items.Select(o => o.Id);

        (await Ids("name")).ShouldBe([alpha.Id, beta.Id, gamma.Id]);
        (await Ids("-name")).ShouldBe([gamma.Id, beta.Id, alpha.Id]);
        (await Ids("taxCode")).ShouldBe([gamma.Id, alpha.Id, beta.Id]);
        (await Ids("-taxCode")).ShouldBe([beta.Id, alpha.Id, gamma.Id]);
        (await Ids("createdAt")).ShouldBe([beta.Id, alpha.Id, gamma.Id]);
        (await Ids("-createdAt")).ShouldBe([gamma.Id, alpha.Id, beta.Id]);

        var secondPage = await officer.ListOrganizations($"{search}&sort=name&pageSize=2&page=2");
        secondPage.Total.ShouldBe(3);
        secondPage.Items.ShouldHaveSingleItem().Id.ShouldBe(gamma.Id);
    }

    [Fact]
    public async Task A_system_admin_who_changes_an_organisation_without_naming_a_province_keeps_its_province()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var created = await officer.CreateOrganization(TestData.Enterprise(name: TestData.Unique("Giữ tỉnh")));
        using var admin = await App.As(TestData.DemoSystemAdmin);

        var changes = TestData.Enterprise(name: "Công ty đổi tên", taxCode: created.TaxCode);
        changes.Remove("provinceSlug");
        using var updated = await admin.PutAsJsonAsync($"{OrganizationApi.Path}/{created.Id}", changes, Cancellation);

        var after = await updated.ShouldReturn<OrganizationJson>();
        after.Name.ShouldBe("Công ty đổi tên");
        after.ProvinceSlug.ShouldBe(TestData.QuangTri);
        (await officer.GetAsync($"{OrganizationApi.Path}/{created.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_page_of_fifty_costs_the_same_number_of_queries_as_a_page_of_five()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        await officer.ListOrganizations("pageSize=1");

        App.Queries.Reset();
        (await officer.ListOrganizations("pageSize=5")).Items.Count.ShouldBe(5);
        var forFive = App.Queries.Count;
        App.Queries.Reset();
        (await officer.ListOrganizations("pageSize=50")).Items.Count.ShouldBeGreaterThanOrEqualTo(TestData.DemoOrganizationCount);
        var forFifty = App.Queries.Count;

        forFifty.ShouldBe(forFive);
        // The bearer check reads the user; the list itself is one count and one page query.
        forFive.ShouldBeLessThanOrEqualTo(4);
    }

    public sealed class Sqlite(SqliteApp app) : OrganizationApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : OrganizationApiTests(app), IClassFixture<PostgresApp>;
}
