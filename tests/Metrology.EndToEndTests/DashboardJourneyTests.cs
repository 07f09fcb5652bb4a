using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The province officer's dashboard renders its charts with their figures, and the Ministry's roll-up lists the
/// 34 provinces with both demo provinces, Quảng Trị by its two former units for a year before the merger.
/// </summary>
public sealed class DashboardJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_officer_sees_the_province_dashboard_with_charts_and_figures()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/dashboard");
        await page.WaitInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quảng Trị");
        foreach (var chart in (string[])["chart-type", "chart-due", "chart-verification", "chart-overdue", "chart-outreach", "chart-assurance", "chart-investment"])
        {
            await Expect(page.GetByTestId(chart)).ToBeVisibleAsync();
        }

        // The demo province has overdue instruments: the figure is in the table next to the chart, linked to the list.
        var overdue = page.GetByTestId("due-Overdue");
        await Expect(overdue).ToContainTextAsync("Quá hạn");
        await Expect(overdue.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/instruments?dueState=Overdue");
        await page.ScreenshotAsync("80-dashboard-province");
    }

    [Fact]
    public async Task The_ministry_sees_every_province_and_both_demo_provinces_in_the_roll_up()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("ministry@demo.local");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/ministry");
        await page.WaitInteractiveAsync();

        // The page opens on the latest cycle with sent reports: the demo's 2022, before the merger, when Quảng Trị
        // expects the reports of the former Quảng Bình and Quảng Trị (63 provinces in all).
        await Expect(page.GetByTestId("rollup-count-expected")).ToContainTextAsync("63");
        await Expect(page.GetByTestId("rollup-chart")).ToBeVisibleAsync();
        var quangTri = page.Locator("tr").Filter(new() { Has = page.GetByTestId("rollup-row-quang-tri") });
        await Expect(quangTri).ToContainTextAsync("Quảng Bình");
        await page.ScreenshotAsync("81-ministry-rollup-latest-cycle");

        // This year's cycle: the 34 provinces since the merger.
        var thisYear = DateTime.UtcNow.AddHours(7).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("rollup-year").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = thisYear, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("rollup-count-expected")).ToContainTextAsync("34");
        await Expect(page.GetByTestId("rollup-row-hue")).ToHaveTextAsync("Thành phố Huế");
        await Expect(page.GetByTestId("rollup-row-quang-tri")).ToHaveTextAsync("Quảng Trị");
        await page.ScreenshotAsync("82-ministry-rollup-this-year");
    }
}
