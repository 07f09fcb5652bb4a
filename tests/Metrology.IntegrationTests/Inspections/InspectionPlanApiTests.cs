using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Inspections;

/// <summary>Inspection plans through the API: writing, approving, the bad inputs of issue 7, roles and provinces.</summary>
public abstract class InspectionPlanApiTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_inspector_enters_changes_and_approves_a_plan_of_its_agency_which_then_is_frozen()
    {
        var world = await App.InspectionWorld();
        var year = FreshYear();
        var station = await App.NewEnterpriseAsync("Công ty Xăng dầu Đông Hà");
        var water = await App.NewEnterpriseAsync("Công ty Cổ phần Cấp nước Quảng Trị");
        using var inspector = await App.As(TestData.QuangTriInspector);

        var plan = await inspector.CreatePlan(Plan(year, Target(station, 3, 4, "Group2Instruments", "FuelQuality")));

        plan.AgencyId.ShouldBe(world.ScienceAgencyId);
        plan.AgencyName.ShouldBe("Thanh tra Sở Khoa học và Công nghệ Quảng Trị");
        plan.Status.ShouldBe("Draft");
        plan.Targets.Count.ShouldBe(1);
        plan.Targets[0].OrganizationName.ShouldBe("Công ty Xăng dầu Đông Hà");
        plan.Targets[0].Content.ShouldBe(["Group2Instruments", "FuelQuality"]);
        (plan.Targets[0].FromMonth, plan.Targets[0].ToMonth).ShouldBe((3, 4));
        var firstTargetId = plan.Targets[0].Id;

        var changes = Plan(year, Target(station, 5, 6, "Group2Instruments"), Target(water, 9, 9, "Group2Instruments"));
        changes["title"] = "Kế hoạch thanh tra đo lường năm " + year;
        using var put = await inspector.PutAsJsonAsync($"{PlansPath}/{plan.Id}", changes, Cancellation);
        var changed = await put.ShouldReturn<PlanJson>();
        changed.Title.ShouldBe("Kế hoạch thanh tra đo lường năm " + year);
        changed.Targets.Count.ShouldBe(2);
        var stationTarget = changed.Targets.Single(t => t.OrganizationId == station);
        stationTarget.Id.ShouldBe(firstTargetId, "a target kept by organisation keeps its id (and its resolutions)");
        (stationTarget.FromMonth, stationTarget.ToMonth).ShouldBe((5, 6));
        stationTarget.Content.ShouldBe(["Group2Instruments"]);

        var approved = await inspector.ApprovePlan(plan.Id);
        approved.Status.ShouldBe("Approved");
        approved.ApprovedByEmail.ShouldBe(TestData.QuangTriInspector);
        approved.LegalBasis.ShouldNotBeNull().ShouldContain("Phê duyệt: Quyết định số 12/QĐ-TTr ngày 10/01/2024 của Chánh Thanh tra Nguyễn Văn An.");

        using var afterApproval = await inspector.PutAsJsonAsync($"{PlansPath}/{plan.Id}", Plan(year), Cancellation);
        (await afterApproval.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorsFor("status").ShouldNotBeEmpty();
        var list = await (await inspector.GetAsync($"{PlansPath}?year={year}", Cancellation)).ShouldReturn<List<PlanListItemJson>>();
        list.ShouldHaveSingleItem().TargetCount.ShouldBe(2);
    }

    [Fact]
    public async Task Bad_targets_are_refused_naming_the_field_and_nothing_is_written()
    {
        var world = await App.InspectionWorld();
        var year = FreshYear();
        var station = await App.NewEnterpriseAsync();
        using var inspector = await App.As(TestData.QuangTriInspector, language: "en");

        async Task<Problem> Refused(params object[] targets)
        {
            using var response = await inspector.PostAsJsonAsync(PlansPath, Plan(year, targets), Cancellation);
            return await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        }

        (await Refused(Target(world.HaNoiEnterpriseId, 3, 4, "Group2Instruments")))
            .ErrorsFor("targets[0].organizationId").ShouldBe(["The organisation is not in the plan's province."]);
        (await Refused(Target(station, 0, 4, "Group2Instruments"))).ErrorsFor("targets[0].fromMonth")
            .ShouldBe(["The month must be from 1 to 12 (within the plan year)."]);
        (await Refused(Target(station, 11, 13, "Group2Instruments"))).ErrorsFor("targets[0].toMonth").ShouldNotBeEmpty();
        (await Refused(Target(station, 6, 5, "Group2Instruments"))).ErrorsFor("targets[0].toMonth")
            .ShouldBe(["The end month cannot be before the start month."]);
        (await Refused(Target(station, 3, 4, "Group2Instruments"), Target(station, 7, 8, "FuelQuality")))
            .ErrorsFor("targets[1].organizationId").ShouldBe(["This organisation is already in the plan."]);
        (await Refused(Target(station, 3, 4))).ErrorsFor("targets[0].content").ShouldNotBeEmpty();
        (await Refused(Target(station, 3, 4, "Astrology"))).ErrorsFor("targets[0].content").ShouldNotBeEmpty();
        (await Refused(Target(world.TradeAgencyId, 3, 4, "Group2Instruments"))).ErrorsFor("targets[0].organizationId").ShouldNotBeEmpty();

        using var vietnamese = await App.As(TestData.QuangTriInspector);
        using var vi = await vietnamese.PostAsJsonAsync(PlansPath, Plan(year, Target(world.HaNoiEnterpriseId, 3, 4, "Group2Instruments")), Cancellation);
        (await vi.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("targets[0].organizationId").ShouldBe(["Tổ chức không thuộc tỉnh của kế hoạch."]);

        (await App.WithDb(db => db.InspectionPlans.CountAsync(p => p.Year == year))).ShouldBe(0);
        (await App.WithDb(db => db.InspectionTargets.CountAsync(t => t.OrganizationId == station))).ShouldBe(0);
    }

    [Fact]
    public async Task Roles_and_agencies_decide_who_reads_and_writes_plans_and_another_province_sees_nothing()
    {
        var world = await App.InspectionWorld();
        var year = FreshYear();
        var station = await App.NewEnterpriseAsync();
        using var inspector = await App.As(TestData.QuangTriInspector);
        var plan = await inspector.CreatePlan(Plan(year, Target(station, 3, 4, "Group2Instruments")));

        using var trade = await App.As(TradeInspector);
        (await (await trade.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).ShouldReturn<PlanJson>()).Id.ShouldBe(plan.Id);
        using var tradePut = await trade.PutAsJsonAsync($"{PlansPath}/{plan.Id}", Plan(year), Cancellation);
        await tradePut.ShouldBeProblem(HttpStatusCode.Forbidden);
        using var tradeApproval = await trade.PostAsJsonAsync($"{PlansPath}/{plan.Id}/approval", new { decisionNumber = "1", decisionDate = "2024-01-01", approvedBy = "X" }, Cancellation);
        await tradeApproval.ShouldBeProblem(HttpStatusCode.Forbidden);

        using var officer = await App.As(TestData.QuangTriOfficer);
        (await officer.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsJsonAsync(PlansPath, Plan(year), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await App.As(TestData.QuangTriAdmin);
        (await admin.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        (await ministry.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var lab = await App.As(TestData.QuangTriLabOperator);
        (await lab.GetAsync($"{PlansPath}?year={year}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync($"{OverlapsPath}?year={year}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        (await enterprise.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var haNoi = await App.As(world.HaNoiInspector, UserApi.Password);
        await (await haNoi.GetAsync($"{PlansPath}/{plan.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await haNoi.GetAsync($"{PlansPath}?year={year}", Cancellation)).ShouldReturn<List<PlanListItemJson>>()).ShouldBeEmpty();
        using var haNoiPut = await haNoi.PutAsJsonAsync($"{PlansPath}/{plan.Id}", Plan(year), Cancellation);
        await haNoiPut.ShouldBeProblem(HttpStatusCode.NotFound);
        (await haNoi.Overlaps(year)).ShouldBeEmpty();
        (await App.WithDb(db => db.InspectionPlans.SingleAsync(p => p.Id == plan.Id))).Title.ShouldBe(plan.Title);
    }

    public sealed class Sqlite(SqliteApp app) : InspectionPlanApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : InspectionPlanApiTests(app), IClassFixture<PostgresApp>;
}
