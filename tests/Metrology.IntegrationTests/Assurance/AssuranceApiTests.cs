using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Investments;
using static Metrology.IntegrationTests.Assurance.AssuranceArrange;

namespace Metrology.IntegrationTests.Assurance;

/// <summary>Measurement assurance programmes: steps copied from the configurable list, step rules, progress and who may do what.</summary>
public abstract class AssuranceApiTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_new_programme_copies_the_default_steps_and_starts_at_zero_percent()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var task = await App.NewScienceTaskAsync(enterprise.Id, TestData.Unique("Mô hình điểm đảm bảo đo lường"));

        var programme = await officer.StartProgramme(Programme(enterprise.Id, scienceTaskId: task));

        programme.Steps.Select(s => s.Name).ShouldBe(ConfiguredSteps);
        programme.Steps.Select(s => s.Position).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        programme.Steps.ShouldAllBe(s => s.Status == "NotStarted");
        (programme.StepCount, programme.StepsDone, programme.PercentDone, programme.State).ShouldBe((7, 0, 0m, "notStarted"));
        programme.EnterpriseName.ShouldBe(enterprise.Name);
        programme.ScienceTaskId.ShouldBe(task);
    }

    [Fact]
    public async Task Only_an_enterprise_of_the_province_with_no_running_programme_can_start_one_and_bad_input_names_the_field()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var body = await officer.CreateHolder("Trung tâm đo lường");
        await officer.StartProgramme(Programme(enterprise.Id));

        using var second = await officer.PostAsJsonAsync(ProgrammesPath, Programme(enterprise.Id, "Replicated"), Cancellation);
        using var notEnterprise = await officer.PostAsJsonAsync(ProgrammesPath, Programme(body.Id), Cancellation);
        using var bad = await officer.PostAsJsonAsync(ProgrammesPath, new { enterpriseId = (int?)null, kind = "Trial", startedOn = DesignationApi.Today.AddDays(1), scienceTaskId = 987654 }, Cancellation);

        (await second.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("enterpriseId").Single().ShouldBe($"{enterprise.Name} đang có một chương trình chưa hoàn thành.");
        (await notEnterprise.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("enterpriseId").Single().ShouldBe("Chương trình đảm bảo đo lường chỉ áp dụng cho doanh nghiệp.");
        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("enterpriseId").ShouldNotBeEmpty();
        problem.ErrorsFor("kind").ShouldNotBeEmpty();
        problem.ErrorsFor("startedOn").Single().ShouldBe("Ngày không được ở tương lai.");
        problem.ErrorsFor("scienceTaskId").ShouldNotBeEmpty();
        var list = await (await officer.GetAsync($"{ProgrammesPath}?search={Uri.EscapeDataString(enterprise.Name)}", Cancellation)).ShouldReturn<PageJson<ProgrammeSummaryJson>>();
        list.Items.Single().Kind.ShouldBe("Pilot");
    }

    [Fact]
    public async Task Step_dates_must_be_consistent_and_not_in_the_future_and_a_refused_change_leaves_the_step_alone()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var programme = await officer.StartProgramme(Programme(enterprise.Id, startedOn: new DateOnly(2022, 3, 1)));
        var step = programme.Steps[0];
        var today = DesignationApi.Today;

        async Task<Problem> Refused(object body)
        {
            using var response = await officer.PutAsJsonAsync($"{ProgrammesPath}/{programme.Id}/steps/{step.Id}", body, Cancellation);
            return await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        }

        (await Refused(Step("Done", null, new DateOnly(2022, 5, 1)))).ErrorsFor("completedOn").Single().ShouldBe("Ngày hoàn thành cần có ngày bắt đầu.");
        (await Refused(Step("Done", new DateOnly(2022, 5, 2), new DateOnly(2022, 5, 1)))).ErrorsFor("completedOn").Single().ShouldBe("Ngày hoàn thành không được trước ngày bắt đầu.");
        (await Refused(Step("Done", new DateOnly(2022, 5, 2), today.AddDays(1)))).ErrorsFor("completedOn").Single().ShouldBe("Ngày không được ở tương lai.");
        (await Refused(Step("Done", new DateOnly(2022, 5, 2)))).ErrorsFor("completedOn").Single().ShouldBe("Bước đã hoàn thành cần ngày hoàn thành.");
        (await Refused(Step("InProgress", new DateOnly(2022, 2, 28)))).ErrorsFor("startedOn").Single().ShouldBe("Bước không thể bắt đầu trước khi chương trình bắt đầu (01/03/2022).");
        (await Refused(Step("InProgress", new DateOnly(2022, 5, 2), new DateOnly(2022, 6, 1)))).ErrorsFor("completedOn").ShouldNotBeEmpty();
        (await Refused(Step("Finished"))).ErrorsFor("status").ShouldNotBeEmpty();

        var unchanged = await officer.Read(programme.Id);
        unchanged.Steps[0].ShouldBe(step);
    }

    [Fact]
    public async Task A_programme_is_complete_on_the_day_its_last_step_is_done_and_reopens_when_a_step_is_reopened()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var programme = await officer.StartProgramme(Programme(enterprise.Id, startedOn: new DateOnly(2022, 3, 1)));

        using var earlyCompletion = await officer.PutAsJsonAsync($"{ProgrammesPath}/{programme.Id}", new { kind = "Pilot", startedOn = new DateOnly(2022, 3, 1), completedOn = new DateOnly(2023, 1, 1) }, Cancellation);
        (await earlyCompletion.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("completedOn").Single().ShouldBe("Chỉ ghi ngày hoàn thành khi tất cả các bước đã xong.");

        ProgrammeJson current = programme;
        for (var i = 0; i < 6; i++)
        {
            current = await officer.SetStep(programme.Id, programme.Steps[i].Id, Step("Done", new DateOnly(2022, 4, 1).AddMonths(i), new DateOnly(2022, 4, 20).AddMonths(i)));
        }

        // 6 of 7 steps: 85.71...% shown as 85.7.
        (current.StepsDone, current.PercentDone, current.State, current.CompletedOn).ShouldBe((6, 85.7m, "inProgress", (DateOnly?)null));
        current = await officer.SetStep(programme.Id, programme.Steps[6].Id, Step("Done", new DateOnly(2022, 11, 1), new DateOnly(2022, 12, 15), "Quyết định công nhận số 12/QĐ-TĐC"));
        (current.StepsDone, current.PercentDone, current.State, current.CompletedOn).ShouldBe((7, 100m, "complete", (DateOnly?)new DateOnly(2022, 12, 15)));

        using var withoutDate = await officer.PutAsJsonAsync($"{ProgrammesPath}/{programme.Id}", new { kind = "Pilot", startedOn = new DateOnly(2022, 3, 1), completedOn = (DateOnly?)null }, Cancellation);
        (await withoutDate.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("completedOn").Single().ShouldBe("Tất cả các bước đã xong: cần ngày hoàn thành.");

        var reopened = await officer.SetStep(programme.Id, programme.Steps[6].Id, Step("InProgress", new DateOnly(2022, 11, 1)));
        (reopened.State, reopened.CompletedOn, reopened.StepsDone).ShouldBe(("inProgress", (DateOnly?)null, 6));
    }

    [Fact]
    public async Task An_enterprise_user_records_its_own_steps_only_and_cannot_start_or_change_programmes()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await officer.CreateOrganization(TestData.Enterprise());
        var other = await officer.CreateOrganization(TestData.Enterprise());
        var ownProgramme = await officer.StartProgramme(Programme(own.Id));
        var otherProgramme = await officer.StartProgramme(Programme(other.Id));
        var account = await App.CreateAsync("EnterpriseUser", TestData.QuangTri, own.Id);
        using var enterprise = await App.As(account.Email, UserApi.Password);

        var updated = await enterprise.SetStep(ownProgramme.Id, ownProgramme.Steps[0].Id, Step("Done", new DateOnly(2022, 3, 10), new DateOnly(2022, 4, 5), "Báo cáo đánh giá hiện trạng đo lường"));
        using var readOther = await enterprise.GetAsync($"{ProgrammesPath}/{otherProgramme.Id}", Cancellation);
        using var stepOther = await enterprise.PutAsJsonAsync($"{ProgrammesPath}/{otherProgramme.Id}/steps/{otherProgramme.Steps[0].Id}", Step("InProgress", new DateOnly(2022, 3, 10)), Cancellation);
        using var foreignStep = await enterprise.PutAsJsonAsync($"{ProgrammesPath}/{ownProgramme.Id}/steps/{otherProgramme.Steps[0].Id}", Step("InProgress", new DateOnly(2022, 3, 10)), Cancellation);
        using var start = await enterprise.PostAsJsonAsync(ProgrammesPath, Programme(own.Id, "Replicated"), Cancellation);
        using var change = await enterprise.PutAsJsonAsync($"{ProgrammesPath}/{ownProgramme.Id}", new { kind = "Replicated", startedOn = new DateOnly(2022, 3, 1) }, Cancellation);
        var list = await (await enterprise.GetAsync($"{ProgrammesPath}?pageSize=200", Cancellation)).ShouldReturn<PageJson<ProgrammeSummaryJson>>();

        (updated.Steps[0].Status, updated.Steps[0].EvidenceNote, updated.StepsDone, updated.PercentDone).ShouldBe(("Done", "Báo cáo đánh giá hiện trạng đo lường", 1, 14.3m));
        await readOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await stepOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await foreignStep.ShouldBeProblem(HttpStatusCode.NotFound);
        await start.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await change.ShouldHaveStatus(HttpStatusCode.Forbidden);
        list.Items.Select(p => p.Id).ShouldBe([ownProgramme.Id]);
        (await officer.Read(otherProgramme.Id)).Steps[0].Status.ShouldBe("NotStarted");
    }

    [Fact]
    public async Task Another_provinces_programme_is_404_and_the_inspector_only_reads()
    {
        var haNoiOfficer = await App.Arranged("HaNoiAssuranceOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiEnterprise = await haNoi.CreateOrganization(TestData.Enterprise(provinceSlug: TestData.HaNoi));
        var haNoiProgramme = await haNoi.StartProgramme(Programme(haNoiEnterprise.Id));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var own = await officer.StartProgramme(Programme(enterprise.Id));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var lab = await App.As(TestData.QuangTriLabOperator);

        using var read = await officer.GetAsync($"{ProgrammesPath}/{haNoiProgramme.Id}", Cancellation);
        using var step = await officer.PutAsJsonAsync($"{ProgrammesPath}/{haNoiProgramme.Id}/steps/{haNoiProgramme.Steps[0].Id}", Step("InProgress", new DateOnly(2022, 3, 10)), Cancellation);
        using var startThere = await officer.PostAsJsonAsync(ProgrammesPath, Programme(haNoiEnterprise.Id), Cancellation);
        using var inspectorStep = await inspector.PutAsJsonAsync($"{ProgrammesPath}/{own.Id}/steps/{own.Steps[0].Id}", Step("InProgress", new DateOnly(2022, 3, 10)), Cancellation);
        using var labRead = await lab.GetAsync(ProgrammesPath, Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await step.ShouldBeProblem(HttpStatusCode.NotFound);
        (await startThere.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("enterpriseId").ShouldNotBeEmpty();
        (await inspector.Read(own.Id)).EnterpriseName.ShouldBe(enterprise.Name);
        await inspectorStep.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await labRead.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await haNoi.Read(haNoiProgramme.Id)).Steps[0].Status.ShouldBe("NotStarted");
    }

    [Fact]
    public async Task The_province_progress_counts_pilots_replications_and_states_in_the_same_queries_for_one_or_three_programmes()
    {
        // A province of its own, so that the other tests' programmes do not change the counts.
        var daNangOfficer = await App.Arranged("DaNangAssuranceOfficer", app => app.CreateAsync("ProvinceOfficer", "da-nang"));
        using var officer = await App.As(daNangOfficer.Email, UserApi.Password);

        async Task<int> ProgressQueries()
        {
            App.Queries.Reset();
            using var response = await officer.GetAsync($"{ProgrammesPath}/progress", Cancellation);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return App.Queries.Count;
        }

        var first = await officer.CreateOrganization(TestData.Enterprise(provinceSlug: "da-nang"));
        var pilot = await officer.StartProgramme(Programme(first.Id));
        var queriesForOne = await ProgressQueries();
        var second = await officer.StartProgramme(Programme((await officer.CreateOrganization(TestData.Enterprise(provinceSlug: "da-nang"))).Id));
        var replicated = await officer.StartProgramme(Programme((await officer.CreateOrganization(TestData.Enterprise(provinceSlug: "da-nang"))).Id, "Replicated", DesignationApi.Today));
        for (var i = 0; i < 7; i++)
        {
            await officer.SetStep(pilot.Id, pilot.Steps[i].Id, Step("Done", new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 1)));
        }

        await officer.SetStep(second.Id, second.Steps[0].Id, Step("Done", new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 1)));
        await officer.SetStep(second.Id, second.Steps[1].Id, Step("InProgress", new DateOnly(2022, 6, 2)));

        (await ProgressQueries()).ShouldBe(queriesForOne);
        var progress = await (await officer.GetAsync($"{ProgrammesPath}/progress", Cancellation)).ShouldReturn<ProgressJson>();
        (progress.Programmes, progress.Pilot, progress.Replicated).ShouldBe((3, 2, 1));
        (progress.NotStarted, progress.InProgress, progress.Complete).ShouldBe((1, 1, 1));
        progress.Enterprises.Single(e => e.Id == pilot.Id).PercentDone.ShouldBe(100m);
        progress.Enterprises.Single(e => e.Id == second.Id).PercentDone.ShouldBe(14.3m);
        progress.Enterprises.Single(e => e.Id == replicated.Id).PercentDone.ShouldBe(0m);
    }

    [Fact]
    public async Task A_province_admin_edits_the_default_step_list_which_new_programmes_copy_and_officers_cannot_edit_it()
    {
        // Huế's list, so that Quảng Trị's programmes in the other tests keep the configured one.
        var admin = await App.Arranged("HueAssuranceAdmin", app => app.CreateAsync("ProvinceAdmin", "hue"));
        var hueOfficer = await App.Arranged("HueAssuranceOfficer", app => app.CreateAsync("ProvinceOfficer", "hue"));
        using var provinceAdmin = await App.As(admin.Email, UserApi.Password);
        using var officer = await App.As(hueOfficer.Email, UserApi.Password);
        string[] custom = ["Khảo sát hiện trạng", "Lập kế hoạch đảm bảo đo lường", "Hiệu chuẩn phương tiện đo", "Đánh giá kết quả"];

        (await (await officer.GetAsync($"{ProgrammesPath}/default-steps", Cancellation)).ShouldReturn<DefaultStepsJson>()).ShouldSatisfyAllConditions(
            d => d.Steps.ShouldBe(ConfiguredSteps),
            d => d.Source.ShouldBe("configuration"));
        using var byOfficer = await officer.PutAsJsonAsync($"{ProgrammesPath}/default-steps", new { steps = custom }, Cancellation);
        using var empty = await provinceAdmin.PutAsJsonAsync($"{ProgrammesPath}/default-steps", new { steps = Array.Empty<string>() }, Cancellation);
        using var blankAndDuplicate = await provinceAdmin.PutAsJsonAsync($"{ProgrammesPath}/default-steps", new { steps = new[] { "Đánh giá", " ", "đánh giá" } }, Cancellation);
        using var saved = await provinceAdmin.PutAsJsonAsync($"{ProgrammesPath}/default-steps", new { steps = custom }, Cancellation);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise(provinceSlug: "hue"));
        var programme = await officer.StartProgramme(Programme(enterprise.Id));
        using var quangTri = await App.As(TestData.QuangTriOfficer);

        await byOfficer.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await empty.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("steps").Single().ShouldBe("Danh sách cần ít nhất một bước.");
        var problem = await blankAndDuplicate.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("steps[1]").ShouldNotBeEmpty();
        problem.ErrorsFor("steps").Single().ShouldBe("Hai bước trùng tên.");
        (await saved.ShouldReturn<DefaultStepsJson>()).Source.ShouldBe("province");
        programme.Steps.Select(s => s.Name).ShouldBe(custom);
        (await (await quangTri.GetAsync($"{ProgrammesPath}/default-steps", Cancellation)).ShouldReturn<DefaultStepsJson>()).Steps.ShouldBe(ConfiguredSteps);
    }

    public sealed class Sqlite(SqliteApp app) : AssuranceApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AssuranceApiTests(app), IClassFixture<PostgresApp>;
}
