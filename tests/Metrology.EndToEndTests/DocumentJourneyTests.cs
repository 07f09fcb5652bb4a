using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>The demo officer records a directive document, finds it in the list, and attaches its scan.</summary>
public sealed class DocumentJourneyTests(MetrologyApp app)
{
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    [Fact]
    public async Task An_officer_records_a_decision_sees_it_in_the_list_cited_like_the_report_and_attaches_its_scan()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/documents");
        await page.WaitInteractiveAsync();
        // The seed report's decision is there from the demo data.
        await Expect(page.GetByTestId("document-table")).ToContainTextAsync("1928/QĐ-UBND");
        var number = $"{Random.Shared.Next(20_000, 99_999)}/QĐ-UBND";

        await page.GetByTestId("document-create").ClickAsync();
        await PickAsync(page, "document-type", "Quyết định");
        // A malformed number first: the form names the field and keeps the dialog open.
        await page.GetByTestId("document-number").FillAsync("1928-QĐ-UBND");
        var date = page.GetByTestId("document-issuedOn");
        await date.FillAsync("05/03/2024");
        await date.PressAsync("Tab");
        await page.GetByTestId("document-issuer").FillAsync("Ủy ban nhân dân tỉnh Quảng Trị");
        await page.GetByTestId("document-subject").FillAsync("Phê duyệt kế hoạch kiểm định phương tiện đo nhóm 2 năm 2024");
        await page.GetByTestId("document-save").ClickAsync();
        await Expect(page.GetByTestId("document-dialog")).ToContainTextAsync("không đúng mẫu");
        await page.GetByTestId("document-number").FillAsync(number);
        await page.ScreenshotAsync("60-document-dialog");
        await page.GetByTestId("document-save").ClickAsync();

        await page.GetByTestId("document-search").FillAsync("ke hoach kiem dinh nhom 2 nam 2024");
        var link = page.GetByTestId("document-link").Filter(new() { HasText = number });
        await Expect(link).ToHaveTextAsync($"Quyết định {number}");
        await Expect(page.GetByTestId("document-table")).ToContainTextAsync("05/03/2024");
        await page.ScreenshotAsync("61-documents");

        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/documents/\d+$"));
        await Expect(page.GetByTestId("document-title")).ToHaveTextAsync($"Quyết định số {number} ngày 05/3/2024");
        await page.Locator("[data-testid=attachments] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "quyet-dinh-scan.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n"),
        });
        await Expect(page.GetByTestId("attachment-download")).ToHaveTextAsync("quyet-dinh-scan.pdf");
        await page.ScreenshotAsync("62-document-detail");
    }

    [Fact]
    public async Task The_science_tasks_page_shows_the_seed_reports_tasks_with_their_budget_total()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("inspector@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/science-tasks");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("science-task-search").FillAsync("mo hinh diem dam bao do luong");
        await Expect(page.GetByTestId("science-task-link")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("science-task-link")).ToContainTextAsync("Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường");
        await Expect(page.GetByTestId("science-task-total")).ToContainTextAsync("450.000.000 đ");
        // An inspector reads the province's tasks but does not keep them.
        await Expect(page.GetByTestId("science-task-create")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("63-science-tasks");
    }
}
