using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Documents;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Documents.DocumentApi;

namespace Metrology.IntegrationTests.ScienceTasks;

/// <summary>S&amp;T tasks: money and date rules, the approval document and host, filters with budget totals, scope.</summary>
public abstract class ScienceTaskApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private Task<UserJson> HaNoiOfficer() => App.Arranged("HaNoiTasksOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));

    [Fact]
    public async Task An_officer_records_a_task_approved_by_a_decision_and_reads_it_back()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var decision = await officer.CreateDocument(DocumentApi.Document());
        var hostId = await officer.AnyOrganizationId();

        var created = await officer.CreateTask(DocumentApi.Task(hostId, decision.Id, budget: 450_000_000));
        var read = await (await officer.GetAsync($"{TasksPath}/{created.Id}", Cancellation)).ShouldReturn<ScienceTaskJson>();

        read.Budget.ShouldBe(450_000_000);
        read.ApprovalDocumentId.ShouldBe(decision.Id);
        read.ApprovalDocumentNumber.ShouldBe(decision.Number);
        read.HostOrganizationId.ShouldBe(hostId);
        read.HostOrganizationName.ShouldNotBeNullOrWhiteSpace();
        read.StartOn.ShouldBe(new DateOnly(2022, 4, 1));
        read.Status.ShouldBe("InProgress");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1_000_000_000_001)]
    public async Task A_budget_that_is_not_positive_or_is_absurd_is_refused_naming_budget_and_nothing_is_written(long budget)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await App.CountAllTasks();

        using var response = await officer.PostAsJsonAsync(TasksPath, DocumentApi.Task(await officer.AnyOrganizationId(), budget: budget), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("budget").ShouldNotBeEmpty();
        (await App.CountAllTasks()).ShouldBe(before);
    }

    [Fact]
    public async Task A_budget_beyond_a_64_bit_number_is_a_400_naming_budget()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = System.Text.Json.JsonSerializer.Serialize(DocumentApi.Task(await officer.AnyOrganizationId())).Replace("450000000", "99999999999999999999999", StringComparison.Ordinal);

        using var response = await officer.PostAsync(TasksPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("budget").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_naming_endOn_in_english_too()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var before = await App.CountAllTasks();

        using var response = await officer.PostAsJsonAsync(TasksPath,
            DocumentApi.Task(await officer.AnyOrganizationId(), startOn: new DateOnly(2022, 4, 1), endOn: new DateOnly(2022, 3, 31)), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("endOn")[0].ShouldBe("The end date cannot be before the start date.");
        (await App.CountAllTasks()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_level_status_and_area_and_a_missing_host_are_each_named()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = DocumentApi.Task(0);
        body["level"] = "Galactic";
        body["status"] = "Done";
        body["area"] = null;
        body["hostOrganizationId"] = null;

        using var response = await officer.PostAsJsonAsync(TasksPath, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("level").ShouldNotBeEmpty();
        problem.ErrorsFor("status").ShouldNotBeEmpty();
        problem.ErrorsFor("area").ShouldNotBeEmpty();
        problem.ErrorsFor("hostOrganizationId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_host_or_approval_document_of_another_province_is_unknown()
    {
        var haNoiOfficer = await HaNoiOfficer();
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var theirDocument = await haNoi.CreateDocument(DocumentApi.Document());
        var theirHost = await haNoi.CreateOrganization(TestData.Enterprise());
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(TasksPath, DocumentApi.Task(theirHost.Id, theirDocument.Id), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("hostOrganizationId").ShouldNotBeEmpty();
        problem.ErrorsFor("approvalDocumentId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Level_status_and_year_filter_the_list_and_the_total_adds_every_selected_budget()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var hostId = await officer.AnyOrganizationId();
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<ScienceTaskJson> Add(string level, string status, DateOnly start, DateOnly end, long budget)
        {
            var body = DocumentApi.Task(hostId, budget: budget, startOn: start, endOn: end, level: level, status: status);
            body["title"] = $"Nhiệm vụ kiểm thử {tag} {level} {start.Year}";
            return await officer.CreateTask(body);
        }

        var basic2021 = await Add("Basic", "Completed", new DateOnly(2021, 3, 1), new DateOnly(2021, 11, 30), 180_000_000);
        var basic2022 = await Add("Basic", "InProgress", new DateOnly(2022, 4, 1), new DateOnly(2023, 9, 30), 450_000_000);
        var provincial2022 = await Add("Provincial", "Completed", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 1_200_000_000);

        async Task<ScienceTaskPageJson> List(string query) =>
            await (await officer.GetAsync($"{TasksPath}?pageSize=2&search={tag}&{query}", Cancellation)).ShouldReturn<ScienceTaskPageJson>();

        var all = await List("");
        all.Total.ShouldBe(3);
        all.Items.Count.ShouldBe(2);
        // The total covers all three tasks, not only the page of two: 180 + 450 + 1,200 million.
        all.BudgetTotal.ShouldBe(1_830_000_000);
        var year2022 = await List("year=2022");
        year2022.Items.Select(t => t.Id).ShouldBe([basic2022.Id, provincial2022.Id]);
        year2022.BudgetTotal.ShouldBe(1_650_000_000);
        // A task running from 2022 into 2023 counts in 2023 too.
        (await List("year=2023")).Items.Select(t => t.Id).ShouldBe([basic2022.Id]);
        (await List("level=Basic")).BudgetTotal.ShouldBe(630_000_000);
        (await List("status=Completed&level=Basic")).Items.Select(t => t.Id).ShouldBe([basic2021.Id]);
        using var badLevel = await officer.GetAsync($"{TasksPath}?level=Galactic", Cancellation);
        (await badLevel.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("level").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_officer_changes_and_deletes_a_task()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var task = await officer.CreateTask(DocumentApi.Task(await officer.AnyOrganizationId()));
        var change = DocumentApi.Task(task.HostOrganizationId, budget: 500_000_000, status: "Completed");

        var changed = await (await officer.PutAsJsonAsync($"{TasksPath}/{task.Id}", change, Cancellation)).ShouldReturn<ScienceTaskJson>();
        using var deleted = await officer.DeleteAsync($"{TasksPath}/{task.Id}", Cancellation);

        changed.Budget.ShouldBe(500_000_000);
        changed.Status.ShouldBe("Completed");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.GetAsync($"{TasksPath}/{task.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_provinces_task_is_404_and_a_forbidden_role_is_403()
    {
        var haNoiOfficer = await HaNoiOfficer();
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var theirs = await haNoi.CreateTask(DocumentApi.Task(await haNoi.AnyOrganizationIdOrCreate()));
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        await (await officer.GetAsync($"{TasksPath}/{theirs.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await officer.PutAsJsonAsync($"{TasksPath}/{theirs.Id}", DocumentApi.Task(theirs.HostOrganizationId), Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await officer.DeleteAsync($"{TasksPath}/{theirs.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await inspector.GetAsync(TasksPath, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.PostAsJsonAsync(TasksPath, DocumentApi.Task(theirs.HostOrganizationId), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await enterprise.GetAsync(TasksPath, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await haNoi.GetAsync($"{TasksPath}/{theirs.Id}", Cancellation)).ShouldReturn<ScienceTaskJson>()).Budget.ShouldBe(theirs.Budget);
    }

    [Fact]
    public async Task The_list_costs_the_same_number_of_queries_for_5_or_50_tasks()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var hostId = await officer.AnyOrganizationId();
        var document = await officer.CreateDocument(DocumentApi.Document());
        for (var i = 0; i < 6; i++)
        {
            await officer.CreateTask(DocumentApi.Task(hostId, document.Id));
        }

        await officer.GetAsync($"{TasksPath}?pageSize=1", Cancellation);
        App.Queries.Reset();
        (await (await officer.GetAsync($"{TasksPath}?pageSize=5", Cancellation)).ShouldReturn<ScienceTaskPageJson>()).Items.Count.ShouldBe(5);
        var forFive = App.Queries.Count;
        App.Queries.Reset();
        await (await officer.GetAsync($"{TasksPath}?pageSize=50", Cancellation)).ShouldReturn<ScienceTaskPageJson>();

        App.Queries.Count.ShouldBe(forFive);
        forFive.ShouldBeLessThanOrEqualTo(5);
    }

    public sealed class Sqlite(SqliteApp app) : ScienceTaskApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ScienceTaskApiTests(app), IClassFixture<PostgresApp>;
}
