using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>The demo lab operator enters a calibration with Vietnamese decimal commas and sees each point judged as it types.</summary>
public sealed class CalibrationJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_lab_operator_enters_points_sees_the_live_statements_and_saves_the_calibration()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("lab@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/calibrations/new");
        await page.WaitInteractiveAsync();

        await page.PickAsync(page.GetByTestId("cal-instrument"), "Ohaus", "Ohaus");
        await page.GetByTestId("cal-unit").FillAsync("g");
        await page.GetByTestId("cal-by").FillAsync("Trần Văn Minh");

        async Task FillRow(int row, string nominal, string indication, string u, string tolerance)
        {
            var cells = page.GetByTestId("cal-point-row").Nth(row);
            await cells.GetByTestId("cal-nominal").FillAsync(nominal);
            await cells.GetByTestId("cal-indication").FillAsync(indication);
            await cells.GetByTestId("cal-u").FillAsync(u);
            await cells.GetByTestId("cal-tolerance").FillAsync(tolerance);
            await cells.GetByTestId("cal-tolerance").BlurAsync();
        }

        // T = 0,5 and U = 0,2: an error of 0,3 is a pass, 0,6 a conditional fail.
        await FillRow(0, "100", "100,3", "0,2", "0,5");
        await Expect(page.GetByTestId("cal-point-row").Nth(0).GetByTestId("cal-live-error")).ToHaveTextAsync("0,3");
        await Expect(page.GetByTestId("cal-point-row").Nth(0).GetByTestId("cal-live-conformity")).ToHaveTextAsync("Đạt");
        await page.GetByTestId("cal-add-point").ClickAsync();
        await FillRow(1, "200", "200,6", "0,2", "0,5");
        await Expect(page.GetByTestId("cal-point-row").Nth(1).GetByTestId("cal-live-conformity")).ToHaveTextAsync("Không đạt có điều kiện");
        await Expect(page.GetByTestId("cal-live-overall")).ToHaveTextAsync("Không đạt có điều kiện");
        await page.ScreenshotAsync("40-calibration-entry");

        await page.GetByTestId("cal-save").ClickAsync();
        // "**/calibrations/*" would already match /calibrations/new: wait for the saved record's id.
        await page.WaitForURLAsync(new Regex(@"/calibrations/\d+$"));
        await Expect(page.GetByTestId("cal-overall")).ToHaveTextAsync("Không đạt có điều kiện");
        await Expect(page.GetByTestId("cal-points")).ToContainTextAsync("200,6");
        await page.ScreenshotAsync("41-calibration-detail");
    }
}
