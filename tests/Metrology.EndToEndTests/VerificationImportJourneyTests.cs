using System.Globalization;
using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The demo lab operator (Technical Centre of Quảng Trị) imports a day's verification records from a CSV,
/// follows the job to its end, and finds an imported record in the verification list with its certificate.
/// Serials and certificate numbers are new on every run: the app is shared by every test class.
/// </summary>
public sealed class VerificationImportJourneyTests(MetrologyApp app)
{
    private const string Header =
        "Mã số thuế tổ chức kiểm định,Số giấy chứng nhận,Mã số thuế chủ sở hữu,Mã loại phương tiện đo nhóm 2,Hãng sản xuất,Kiểu,Số sản xuất,"
        + "Ngày kiểm định,Hình thức kiểm định,Kết quả,Số tem kiểm định,Kiểm định viên,Người ký giấy chứng nhận";

    [Fact]
    public async Task The_lab_operator_imports_verifications_sees_the_counts_and_finds_a_record_in_the_list()
    {
        var tag = "NK" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (bodyTaxCode, ownerTaxCode) = await TaxCodesAsync();
        // The Centre's designation covers fuel dispensers from 20/12/2024; 15/06/2025 is inside it and past.
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= 3; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{bodyTaxCode},{tag}/GCN-{i},{ownerTaxCode},fuel-dispenser,Tatsuno,SUNNY-2,{tag}-{i},15/06/2025,Định kỳ,Đạt,TEM-{tag}-{i},Lê Văn Kiểm,Nguyễn Văn Ký\r\n");
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync("lab@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/imports");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("import-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Kết quả kiểm định" }).First.ClickAsync();
        await Expect(page.GetByTestId("import-template-csv")).ToHaveAttributeAsync("href", "/api/v1/imports/verifications/template?format=csv");
        await page.ScreenshotAsync("62-verification-import-form");

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = $"kiem-dinh-{tag}.csv",
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
        });

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/imports/", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("import-job-title")).ToHaveTextAsync($"kiem-dinh-{tag}.csv");
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Thành công", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("import-total")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("import-inserted")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("import-error-rows")).ToHaveTextAsync("0");
        await page.ScreenshotAsync("63-verification-import-succeeded");

        await page.GotoAsync("/verifications");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("verification-search").FillAsync($"TEM-{tag}-2");
        var row = page.GetByTestId("verification-table").Locator("tbody tr").Filter(new() { HasText = $"{tag}-2" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("15/06/2025");
        // A fuel dispenser's cycle is 12 months: next due 15/06/2026.
        await Expect(row).ToContainTextAsync("15/06/2026");
        await Expect(row.GetByTestId("verification-certificate-link")).ToHaveTextAsync($"{tag}/GCN-2");
        await page.ScreenshotAsync("64-imported-verification-in-list");
    }

    /// <summary>The lab operator's body and the first Quảng Trị enterprise of the demo, by tax code as a lab's file names them.</summary>
    private async Task<(string Body, string Owner)> TaxCodesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bodyId = await db.Users.IgnoreQueryFilters().Where(u => u.Email == "lab@quangtri.demo").Select(u => u.OrganizationId).SingleAsync();
        var body = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == bodyId).Select(o => o.TaxCode!).SingleAsync();
        var quangTri = await db.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync();
        var owner = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.Kind == OrganizationKind.Enterprise && o.ProvinceId == quangTri && o.TaxCode != null)
            .OrderBy(o => o.Id).Select(o => o.TaxCode!).FirstAsync();
        return (body, owner);
    }
}
