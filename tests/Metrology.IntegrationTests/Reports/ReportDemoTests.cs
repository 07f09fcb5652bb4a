using System.Net;
using Metrology.Core.Programme;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Demo;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Reports;

/// <summary>
/// Quảng Trị's 2022 report on the full demo data, read as the Ministry and the province read it: every fact of the
/// seed report's section I generated from the records with no editing (issue 8, "Demo and acceptance"), the figures
/// the seed lacked, each figure traced to its records, and the approved figures kept when a record changes later.
/// </summary>
public abstract class ReportDemoTests(MetrologyApp app) : IntegrationTest(app)
{
    private static async Task<ReportJson> QuangTri2022Async(HttpClient client)
    {
        var item = (await client.ListReports($"?year=2022&province={TestData.QuangTri}")).ShouldHaveSingleItem();
        return await client.GetReport(item.Id);
    }

    [Fact]
    public async Task The_2022_report_states_every_fact_of_the_seed_reports_section_I_from_the_records()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var report = await QuangTri2022Async(officer);
        var text = report.AllText;

        report.Status.ShouldBe("Sent");
        report.Sections.Where(s => s.Key.StartsWith("I.", StringComparison.Ordinal)).ShouldAllBe(s => !s.IsEdited);
        string[] facts =
        [
            "Thực hiện yêu cầu của Bộ Khoa học và Công nghệ tại Công văn số 04/BKH-CN-TĐC ngày 03/01/2023",
            "Tham mưu Hội đồng nhân dân tỉnh Quảng Trị ban hành Nghị quyết số 99/2020/NQ-HĐND ngày 09/12/2020 về phê duyệt chủ trương đầu tư Dự án: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)",
            "Nghị quyết số 163/2021/NQ-HĐND ngày 09/12/2021",
            "ban hành Quyết định số 1928/QĐ-UBND ngày 20/7/2020",
            "năm 2021, năm 2022",
            "tại 03 đơn vị kiểm định/hiệu chuẩn/thử nghiệm phương tiện đo; 40 doanh nghiệp",
            "nhiệm vụ KH&CN: " + DemoTitles.PilotTask,
            "nhiệm vụ thiết lập, duy trì bảo quản và khai thác chuẩn đo lường",
            "nhiệm vụ duy trì, mở rộng tổ chức kiểm định, hiệu chuẩn thiết bị đo lường",
            "chỉ định từ năm 2019 (Quyết định số 2456/QĐ-TĐC ngày 16/12/2019) việc kiểm định đối chứng công tơ điện, đồng hồ đo nước lạnh trên địa bàn và kiểm định, hiệu chuẩn phương tiện đo nhóm 2",
            "Quyết định số 1338/QĐ-UBND ngày 28/5/2021 về phê duyệt báo cáo nghiên cứu khả thi dự án",
            "Dự án có tổng mức đầu tư: 25,616 tỷ đồng, trong đó thiết bị đo lường, thử nghiệm 58 bộ và thiết bị công nghệ sinh học 02 thiết bị",
            "Chỉ đạo Thanh tra của các sở, ban, ngành phối hợp trong việc xây dựng kế hoạch",
            "tránh tình trạng chồng chéo",
            "Đầu tư trang thiết bị phục vụ công tác quản lý nhà nước về tiêu chuẩn đo lường chất lượng như: bình chuẩn dung tích",
            "thiết bị đo chỉ số Octan của xăng",
            "Phê duyệt Thuyết minh nhiệm vụ KH&CN cấp cơ sở: " + DemoTitles.PilotTask,
            "Triển khai thí điểm Chương trình đảm bảo đo lường tại 03 doanh nghiệp",
            "Đăng tải 04 bài báo về hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế trên Báo Quảng Trị",
            "02 phóng sự phát sóng trên Đài Phát thanh - Truyền hình Quảng Trị (QRTV)",
            "Tổ chức 02 lớp về tuyên truyền, phổ biến Quyết định số 996/QĐ-TTg ngày 10/8/2018 và Quyết định số 1928/QĐ-UBND ngày 20/7/2020 cho 42 doanh nghiệp trên địa bàn",
            "Tổ chức 01 Hội thảo “Vai trò của Đo lường trong Cách mạng công nghiệp 4.0”",
            "Cử công chức tham dự 02 lớp tập huấn, đào tạo: tập huấn về xây dựng và triển khai thực hiện Chương trình đảm bảo đo lường tại doanh nghiệp",
            "UBND tỉnh Quảng Trị báo cáo Bộ Khoa học và Công nghệ./.",
        ];
        foreach (var fact in facts)
        {
            text.ShouldContain(fact, customMessage: fact);
        }

        // The narrative parts are the officer's (the seed's own words).
        report.Section("II.2").Text.ShouldStartWith("Dịch bệnh Covid-19");
        report.Header.SignerName.ShouldBe("Lê Đức Tiến");
        report.Header.Number.ShouldBeNull();
        report.Header.ReportDate.ShouldBeNull();
    }

    [Fact]
    public async Task The_report_adds_the_years_verifications_overdue_instruments_and_inspections_counted_in_the_database()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var report = await QuangTri2022Async(officer);
        // The demo has a second province (Huế): count Quảng Trị's records only.
        var province = await QuangTriIdAsync();
        var (total, passed) = await App.WithDbAsync(async db =>
        {
            var year = await db.Verifications.Where(v => v.ProvinceId == province && v.Date.Year == 2022).Select(v => v.Result).ToListAsync();
            return (year.Count, year.Count(r => r == VerificationResult.Pass));
        });
        var inspections = await App.WithDbAsync(db => db.InspectionRecords.CountAsync(r => r.ProvinceId == province && r.StartedOn.Year == 2022));
        var violations = await App.WithDbAsync(db => db.InspectionViolations.CountAsync(v => db.InspectionRecords.Any(r => r.Id == v.RecordId && r.ProvinceId == province && r.StartedOn.Year == 2022)));
        var section = report.Section("I.2.3").Text;

        total.ShouldBeGreaterThan(100);
        inspections.ShouldBeGreaterThan(0);
        report.Figure("I.2.3:verifications").Value.ShouldBe(total);
        report.Figure("I.2.3:passed").Value.ShouldBe(passed);
        section.ShouldContain($"kiểm định {total:#,0} lượt phương tiện đo nhóm 2".Replace(",", ".", StringComparison.Ordinal));
        section.ShouldContain("quá hạn kiểm định");
        // The demo's instruments were all brought in before their due dates until 2022 (its overdue ones missed only
        // their latest verification, after 2022): none was overdue at the end of 2022, and the sentence, the figure and
        // the annex say so alike.
        var overdue = await OverdueAtEndOf2022Async(province);
        overdue.ShouldBe(0);
        report.Figure("I.2.3:overdue").Value.ShouldBe(overdue);
        section.ShouldContain("không có phương tiện đo nào quá hạn kiểm định");
        report.Annex.Rows.ShouldContain(r => r[1] == "Phương tiện đo nhóm 2 quá hạn kiểm định" && r[2] == "0");
        section.ShouldContain($"Thực hiện {inspections:00} cuộc thanh tra, kiểm tra về đo lường; phát hiện {violations:00} vi phạm");
        report.Figure("I.2.3:inspections").Value.ShouldBe(inspections);
    }

    /// <summary>The rule worked out in memory: in-service Group 2 instruments whose last verification of 2022 or before gave a due date before 31/12/2022.</summary>
    private Task<int> OverdueAtEndOf2022Async(int province) => App.WithDbAsync(async db =>
    {
        var end = new DateOnly(2022, 12, 31);
        var instruments = await db.Instruments.Where(i => i.ProvinceId == province && i.TypeCode != null && i.Status == Core.Instruments.InstrumentStatus.InService).Select(i => i.Id).ToListAsync();
        var history = await db.Verifications.Where(v => v.ProvinceId == province && v.Date <= end).Select(v => new { v.InstrumentId, v.Id, v.Date, v.NextDueDate }).ToListAsync();
        var last = history.GroupBy(v => v.InstrumentId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).First().NextDueDate);
        return instruments.Count(id => last.TryGetValue(id, out var due) && due < end);
    });

    private Task<int> QuangTriIdAsync() => App.WithDbAsync(db => db.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Every_figure_lists_sources_and_a_documents_source_opens_that_document()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var report = await QuangTri2022Async(officer);

        report.Sections.SelectMany(s => s.Figures).ShouldAllBe(f => f.Sources.Length > 0 && f.Sources.All(s => s.StartsWith('/')));
        var documents = report.Figure("I.1.a:documents");
        documents.Value.ShouldBe(documents.Sources.Length);
        var numbers = new List<string>();
        foreach (var source in documents.Sources)
        {
            var id = int.Parse(source["/documents/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            numbers.Add(await App.WithDbAsync(db => db.DirectiveDocuments.Where(d => d.Id == id).Select(d => d.Number).SingleAsync()));
        }

        numbers.ShouldBe(["1928/QĐ-UBND", "99/2020/NQ-HĐND", "163/2021/NQ-HĐND"], ignoreOrder: true);
        report.Figure("I.2.5:articles").ShouldSatisfyAllConditions(
            f => f.Value.ShouldBe(4),
            f => f.Sources.ShouldBe(["/outreach?year=2022&kind=Article"]));
        report.Figure("I.1.b:surveyedEnterprises").Value.ShouldBe(40);
        report.Annex.Rows.ShouldContain(r => r[1] == "Doanh nghiệp áp dụng Chương trình đảm bảo đo lường" && r[4] == "10 (năm 2025)");
    }

    [Fact]
    public async Task Every_source_link_of_the_2022_report_and_the_current_draft_opens_a_page_that_reads_each_of_its_filters()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var year = DateTime.UtcNow.AddHours(7).Year;
        var sent = await QuangTri2022Async(officer);
        var draft = await officer.GetReport((await officer.ListReports($"?year={year}&province={TestData.QuangTri}")).ShouldHaveSingleItem().Id);

        var links = new[] { sent, draft }.SelectMany(r => r.Sections).SelectMany(s => s.Figures).SelectMany(f => f.Sources).Distinct().ToList();

        links.Count.ShouldBeGreaterThan(15);
        foreach (var link in links)
        {
            PageLinks.ShouldOpenAPageReadingItsFilters(link);
        }

        // Overdue at the end of a past year is worked out from the verifications up to it; this year's are today's list.
        sent.Figure("I.2.3:overdue").Sources.ShouldBe(["/verifications?to=2022-12-31"]);
        draft.Figure("I.2.3:overdue").Sources.ShouldBe(["/instruments?dueState=Overdue"]);
        sent.Figure("I.2.3:passed").Sources.ShouldBe(["/verifications?from=2022-01-01&to=2022-12-31&result=Pass"]);
        PageLinks.Resolve("/inspections?year=2022").Template.ShouldBe("/inspections");
    }

    [Fact]
    public async Task A_record_added_after_approval_shows_as_a_change_while_the_text_keeps_the_approved_figure()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var before = await QuangTri2022Async(officer);
        await App.WithDbAsync(async db =>
        {
            var provinceId = await db.Provinces.Where(p => p.Slug == TestData.QuangTri).Select(p => p.Id).SingleAsync();
            db.OutreachActivities.Add(new OutreachActivity
            {
                ProvinceId = provinceId,
                Kind = OutreachKind.Article,
                HeldOn = new DateOnly(2022, 12, 28),
                Title = TestData.Unique("Bài báo đăng sau phê duyệt"),
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var after = await QuangTri2022Async(officer);

        before.ChangesSinceApproval.ShouldNotBeNull().ShouldNotContain(c => c.Key == "I.2.5:articles");
        var change = after.ChangesSinceApproval.ShouldNotBeNull().Single(c => c.Key == "I.2.5:articles");
        (change.ApprovedValue, change.CurrentValue).ShouldBe((4m, 5m));
        after.Section("I.2.5").Text.ShouldContain("Đăng tải 04 bài báo");
        after.Figure("I.2.5:articles").Value.ShouldBe(4);
    }

    [Fact]
    public async Task The_Ministry_reads_the_sent_reports_but_not_the_current_draft()
    {
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var year = DateTime.UtcNow.AddHours(7).Year;

        var forMinistry = await ministry.ListReports($"?province={TestData.QuangTri}");
        var forOfficer = await officer.ListReports($"?province={TestData.QuangTri}");

        forMinistry.Select(r => r.Year).ShouldBe([2022, 2021]);
        forOfficer.ShouldContain(r => r.Year == year && r.Status == "Draft");
        var draft = forOfficer.First(r => r.Year == year);
        await (await ministry.GetAsync($"{ReportApi.Path}/{draft.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_downloads_as_a_Word_file_named_after_the_unit_and_year()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var report = await QuangTri2022Async(officer);

        using var response = await officer.GetAsync($"{ReportApi.Path}/{report.Id}/docx", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("bao-cao-996-quang-tri-2022.docx");
        (await response.Content.ReadAsByteArrayAsync(Cancellation)).Length.ShouldBeGreaterThan(1000);
    }

    public sealed class Sqlite(DemoSqliteApp app) : ReportDemoTests(app), IClassFixture<DemoSqliteApp>;

    public sealed class Postgres(DemoPostgresApp app) : ReportDemoTests(app), IClassFixture<DemoPostgresApp>;
}

/// <summary>Titles of the demo records the report quotes.</summary>
internal static class DemoTitles
{
    public const string PilotTask =
        "Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ";
}
