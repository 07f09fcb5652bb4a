using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The annual report's workflow in the browser: the officer opens this year's draft, writes the difficulties
/// section and submits it; the province admin approves it. Also the 2022 report as sent, with its sources.
/// </summary>
public sealed class ReportJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_officer_edits_a_narrative_section_and_submits_and_the_admin_approves()
    {
        var year = DateTime.UtcNow.AddHours(7).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var difficulties = $"Thiếu cán bộ chuyên trách về đo lường ở cấp xã {Guid.NewGuid().ToString("N")[..6]}.";
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@quangtri.demo");
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await officer.GotoAsync("/reports");
        await officer.WaitInteractiveAsync();

        var row = officer.GetByTestId("report-table").Locator("tr").Filter(new() { HasText = "Bản nháp" }).Filter(new() { HasText = year });
        await row.GetByTestId("report-link").ClickAsync();
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/reports/", StringComparison.Ordinal));
        await officer.WaitInteractiveAsync();
        var section = officer.GetByTestId("report-section-II.2");
        await section.GetByTestId("report-section-edit").ClickAsync();
        await section.GetByTestId("report-section-text").FillAsync(difficulties);
        await section.GetByTestId("report-section-save").ClickAsync();
        await Expect(section.GetByTestId("report-section-body")).ToHaveTextAsync(difficulties);
        // A generated section shows the records it comes from.
        await Expect(officer.GetByTestId("report-section-I.2.5").GetByTestId("report-figures")).ToBeVisibleAsync();
        // "Directions" is still empty: the editor warns, and the report cannot be submitted until it is written.
        var directions = officer.GetByTestId("report-section-III.1");
        await Expect(directions.GetByTestId("report-section-warning")).ToHaveTextAsync("Phần này phải có nội dung trước khi trình phê duyệt.");
        await directions.GetByTestId("report-section-edit").ClickAsync();
        await Expect(directions.GetByTestId("report-section-text")).ToHaveAttributeAsync("placeholder", "Nhập nội dung phần này (bắt buộc trước khi trình).");
        await directions.GetByTestId("report-section-text").FillAsync("Tiếp tục triển khai Chương trình đảm bảo đo lường tại doanh nghiệp.");
        await directions.GetByTestId("report-section-save").ClickAsync();
        await Expect(directions.GetByTestId("report-section-warning")).ToHaveCountAsync(0);
        await officer.GetByTestId("report-submit").ClickAsync();
        await Expect(officer.GetByTestId("report-status").First).ToHaveTextAsync("Chờ phê duyệt");
        var address = officer.Url;

        var admin = await app.NewPageAsync();
        await admin.SignInAsync("provinceadmin@quangtri.demo");
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await admin.GotoAsync(address);
        await admin.WaitInteractiveAsync();
        await admin.GetByTestId("report-approve").ClickAsync();

        await Expect(admin.GetByTestId("report-status").First).ToHaveTextAsync("Đã phê duyệt");
        await Expect(admin.GetByTestId("report-section-II.2")).ToContainTextAsync(difficulties);
        await Expect(admin.GetByTestId("report-send")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("80-report-approved");
    }

    [Fact]
    public async Task The_Ministry_reads_the_sent_2022_report_with_its_annex()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("ministry@demo.local");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/reports");
        await page.WaitInteractiveAsync();

        var row = page.GetByTestId("report-table").Locator("tr").Filter(new() { HasText = "Quảng Trị" }).Filter(new() { HasText = "2022" });
        await row.GetByTestId("report-link").ClickAsync();
        await page.WaitInteractiveAsync();

        await Expect(page.GetByTestId("report-section-I.2.2")).ToContainTextAsync("25,616 tỷ đồng");
        await Expect(page.GetByTestId("report-annex")).ToContainTextAsync("Doanh nghiệp áp dụng Chương trình đảm bảo đo lường");
        await Expect(page.GetByTestId("report-submit")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("81-report-2022");
    }

    [Fact]
    public async Task The_editor_shows_the_reports_whole_outline_and_a_figures_source_opens_its_filtered_list()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/reports");
        await page.WaitInteractiveAsync();
        var row = page.GetByTestId("report-table").Locator("tr").Filter(new() { HasText = "Quảng Trị" }).Filter(new() { HasText = "2022" });
        await row.GetByTestId("report-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/reports/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();

        // The heading-only lines of the official structure, in order between the sections.
        var headings = page.GetByTestId("report-heading");
        await Expect(headings).ToHaveTextAsync(
        [
            "I. Tình hình triển khai và kết quả thực hiện Đề án 996",
            "1. Kết quả công tác chỉ đạo, điều hành, kiểm tra, giám sát việc thực hiện Đề án 996",
            "2. Kết quả triển khai thực hiện các nhiệm vụ thuộc Đề án 996:",
            "II. Đánh giá kết quả đạt được trong năm 2022 và lũy kế kết quả, hiệu quả đạt được từ khi thực hiện Đề án 996 đến hết năm 2022:",
            "III. Phương hướng, giải pháp thực hiện triển khai Đề án 996 trong năm 2023 và các năm tiếp theo.",
        ]);
        // "2." stands right before its first section, 2.1.
        await Expect(page.Locator("[data-testid=report-heading]:has-text('2. Kết quả triển khai') + [data-testid='report-section-I.2.1']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("82-report-outline");

        await page.GetByTestId("report-section-I.2.3").Locator("a").Filter(new() { HasText = "Lượt kiểm định đạt năm 2022" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/verifications");
        await page.WaitInteractiveAsync();

        await Expect(page.GetByTestId("verification-period-filter")).ToContainTextAsync("01/01/2022 – 31/12/2022 · Đạt");
        var firstDates = page.GetByTestId("verification-table").Locator("tbody tr td:first-child");
        await Expect(firstDates.First).ToContainTextAsync("/2022");
        var dates = await firstDates.AllInnerTextsAsync();
        dates.ShouldNotBeEmpty();
        dates.ShouldAllBe(d => d.EndsWith("/2022", StringComparison.Ordinal));
        await page.ScreenshotAsync("83-report-source-verifications");
    }
}
