using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Documents;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Investments;

namespace Metrology.IntegrationTests.Reports;

/// <summary>
/// Issue 14's acceptance: provinces built from nothing through the HTTP API (accounts, organisations, records in only
/// some sections, or none) get a report whose sentences read as an official writes them: no "00", the recorded reach,
/// earlier records with their year, the same figure in the body and in the annex, nothing of another province or
/// year; a city gets a city's header. Each test uses its own province so tests do not meet.
/// </summary>
public abstract partial class ReportFromScratchTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Ministry = TestData.DemoMinistryOfficer;

    /// <summary>A province's officer and admin, made by the system administrator as on a real first day.</summary>
    private async Task<(HttpClient Officer, HttpClient Admin)> NewProvinceAsync(string slug)
    {
        var officer = await App.CreateAsync("ProvinceOfficer", slug);
        var admin = await App.CreateAsync("ProvinceAdmin", slug);
        return (await App.As(officer.Email, UserApi.Password), await App.As(admin.Email, UserApi.Password));
    }

    [Fact]
    public async Task A_province_with_records_in_some_sections_gets_sentences_without_zeros_and_the_annexs_figures()
    {
        var (officer, admin) = await NewProvinceAsync("dien-bien");
        using var _ = admin;
        using var o = officer;
        await ArrangeDienBienAsync(o);

        var report = await o.CreateReport("dien-bien", 2024);
        var text = report.AllText;

        report.Section("opening").Text.ShouldBe("UBND tỉnh Điện Biên báo cáo kết quả triển khai Đề án 996 năm 2024 trên địa bàn tỉnh như sau:");
        report.Header.IssuerUnit.ShouldBe("TỈNH ĐIỆN BIÊN");
        report.Header.Recipients.ShouldBe("Như trên;\nChủ tịch, các PCT UBND tỉnh;\nLưu: VT, KGVX.");
        report.Header.RequestLetterNumber.ShouldBeNull();

        // Outreach: two articles and one class in 2024, one article in 2023; the class's reach as recorded (27).
        var outreach = report.Section("I.2.5").Text;
        outreach.ShouldContain("- Đăng tải 02 bài báo về hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế trên Báo Điện Biên Phủ.");
        outreach.ShouldContain("cho 27 doanh nghiệp trên địa bàn.");
        outreach.ShouldContain("- Lũy kế đến hết năm 2024: 04 hoạt động, gồm 03 bài báo, 01 lớp tuyên truyền.");
        outreach.ShouldNotContain("phóng sự");
        outreach.ShouldNotContain("Hội thảo");
        outreach.ShouldNotContain("hơn");

        // A designation decided in 2023 and still in force says so.
        report.Section("I.2.1").Text.ShouldContain("được Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia chỉ định từ năm 2023 (Quyết định số");
        report.Section("I.2.1").Text.ShouldContain("trên địa bàn có 01 tổ chức kiểm định có quyết định chỉ định còn hiệu lực");

        // Investment: a finished 2022-2023 project (2 billion disbursed) and this year's (3.5 billion): the province's
        // cumulative disbursement, worked out by hand, is 5.5 billion in the body, in II.1 and in the annex.
        var infrastructure = report.Section("I.2.2").Text;
        infrastructure.ShouldContain("có tổng mức đầu tư: 12 tỷ đồng. Giải ngân năm 2024: 3,5 tỷ đồng.");
        infrastructure.ShouldContain("Tổng vốn đầu tư hạ tầng đo lường đã giải ngân lũy kế đến hết năm 2024: 5,5 tỷ đồng.");
        report.Section("II.1").Text.ShouldContain("giải ngân vốn đầu tư 3,5 tỷ đồng (lũy kế 5,5 tỷ đồng)");
        AnnexRow(report, "Vốn đầu tư đã giải ngân").ShouldBe(["3,5 tỷ đồng", "5,5 tỷ đồng"]);
        AnnexRow(report, "Hoạt động truyền thông, tuyên truyền, đào tạo").ShouldBe(["3", "4"]);
        report.Section("II.1").Text.ShouldStartWith("Năm 2024, trên địa bàn tỉnh: 03 hoạt động truyền thông (lũy kế 04); giải ngân vốn đầu tư");
        report.Section("II.1").Text.ShouldEndWith("Chi tiết các chỉ tiêu tại Phụ lục kèm theo Báo cáo này.");
        BodyAgreesWithAnnex(report);

        // Sections without records say so in words; no count of nothing is written "00".
        report.Section("I.2.3").Text.ShouldContain("- Trong năm 2024, chưa có cuộc thanh tra, kiểm tra về đo lường nào được ghi nhận.");
        report.Section("I.2.3").Text.ShouldContain("chưa có phương tiện đo nhóm 2 đang sử dụng nào được quản lý trên hệ thống");
        report.Section("I.2.4").Text.ShouldBe("Trong năm 2024, chưa có hoạt động hỗ trợ doanh nghiệp áp dụng Chương trình đảm bảo đo lường nào được ghi nhận.");
        ZeroPadded().IsMatch(text).ShouldBeFalse(ZeroPadded().Match(text).Value);

        // Nothing of another province (the demo's Quảng Trị and Huế are in the same database).
        foreach (var other in new[] { "Quảng Trị", "Quảng Bình", "Huế", "Hà Nội", "Báo Quảng Trị" })
        {
            text.ShouldNotContain(other);
        }

        // The annex names its report; the body refers to it.
        report.Annex.Caption.ShouldBe("(Kèm theo Báo cáo số       /BC-UBND ngày      /     /2025 của UBND tỉnh Điện Biên)");
    }

    [Fact]
    public async Task A_province_with_almost_no_data_gets_a_report_that_says_so_and_cannot_be_submitted_blank()
    {
        var (officer, admin) = await NewProvinceAsync("lai-chau");
        using var _ = admin;
        using var o = officer;

        var report = await o.CreateReport("lai-chau", 2024);

        foreach (var key in new[] { "I.1.a", "I.1.b", "I.1.c", "I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5", "III.2" })
        {
            report.Section(key).Text.ShouldContain("hưa có", customMessage: key);
        }

        report.Section("I.2.3").Text.ShouldBe(
            "- Trong năm 2024, chưa có cuộc thanh tra, kiểm tra về đo lường nào được ghi nhận.\n"
            + "- Trong năm 2024, chưa có kết quả kiểm định phương tiện đo nhóm 2 nào được ghi nhận.\n"
            + "- Đến hết năm 2024, chưa có phương tiện đo nhóm 2 đang sử dụng nào được quản lý trên hệ thống.");
        report.Section("II.1").Text.ShouldBe("Năm 2024, chưa có kết quả thực hiện Đề án 996 nào trên địa bàn tỉnh được ghi nhận trên hệ thống. Chi tiết các chỉ tiêu tại Phụ lục kèm theo Báo cáo này.");
        ZeroPadded().IsMatch(report.AllText).ShouldBeFalse();
        report.Sections.Where(s => s.NeedsText).Select(s => s.Key).ShouldBe(["II.2", "III.1", "IV"]);

        // Submitting blank: 409 naming the empty sections, and the report stays a draft.
        using var blank = await o.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/submit", new { }, Cancellation);
        var problem = await blank.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.ErrorsFor("sections")[0].ShouldBe("Chưa thể trình: các phần sau chưa có nội dung: II.2 “Tồn tại, vướng mắc”; III.1 “Phương hướng”; IV “Đề xuất, kiến nghị”.");
        (await o.GetReport(report.Id)).Status.ShouldBe("Draft");

        // Text with a vertical tab and a NUL: the API refuses it naming the field (pages clean it on save), nothing is stored.
        using var pasted = await o.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/II.2", new { text = "Thiếu cán bộ chuyên trách.\vChưa có phòng thí nghiệm.\0" }, Cancellation);
        (await pasted.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("text").ShouldNotBeEmpty();
        (await o.GetReport(report.Id)).Section("II.2").Text.ShouldBeNullOrEmpty();
        await o.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/II.2", new { text = "Thiếu cán bộ chuyên trách.\nChưa có phòng thí nghiệm." }, Cancellation);
        await o.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/III.1", new { text = "Hoàn thiện hệ thống văn bản." }, Cancellation);
        await o.PutAsJsonAsync($"{ReportApi.Path}/{report.Id}/sections/IV", new { text = "Đề nghị Bộ hỗ trợ đào tạo." }, Cancellation);
        var submitted = await o.Step(report.Id, "submit");

        submitted.Status.ShouldBe("Submitted");
        submitted.Section("II.2").Text.ShouldBe("Thiếu cán bộ chuyên trách.\nChưa có phòng thí nghiệm.");
        using var docx = await o.GetAsync($"{ReportApi.Path}/{report.Id}/docx", Cancellation);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docx.Content.ReadAsByteArrayAsync(Cancellation)).Length.ShouldBeGreaterThan(5_000);
    }

    [Fact]
    public async Task A_city_gets_a_citys_header_and_a_new_report_cites_the_Ministrys_letter_of_its_year_never_last_years()
    {
        var (officer, admin) = await NewProvinceAsync("da-nang");
        using var _ = admin;
        using var o = officer;
        using var ministry = await App.As(Ministry);
        using var letter = await ministry.PutAsJsonAsync("/api/v1/rollup/request-letters/2023", new { number = "3350/BKHCN-TĐC", issuedOn = new DateOnly(2023, 11, 20), issuer = "Bộ Khoa học và Công nghệ" }, Cancellation);
        await letter.ShouldHaveStatus(HttpStatusCode.OK);

        var first = await o.CreateReport("da-nang", 2023);
        // The officer signs off 2023's header (with its letter); 2024's report starts from it, but not from its letter.
        (await o.PutAsJsonAsync($"{ReportApi.Path}/{first.Id}/header", first.Header with { SignerName = "Trần Văn B" }, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = await o.CreateReport("da-nang", 2024);

        first.Header.IssuerAuthority.ShouldBe("ỦY BAN NHÂN DÂN");
        first.Header.IssuerUnit.ShouldBe("THÀNH PHỐ ĐÀ NẴNG");
        first.Header.SigningAuthority.ShouldBe("TM. ỦY BAN NHÂN DÂN");
        first.Header.Recipients.ShouldBe("Như trên;\nChủ tịch, các PCT UBND thành phố;\nLưu: VT, KGVX.");
        first.Header.Place.ShouldBe("Đà Nẵng");
        first.Section("opening").Text.ShouldBe(
            "Thực hiện yêu cầu của Bộ Khoa học và Công nghệ tại Công văn số 3350/BKHCN-TĐC ngày 20/11/2023 về việc báo cáo kết quả triển khai Đề án 996 tại các tỉnh, thành phố trực thuộc Trung ương, "
            + "UBND thành phố Đà Nẵng báo cáo kết quả triển khai Đề án 996 năm 2023 trên địa bàn thành phố như sau:");
        first.Section("closing").Text.ShouldBe("UBND thành phố Đà Nẵng báo cáo Bộ Khoa học và Công nghệ./.");
        first.Annex.Caption.ShouldNotBeNull().ShouldEndWith("của UBND thành phố Đà Nẵng)");
        first.AllText.ShouldNotContain("tỉnh Đà Nẵng");
        // 2024 has no letter recorded yet: the new report cites none rather than 2023's.
        next.Header.SignerName.ShouldBe("Trần Văn B");
        next.Header.RequestLetterNumber.ShouldBeNull();
        next.Header.RequestLetterDate.ShouldBeNull();
        next.Section("opening").Text.ShouldStartWith("UBND thành phố Đà Nẵng báo cáo");
    }

    [Fact]
    public async Task National_targets_fill_the_annexs_target_and_share_columns_and_a_target_without_indicator_or_year_is_refused()
    {
        var (officer, admin) = await NewProvinceAsync("son-la");
        using var _ = admin;
        using var o = officer;
        using var ministry = await App.As(Ministry, language: "en");
        await o.CreateOutreach(OutreachBody("Class", new DateOnly(2021, 3, 3), null));
        await o.CreateOutreach(OutreachBody("Workshop", new DateOnly(2021, 9, 9), null));
        await o.CreateOutreach(OutreachBody("Workshop", new DateOnly(2020, 9, 9), null));
        var before = await App.WithDbAsync(db => Task.FromResult(db.NationalTargets.Count()));

        using var missing = await ministry.PutAsJsonAsync("/api/v1/rollup/targets", new { value = 8 }, Cancellation);
        using var byOfficer = await o.PutAsJsonAsync("/api/v1/rollup/targets", new { indicator = "OutreachActivities", targetYear = 2025, value = 8 }, Cancellation);
        var problem = await missing.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("indicator").ShouldNotBeEmpty();
        problem.ErrorsFor("targetYear").ShouldNotBeEmpty();
        await byOfficer.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await App.WithDbAsync(db => Task.FromResult(db.NationalTargets.Count()))).ShouldBe(before);

        using var set = await ministry.PutAsJsonAsync("/api/v1/rollup/targets", new { indicator = "OutreachActivities", targetYear = 2025, value = 8, source = "Quyết định số 996/QĐ-TTg" }, Cancellation);
        await set.ShouldHaveStatus(HttpStatusCode.OK);
        var report = await o.CreateReport("son-la", 2021);

        // Three activities to the end of 2021 against eight by 2025: 37,5%.
        report.Annex.Columns.ShouldBe(["STT", "Chỉ tiêu", "Năm 2021", "Lũy kế đến hết năm 2021", "Mục tiêu", "% mục tiêu"]);
        var row = report.Annex.Rows.Single(r => r[1] == "Hoạt động truyền thông, tuyên truyền, đào tạo");
        row[2..].ShouldBe(["2", "3", "8 (năm 2025)", "37,5%"]);
        report.Annex.Rows.Single(r => r[1] == "Cuộc thanh tra, kiểm tra về đo lường")[4..].ShouldBe(["—", "—"]);
    }

    [Fact]
    public async Task After_approval_text_changes_show_a_reopen_needs_the_admin_and_a_reason_and_the_Ministry_returns_with_a_reason_the_province_reads()
    {
        var (officer, admin) = await NewProvinceAsync("cao-bang");
        using var a = admin;
        using var o = officer;
        using var ministry = await App.As(Ministry);
        var resolution = await o.CreateDocument(new Dictionary<string, object?>(DocumentApi.Document("163/2021/NQ-HĐND", "Resolution", new DateOnly(2021, 12, 9)))
        {
            ["issuer"] = "Hội đồng nhân dân tỉnh Cao Bằng",
        });
        var report = await o.CreateReport("cao-bang", 2022);
        await o.FillNarratives(report.Id);
        await o.Step(report.Id, "submit");
        var approved = await a.Step(report.Id, "approve");
        approved.TextChangesSinceApproval.ShouldNotBeNull().ShouldBeEmpty();

        // The cited resolution is renumbered after approval: no figure moved, the text did.
        var changed = new Dictionary<string, object?>(DocumentApi.Document("164/2021/NQ-HĐND", "Resolution", new DateOnly(2021, 12, 9))) { ["issuer"] = "Hội đồng nhân dân tỉnh Cao Bằng" };
        (await o.PutAsJsonAsync($"{DocumentApi.DocumentsPath}/{resolution.Id}", changed, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await o.GetReport(report.Id);
        var change = after.TextChangesSinceApproval.ShouldNotBeNull().ShouldHaveSingleItem();
        change.Key.ShouldBe("I.1.a");
        change.ApprovedText.ShouldContain("163/2021/NQ-HĐND");
        change.CurrentText.ShouldContain("164/2021/NQ-HĐND");
        after.Section("I.1.a").Text.ShouldContain("163/2021/NQ-HĐND");

        // Sending with that change pending needs a confirmation.
        using var unconfirmed = await o.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/send", new { }, Cancellation);
        (await unconfirmed.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("confirmChanges").ShouldNotBeEmpty();
        (await o.GetReport(report.Id)).Status.ShouldBe("Approved");

        // Reopening: not the officer's, not without a reason; the admin's with a reason goes back to draft.
        using var byOfficer = await o.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/reopen", new { reason = "Cập nhật số nghị quyết." }, Cancellation);
        using var noReason = await a.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/reopen", new { reason = " " }, Cancellation);
        await byOfficer.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await noReason.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("reason").ShouldNotBeEmpty();
        (await o.GetReport(report.Id)).Status.ShouldBe("Approved");
        var reopened = await a.Step(report.Id, "reopen", new { reason = "Cập nhật số nghị quyết." });
        reopened.Status.ShouldBe("Draft");
        reopened.Workflow.ReturnReason.ShouldBe("Mở lại sau phê duyệt: Cập nhật số nghị quyết.");
        reopened.Section("I.1.a").Text.ShouldContain("164/2021/NQ-HĐND");
        // The audit log keeps the reopening with its reason (as its JSON writes it).
        var logged = System.Text.Json.JsonSerializer.Serialize("Mở lại sau phê duyệt: Cập nhật số nghị quyết.").Trim('"');
        var id = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await App.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(e => e.EntityType == "AnnualReport" && e.EntityId == id && e.After!.Contains(logged))))).ShouldBe(1);

        // Sent again; the Ministry returns it: a reason is required, and the province reads it.
        await o.Step(report.Id, "submit");
        await a.Step(report.Id, "approve");
        await o.Step(report.Id, "send");
        using var noMinistryReason = await ministry.PostAsJsonAsync($"{ReportApi.Path}/{report.Id}/return", new { }, Cancellation);
        (await noMinistryReason.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("reason").ShouldNotBeEmpty();
        (await o.GetReport(report.Id)).Status.ShouldBe("Sent");
        await ministry.Step(report.Id, "return", new { reason = "Bổ sung số liệu kiểm định." });
        var returned = await o.GetReport(report.Id);
        returned.Status.ShouldBe("Draft");
        returned.Workflow.ReturnReason.ShouldBe("Bộ Khoa học và Công nghệ trả lại: Bổ sung số liệu kiểm định.");
        await (await ministry.GetAsync($"{ReportApi.Path}/{report.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_roll_up_opens_on_the_latest_cycle_with_sent_reports_and_lists_provinces_in_Vietnamese_order()
    {
        var (officer, admin) = await NewProvinceAsync("dong-nai");
        using var a = admin;
        using var o = officer;
        var report = await o.CreateReport("dong-nai", 2025);
        await o.FillNarratives(report.Id);
        await o.Step(report.Id, "submit");
        await a.Step(report.Id, "approve");
        await o.Step(report.Id, "send");
        using var ministry = await App.As(Ministry);

        using var response = await ministry.GetAsync("/api/v1/rollup", Cancellation);
        var rollup = await response.ShouldReturn<RollupNamesJson>();

        rollup.Year.ShouldBe(2025);
        var names = rollup.Provinces.Select(p => p.Name).ToList();
        names.Count.ShouldBe(34);
        // D has no province of its own: Đ comes after C and before G, not after Y as in code-point order.
        names.IndexOf("Thành phố Đà Nẵng").ShouldBeGreaterThan(names.IndexOf("Thành phố Cần Thơ"));
        names.IndexOf("Điện Biên").ShouldBeGreaterThan(names.IndexOf("Thành phố Đà Nẵng"));
        names.IndexOf("Đồng Tháp").ShouldBeLessThan(names.IndexOf("Gia Lai"));
        names[0].ShouldBe("An Giang");
        names[^1].ShouldBe("Vĩnh Long");
    }

    /// <summary>
    /// Every quantity the body states that is also an annex row must read the same: the cumulative disbursement, the
    /// outreach activities, the enterprises with an assurance programme, the inspections, the verifications.
    /// </summary>
    private static void BodyAgreesWithAnnex(ReportJson report)
    {
        var indicator = report.Indicators.ToDictionary(i => i.Indicator);
        report.Figure("I.2.2:disbursedTotal").Value.ShouldBe(indicator["InvestmentDisbursedVnd"].Cumulative);
        var thisYearOutreach = new[] { "articles", "broadcasts", "classes", "workshops", "trainings" }.Sum(k => report.Figure($"I.2.5:{k}").Value);
        thisYearOutreach.ShouldBe(indicator["OutreachActivities"].Year);
        report.Figure("I.2.3:inspections").Value.ShouldBe(indicator["Inspections"].Year);
        report.Figure("I.2.3:verifications").Value.ShouldBe(indicator["InstrumentsVerified"].Year);
        report.Figure("I.2.3:overdue").Value.ShouldBe(indicator["Group2InstrumentsOverdue"].Year);
        report.Figure("I.2.3:registered").Value.ShouldBe(indicator["Group2InstrumentsRegistered"].Year);
    }

    private static string[] AnnexRow(ReportJson report, string label) => report.Annex.Rows.Single(r => r[1] == label)[2..4];

    private static Dictionary<string, object?> OutreachBody(string kind, DateOnly heldOn, int? outletId, int? reached = null) => new()
    {
        ["kind"] = kind,
        ["heldOn"] = heldOn,
        ["title"] = kind == "Workshop" ? "Hội thảo “Đo lường trong sản xuất”" : "Đo lường hỗ trợ doanh nghiệp",
        ["outletId"] = outletId,
        ["topic"] = "Quyết định số 996/QĐ-TTg ngày 10/8/2018",
        ["participants"] = kind is "Class" or "Workshop" ? 30 : null,
        ["enterprisesReachedCount"] = reached,
    };

    private static async Task ArrangeDienBienAsync(HttpClient officer)
    {
        var outlet = await officer.CreateOrganization(new { name = "Báo Điện Biên Phủ", kind = "MediaOutlet" });
        await officer.CreateOutreach(OutreachBody("Article", new DateOnly(2024, 3, 5), outlet.Id));
        await officer.CreateOutreach(OutreachBody("Article", new DateOnly(2024, 8, 20), outlet.Id));
        await officer.CreateOutreach(OutreachBody("Class", new DateOnly(2024, 10, 2), null, reached: 27));
        await officer.CreateOutreach(OutreachBody("Article", new DateOnly(2023, 6, 1), outlet.Id));

        var body = await officer.CreateBody("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Điện Biên");
        await officer.CreateDesignation(DesignationApi.Body(body.Id, new DateOnly(2023, 5, 10), new DateOnly(2028, 5, 9), DesignationApi.Scope("truck-scale")));

        var finished = await officer.CreateProject(InvestmentArrange.Project(totalBudget: 2_500_000_000, startYear: 2022, endYear: 2023, components: []));
        await officer.Disburse(finished.Id, 2022, 1_200_000_000);
        await officer.Disburse(finished.Id, 2023, 800_000_000);
        var current = await officer.CreateProject(InvestmentArrange.Project(totalBudget: 12_000_000_000, startYear: 2024, endYear: 2026, components: []));
        await officer.Disburse(current.Id, 2024, 3_500_000_000);
    }

    /// <summary>A count written with a leading zero for nothing: "00 bài báo", "00 vi phạm".</summary>
    [GeneratedRegex(@"\b00\b")]
    private static partial Regex ZeroPadded();

    public sealed class Sqlite(SqliteApp app) : ReportFromScratchTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ReportFromScratchTests(app), IClassFixture<PostgresApp>;
}

public sealed record RollupNamesJson(int Year, RollupNameJson[] Provinces);

public sealed record RollupNameJson(string Slug, string Name);

public sealed record CreatedJson(int Id);

internal static class OutreachApi
{
    public static async Task<CreatedJson> CreateOutreach(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/outreach", body);
        return await response.ShouldReturn<CreatedJson>(HttpStatusCode.Created);
    }
}
