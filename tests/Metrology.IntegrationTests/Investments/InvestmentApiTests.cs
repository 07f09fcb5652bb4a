using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Investments.InvestmentArrange;

namespace Metrology.IntegrationTests.Investments;

/// <summary>Investment projects: budget, components, yearly disbursements and who may see or change them.</summary>
public abstract class InvestmentApiTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_project_shows_its_documents_components_and_disbursed_per_year_cumulative_remaining_and_percent()
    {
        var policy = await App.NewDocumentAsync(TestData.QuangTri, TestData.Unique("99/2020/NQ-HĐND"));
        var feasibility = await App.NewDocumentAsync(TestData.QuangTri, TestData.Unique("1338/QĐ-UBND"));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var project = await officer.CreateProject(Project(policy, feasibility));

        await officer.Disburse(project.Id, 2022, 12_000_000_000);
        var after = await officer.Disburse(project.Id, 2021, 5_000_000_000);

        after.PolicyDocument!.Id.ShouldBe(policy);
        after.FeasibilityDocument!.Id.ShouldBe(feasibility);
        after.Components.Select(c => (c.Name, c.Quantity, c.Unit)).ShouldBe([("Thiết bị đo lường, thử nghiệm", 58, "bộ"), ("Thiết bị công nghệ sinh học", 2, "thiết bị")]);
        after.Disbursements.ShouldBe([new DisbursementJson(2021, 5_000_000_000, 5_000_000_000, null), new DisbursementJson(2022, 12_000_000_000, 17_000_000_000, null)]);
        after.Disbursed.ShouldBe(17_000_000_000);
        after.Remaining.ShouldBe(8_616_000_000);

        // 17 000 / 25 616 = 66.36...%, shown to one decimal.
        after.PercentDisbursed.ShouldBe(66.4m);
        var list = await (await officer.GetAsync($"{ProjectsPath}?search={Uri.EscapeDataString("dau tu thiet bi do luong")}&pageSize=200", Cancellation)).ShouldReturn<PageJson<ProjectSummaryJson>>();
        list.Items.Single(p => p.Id == project.Id).Disbursed.ShouldBe(17_000_000_000);
    }

    [Fact]
    public async Task Bad_budget_years_status_components_or_documents_are_refused_naming_each_field_and_nothing_is_written()
    {
        var haNoiDocument = await App.NewDocumentAsync(TestData.HaNoi, TestData.Unique("12/QĐ-UBND"));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await App.CountInvestmentRowsAsync();

        var body = Project(policyDocumentId: haNoiDocument, totalBudget: -5, startYear: 2023, endYear: 2021,
            components: [new { name = "", quantity = 0, unit = "bộ", budget = (long?)null }]);
        body["status"] = "Finished";
        using var bad = await officer.PostAsJsonAsync(ProjectsPath, body, Cancellation);
        using var absurd = await officer.PostAsJsonAsync(ProjectsPath, Project(totalBudget: 900_000_000_000_000_000), Cancellation);
        using var aboveTotal = await officer.PostAsJsonAsync(ProjectsPath, Project(totalBudget: 20_000_000_000), Cancellation);

        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("totalBudget").ShouldNotBeEmpty();
        problem.ErrorsFor("endYear").Single().ShouldBe("Năm kết thúc không được trước năm bắt đầu.");
        problem.ErrorsFor("status").ShouldNotBeEmpty();
        problem.ErrorsFor("policyDocumentId").ShouldNotBeEmpty();
        problem.ErrorsFor("components[0].name").ShouldNotBeEmpty();
        problem.ErrorsFor("components[0].quantity").ShouldNotBeEmpty();
        (await absurd.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("totalBudget").ShouldNotBeEmpty();

        // 21 000 000 000 + 4 000 000 000 = 25 000 000 000 > 20 000 000 000.
        (await aboveTotal.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("components").Single()
            .ShouldBe("Tổng kinh phí các hạng mục (25.000.000.000 đ) vượt tổng mức đầu tư (20.000.000.000 đ).");
        (await App.CountInvestmentRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_disbursement_above_the_budget_is_a_warning_until_a_reason_is_given_which_is_then_kept()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var project = await officer.CreateProject(Project());
        await officer.Disburse(project.Id, 2021, 20_000_000_000);

        using var over = await officer.PostAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements", new { year = 2022, amount = 6_000_000_000L }, Cancellation);
        var warning = await over.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        warning.Detail.ShouldBe("Lũy kế giải ngân 26.000.000.000 đ sẽ vượt tổng mức đầu tư 25.616.000.000 đ (vượt 384.000.000 đ). Ghi rõ lý do (quyết định điều chỉnh, trượt giá...) để xác nhận.");
        warning.ErrorsFor("overBudgetReason").ShouldNotBeEmpty();
        (await (await officer.GetAsync($"{ProjectsPath}/{project.Id}", Cancellation)).ShouldReturn<ProjectJson>()).Disbursements.Count.ShouldBe(1);

        var confirmed = await officer.Disburse(project.Id, 2022, 6_000_000_000, "Quyết định điều chỉnh tổng mức đầu tư số 45/QĐ-UBND");

        confirmed.Disbursements[1].ShouldBe(new DisbursementJson(2022, 6_000_000_000, 26_000_000_000, "Quyết định điều chỉnh tổng mức đầu tư số 45/QĐ-UBND"));
        confirmed.Remaining.ShouldBe(-384_000_000);
        confirmed.PercentDisbursed.ShouldBe(101.5m);
    }

    [Fact]
    public async Task A_disbursement_year_must_be_within_the_project_years_plus_or_minus_one_and_only_once()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var project = await officer.CreateProject(Project(startYear: 2021, endYear: 2023));

        await officer.Disburse(project.Id, 2020, 1_000_000_000);
        await officer.Disburse(project.Id, 2024, 1_000_000_000);
        using var tooEarly = await officer.PostAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements", new { year = 2019, amount = 1L }, Cancellation);
        using var tooLate = await officer.PostAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements", new { year = 2025, amount = 1L }, Cancellation);
        using var negative = await officer.PostAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements", new { year = 2022, amount = -1L }, Cancellation);
        using var twice = await officer.PostAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements", new { year = 2020, amount = 2L }, Cancellation);
        using var change = await officer.PutAsJsonAsync($"{ProjectsPath}/{project.Id}/disbursements/2020", new { amount = 3_000_000_000L }, Cancellation);

        (await tooEarly.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("year").Single().ShouldBe("Năm giải ngân phải từ 2020 đến 2024 (thời gian dự án ± 1 năm).");
        (await tooLate.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("year").ShouldNotBeEmpty();
        (await negative.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("amount").ShouldNotBeEmpty();
        (await twice.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("year").ShouldNotBeEmpty();
        var changed = await change.ShouldReturn<ProjectJson>();
        changed.Disbursements.Select(d => (d.Year, d.Amount, d.Cumulative)).ShouldBe([(2020, 3_000_000_000L, 3_000_000_000L), (2024, 1_000_000_000L, 4_000_000_000L)]);
    }

    [Fact]
    public async Task Changing_a_project_keeps_edits_and_refuses_to_drop_a_component_that_equipment_points_at()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var project = await officer.CreateProject(Project());
        var devices = project.Components[1];
        await officer.CreateEquipment(Equipment(project.Id, devices.Id, name: "Máy PCR định lượng"));

        var keepOnlyFirst = Project(components: [new { id = project.Components[0].Id, name = "Thiết bị đo lường, thử nghiệm", quantity = 60, unit = "bộ", budget = (long?)null }]);
        using var drop = await officer.PutAsJsonAsync($"{ProjectsPath}/{project.Id}", keepOnlyFirst, Cancellation);
        var keepBoth = Project(components:
        [
            new { id = project.Components[0].Id, name = "Thiết bị đo lường, thử nghiệm", quantity = 60, unit = "bộ", budget = (long?)null },
            new { id = devices.Id, name = devices.Name, quantity = 2, unit = "thiết bị", budget = (long?)4_000_000_000 },
        ]);
        using var edit = await officer.PutAsJsonAsync($"{ProjectsPath}/{project.Id}", keepBoth, Cancellation);

        (await drop.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("components").Single().ShouldBe("Không thể xóa hạng mục đã có thiết bị gắn với nó.");
        var edited = await edit.ShouldReturn<ProjectJson>();
        edited.Components.Select(c => (c.Id, c.Quantity)).ShouldBe([(project.Components[0].Id, 60), (devices.Id, 2)]);
        edited.Equipment.Single().Name.ShouldBe("Máy PCR định lượng");
    }

    [Fact]
    public async Task Another_provinces_project_is_404_and_readers_cannot_write()
    {
        var haNoiOfficer = await App.Arranged("HaNoiInvestmentOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiProject = await haNoi.CreateProject(Project());
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await officer.CreateProject(Project());
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);

        using var read = await officer.GetAsync($"{ProjectsPath}/{haNoiProject.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{ProjectsPath}/{haNoiProject.Id}", Project(), Cancellation);
        using var disburse = await officer.PostAsJsonAsync($"{ProjectsPath}/{haNoiProject.Id}/disbursements", new { year = 2022, amount = 1L }, Cancellation);
        using var inspectorWrite = await inspector.PostAsJsonAsync($"{ProjectsPath}/{own.Id}/disbursements", new { year = 2022, amount = 1L }, Cancellation);
        using var labRead = await lab.GetAsync(ProjectsPath, Cancellation);
        var officerList = await (await officer.GetAsync($"{ProjectsPath}?pageSize=200", Cancellation)).ShouldReturn<PageJson<ProjectSummaryJson>>();

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await disburse.ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await inspector.GetAsync($"{ProjectsPath}/{own.Id}", Cancellation)).ShouldReturn<ProjectJson>()).Name.ShouldBe(own.Name);
        await inspectorWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await labRead.ShouldHaveStatus(HttpStatusCode.Forbidden);
        officerList.Items.ShouldNotContain(p => p.Id == haNoiProject.Id);
        (await (await ministry.GetAsync($"{ProjectsPath}/{haNoiProject.Id}", Cancellation)).ShouldReturn<ProjectJson>()).ProvinceSlug.ShouldBe(TestData.HaNoi);
        (await (await haNoi.GetAsync($"{ProjectsPath}/{haNoiProject.Id}", Cancellation)).ShouldReturn<ProjectJson>()).Disbursements.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_project_list_costs_the_same_queries_for_one_row_as_for_three()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        for (var i = 0; i < 3; i++)
        {
            var project = await officer.CreateProject(Project());
            await officer.Disburse(project.Id, 2021, 1_000_000_000);
        }

        async Task<int> QueriesFor(string path)
        {
            App.Queries.Reset();
            using var response = await officer.GetAsync(path, Cancellation);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return App.Queries.Count;
        }

        (await QueriesFor($"{ProjectsPath}?pageSize=3")).ShouldBe(await QueriesFor($"{ProjectsPath}?pageSize=1"));
        (await QueriesFor($"{EquipmentPath}?pageSize=3")).ShouldBe(await QueriesFor($"{EquipmentPath}?pageSize=1"));
    }

    public sealed class Sqlite(SqliteApp app) : InvestmentApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : InvestmentApiTests(app), IClassFixture<PostgresApp>;
}
