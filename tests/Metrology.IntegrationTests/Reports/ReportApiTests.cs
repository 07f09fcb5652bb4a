using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Reports;

/// <summary>
/// The annual report on an app without the demo records: a year without data, a second province with its own
/// records, the bad input of issue 8 (409 / 403 / 404, nothing written), the header and sections, the workflow.
/// Each test drafts its own year (or province) so tests do not meet.
/// </summary>
public abstract class ReportApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private Task<UserJson> HaNoiOfficer() => App.Arranged("HaNoiReportOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));

    private Task<UserJson> HaNoiAdmin() => App.Arranged("HaNoiReportAdmin", app => app.CreateAsync("ProvinceAdmin", TestData.HaNoi));

    [Fact]
    public async Task A_year_without_records_gives_a_valid_report_that_says_so_in_every_section()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(ReportApi.Path, new { provinceSlug = TestData.QuangTri, year = 2018 }, Cancellation);
        var report = await response.ShouldReturn<ReportJson>(HttpStatusCode.Created);

        response.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/{report.Id}");
        report.Status.ShouldBe("Draft");
        report.ReportingUnit.ShouldBe("Quảng Trị");
        report.Sections.Select(s => s.Key).ShouldBe(["opening", "I.1.a", "I.1.b", "I.1.c", "I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5", "II.1", "II.2", "III.1", "III.2", "IV", "closing"]);
        foreach (var key in new[] { "I.1.a", "I.1.b", "I.1.c", "I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5", "III.2" })
        {
            report.Section(key).Text.ShouldContain("hưa có", customMessage: key);
        }

        report.Section("opening").Text.ShouldBe("UBND tỉnh Quảng Trị báo cáo kết quả triển khai Đề án 996 năm 2018 trên địa bàn tỉnh như sau:");
        report.Section("closing").Text.ShouldBe("UBND tỉnh Quảng Trị báo cáo Bộ Khoa học và Công nghệ./.");
        report.Header.IssuerUnit.ShouldBe("TỈNH QUẢNG TRỊ");
        report.Header.Place.ShouldBe("Quảng Trị");
        report.Header.SignerTitle.ShouldBe("PHÓ CHỦ TỊCH");
        report.Header.Recipients.ShouldBe("Như trên;\nChủ tịch, các PCT UBND tỉnh;\nLưu: VT, KGVX.");
        report.Annex.Rows.ShouldAllBe(r => r[4] == "—");
        report.Indicators.ShouldAllBe(i => i.Year == 0 && i.Cumulative == 0);
    }

    [Fact]
    public async Task A_second_province_gets_its_own_report_from_its_own_records_with_no_word_of_Quang_Tri()
    {
        var haNoi = await HaNoiOfficer();
        await ArrangeOutreachAsync(TestData.HaNoi, "Báo Hà Nội Mới", [new(2021, 3, 2), new(2021, 6, 9), new(2021, 11, 20), new(2020, 5, 5)]);
        // Quảng Trị's article of the same year must not leak into Hà Nội's report.
        await ArrangeOutreachAsync(TestData.QuangTri, "Báo Quảng Trị", [new(2021, 4, 4)]);
        using var officer = await App.As(haNoi.Email, UserApi.Password);

        var report = await officer.CreateReport(TestData.HaNoi, 2021);

        report.AllText.ShouldNotContain("Quảng Trị");
        report.Header.IssuerUnit.ShouldBe("THÀNH PHỐ HÀ NỘI");
        report.Section("opening").Text.ShouldStartWith("UBND thành phố Hà Nội báo cáo");
        // Three articles in 2021, four since the start (one in 2020), worked out by hand.
        report.Section("I.2.5").Text.ShouldContain("Đăng tải 03 bài báo về hoạt động đo lường");
        report.Section("I.2.5").Text.ShouldContain("trên Báo Hà Nội Mới");
        report.Section("I.2.5").Text.ShouldContain("Lũy kế đến hết năm 2021: 04 hoạt động, gồm 04 bài báo.");
        var articles = report.Figure("I.2.5:articles");
        articles.Value.ShouldBe(3);
        articles.Sources.ShouldBe(["/outreach?year=2021&kind=Article"]);
        var outreach = report.Indicators.Single(i => i.Indicator == "OutreachActivities");
        (outreach.Year, outreach.Cumulative).ShouldBe((3m, 4m));
    }

    [Fact]
    public async Task A_second_draft_for_the_same_province_and_year_is_409_naming_the_existing_report_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var first = await officer.CreateReport(TestData.QuangTri, 2019);
        var before = await CountReportsAsync();

        using var response = await officer.PostAsJsonAsync(ReportApi.Path, new { provinceSlug = TestData.QuangTri, year = 2019 }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        body.GetProperty("errors").GetProperty("year")[0].GetString().ShouldNotBeNull().ShouldContain("2019");
        body.GetProperty("existingId").GetInt32().ShouldBe(first.Id);
        (await CountReportsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(3000)]
    public async Task A_year_outside_the_programme_is_refused_naming_year(int year)
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var before = await CountReportsAsync();

        using var response = await officer.PostAsJsonAsync(ReportApi.Path, new { provinceSlug = TestData.QuangTri, year }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("year")[0].ShouldContain("between 2018 and");
        (await CountReportsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_provinces_officer_gets_404_and_wrong_roles_get_403()
    {
        using var quangTri = await App.As(TestData.QuangTriOfficer);
        var report = await quangTri.CreateReport(TestData.QuangTri, 2020);
        var haNoi = await HaNoiOfficer();
        using var other = await App.As(haNoi.Email, UserApi.Password);
        using var admin = await App.As(TestData.QuangTriAdmin);
        using var lab = await App.As(TestData.QuangTriLabOperator);

        await (await other.GetAsync($"{ReportApi.Path}/{report.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = "x" }, Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync(ReportApi.Path, new { provinceSlug = TestData.QuangTri, year = 2021 }, Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await other.ListReports()).ShouldNotContain(r => r.Id == report.Id);
        await (await admin.PostAsJsonAsync(ReportApi.Path, new { provinceSlug = TestData.QuangTri, year = 2021 }, Cancellation)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await lab.GetAsync(ReportApi.Path, Cancellation)).ShouldHaveStatus(HttpStatusCode.Forbidden);
        // Approving one's own draft without the approver's role.
        await quangTri.FillNarratives(report.Id);
        await quangTri.Step(report.Id, "submit");
        await (await quangTri.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/approve", new { }, Cancellation)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await quangTri.GetReport(report.Id)).Status.ShouldBe("Submitted");
    }

    [Fact]
    public async Task The_workflow_runs_draft_submitted_approved_sent_and_an_approved_report_cannot_be_edited()
    {
        var officerAccount = await HaNoiOfficer();
        var adminAccount = await HaNoiAdmin();
        using var officer = await App.As(officerAccount.Email, UserApi.Password);
        using var admin = await App.As(adminAccount.Email, UserApi.Password);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        var report = await officer.CreateReport(TestData.HaNoi, 2022);

        var edited = await (await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/II.2", new { text = "Thiếu cán bộ chuyên trách về đo lường." }, Cancellation)).ShouldReturn<ReportJson>();
        edited.Section("II.2").Text.ShouldBe("Thiếu cán bộ chuyên trách về đo lường.");
        edited.Section("II.2").IsEdited.ShouldBeTrue();
        await (await ministry.GetAsync($"{ReportApi.Path}/{report.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);

        await officer.FillNarratives(report.Id);
        var submitted = await officer.Step(report.Id, "submit");
        submitted.Workflow.SubmittedBy.ShouldBe(officerAccount.Email);
        await (await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = "x" }, Cancellation)).ShouldBeProblem(HttpStatusCode.Conflict);
        var returned = await admin.Step(report.Id, "return", new { reason = "Bổ sung kiến nghị." });
        returned.Status.ShouldBe("Draft");
        returned.Workflow.ReturnReason.ShouldBe("Bổ sung kiến nghị.");
        await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = "Đề nghị Bộ hỗ trợ đào tạo." }, Cancellation);
        await officer.Step(report.Id, "submit");
        await (await officer.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/send", new { }, Cancellation)).ShouldBeProblem(HttpStatusCode.Conflict);
        var approved = await admin.Step(report.Id, "approve");

        approved.Status.ShouldBe("Approved");
        approved.Workflow.ApprovedBy.ShouldBe(adminAccount.Email);
        approved.ChangesSinceApproval.ShouldNotBeNull().ShouldBeEmpty();
        var problem = await (await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = "Sửa sau phê duyệt" }, Cancellation)).ShouldBeProblem(HttpStatusCode.Conflict);
        problem.Detail.ShouldNotBeNull().ShouldContain("Đã phê duyệt");
        await (await officer.DeleteAsync($"{ReportApi.Path}/{report.Id}/sections/IV", Cancellation)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await officer.GetReport(report.Id)).Section("IV").Text.ShouldBe("Đề nghị Bộ hỗ trợ đào tạo.");

        var sent = await officer.Step(report.Id, "send");
        sent.Status.ShouldBe("Sent");
        sent.Workflow.SentAt.ShouldNotBeNull();
        (await ministry.GetReport(report.Id)).Section("IV").Text.ShouldBe("Đề nghị Bộ hỗ trợ đào tạo.");
        (await ministry.ListReports($"?year=2022&province={TestData.HaNoi}")).ShouldHaveSingleItem().Status.ShouldBe("Sent");
    }

    [Fact]
    public async Task An_edited_section_reverts_to_the_generated_text_and_unknown_keys_or_long_texts_are_refused()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var report = await officer.CreateReport(TestData.QuangTri, 2023);
        var generated = report.Section("I.2.5").Text;

        var edited = await (await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/I.2.5", new { text = "  Văn bản của cán bộ.  " }, Cancellation)).ShouldReturn<ReportJson>();
        var reverted = await (await officer.DeleteAsync($"{ReportApi.Path}/{report.Id}/sections/I.2.5", Cancellation)).ShouldReturn<ReportJson>();
        using var unknown = await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/V.9", new { text = "x" }, Cancellation);
        using var tooLong = await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = new string('a', 20_001) }, Cancellation);
        using var empty = await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = " " }, Cancellation);

        edited.Section("I.2.5").Text.ShouldBe("Văn bản của cán bộ.");
        edited.Section("I.2.5").GeneratedText.ShouldBe(generated);
        reverted.Section("I.2.5").Text.ShouldBe(generated);
        reverted.Section("I.2.5").IsEdited.ShouldBeFalse();
        await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
        (await tooLong.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("text")[0].ShouldContain("20000");
        (await empty.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("text").ShouldNotBeEmpty();
        (await officer.GetReport(report.Id)).Section("IV").StoredText.ShouldBeNull();
    }

    [Fact]
    public async Task The_header_is_validated_and_remembered_for_the_provinces_next_report()
    {
        var account = await App.Arranged("HueReportOfficer", app => app.CreateAsync("ProvinceOfficer", "hue"));
        using var officer = await App.As(account.Email, UserApi.Password);
        var report = await officer.CreateReport("hue", 2021);
        var header = report.Header with
        {
            Number = "15",
            ReportDate = new DateOnly(2022, 1, 10),
            RequestLetterNumber = "04/BKH-CN-TĐC",
            RequestLetterDate = new DateOnly(2022, 1, 3),
            RequestLetterIssuer = "Bộ Khoa học và Công nghệ",
            SignerName = "Nguyễn Văn A",
        };

        using var bad = await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/header", header with { Number = "15a", ReportDate = new DateOnly(2030, 1, 1), Place = "" }, Cancellation);
        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        var saved = await (await officer.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/header", header, Cancellation)).ShouldReturn<ReportJson>();
        var next = await officer.CreateReport("hue", 2022);

        problem.ErrorsFor("number").ShouldNotBeEmpty();
        problem.ErrorsFor("reportDate").ShouldNotBeEmpty();
        problem.ErrorsFor("place").ShouldNotBeEmpty();
        report.Header.IssuerUnit.ShouldBe("THÀNH PHỐ HUẾ");
        report.Header.Place.ShouldBe("Huế");
        saved.Header.Number.ShouldBe("15");
        saved.Section("opening").Text.ShouldStartWith("Thực hiện yêu cầu của Bộ Khoa học và Công nghệ tại Công văn số 04/BKH-CN-TĐC ngày 03/01/2022 về việc báo cáo");
        next.Header.SignerName.ShouldBe("Nguyễn Văn A");
        next.Header.Number.ShouldBeNull();
        next.Header.ReportDate.ShouldBeNull();
    }

    [Fact]
    public async Task Reading_a_report_takes_the_same_bounded_number_of_queries_with_or_without_records()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var empty = await officer.CreateReport(TestData.QuangTri, 2024);
        await ArrangeOutreachAsync(TestData.QuangTri, "Báo Quảng Trị", [new(2025, 1, 5), new(2025, 2, 5), new(2025, 3, 5)]);
        var full = await officer.CreateReport(TestData.QuangTri, 2025);

        App.Queries.Reset();
        await officer.GetReport(empty.Id);
        var forEmpty = App.Queries.Count;
        App.Queries.Reset();
        await officer.GetReport(full.Id);
        var forFull = App.Queries.Count;

        forFull.ShouldBe(forEmpty);
        forFull.ShouldBeLessThan(40);
    }

    private Task<int> CountReportsAsync() => App.WithDbAsync(db => db.AnnualReports.IgnoreQueryFilters().CountAsync());

    private Task<int> ArrangeOutreachAsync(string provinceSlug, string outletName, DateOnly[] articles) => App.WithDbAsync(async db =>
    {
        var provinceId = await db.Provinces.Where(p => p.Slug == provinceSlug).Select(p => p.Id).SingleAsync();
        var outlet = await db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.ProvinceId == provinceId && o.Name == outletName);
        if (outlet is null)
        {
            outlet = new Organization { Name = outletName, Kind = OrganizationKind.MediaOutlet, ProvinceId = provinceId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            outlet.RefreshSearchText();
            db.Organizations.Add(outlet);
        }

        foreach (var day in articles)
        {
            db.OutreachActivities.Add(new OutreachActivity
            {
                ProvinceId = provinceId,
                Kind = OutreachKind.Article,
                HeldOn = day,
                Title = TestData.Unique("Bài báo về đo lường"),
                Outlet = outlet,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
        }

        return await db.SaveChangesAsync();
    });

    public sealed class Sqlite(SqliteApp app) : ReportApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ReportApiTests(app), IClassFixture<PostgresApp>;
}
