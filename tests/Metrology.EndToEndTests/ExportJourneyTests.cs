using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The officer narrows the instrument registry with a search and downloads it as Excel and as CSV: the files
/// hold exactly the rows on screen, Vietnamese intact, a planted formula shown as text. The verification and
/// due pages offer the same pair of buttons, carrying their filters.
/// </summary>
public sealed class ExportJourneyTests(MetrologyApp app)
{
    [Fact]
    public async Task The_officer_downloads_the_searched_registry_as_excel_and_csv()
    {
        var tag = "XK" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var owner = await ArrangeInstrumentsAsync(tag);
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@quangtri.demo");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/instruments");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("instrument-search").FillAsync(tag);
        await Expect(page.GetByTestId("instrument-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("instrument-export-xlsx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"search={tag}"));
        await page.ScreenshotAsync("60-instrument-export-buttons");

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("instrument-export-xlsx").ClickAsync());
        excel.SuggestedFilename.ShouldEndWith(".xlsx");
        excel.SuggestedFilename.ShouldStartWith("phuong-tien-do-");
        await using (var stream = await excel.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            copy.Position = 0;
            var rows = copy.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Count.ShouldBe(2);
            rows.Select(r => r["Số sản xuất (số serial)"]).ShouldBe([$"{tag}-1", $"{tag}-2"]);
            rows.ShouldAllBe(r => (string?)r["Tên chủ sở hữu"] == owner);
            rows[1]["Nhà sản xuất"].ShouldBe("=1+2");
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("instrument-export-csv").ClickAsync());
        await using (var stream = await csv.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            var text = Encoding.UTF8.GetString(copy.ToArray());
            text.ShouldStartWith("\uFEFFMã loại phương tiện đo,");
            var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(3);
            lines[2].ShouldStartWith($"fuel-dispenser,Cột đo xăng dầu,'=1+2,Quantium 510,{tag}-2,");
        }

        await page.GotoAsync("/verifications");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("verification-search").FillAsync(tag);
        await Expect(page.GetByTestId("verification-export-csv")).ToHaveAttributeAsync("href", $"/api/v1/exports/verifications?search={tag}&format=csv");
        await page.GotoAsync("/instruments/due");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("due-export-xlsx")).ToHaveAttributeAsync("href", "/api/v1/exports/due?format=xlsx");
    }

    /// <summary>Two dispensers of a demo Quảng Trị enterprise with serials only this test uses, one with a formula as its maker.</summary>
    private async Task<string> ArrangeInstrumentsAsync(string tag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var quangTri = await db.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync();
        var owner = await db.Organizations.Where(o => o.Kind == OrganizationKind.Enterprise && o.ProvinceId == quangTri).OrderBy(o => o.Id).FirstAsync();
        foreach (var (serial, manufacturer) in new[] { ($"{tag}-1", "Tokheim"), ($"{tag}-2", "=1+2") })
        {
            var instrument = new Instrument
            {
                ProvinceId = quangTri,
                OwnerId = owner.Id,
                TypeCode = "fuel-dispenser",
                Manufacturer = manufacturer,
                Model = "Quantium 510",
                SerialNumber = serial,
                Location = "Cửa hàng xăng dầu số 1, phường Đông Hà",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            instrument.RefreshSearchText();
            db.Instruments.Add(instrument);
        }

        await db.SaveChangesAsync();
        return owner.Name;
    }
}
