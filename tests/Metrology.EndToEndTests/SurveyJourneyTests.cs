using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>The demo enterprise user answers this year's open survey: a draft first, then the submitted form with its score.</summary>
public sealed class SurveyJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_enterprise_user_saves_a_draft_then_submits_the_open_survey_and_sees_it_submitted()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("enterprise@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/surveys");
        await page.WaitInteractiveAsync();

        var row = page.GetByTestId("survey-to-answer").Locator("tr").Filter(new() { HasText = $"Khảo sát năng lực đo lường doanh nghiệp năm {DateTime.UtcNow.AddHours(7).Year}" });
        await Expect(row.GetByTestId("response-status")).ToHaveTextAsync("Chưa trả lời");
        await row.GetByTestId("survey-answer").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/respond", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();

        ILocator Answer(int position) => page.GetByTestId($"answer-{position}");
        async Task Type(int position, string value)
        {
            await Answer(position).FillAsync(value);
            await Answer(position).BlurAsync();
        }

        // A first part, saved as a draft and still there after a reload.
        await Answer(1).GetByText("Có").ClickAsync();
        await Type(2, "8");
        await page.GetByTestId("respond-save").ClickAsync();
        await Expect(page.GetByTestId("response-status")).ToHaveTextAsync("Bản nháp");
        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await Expect(Answer(2)).ToHaveValueAsync("8");
        await Expect(page.GetByTestId("response-status")).ToHaveTextAsync("Bản nháp");

        // Submitting without the other required answers names them; nothing is submitted.
        await page.GetByTestId("respond-submit").ClickAsync();
        await ConfirmSubmissionAsync(page);
        await Expect(page.GetByTestId("respond-error").First).ToHaveTextAsync("Câu hỏi bắt buộc: cần trả lời trước khi nộp.");
        await page.ScreenshotAsync("60-survey-required");

        await Type(3, "25");
        await Answer(4).GetByText("Có").ClickAsync();
        await Answer(5).GetByText("Đang xây dựng").ClickAsync();
        await Answer(6).GetByText("3", new() { Exact = true }).ClickAsync();
        await Answer(7).GetByText("Không").ClickAsync();
        await Answer(8).GetByText("Tổ chức được chỉ định trong tỉnh").ClickAsync();
        await Answer(9).GetByText("4", new() { Exact = true }).ClickAsync();
        await Answer(10).GetByText("Không").ClickAsync();
        await Type(11, "Đề nghị hỗ trợ hiệu chuẩn cân thương mại.");
        await page.GetByTestId("respond-submit").ClickAsync();
        await ConfirmSubmissionAsync(page);

        // Weights 2,1,0,2,2,1,2,1,1,1 = 13; 2 + 8/20 + 2 + 0.5×2 + 0.5 + 0 + 1 + 0.75 + 0 = 7.65 → 58.85.
        await Expect(page.GetByTestId("respond-submitted")).ToContainTextAsync("Điểm năng lực: 58,85.");
        await Expect(page.GetByTestId("response-status")).ToHaveTextAsync("Đã nộp");
        await Expect(page.GetByTestId("respond-submit")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("61-survey-submitted");

        await page.GotoAsync("/surveys");
        await page.WaitInteractiveAsync();
        await Expect(row.GetByTestId("response-status")).ToHaveTextAsync("Đã nộp");
    }

    [Fact]
    public async Task The_officer_sees_the_2022_ranking_with_suggested_enterprises_and_charts()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/surveys");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("campaign-table").GetByText("Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường tại các đơn vị").ClickAsync();
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Kết quả" }).ClickAsync();

        await Expect(page.GetByTestId("results-rate")).ToHaveTextAsync("Đã nộp 43/43 phiếu (tỷ lệ phản hồi 100 %)");
        await Expect(page.GetByTestId("results-suggested")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("results-ranking").Locator("tbody tr")).ToHaveCountAsync(43);
        await Expect(page.GetByTestId("results-score-chart").Locator("svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("62-survey-results");
    }

    [Fact]
    public async Task The_officer_builds_a_questionnaire_and_publishes_it()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/surveys");
        await page.WaitInteractiveAsync();
        var title = $"Khảo sát thử {Guid.NewGuid().ToString("N")[..6]}";

        await page.GetByTestId("questionnaire-new-title").FillAsync(title);
        await page.GetByTestId("questionnaire-new-title").BlurAsync();
        await page.GetByTestId("questionnaire-create").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/surveys/questionnaires/\d+$"));
        await page.WaitInteractiveAsync();
        await page.GetByTestId("builder-add").ClickAsync();
        await page.GetByTestId("builder-question-text").First.FillAsync("Doanh nghiệp có sổ theo dõi phương tiện đo?");
        await page.GetByTestId("builder-question-text").First.BlurAsync();
        await page.ScreenshotAsync("63-survey-builder");
        await page.GetByTestId("builder-publish").ClickAsync();

        await Expect(page.GetByTestId("questionnaire-questions")).ToContainTextAsync("Doanh nghiệp có sổ theo dõi phương tiện đo?");
        await Expect(page.GetByTestId("questionnaire-new-version")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("questionnaire-title")).ToHaveTextAsync(title);
    }

    /// <summary>Submitting is once and for all: the page asks first, and the test says yes.</summary>
    internal static async Task ConfirmSubmissionAsync(IPage page)
    {
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("chỉ được nộp một lần");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }
}
