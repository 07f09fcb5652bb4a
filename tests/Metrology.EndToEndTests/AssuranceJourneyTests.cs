using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The demo enterprise records progress on its own measurement assurance programme; the officer sees the
/// province's progress charts and the report's investment project.
/// </summary>
public sealed class AssuranceJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_enterprise_user_marks_a_step_done_with_evidence_and_sees_its_progress_rise()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("enterprise@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/assurance");
        await page.WaitInteractiveAsync();

        // The enterprise sees only its own programme: the pilot, 4 of 7 steps done, the 5th under way.
        await page.GetByTestId("programme-link").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/assurance/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("programme-progress")).ToHaveTextAsync("4/7 bước (57,1 %)");

        var training = page.GetByTestId("step-row").Filter(new() { HasText = "Đào tạo nhân lực" });
        await training.GetByTestId("step-edit").ClickAsync();
        await page.GetByTestId("step-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Đã hoàn thành", Exact = true }).ClickAsync();
        var completed = page.GetByTestId("step-completed");
        await completed.FillAsync("20/02/2023");
        await completed.PressAsync("Tab");
        await page.GetByTestId("step-evidence").FillAsync("Đã đào tạo 12 nhân viên về kiểm soát phương tiện đo; danh sách và chứng chỉ lưu tại phòng Kỹ thuật.");
        await page.ScreenshotAsync("50-assurance-step-dialog");
        await page.GetByTestId("step-save").ClickAsync();

        await Expect(page.GetByTestId("programme-progress")).ToHaveTextAsync("5/7 bước (71,4 %)");
        await Expect(training.GetByTestId("step-status-chip")).ToHaveTextAsync("Đã hoàn thành");
        await Expect(training.GetByTestId("step-evidence-text")).ToContainTextAsync("Đã đào tạo 12 nhân viên");
        await page.ScreenshotAsync("51-assurance-enterprise-programme");
    }

    [Fact]
    public async Task The_officer_sees_the_province_progress_charts_and_the_reports_investment_project()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/assurance");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("assurance-bar-chart")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("assurance-donut-chart")).ToBeVisibleAsync();
        await page.ScreenshotAsync("52-assurance-province");

        await page.GotoAsync("/investments");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("project-link").Filter(new() { HasText = "(giai đoạn 1)" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/investments/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("project-total-budget")).ToHaveTextAsync("25.616.000.000 đ");
        await Expect(page.GetByTestId("component-table")).ToContainTextAsync("58 bộ");
        await Expect(page.GetByTestId("project-equipment-table")).ToContainTextAsync("Bình chuẩn dung tích 20 L");
        await page.ScreenshotAsync("53-investment-project");

        await page.GotoAsync("/equipment");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("equipment-search").FillAsync("binh chuan");
        // Typed without diacritics, the search keeps the volume standards and drops the rest.
        await Expect(page.GetByTestId("equipment-table")).Not.ToContainTextAsync("Tủ an toàn sinh học cấp II");
        await Expect(page.GetByTestId("equipment-table")).ToContainTextAsync("Bình chuẩn dung tích 5 L");
        await page.ScreenshotAsync("54-equipment");
    }
}
