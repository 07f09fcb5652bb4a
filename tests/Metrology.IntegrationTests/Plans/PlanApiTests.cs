using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Plans;

/// <summary>Annual plans and their tasks: overdue, board moves, validation, and who may see or change what. Today is 10/06/2026.</summary>
public abstract class PlanApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = PlanApi.Path;
    private const string TaskPath = PlanApi.TaskPath;

    [Fact]
    public async Task A_task_is_overdue_from_the_day_after_its_deadline_unless_done_or_cancelled_and_the_plan_counts_it()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        var yesterday = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 6, 9), "InProgress", title: "Hạn hôm qua"));
        var today = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 6, 10), "NotStarted", title: "Hạn hôm nay"));
        var done = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 6, 9), "Done", new DateOnly(2026, 6, 8), "Xong trước hạn"));
        var cancelled = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 6, 1), "Cancelled", title: "Đã hủy"));
        var tomorrow = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 6, 11), "NotStarted", title: "Hạn ngày mai"));

        var board = await officer.Board(plan.Id);
        var overdue = board.Tasks.Where(t => t.IsOverdue).Select(t => t.Id).ToList();
        overdue.ShouldBe([yesterday.Id]);
        yesterday.IsOverdue.ShouldBeTrue();
        (today.IsOverdue, done.IsOverdue, cancelled.IsOverdue, tomorrow.IsOverdue).ShouldBe((false, false, false, false));
        board.Plan.TaskCount.ShouldBe(5);
        board.Plan.DoneCount.ShouldBe(1);
        board.Plan.OverdueCount.ShouldBe(1);
        var listed = await (await officer.GetAsync($"{Path}?year=2026", Cancellation)).ShouldReturn<List<PlanSummaryJson>>();
        listed.Single(p => p.Id == plan.Id).OverdueCount.ShouldBe(1);
        var sorted = await (await officer.GetAsync($"{Path}/{plan.Id}/tasks?sort=-deadline", Cancellation)).ShouldReturn<List<PlanTaskJson>>();
        sorted.Select(t => t.Title).ShouldBe(["Hạn ngày mai", "Hạn hôm nay", "Hạn hôm qua", "Xong trước hạn", "Đã hủy"]);
    }

    [Fact]
    public async Task Moving_a_card_to_done_needs_a_completion_date_not_in_the_future_sets_100_percent_and_moving_back_clears_the_date()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        var task = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 5, 31)));
        task.IsOverdue.ShouldBeTrue();

        using var noDate = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Done" }, Cancellation);
        using var future = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Done", completedOn = new DateOnly(2026, 6, 11) }, Cancellation);
        using var unknown = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Paused" }, Cancellation);
        (await noDate.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("completedOn").Single().ShouldBe("Nhập ngày hoàn thành khi công việc đã xong.");
        (await future.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("completedOn").Single().ShouldBe("Ngày này chưa đến.");
        (await unknown.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("status").Single().ShouldBe("Giá trị không hợp lệ. Chọn một trong: NotStarted, InProgress, Done, Cancelled.");
        (await officer.Board(plan.Id)).Tasks.Single().Status.ShouldBe("InProgress");

        using var moved = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Done", completedOn = new DateOnly(2026, 6, 10) }, Cancellation);
        var doneTask = await moved.ShouldReturn<PlanTaskJson>();
        (doneTask.Status, doneTask.ProgressPercent, doneTask.CompletedOn, doneTask.IsOverdue).ShouldBe(("Done", 100, new DateOnly(2026, 6, 10), false));

        using var back = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "InProgress", completedOn = new DateOnly(2026, 6, 10) }, Cancellation);
        var reopened = await back.ShouldReturn<PlanTaskJson>();
        (reopened.Status, reopened.CompletedOn, reopened.IsOverdue).ShouldBe(("InProgress", (DateOnly?)null, true));
        (await officer.Board(plan.Id)).Plan.OverdueCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_task_is_refused_field_by_field_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();

        using var response = await officer.PostAsJsonAsync($"{Path}/{plan.Id}/tasks", new
        {
            title = " ",
            area = "Marketing",
            ownerName = "",
            deadline = new DateOnly(2024, 12, 31),
            status = "Done",
            progressPercent = 101,
            completedOn = new DateOnly(2026, 6, 11),
            sourceDocumentId = 987654,
        }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("title").ShouldNotBeEmpty();
        problem.ErrorsFor("area").ShouldNotBeEmpty();
        problem.ErrorsFor("ownerName").ShouldNotBeEmpty();
        problem.ErrorsFor("deadline").Single().ShouldBe("Hạn hoàn thành phải từ 01/01/2025 đến 31/12/2027 (kế hoạch năm 2026).");
        problem.ErrorsFor("progressPercent").ShouldNotBeEmpty();
        problem.ErrorsFor("completedOn").Single().ShouldBe("Ngày này chưa đến.");
        problem.ErrorsFor("sourceDocumentId").ShouldNotBeEmpty();
        using var late = await officer.PostAsJsonAsync($"{Path}/{plan.Id}/tasks", PlanApi.Task(new DateOnly(2028, 1, 1)), Cancellation);
        (await late.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("deadline").ShouldNotBeEmpty();
        (await officer.Board(plan.Id)).Tasks.ShouldBeEmpty();

        // The edges of the range are accepted: a year either side of the plan's.
        (await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2025, 1, 1)))).Deadline.ShouldBe(new DateOnly(2025, 1, 1));
        (await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2027, 12, 31)))).Deadline.ShouldBe(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public async Task The_completion_date_is_kept_only_for_a_done_task_and_a_plan_cannot_move_to_a_year_that_strands_its_tasks()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        var task = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 9, 30), "InProgress", new DateOnly(2026, 6, 1)));
        task.CompletedOn.ShouldBeNull();
        task.ProgressPercent.ShouldBe(30);

        using var change = await officer.PutAsJsonAsync($"{Path}/{plan.Id}", new { year = 2024, title = plan.Title }, Cancellation);

        (await change.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("year").Single()
            .ShouldBe("Có công việc của kế hoạch có hạn ngoài khoảng 01/01/2023 - 31/12/2025 của năm mới; hãy sửa hạn các công việc đó trước.");
        (await officer.Board(plan.Id)).Plan.Year.ShouldBe(2026);
    }

    [Fact]
    public async Task A_plan_needs_a_year_from_2018_to_next_year_a_title_and_a_document_of_its_province()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var english = await App.As(TestData.QuangTriOfficer, language: "en");

        using var old = await officer.PostAsJsonAsync(Path, new { year = 2017, title = "", documentId = 987654 }, Cancellation);
        using var far = await english.PostAsJsonAsync(Path, new { year = 2028, title = "Kế hoạch" }, Cancellation);

        var problem = await old.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("year").Single().ShouldBe("Năm kế hoạch phải từ 2018 đến 2027.");
        problem.ErrorsFor("title").ShouldNotBeEmpty();
        problem.ErrorsFor("documentId").Single().ShouldBe("Không tìm thấy văn bản này trong tỉnh của kế hoạch.");
        (await far.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("year").Single().ShouldBe("The plan year must be between 2018 and 2027.");
        (await officer.CreatePlan(2027)).Year.ShouldBe(2027);
    }

    [Fact]
    public async Task A_system_admin_reads_the_provinces_plans_but_does_not_write_them()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        using var admin = await App.AsSystemAdmin();

        using var create = await admin.PostAsJsonAsync(Path, new { year = 2026, title = "Kế hoạch của quản trị", provinceSlug = TestData.QuangTri }, Cancellation);
        using var change = await admin.PutAsJsonAsync($"{Path}/{plan.Id}", new { year = 2026, title = "Đổi tên" }, Cancellation);

        await create.ShouldBeProblem(HttpStatusCode.Forbidden);
        await change.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await admin.Board(plan.Id)).Plan.Title.ShouldBe(plan.Title);
    }

    [Fact]
    public async Task Progress_notes_come_newest_first_and_evidence_must_be_an_http_or_https_link()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        var task = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 10, 31)));
        var notes = $"{TaskPath}/{task.Id}/notes";

        using var first = await officer.PostAsJsonAsync(notes, new { writtenOn = new DateOnly(2026, 5, 2), text = "Đã gửi phiếu khảo sát", evidenceUrl = "https://skhcn.quangtri.gov.vn/tin-tuc/khao-sat" }, Cancellation);
        using var second = await officer.PostAsJsonAsync(notes, new { text = "Đã nhận 25/40 phiếu" }, Cancellation);
        using var ftp = await officer.PostAsJsonAsync(notes, new { text = "Biên bản", evidenceUrl = "ftp://files.example.vn/bien-ban.pdf" }, Cancellation);
        using var script = await officer.PostAsJsonAsync(notes, new { text = "Biên bản", evidenceUrl = "javascript:alert(1)" }, Cancellation);
        using var empty = await officer.PostAsJsonAsync(notes, new { text = " ", writtenOn = new DateOnly(2026, 6, 11) }, Cancellation);

        await first.ShouldHaveStatus(HttpStatusCode.Created);
        (await second.ShouldReturn<PlanTaskNoteJson>(HttpStatusCode.Created)).WrittenOn.ShouldBe(PlanClock.Today);
        (await ftp.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("evidenceUrl").Single().ShouldBe("Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ.");
        (await script.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("evidenceUrl").ShouldNotBeEmpty();
        var problem = await empty.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("text").ShouldNotBeEmpty();
        problem.ErrorsFor("writtenOn").ShouldNotBeEmpty();
        var listed = await (await officer.GetAsync(notes, Cancellation)).ShouldReturn<List<PlanTaskNoteJson>>();
        listed.Select(n => n.Text).ShouldBe(["Đã nhận 25/40 phiếu", "Đã gửi phiếu khảo sát"]);
        listed[0].AuthorEmail.ShouldBe(TestData.QuangTriOfficer);
        (await officer.Board(plan.Id)).Tasks.Single().NoteCount.ShouldBe(2);
    }

    [Fact]
    public async Task Inspectors_and_the_ministry_read_but_cannot_write_and_labs_and_enterprises_cannot_read()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var plan = await officer.CreatePlan();
        var task = await officer.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 10, 31)));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using var admin = await App.As(TestData.QuangTriAdmin);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        (await inspector.Board(plan.Id)).Tasks.Single().Id.ShouldBe(task.Id);
        (await ministry.Board(plan.Id)).Plan.ProvinceName.ShouldBe("Quảng Trị");
        (await admin.Board(plan.Id)).Plan.Id.ShouldBe(plan.Id);
        using var inspectorAdds = await inspector.PostAsJsonAsync($"{Path}/{plan.Id}/tasks", PlanApi.Task(new DateOnly(2026, 10, 31)), Cancellation);
        using var inspectorMoves = await inspector.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Cancelled" }, Cancellation);
        using var inspectorNotes = await inspector.PostAsJsonAsync($"{TaskPath}/{task.Id}/notes", new { text = "Ghi chú" }, Cancellation);
        using var ministryCreates = await ministry.PostAsJsonAsync(Path, new { year = 2026, title = "Kế hoạch", provinceSlug = TestData.QuangTri }, Cancellation);
        using var provinceAdminChanges = await admin.PutAsJsonAsync($"{Path}/{plan.Id}", new { year = 2026, title = "Đổi tên" }, Cancellation);
        using var labReads = await lab.GetAsync(Path, Cancellation);
        using var enterpriseReads = await enterprise.GetAsync($"{TaskPath}/{task.Id}", Cancellation);

        await inspectorAdds.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await inspectorMoves.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await inspectorNotes.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await ministryCreates.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await provinceAdminChanges.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await labReads.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await enterpriseReads.ShouldHaveStatus(HttpStatusCode.Forbidden);
        var unchanged = await officer.Board(plan.Id);
        (unchanged.Plan.Title, unchanged.Tasks.Single().Status, unchanged.Tasks.Single().NoteCount).ShouldBe((plan.Title, "InProgress", 0));
    }

    [Fact]
    public async Task Another_provinces_plan_its_tasks_and_notes_are_404_for_read_and_write()
    {
        var haNoiAccount = await App.Arranged("HaNoiPlanOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiAccount.Email, UserApi.Password);
        var plan = await haNoi.CreatePlan(title: "Kế hoạch của Hà Nội");
        var task = await haNoi.AddTask(plan.Id, PlanApi.Task(new DateOnly(2026, 3, 1)));
        using var officer = await App.As(TestData.QuangTriOfficer);

        HttpResponseMessage[] responses =
        [
            await officer.GetAsync($"{Path}/{plan.Id}", Cancellation),
            await officer.GetAsync($"{Path}/{plan.Id}/tasks", Cancellation),
            await officer.PutAsJsonAsync($"{Path}/{plan.Id}", new { year = 2026, title = "Chiếm quyền" }, Cancellation),
            await officer.PostAsJsonAsync($"{Path}/{plan.Id}/tasks", PlanApi.Task(new DateOnly(2026, 10, 31)), Cancellation),
            await officer.GetAsync($"{TaskPath}/{task.Id}", Cancellation),
            await officer.PutAsJsonAsync($"{TaskPath}/{task.Id}", PlanApi.Task(new DateOnly(2026, 10, 31), title: "Chiếm quyền"), Cancellation),
            await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/move", new { status = "Cancelled" }, Cancellation),
            await officer.GetAsync($"{TaskPath}/{task.Id}/notes", Cancellation),
            await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/notes", new { text = "Chiếm quyền" }, Cancellation),
        ];

        foreach (var response in responses)
        {
            await response.ShouldBeProblem(HttpStatusCode.NotFound);
            response.Dispose();
        }

        var list = await (await officer.GetAsync(Path, Cancellation)).ShouldReturn<List<PlanSummaryJson>>();
        list.ShouldNotContain(p => p.Id == plan.Id);
        var untouched = await haNoi.Board(plan.Id);
        (untouched.Plan.Title, untouched.Tasks.Single().Title, untouched.Tasks.Single().Status, untouched.Tasks.Single().NoteCount)
            .ShouldBe(("Kế hoạch của Hà Nội", task.Title, "InProgress", 0));
    }

    [Fact]
    public async Task The_board_costs_the_same_number_of_queries_for_two_tasks_as_for_ten_with_notes()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var small = await officer.CreatePlan();
        var large = await officer.CreatePlan();
        for (var i = 0; i < 2; i++)
        {
            await officer.AddTask(small.Id, PlanApi.Task(new DateOnly(2026, 7, 1)));
        }

        for (var i = 0; i < 10; i++)
        {
            var task = await officer.AddTask(large.Id, PlanApi.Task(new DateOnly(2026, 5, 1).AddDays(i * 7)));
            using var note = await officer.PostAsJsonAsync($"{TaskPath}/{task.Id}/notes", new { text = $"Tiến độ {i}" }, Cancellation);
            await note.ShouldHaveStatus(HttpStatusCode.Created);
        }

        App.Queries.Reset();
        var smallBoard = await officer.Board(small.Id);
        var smallQueries = App.Queries.Count;
        App.Queries.Reset();
        var largeBoard = await officer.Board(large.Id);
        var largeQueries = App.Queries.Count;

        smallBoard.Tasks.Count.ShouldBe(2);
        largeBoard.Tasks.Count.ShouldBe(10);
        largeBoard.Tasks.ShouldAllBe(t => t.NoteCount == 1);
        largeQueries.ShouldBe(smallQueries);
        largeQueries.ShouldBeLessThanOrEqualTo(3);
    }

    public sealed class Sqlite(PlanSqliteApp app) : PlanApiTests(app), IClassFixture<PlanSqliteApp>;

    public sealed class Postgres(PlanPostgresApp app) : PlanApiTests(app), IClassFixture<PlanPostgresApp>;
}
