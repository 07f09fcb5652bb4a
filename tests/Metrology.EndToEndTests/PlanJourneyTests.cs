using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>The province officer adds a task to this year's plan on the board, moves it to done, and finds it in the list view.</summary>
public sealed class PlanJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_officer_adds_a_task_on_the_board_moves_it_to_done_and_sees_it_in_the_list()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var title = $"Kiểm tra đo lường hàng đóng gói sẵn {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByTestId("home-plan-tasks-overdue")).ToContainTextAsync("đã quá hạn");
        await page.GotoAsync("/plans");
        await page.WaitInteractiveAsync();

        // The demo's current-year plan has late work, counted on the list.
        var currentPlan = page.GetByTestId("plan-table").Locator("tr").Filter(new() { HasText = $"năm {today.Year}" });
        await Expect(currentPlan.GetByTestId("plan-overdue-count")).ToBeVisibleAsync();
        await page.ScreenshotAsync("60-plans");
        await currentPlan.GetByTestId("plan-link").ClickAsync();
        await Expect(page.GetByTestId("board-column-InProgress").GetByTestId("plan-card-overdue").First).ToBeVisibleAsync();

        await page.GetByTestId("plan-task-create").ClickAsync();
        await page.GetByTestId("task-title").FillAsync(title);
        await page.GetByTestId("task-area").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Quản lý nhà nước" }).First.ClickAsync();
        await page.GetByTestId("task-owner").FillAsync("Thanh tra Sở");
        var deadline = page.GetByTestId("task-deadline");
        await deadline.FillAsync(today.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await deadline.PressAsync("Tab");
        await page.GetByTestId("task-save").ClickAsync();

        var card = page.GetByTestId("plan-card").Filter(new() { HasText = title });
        await Expect(page.GetByTestId("board-column-NotStarted").GetByTestId("plan-card").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await card.GetByTestId("plan-card-move").ClickAsync();
        await page.Locator(".mud-popover-open").GetByTestId("move-Done").ClickAsync();
        await Expect(page.GetByTestId("board-column-Done").GetByTestId("plan-card").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("61-plan-board");

        await page.GetByTestId("plan-view-list").ClickAsync();
        var row = page.GetByTestId("plan-task-table").Locator("tr").Filter(new() { HasText = title });
        await Expect(row.GetByTestId("plan-row-status")).ToHaveTextAsync("Hoàn thành");
        await Expect(row).ToContainTextAsync("100 %");
        await Expect(page.GetByTestId("plan-row-overdue").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("62-plan-list");
    }

    [Fact]
    public async Task The_outreach_page_sums_up_2022_as_the_report_does()
    {
        // Quảng Trị's officer: the Ministry would see Huế's outreach too (the demo has two provinces).
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/outreach");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("outreach-year").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "2022" }).First.ClickAsync();

        await Expect(page.GetByTestId("outreach-summary-year")).ToHaveTextAsync("04 bài báo, 02 phóng sự, 02 lớp tập huấn, 01 hội thảo, 02 lượt cử cán bộ tập huấn");
        await Expect(page.GetByTestId("outreach-table")).ToContainTextAsync("Vai trò của Đo lường trong Cách mạng công nghiệp 4.0");
        await page.ScreenshotAsync("63-outreach");
    }

    [Fact]
    public async Task The_officer_records_an_article_and_is_told_when_the_outlet_is_missing()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var title = $"Đo lường trong kinh doanh vàng bạc {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/outreach");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("outreach-create").ClickAsync();
        await page.GetByTestId("outreach-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Bài báo" }).First.ClickAsync();
        var heldOn = page.GetByTestId("outreach-held-on");
        await heldOn.FillAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await heldOn.PressAsync("Tab");
        await page.GetByTestId("outreach-title").FillAsync(title);
        await page.GetByTestId("outreach-save").ClickAsync();
        await Expect(page.GetByTestId("outreach-dialog")).ToContainTextAsync("Bài báo và phóng sự phải có cơ quan báo chí đăng tải.");
        await page.ScreenshotAsync("64-outreach-dialog");

        await page.GetByTestId("outreach-outlet").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Báo Quảng Trị" }).First.ClickAsync();
        await page.GetByTestId("outreach-save").ClickAsync();

        var row = page.GetByTestId("outreach-table").Locator("tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("Báo Quảng Trị");
        await Expect(row).ToContainTextAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }
}
