using Metrology.IntegrationTests.Assurance;
using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Investments.InvestmentArrange;

namespace Metrology.IntegrationTests.Investments;

/// <summary>The demo's investment project, its equipment and the assurance programmes, as the seed report gives them.</summary>
public abstract class DemoInvestmentDataTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_report_project_has_its_two_approvals_the_25_616_billion_budget_and_inspection_equipment_at_the_centre()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var list = await (await officer.GetAsync($"{ProjectsPath}?search={Uri.EscapeDataString("giai đoạn 1")}", Cancellation)).ShouldReturn<PageJson<ProjectSummaryJson>>();
        var project = await (await officer.GetAsync($"{ProjectsPath}/{list.Items.Single().Id}", Cancellation)).ShouldReturn<ProjectJson>();

        project.Name.ShouldBe("Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)");
        (project.PolicyDocument!.Number, project.FeasibilityDocument!.Number).ShouldBe(("99/2020/NQ-HĐND", "1338/QĐ-UBND"));
        (project.TotalBudget, project.StartYear, project.EndYear).ShouldBe((25_616_000_000L, 2021, 2023));
        project.Components.Select(c => (c.Quantity, c.Unit)).ShouldBe([(58, "bộ"), (2, "thiết bị")]);
        project.Disbursements.Select(d => d.Year).ShouldBe([2021, 2022, 2023]);
        project.Disbursed.ShouldBeLessThanOrEqualTo(project.TotalBudget);
        var inspection = await (await officer.GetAsync($"{EquipmentPath}?forInspection=true&projectId={project.Id}&pageSize=200", Cancellation)).ShouldReturn<PageJson<EquipmentJson>>();
        inspection.Items.Select(e => e.Name).ShouldBe(
            ["Bình chuẩn dung tích 2 L", "Bình chuẩn dung tích 5 L", "Bình chuẩn dung tích 10 L", "Bình chuẩn dung tích 20 L", "Thiết bị đo chỉ số Octan của xăng"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Three_pilot_programmes_from_2022_at_different_stages_and_one_replication_of_this_year()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var progress = await (await officer.GetAsync($"{AssuranceArrange.ProgrammesPath}/progress", Cancellation)).ShouldReturn<ProgressJson>();

        (progress.Pilot, progress.Replicated, progress.Complete).ShouldBe((3, 1, 1));
        progress.Enterprises.Where(p => p.Kind == "Pilot").ShouldAllBe(p => p.StartedOn.Year == 2022 && p.ScienceTaskTitle!.StartsWith("Xây dựng mô hình điểm"));
        progress.Enterprises.Where(p => p.Kind == "Pilot").Select(p => p.StepsDone).ShouldBe([4, 7, 1], ignoreOrder: true);
        progress.Enterprises.Single(p => p.Kind == "Replicated").StartedOn.Year.ShouldBe(DateTime.UtcNow.AddHours(7).Year);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        var own = await (await enterprise.GetAsync(AssuranceArrange.ProgrammesPath, Cancellation)).ShouldReturn<PageJson<ProgrammeSummaryJson>>();
        own.Items.Single().StepsDone.ShouldBe(4);
    }

    public sealed class Sqlite(DemoSqliteApp app) : DemoInvestmentDataTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : DemoInvestmentDataTests(app), IClassFixture<DemoPostgresApp>;
}
