using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>Designations, standards, reference-verification cases and the Group 2 history, as users see them.</summary>
public sealed class DesignationPagesTests(MetrologyApp app)
{
    private const string Officer = "officer@quangtri.demo";

    private static string Date(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    private static async Task TypeDateAsync(IPage page, string testId, string date)
    {
        var input = page.GetByTestId(testId);
        await input.FillAsync(date);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task An_officer_records_a_designation_expiring_soon_and_sees_the_warning_on_the_page_and_the_home_page()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/designations");
        await page.WaitInteractiveAsync();
        // Five digits: the demo designations use three and four, so a random number never repeats one of theirs.
        var number = $"{Random.Shared.Next(10_000, 99_999)}/QĐ-TĐC";

        await page.GetByTestId("designation-create").ClickAsync();
        await PickAsync(page, "designation-body", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
        await page.GetByTestId("designation-number").FillAsync(number);
        await TypeDateAsync(page, "designation-decision-date", "20/12/2024");
        await TypeDateAsync(page, "designation-valid-from", "01/01/2025");
        await TypeDateAsync(page, "designation-valid-until", Date(DateTime.UtcNow.AddHours(7).AddDays(30)));
        await PickAsync(page, "designation-scope-type", "Công tơ điện xoay chiều 1 pha kiểu điện tử");
        await page.GetByTestId("designation-scope-row").GetByText("Đối chứng").ClickAsync();
        await page.ScreenshotAsync("designation-dialog");
        await page.GetByTestId("designation-save").ClickAsync();

        await Expect(page.GetByTestId("designation-table")).ToContainTextAsync(number);
        await Expect(page.GetByTestId("designation-expiring").First).ToContainTextAsync("Còn 30 ngày");
        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("designation-expiring-banner")).ToContainTextAsync("sẽ hết hiệu lực trong 60 ngày tới");
        await page.ScreenshotAsync("designations");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("home-designations-expiring")).ToContainTextAsync("sắp hết hiệu lực");

        // The centre now holds the reference scope: a case requested on 05/01/2026 and not yet acted on is late.
        await page.GotoAsync("/reference-cases");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("refcase-create").ClickAsync();
        var caseNumber = $"ĐC-{Random.Shared.Next(1000, 9999)}";
        await page.GetByTestId("refcase-number").FillAsync(caseNumber);
        await TypeDateAsync(page, "refcase-requested-on", "05/01/2026");
        await page.GetByTestId("refcase-serial").FillAsync("CT-2026-0042");
        await page.GetByTestId("refcase-requester").FillAsync("Nguyễn Văn An");
        await page.GetByTestId("refcase-buyer").FillAsync("Nguyễn Văn An");
        await page.GetByTestId("refcase-seller").FillAsync("Công ty Điện lực Quảng Trị");
        await PickAsync(page, "refcase-body", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
        await page.GetByTestId("refcase-save").ClickAsync();

        await Expect(page.GetByTestId("refcase-table")).ToContainTextAsync(caseNumber);
        // The demo's own cases are listed too: look at this case's row.
        var caseRow = page.GetByTestId("refcase-table").Locator("tr").Filter(new() { HasTextString = caseNumber });
        await Expect(caseRow.GetByTestId("refcase-step-removal")).ToContainTextAsync("Trễ hạn");
        await page.ScreenshotAsync("reference-case-late");
    }

    [Fact]
    public async Task The_standards_and_reference_case_pages_open_for_an_officer_and_a_system_admin_sees_a_types_history()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await page.GotoAsync("/standards");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("standard-create").ClickAsync();
        await PickAsync(page, "standard-owner", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
        await page.GetByTestId("standard-name").FillAsync("Bình chuẩn kim loại hạng 2 - 20 L");
        await page.GetByTestId("standard-quantity").FillAsync("Thể tích");
        await page.GetByTestId("standard-save").ClickAsync();
        await page.GetByTestId("standard-link").Filter(new() { HasText = "Bình chuẩn kim loại hạng 2 - 20 L" }).First.ClickAsync();
        await TypeDateAsync(page, "standard-cal-date", "10/01/2025");
        await TypeDateAsync(page, "standard-cal-due", "10/01/2026");
        await page.GetByTestId("standard-cal-by").FillAsync("Viện Đo lường Việt Nam");
        await page.GetByTestId("standard-cal-save").ClickAsync();
        await Expect(page.GetByTestId("standard-detail-due-state")).ToContainTextAsync("Quá hạn hiệu chuẩn");
        await page.ScreenshotAsync("standard-detail");

        await page.GotoAsync("/reference-cases");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm định đối chứng" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("reference-cases");

        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin@demo.local");
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await admin.GotoAsync("/reference/group2");
        await admin.WaitInteractiveAsync();
        await admin.GetByTestId("group2-name").Filter(new() { HasText = "Taximet" }).First.ClickAsync();
        await Expect(admin.GetByTestId("group2-history")).ToContainTextAsync("TT03/2024");
        await admin.GetByTestId("group2-revise").ClickAsync();
        await Expect(admin.GetByTestId("group2-revision-dialog")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("group2-revision");
    }
}
