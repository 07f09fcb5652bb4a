using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Verification;
using Metrology.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// The "done when" path: the demo lab operator records a verification, downloads the certificate,
/// a citizen opens its QR address and sees it valid; after revocation the same address says revoked.
/// </summary>
public sealed class VerificationJourneyTests(MetrologyApp app)
{
    private const string LabOperator = "lab@quangtri.demo";

    [Fact]
    public async Task The_demo_lab_operator_records_a_verification_and_the_qr_page_shows_valid_then_revoked()
    {
        var serial = await ArrangeDesignatedFuelDispenserAsync();
        var stamp = "QT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var number = "GCN-E2E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var page = await app.NewPageAsync();
        await page.SignInAsync(LabOperator);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("nav-record-verification").ClickAsync();
        await page.WaitForURLAsync("**/verifications/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghi kết quả kiểm định" })).ToBeVisibleAsync();

        await page.PickAsync(page.GetByLabel("Phương tiện đo"), serial, serial);
        // A pass without a stamp: the form names the field and nothing is saved.
        await page.GetByLabel("Kiểm định viên").FillAsync("Trần Văn Minh");
        await page.GetByTestId("verification-save").ClickAsync();
        await Expect(page.Locator(".mud-input-control").Filter(new() { HasText = "Số tem kiểm định" })).ToContainTextAsync("Trường này là bắt buộc.");
        await page.ScreenshotAsync("19-record-verification-error");
        await page.GetByLabel("Số tem kiểm định").FillAsync(stamp);
        await page.GetByLabel("Số giấy chứng nhận").FillAsync(number);
        await page.ScreenshotAsync("20-record-verification");
        await page.GetByTestId("verification-save").ClickAsync();

        await page.WaitForURLAsync("**/certificates/*");
        await Expect(page.GetByTestId("certificate-title")).ToContainTextAsync(number);
        await Expect(page.GetByTestId("certificate-status")).ToHaveTextAsync("Còn hiệu lực");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await Expect(page.GetByTestId("certificate-valid-until")).ToHaveTextAsync(today.AddMonths(12).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("21-certificate");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("certificate-pdf").ClickAsync());
        var pdfPath = Path.Combine(MetrologyApp.ScreenshotDirectory, "22-certificate.pdf");
        await download.SaveAsAsync(pdfPath);
        var header = new byte[5];
        await using (var pdf = File.OpenRead(pdfPath))
        {
            await pdf.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
        }

        System.Text.Encoding.ASCII.GetString(header).ShouldBe("%PDF-");

        // The QR code encodes the page's public link; a citizen opens it without an account.
        var publicPath = await page.GetByTestId("certificate-public-link").GetAttributeAsync("href");
        publicPath.ShouldNotBeNull().ShouldStartWith("verify/");
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/" + publicPath);
        await Expect(citizen.GetByTestId("public-status")).ToHaveTextAsync("Còn hiệu lực");
        await Expect(citizen.GetByTestId("public-serial")).ToHaveTextAsync(serial);
        await citizen.ScreenshotAsync("23-public-valid");

        await page.GetByTestId("certificate-revoke").ClickAsync();
        await page.GetByTestId("certificate-dialog").GetByLabel("Lý do").FillAsync("Ghi nhầm số tem");
        await page.GetByTestId("certificate-confirm").ClickAsync();
        await Expect(page.GetByTestId("certificate-status")).ToHaveTextAsync("Đã thu hồi");
        await Expect(page.GetByTestId("certificate-revoked")).ToContainTextAsync("Ghi nhầm số tem");

        await citizen.ReloadAsync();
        await Expect(citizen.GetByTestId("public-status")).ToHaveTextAsync("Đã thu hồi");
        // The citizen reads a reason from a fixed list, not the lab's own words.
        await Expect(citizen.GetByTestId("public-revocation-reason")).ToHaveTextAsync("Tổ chức cấp đã thu hồi giấy chứng nhận");
        await citizen.ScreenshotAsync("24-public-revoked");

        // The list shows the record with its certificate number, which leads back to the certificate.
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiểm định", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/verifications");
        await page.GetByLabel("Tìm kiếm").FillAsync(stamp);
        await Expect(page.GetByTestId("verification-table")).ToContainTextAsync(serial);
        var recordRow = page.GetByTestId("verification-table").Locator("tr").Filter(new() { HasTextString = serial });
        await Expect(recordRow.GetByTestId("verification-certificate-link")).ToHaveTextAsync(number);
        await page.ScreenshotAsync("25-verifications");
    }

    /// <summary>
    /// A designation of the Technical Centre for fuel dispensers and a dispenser of a demo enterprise,
    /// put in the database directly: no page records designations or instruments on this branch.
    /// </summary>
    private async Task<string> ArrangeDesignatedFuelDispenserAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var centre = await db.Organizations.SingleAsync(o => o.Name == DemoDataSeeder.TechnicalCentreName);
        var enterprise = await db.Organizations.Where(o => o.Kind == OrganizationKind.Enterprise && o.ProvinceId == centre.ProvinceId).OrderBy(o => o.Id).FirstAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        db.Designations.Add(new Designation
        {
            ProvinceId = centre.ProvinceId,
            BodyId = centre.Id,
            DecisionNumber = "E2E-" + Guid.NewGuid().ToString("N")[..6] + "/QĐ-TĐC",
            DecisionDate = today.AddYears(-1),
            Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
            ValidFrom = today.AddYears(-1),
            ValidUntil = today.AddYears(2),
            Scopes = [new DesignationScope { TypeCode = "fuel-dispenser", Initial = true, Periodic = true, AfterRepair = true }],
        });
        var instrument = new Instrument
        {
            ProvinceId = centre.ProvinceId,
            OwnerId = enterprise.Id,
            TypeCode = "fuel-dispenser",
            Manufacturer = "Tokheim",
            Model = "Quantium 510",
            SerialNumber = "TK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            Location = "Cửa hàng xăng dầu số 1, phường Đông Hà",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        instrument.RefreshSearchText();
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync();
        return instrument.SerialNumber;
    }
}
