using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.ReferenceVerification;

public sealed record ReferenceStepJson(string Step, DateOnly? Date, DateOnly? DueDate, bool Late);

public sealed record ReferenceCaseJson(
    int Id, string CaseNumber, string MeterKind, string MeterSerial, string RequesterName, string BuyerName, string SellerName, int? SellerId,
    int BodyId, string BodyName, string? ProvinceSlug, DateOnly RequestedOn, DateOnly? RemovedAndSealedOn, DateOnly? VerifiedOn, string? Result,
    DateOnly? ConclusionSentOn, string? Conclusion, List<ReferenceStepJson> Steps, bool Late, bool Closed);

/// <summary>
/// Reference-verification cases. Three bodies made for these tests: one designated for reference verification
/// of electricity meters, one designated without the reference flag, one whose designation ended in 2021.
/// Deadlines are the defaults: 5 days to removal, 10 to verification, 5 to the conclusion.
/// </summary>
public abstract class ReferenceCaseApiTests(MetrologyApp app) : IntegrationTest(app)
{
    public const string Path = "/api/v1/reference-cases";

    public sealed record Bodies(OrganizationJson Reference, OrganizationJson NoReference, OrganizationJson Expired);

    public static Task<Bodies> ArrangeBodies(MetrologyApp app) => app.Arranged(nameof(Bodies), async a =>
    {
        using var officer = await a.As(TestData.QuangTriOfficer);
        var reference = await officer.CreateBody("Trung tâm Đo lường Điện Quảng Trị");
        var noReference = await officer.CreateBody("Công ty Kiểm định Nước Đông Hà");
        var expired = await officer.CreateBody("Phòng Thí nghiệm Điện cũ");
        await officer.CreateDesignation(DesignationApi.Body(reference.Id, new DateOnly(2024, 1, 1), new DateOnly(2030, 12, 31),
            DesignationApi.Scope("electricity-meter-1p-electronic", reference: true), DesignationApi.Scope("water-meter-cold-mechanical")));
        await officer.CreateDesignation(DesignationApi.Body(noReference.Id, new DateOnly(2024, 1, 1), new DateOnly(2030, 12, 31),
            DesignationApi.Scope("electricity-meter-1p-electronic"), DesignationApi.Scope("water-meter-cold-mechanical")));
        await officer.CreateDesignation(DesignationApi.Body(expired.Id, new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31),
            DesignationApi.Scope("electricity-meter-1p-electronic", reference: true)));
        return new Bodies(reference, noReference, expired);
    });

    public static Dictionary<string, object?> Request(int bodyId, DateOnly requestedOn, string meterKind = "Electricity", int? sellerId = null) => new()
    {
        ["caseNumber"] = $"ĐC-{Guid.NewGuid().ToString("N")[..8]}",
        ["meterKind"] = meterKind,
        ["meterSerial"] = "CT-" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["meterDescription"] = "Công tơ 1 pha điện tử 5(60) A",
        ["requesterName"] = "Nguyễn Văn An",
        ["buyerName"] = "Nguyễn Văn An",
        ["sellerName"] = "Công ty Điện lực Quảng Trị",
        ["sellerId"] = sellerId,
        ["bodyId"] = bodyId,
        ["requestedOn"] = requestedOn,
    };

    private static async Task<ReferenceCaseJson> Open(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body, Cancellation);
        return await response.ShouldReturn<ReferenceCaseJson>(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> Step(HttpClient client, int id, string step, DateOnly? date, string? result = null, string? conclusion = null) =>
        await client.PostAsJsonAsync($"{Path}/{id}/steps/{step}", new { date, result, conclusion }, Cancellation);

    private async Task<int> CountCases()
    {
        using var admin = await App.AsSystemAdmin();
        return (await (await admin.GetAsync($"{Path}?pageSize=1", Cancellation)).ShouldReturn<PageJson<ReferenceCaseJson>>()).Total;
    }

    [Fact]
    public async Task Each_step_is_dated_and_a_step_done_after_its_deadline_or_still_pending_past_it_is_late()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var opened = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 1, 5)));
        // Requested 05/01: removal due 10/01, nothing done and that date is past: late already.
        opened.Steps[0].ShouldBe(new ReferenceStepJson("removal", null, new DateOnly(2026, 1, 10), true));
        opened.Steps[1].DueDate.ShouldBeNull();

        // Removed 12/01 (two days late); verification due 22/01, done 20/01; conclusion due 25/01, done 24/01.
        (await (await Step(officer, opened.Id, "removal", new DateOnly(2026, 1, 12))).ShouldReturn<ReferenceCaseJson>()).RemovedAndSealedOn.ShouldBe(new DateOnly(2026, 1, 12));
        var verified = await (await Step(officer, opened.Id, "verification", new DateOnly(2026, 1, 20), result: "Fail")).ShouldReturn<ReferenceCaseJson>();
        // Nothing sent yet and 25/01 is past: the conclusion is late until it is recorded.
        verified.Steps[2].ShouldBe(new ReferenceStepJson("conclusion", null, new DateOnly(2026, 1, 25), true));
        var closed = await (await Step(officer, opened.Id, "conclusion", new DateOnly(2026, 1, 24), conclusion: "Công tơ sai số vượt mức cho phép.")).ShouldReturn<ReferenceCaseJson>();

        closed.Steps.ShouldBe([
            new ReferenceStepJson("removal", new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 10), true),
            new ReferenceStepJson("verification", new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 22), false),
            new ReferenceStepJson("conclusion", new DateOnly(2026, 1, 24), new DateOnly(2026, 1, 25), false),
        ]);
        closed.Result.ShouldBe("Fail");
        closed.Conclusion.ShouldBe("Công tơ sai số vượt mức cho phép.");
        closed.Closed.ShouldBeTrue();
        closed.Late.ShouldBeTrue();
    }

    [Fact]
    public async Task A_case_with_every_step_on_time_is_not_late()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var opened = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2025, 3, 3)));

        await (await Step(officer, opened.Id, "removal", new DateOnly(2025, 3, 8))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await Step(officer, opened.Id, "verification", new DateOnly(2025, 3, 18), result: "Pass")).ShouldHaveStatus(HttpStatusCode.OK);
        var closed = await (await Step(officer, opened.Id, "conclusion", new DateOnly(2025, 3, 23), conclusion: "Công tơ đạt yêu cầu.")).ShouldReturn<ReferenceCaseJson>();

        closed.Steps.Select(s => s.Late).ShouldBe([false, false, false]);
        closed.Late.ShouldBeFalse();
        var lateList = await (await officer.GetAsync($"{Path}?lateOnly=true&pageSize=200", Cancellation)).ShouldReturn<PageJson<ReferenceCaseJson>>();
        lateList.Items.ShouldNotContain(c => c.Id == opened.Id);
    }

    [Fact]
    public async Task A_body_without_a_designation_in_force_on_the_request_date_gets_422_saying_so()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var before = await CountCases();

        using var expired = await officer.PostAsJsonAsync(Path, Request(bodies.Expired.Id, new DateOnly(2026, 1, 5)), Cancellation);

        var problem = await expired.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        problem.Detail.ShouldBe($"{bodies.Expired.Name} held no designation in force on 05/01/2026.");
        problem.ErrorsFor("bodyId").ShouldNotBeEmpty();
        (await CountCases()).ShouldBe(before);
    }

    [Fact]
    public async Task A_body_designated_without_the_reference_flag_for_that_meter_kind_gets_422_saying_so()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var before = await CountCases();

        using var noFlag = await officer.PostAsJsonAsync(Path, Request(bodies.NoReference.Id, new DateOnly(2026, 1, 5)), Cancellation);
        using var waterAtElectricityLab = await officer.PostAsJsonAsync(Path, Request(bodies.Reference.Id, new DateOnly(2026, 1, 5), meterKind: "ColdWater"), Cancellation);

        (await noFlag.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Detail
            .ShouldBe($"{bodies.NoReference.Name} was not designated for reference verification of Electricity meter on 05/01/2026.");
        (await waterAtElectricityLab.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Detail.ShouldNotBeNull().ShouldContain("Cold-water meter");
        (await CountCases()).ShouldBe(before);
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_verification_body_cannot_be_assigned()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());

        using var response = await officer.PostAsJsonAsync(Path, Request(enterprise.Id, new DateOnly(2026, 1, 5)), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("bodyId").Single().ShouldBe("Tổ chức này không phải là tổ chức kiểm định.");
    }

    [Fact]
    public async Task A_request_with_missing_or_bad_fields_names_each_one()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(Path, new { caseNumber = " ", meterKind = "Gas", requestedOn = DesignationApi.Today.AddDays(1) }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "caseNumber", "meterKind", "meterSerial", "requesterName", "buyerName", "sellerName", "bodyId", "requestedOn" })
        {
            problem.ErrorsFor(field).ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task The_same_case_number_twice_in_the_province_is_a_conflict()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var request = Request(bodies.Reference.Id, new DateOnly(2026, 2, 2));
        await Open(officer, request);
        var before = await CountCases();

        using var duplicate = await officer.PostAsJsonAsync(Path, request, Cancellation);

        (await duplicate.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("caseNumber").Single().ShouldContain((string)request["caseNumber"]!);
        (await CountCases()).ShouldBe(before);
    }

    [Fact]
    public async Task Step_dates_may_not_go_backwards_skip_a_step_or_lie_in_the_future()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var opened = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 3, 10)));

        using var beforeRequest = await Step(officer, opened.Id, "removal", new DateOnly(2026, 3, 9));
        using var future = await Step(officer, opened.Id, "removal", DesignationApi.Today.AddDays(1));
        using var skipped = await Step(officer, opened.Id, "verification", new DateOnly(2026, 3, 20), result: "Pass");
        await (await Step(officer, opened.Id, "removal", new DateOnly(2026, 3, 12))).ShouldHaveStatus(HttpStatusCode.OK);
        using var beforeRemoval = await Step(officer, opened.Id, "verification", new DateOnly(2026, 3, 11), result: "Pass");
        using var noResult = await Step(officer, opened.Id, "verification", new DateOnly(2026, 3, 15));
        using var unknownStep = await Step(officer, opened.Id, "payment", new DateOnly(2026, 3, 15));

        (await beforeRequest.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").Single().ShouldContain("10/03/2026");
        (await future.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").ShouldNotBeEmpty();
        (await skipped.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").ShouldNotBeEmpty();
        (await beforeRemoval.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").Single().ShouldContain("12/03/2026");
        (await noResult.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("result").ShouldNotBeEmpty();
        (await unknownStep.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("step").ShouldNotBeEmpty();
        var read = await (await officer.GetAsync($"{Path}/{opened.Id}", Cancellation)).ShouldReturn<ReferenceCaseJson>();
        read.RemovedAndSealedOn.ShouldBe(new DateOnly(2026, 3, 12));
        read.VerifiedOn.ShouldBeNull();
        read.Result.ShouldBeNull();
    }

    [Fact]
    public async Task A_lab_operator_works_only_on_its_own_bodys_cases()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var assigned = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 4, 1)));
        var ownOperator = await App.Arranged("RefLabOperator", a => a.CreateAsync("LabOperator", TestData.QuangTri, bodies.Reference.Id));
        var otherOperator = await App.Arranged("RefOtherLabOperator", a => a.CreateAsync("LabOperator", TestData.QuangTri, bodies.NoReference.Id));
        using var own = await App.As(ownOperator.Email, UserApi.Password);
        using var other = await App.As(otherOperator.Email, UserApi.Password);

        var byOwn = await Open(own, Request(bodies.Reference.Id, new DateOnly(2026, 4, 2)));
        await (await Step(own, assigned.Id, "removal", new DateOnly(2026, 4, 3))).ShouldHaveStatus(HttpStatusCode.OK);
        using var forAnotherBody = await own.PostAsJsonAsync(Path, Request(bodies.NoReference.Id, new DateOnly(2026, 4, 2)), Cancellation);
        using var readNotAssigned = await other.GetAsync($"{Path}/{assigned.Id}", Cancellation);
        using var stepNotAssigned = await Step(other, assigned.Id, "verification", new DateOnly(2026, 4, 5), result: "Pass");

        byOwn.BodyId.ShouldBe(bodies.Reference.Id);
        await forAnotherBody.ShouldBeProblem(HttpStatusCode.Forbidden);
        await readNotAssigned.ShouldBeProblem(HttpStatusCode.NotFound);
        await stepNotAssigned.ShouldBeProblem(HttpStatusCode.NotFound);
        var list = await (await other.GetAsync($"{Path}?pageSize=200", Cancellation)).ShouldReturn<PageJson<ReferenceCaseJson>>();
        list.Items.ShouldBeEmpty();
        (await (await officer.GetAsync($"{Path}/{assigned.Id}", Cancellation)).ShouldReturn<ReferenceCaseJson>()).VerifiedOn.ShouldBeNull();
    }

    [Fact]
    public async Task An_enterprise_sees_the_cases_where_it_is_the_seller_and_nothing_else()
    {
        var bodies = await ArrangeBodies(App);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        var me = await (await enterprise.GetAsync("/api/v1/auth/me", Cancellation)).ShouldReturn<MeJson>();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var theirs = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 5, 4), sellerId: me.OrganizationId));
        var notTheirs = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 5, 4)));

        var list = await (await enterprise.GetAsync($"{Path}?pageSize=200", Cancellation)).ShouldReturn<PageJson<ReferenceCaseJson>>();
        using var readOther = await enterprise.GetAsync($"{Path}/{notTheirs.Id}", Cancellation);
        using var write = await Step(enterprise, theirs.Id, "removal", new DateOnly(2026, 5, 5));

        list.Items.Select(c => c.Id).ShouldBe([theirs.Id]);
        list.Items[0].BodyName.ShouldBe(bodies.Reference.Name);
        await readOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await write.ShouldHaveStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_provinces_case_is_404_and_inspectors_only_read()
    {
        var bodies = await ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var opened = await Open(officer, Request(bodies.Reference.Id, new DateOnly(2026, 6, 1)));
        var haNoiOfficer = await App.Arranged("HaNoiRefOfficer", a => a.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        using var inspector = await App.As(TestData.QuangTriInspector);

        using var read = await haNoi.GetAsync($"{Path}/{opened.Id}", Cancellation);
        using var step = await Step(haNoi, opened.Id, "removal", new DateOnly(2026, 6, 2));
        using var useOurBody = await haNoi.PostAsJsonAsync(Path, Request(bodies.Reference.Id, new DateOnly(2026, 6, 1)), Cancellation);
        using var inspectorWrite = await Step(inspector, opened.Id, "removal", new DateOnly(2026, 6, 2));

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await step.ShouldBeProblem(HttpStatusCode.NotFound);
        (await useOurBody.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("bodyId").ShouldNotBeEmpty();
        await inspectorWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        var seen = await (await inspector.GetAsync($"{Path}/{opened.Id}", Cancellation)).ShouldReturn<ReferenceCaseJson>();
        seen.RemovedAndSealedOn.ShouldBeNull();
    }

    public sealed class Sqlite(SqliteApp app) : ReferenceCaseApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ReferenceCaseApiTests(app), IClassFixture<PostgresApp>;
}
