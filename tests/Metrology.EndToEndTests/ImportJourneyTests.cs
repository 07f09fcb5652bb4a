using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>The officer uploads a spreadsheet with a mistake, follows the job, reads the error and downloads the error file to fix it.</summary>
public sealed class ImportJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_officer_uploads_a_csv_with_a_bad_row_sees_it_rejected_with_the_error_and_downloads_the_error_file()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/imports");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("import-template-xlsx")).ToHaveAttributeAsync("href", "/api/v1/imports/organizations/template?format=xlsx");

        var batch = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var csv = "Tên tổ chức;Loại;Mã số thuế;Địa chỉ\r\n" +
            $"Công ty TNHH Nhập thử {batch};Doanh nghiệp;{TaxCode("91" + batch)};Đông Hà\r\n" +
            $"Công ty TNHH Nhập sai {batch};Doanh nghiệp;0123456789;Đông Hà\r\n";
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = $"to-chuc-{batch}.csv",
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/imports/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("import-job-title")).ToHaveTextAsync($"to-chuc-{batch}.csv");
        // The page follows the background job until it ends.
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Bị từ chối", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-total")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("import-inserted")).ToHaveTextAsync("0");
        var error = page.GetByTestId("import-errors").Locator("tbody tr");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToContainTextAsync("3");
        await Expect(error).ToContainTextAsync("Mã số thuế");
        await Expect(error).ToContainTextAsync("chữ số kiểm tra");
        await page.ScreenshotAsync("60-import-rejected");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-error-file").ClickAsync());
        download.SuggestedFilename.ShouldBe($"to-chuc-{batch}-loi.csv");
        var text = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8, TestContext.Current.CancellationToken);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Tên tổ chức;Loại;Mã số thuế;Địa chỉ;Lỗi / Error");
        lines[1].ShouldEndWith(";");
        lines[2].ShouldContain("Mã số thuế: Mã số thuế không hợp lệ");

        await page.GotoAsync("/imports");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("import-jobs")).ToContainTextAsync($"to-chuc-{batch}.csv");
        await page.ScreenshotAsync("61-imports");
    }

    /// <summary>A valid tax code from the first nine digits (the check digit rule of design/domain.md), trying the next number when it yields 10.</summary>
    [Fact]
    public async Task The_officer_imports_excels_plain_csv_with_a_title_row_and_an_stt_column_and_is_told_what_was_ignored()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/imports");
        await page.WaitInteractiveAsync();
        // The upload listens once the page has loaded its kinds and shows the chosen kind's template: a file chosen
        // before that (on the prerendered input) would be dropped and the page would never move on.
        await Expect(page.GetByTestId("import-template-xlsx")).ToHaveAttributeAsync("href", "/api/v1/imports/organizations/template?format=xlsx");

        // Issue 19: "CSV (Comma delimited)" from Excel on a Vietnamese Windows (Windows-1258), a title block above the header, STT and Ghi chú columns.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "danh-sach-co-so-1258.csv",
            MimeType = "text/csv",
            Buffer = await File.ReadAllBytesAsync(DataFile("organizations-title-stt-windows1258.csv"), TestContext.Current.CancellationToken),
        });

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/imports/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Thành công", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-total")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("import-notice")).ToContainTextAsync("Windows-1258");
        await Expect(page.GetByTestId("import-notice")).ToContainTextAsync("Đã bỏ qua các cột không có trong mẫu: \"STT\", \"Ghi chú\".");
        await page.ScreenshotAsync("62-import-windows-1258");
    }

    /// <summary>A file of tests/data/imports, found above the test binaries.</summary>
    private static string DataFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Metrology.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Metrology.slnx not found above the test binaries."), "tests", "data", "imports", name);
    }

    private static string TaxCode(string firstNine)
    {
        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        for (var n = long.Parse(firstNine, CultureInfo.InvariantCulture); ; n++)
        {
            var digits = n.ToString(CultureInfo.InvariantCulture);
            var check = 10 - (digits.Select((c, i) => weights[i] * (c - '0')).Sum() % 11);
            if (check < 10)
            {
                return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
