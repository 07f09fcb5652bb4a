using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Designations;

/// <summary>Recording, correcting and withdrawing designation decisions; their rules, roles, scope and expiry warnings.</summary>
public abstract class DesignationApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly Until = new(2029, 12, 31);

    private sealed record HaNoi(UserJson Officer, OrganizationJson Lab, DesignationJson Designation);

    private Task<HaNoi> ArrangeHaNoi() => App.Arranged(nameof(HaNoi), async app =>
    {
        var officer = await app.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var client = await app.As(officer.Email, UserApi.Password);
        var lab = await client.CreateBody("Trung tâm Kiểm định Hà Nội");
        var designation = await client.CreateDesignation(DesignationApi.Body(lab.Id, From, Until, DesignationApi.Scope("taximeter")));
        return new HaNoi(officer, lab, designation);
    });

    private async Task<int> CountFor(int bodyId)
    {
        using var admin = await App.AsSystemAdmin();
        return (await (await admin.GetAsync($"{DesignationApi.Path}?bodyId={bodyId}&pageSize=200", Cancellation)).ShouldReturn<PageJson<DesignationJson>>()).Total;
    }

    [Fact]
    public async Task An_officer_records_corrects_and_withdraws_a_designation()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Trung tâm Đo lường Đông Hà");
        var request = DesignationApi.Body(body.Id, From, Until,
            DesignationApi.Scope("electricity-meter-1p-electronic", reference: true, range: "5(60) A"),
            DesignationApi.Scope("taximeter"));

        using var created = await officer.PostAsJsonAsync(DesignationApi.Path, request, Cancellation);

        var designation = await created.ShouldReturn<DesignationJson>(HttpStatusCode.Created);
        designation.BodyName.ShouldBe(body.Name);
        designation.ProvinceSlug.ShouldBe(TestData.QuangTri);
        designation.DecisionNumber.ShouldBe((string)request["decisionNumber"]!);
        designation.Status.ShouldBe("active");
        designation.Scopes.Count.ShouldBe(2);
        designation.Scopes[0].ShouldBe(new DesignationScopeJson("electricity-meter-1p-electronic", "Công tơ điện xoay chiều 1 pha kiểu điện tử", true, true, true, true, "5(60) A"));

        request["scopes"] = new[] { DesignationApi.Scope("water-meter-cold-mechanical", periodic: false) };
        request["validUntil"] = new DateOnly(2030, 6, 30);
        using var updated = await officer.PutAsJsonAsync($"{DesignationApi.Path}/{designation.Id}", request, Cancellation);
        var afterUpdate = await updated.ShouldReturn<DesignationJson>();
        afterUpdate.ValidUntil.ShouldBe(new DateOnly(2030, 6, 30));
        afterUpdate.Scopes.ShouldHaveSingleItem().ShouldBe(new DesignationScopeJson("water-meter-cold-mechanical", afterUpdate.Scopes[0].TypeName, true, false, false, false, null));

        using var withdrawn = await officer.PostAsJsonAsync($"{DesignationApi.Path}/{designation.Id}/withdraw", new { withdrawnOn = new DateOnly(2025, 6, 1) }, Cancellation);
        var afterWithdrawal = await withdrawn.ShouldReturn<DesignationJson>();
        afterWithdrawal.WithdrawnOn.ShouldBe(new DateOnly(2025, 6, 1));
        afterWithdrawal.Status.ShouldBe("withdrawn");
        using var again = await officer.PostAsJsonAsync($"{DesignationApi.Path}/{designation.Id}/withdraw", new { withdrawnOn = new DateOnly(2025, 7, 1) }, Cancellation);
        (await again.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("withdrawnOn").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Every_change_of_a_designation_is_in_the_audit_log()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Phòng kiểm định Cam Lộ");
        var designation = await officer.CreateDesignation(DesignationApi.Body(body.Id, From, Until, DesignationApi.Scope("taximeter")));
        using var withdrawn = await officer.PostAsJsonAsync($"{DesignationApi.Path}/{designation.Id}/withdraw", new { withdrawnOn = new DateOnly(2025, 3, 1) }, Cancellation);
        await withdrawn.ShouldHaveStatus(HttpStatusCode.OK);

        using var admin = await App.AsSystemAdmin();
        var log = await (await admin.GetAsync($"/api/v1/audit?entityType=Designation&entityId={designation.Id}", Cancellation)).ShouldReturn<PageJson<AuditJson>>();

        log.Items.Select(e => e.Action).ShouldBe(["Update", "Create"], ignoreOrder: true);
        log.Items.ShouldAllBe(e => e.UserEmail == TestData.QuangTriOfficer);
        log.Items.Single(e => e.Action == "Update").After!.ShouldContain("2025-03-01");
    }

    [Fact]
    public async Task The_body_must_be_a_verification_body()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());

        using var response = await officer.PostAsJsonAsync(DesignationApi.Path, DesignationApi.Body(enterprise.Id, From, Until, DesignationApi.Scope("taximeter")), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("bodyId").Single().ShouldBe("Tổ chức này không phải là tổ chức kiểm định.");
        (await CountFor(enterprise.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_scope_rows_and_dates_are_each_named_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var body = await officer.CreateBody("Phòng kiểm định Gio Linh");
        var request = DesignationApi.Body(body.Id, Until, From,
            DesignationApi.Scope("no-such-type"),
            DesignationApi.Scope("taximeter", reference: true),
            DesignationApi.Scope("water-meter-cold-electronic", reference: true));

        using var response = await officer.PostAsJsonAsync(DesignationApi.Path, request, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("scopes[0].typeCode").Single().ShouldBe("There is no Group 2 type with code \"no-such-type\".");
        problem.ErrorsFor("scopes[1].reference").Single().ShouldBe("Reference verification applies only to electricity meters and cold-water meters.");
        problem.Errors!.Keys.ShouldNotContain("scopes[2].reference");
        problem.ErrorsFor("validUntil").ShouldNotBeEmpty();
        (await CountFor(body.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_decision_without_scope_rows_is_refused()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Phòng kiểm định Hải Lăng");

        using var response = await officer.PostAsJsonAsync(DesignationApi.Path, DesignationApi.Body(body.Id, From, Until), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("scopes").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_same_decision_number_twice_for_a_body_is_a_conflict()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Phòng kiểm định Vĩnh Linh");
        var request = DesignationApi.Body(body.Id, From, Until, DesignationApi.Scope("taximeter"));
        await officer.CreateDesignation(request);

        using var duplicate = await officer.PostAsJsonAsync(DesignationApi.Path, request, Cancellation);

        (await duplicate.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("decisionNumber").Single().ShouldContain((string)request["decisionNumber"]!);
        (await CountFor(body.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_designation_ending_within_60_days_is_flagged_expiring_and_listed_by_the_expiry_filter()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Phòng kiểm định Triệu Phong");
        var today = DesignationApi.Today;
        var soon = await officer.CreateDesignation(DesignationApi.Body(body.Id, From, today.AddDays(60), DesignationApi.Scope("taximeter")));
        var later = await officer.CreateDesignation(DesignationApi.Body(body.Id, From, today.AddDays(61), DesignationApi.Scope("taximeter")));
        var ended = await officer.CreateDesignation(DesignationApi.Body(body.Id, From, today.AddDays(-1), DesignationApi.Scope("taximeter")));

        soon.Expiring.ShouldBeTrue();
        soon.DaysLeft.ShouldBe(60);
        later.Expiring.ShouldBeFalse();
        ended.Expiring.ShouldBeFalse();
        ended.Status.ShouldBe("expired");
        var expiring = await (await officer.GetAsync($"{DesignationApi.Path}?bodyId={body.Id}&expiringWithinDays=60", Cancellation)).ShouldReturn<PageJson<DesignationJson>>();
        expiring.Items.Select(d => d.Id).ShouldBe([soon.Id]);
    }

    [Fact]
    public async Task A_lab_operator_reads_only_its_own_bodys_designations_and_cannot_write()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var ownBody = await officer.CreateBody("Phòng thí nghiệm Lệ Thủy");
        var otherBody = await officer.CreateBody("Phòng thí nghiệm Bố Trạch");
        var own = await officer.CreateDesignation(DesignationApi.Body(ownBody.Id, From, Until, DesignationApi.Scope("taximeter")));
        var other = await officer.CreateDesignation(DesignationApi.Body(otherBody.Id, From, Until, DesignationApi.Scope("taximeter")));
        var operatorAccount = await App.CreateAsync("LabOperator", TestData.QuangTri, ownBody.Id);
        using var lab = await App.As(operatorAccount.Email, UserApi.Password);

        var list = await (await lab.GetAsync($"{DesignationApi.Path}?pageSize=200", Cancellation)).ShouldReturn<PageJson<DesignationJson>>();
        using var readOther = await lab.GetAsync($"{DesignationApi.Path}/{other.Id}", Cancellation);
        using var write = await lab.PostAsJsonAsync(DesignationApi.Path, DesignationApi.Body(ownBody.Id, From, Until, DesignationApi.Scope("taximeter")), Cancellation);
        using var withdraw = await lab.PostAsJsonAsync($"{DesignationApi.Path}/{own.Id}/withdraw", new { withdrawnOn = From }, Cancellation);

        list.Items.Select(d => d.Id).ShouldBe([own.Id]);
        await readOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await write.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await withdraw.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await CountFor(ownBody.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Inspectors_read_enterprises_are_refused_and_the_ministry_may_write()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await officer.CreateBody("Phòng kiểm định Quảng Trạch");
        var designation = await officer.CreateDesignation(DesignationApi.Body(body.Id, From, Until, DesignationApi.Scope("taximeter")));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);

        (await (await inspector.GetAsync($"{DesignationApi.Path}/{designation.Id}", Cancellation)).ShouldReturn<DesignationJson>()).Id.ShouldBe(designation.Id);
        using var inspectorWrite = await inspector.PostAsJsonAsync(DesignationApi.Path, DesignationApi.Body(body.Id, From, Until, DesignationApi.Scope("taximeter")), Cancellation);
        await inspectorWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        using var enterpriseRead = await enterprise.GetAsync(DesignationApi.Path, Cancellation);
        await enterpriseRead.ShouldHaveStatus(HttpStatusCode.Forbidden);
        var byMinistry = await ministry.CreateDesignation(DesignationApi.Body(body.Id, From, Until, DesignationApi.Scope("anemometer")));
        byMinistry.ProvinceSlug.ShouldBe(TestData.QuangTri);
    }

    [Fact]
    public async Task Another_provinces_designation_is_404_and_its_body_cannot_be_used()
    {
        var haNoi = await ArrangeHaNoi();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var url = $"{DesignationApi.Path}/{haNoi.Designation.Id}";
        var change = DesignationApi.Body(haNoi.Lab.Id, From, Until, DesignationApi.Scope("anemometer"));

        using var read = await officer.GetAsync(url, Cancellation);
        using var update = await officer.PutAsJsonAsync(url, change, Cancellation);
        using var withdraw = await officer.PostAsJsonAsync($"{url}/withdraw", new { withdrawnOn = From }, Cancellation);
        using var create = await officer.PostAsJsonAsync(DesignationApi.Path, change, Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await update.ShouldBeProblem(HttpStatusCode.NotFound);
        await withdraw.ShouldBeProblem(HttpStatusCode.NotFound);
        (await create.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("bodyId").ShouldNotBeEmpty();
        using var owner = await App.As(haNoi.Officer.Email, UserApi.Password);
        var unchanged = await (await owner.GetAsync(url, Cancellation)).ShouldReturn<DesignationJson>();
        unchanged.WithdrawnOn.ShouldBeNull();
        unchanged.Scopes.ShouldHaveSingleItem().TypeCode.ShouldBe("taximeter");
        (await CountFor(haNoi.Lab.Id)).ShouldBe(1);
    }

    public sealed class Sqlite(SqliteApp app) : DesignationApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DesignationApiTests(app), IClassFixture<PostgresApp>;
}
