using System.Text.RegularExpressions;
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
/// Issue 20's lab clerk: numbers that mean what was typed ("20.004" is asked about, never guessed), certificate
/// numbers proposed from the body's pattern, a certificate issued later, and the citizen typing "gcnkd".
/// </summary>
public sealed class DailyDataJourneyTests(MetrologyApp app)
{
    private const string LabOperator = "lab@quangtri.demo";

    [Fact]
    public async Task The_clerk_types_20_004_both_ways_is_asked_about_the_dot_and_the_typed_decimals_are_kept()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(LabOperator);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/calibrations/new");
        await page.WaitInteractiveAsync();
        await page.PickAsync(page.GetByTestId("cal-instrument"), "Ohaus", "Ohaus");
        await page.GetByTestId("cal-unit").FillAsync("g");
        await page.GetByTestId("cal-by").FillAsync("Trần Văn Minh");

        // Nominal 20 g, U = 0,0020 g, T = ± 0,010 g: an indication of 20,004 g is an error of 0,004 g, a pass;
        // read as 20004 it would be a fail.
        var first = page.GetByTestId("cal-point-row").Nth(0);
        await first.GetByTestId("cal-nominal").FillAsync("20");
        await first.GetByTestId("cal-indication").FillAsync("20,004");
        await first.GetByTestId("cal-u").FillAsync("0,0020");
        await first.GetByTestId("cal-tolerance").FillAsync("0,010");
        await Expect(first.GetByTestId("cal-live-error")).ToHaveTextAsync("0,004");
        await Expect(first.GetByTestId("cal-live-conformity")).ToHaveTextAsync("Đạt");

        await page.GetByTestId("cal-add-point").ClickAsync();
        var second = page.GetByTestId("cal-point-row").Nth(1);
        await second.GetByTestId("cal-nominal").FillAsync("20");
        await second.GetByTestId("cal-indication").FillAsync("20.004");
        // Asked, not guessed: no statement until the clerk says which one was meant.
        await Expect(second.GetByTestId("cal-indication-ask")).ToContainTextAsync("20,004 hay 20004?");
        await Expect(second.GetByTestId("cal-live-conformity")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("90-number-asked");
        await second.GetByTestId("cal-indication-choose-decimal").ClickAsync();
        await Expect(second.GetByTestId("cal-indication")).ToHaveValueAsync("20,004");
        await Expect(second.GetByTestId("cal-live-conformity")).ToHaveTextAsync("Đạt");
        await Expect(page.GetByTestId("cal-live-overall")).ToHaveTextAsync("Đạt");

        // Letters are refused with the field named, and the form will not save over them.
        await page.GetByTestId("cal-add-point").ClickAsync();
        var third = page.GetByTestId("cal-point-row").Nth(2);
        await third.GetByTestId("cal-nominal").FillAsync("2O");
        await Expect(third.GetByTestId("cal-nominal-field")).ToContainTextAsync("Giá trị danh định: không phải là số");
        await page.ScreenshotAsync("91-number-refused");
        await page.GetByTestId("cal-save").ClickAsync();
        await Expect(page.GetByTestId("cal-error")).ToContainTextAsync("Có ô số chưa đọc được");
        await third.GetByRole(AriaRole.Button, new() { Name = "Xóa" }).ClickAsync();

        await page.GetByTestId("cal-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/calibrations/\d+$"));
        await Expect(page.GetByTestId("cal-overall")).ToHaveTextAsync("Đạt");
        // Stored as typed: 20,004 twice, and the trailing zeros of U and T kept.
        await Expect(page.GetByTestId("cal-points")).ToContainTextAsync("20,004");
        await Expect(page.GetByTestId("cal-points")).ToContainTextAsync("0,0020");
        await Expect(page.GetByTestId("cal-points")).ToContainTextAsync("± 0,010");
        await page.ScreenshotAsync("92-calibration-kept-decimals");
    }

    [Fact]
    public async Task The_clerk_records_with_the_proposed_number_issues_one_later_and_the_citizen_finds_it_typing_gcnkd()
    {
        var (firstId, _) = await ArrangeFuelDispenserAsync(designate: true);
        var (_, secondSerial) = await ArrangeFuelDispenserAsync(designate: false);
        var year = DateTime.UtcNow.AddHours(7).Year;

        var page = await app.NewPageAsync();
        await page.SignInAsync(LabOperator);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/verifications");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("certificate-pattern-open").ClickAsync();
        await page.GetByTestId("certificate-pattern").FillAsync("{seq:000000}/GCNKĐ");
        await page.GetByTestId("certificate-pattern-save").ClickAsync();
        await Expect(page.GetByTestId("certificate-pattern-dialog")).ToContainTextAsync("Mẫu số phải có {yyyy}");
        await page.GetByTestId("certificate-pattern").FillAsync("{seq:000000}/{yyyy}/GCNKĐ");
        await Expect(page.GetByTestId("certificate-pattern")).ToHaveValueAsync("{seq:000000}/{yyyy}/GCNKĐ");
        await page.GetByTestId("certificate-pattern-save").ClickAsync();
        await Expect(page.GetByTestId("certificate-pattern-dialog")).ToHaveCountAsync(0);

        // From the instrument's page: the form names the instrument and proposes the next number.
        await page.GotoAsync($"/instruments/{firstId}");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("instrument-record-verification").ClickAsync();
        await page.WaitForURLAsync("**/verifications/new?instrumentId=*");
        await page.WaitInteractiveAsync();
        var proposed = new Regex($@"^\d{{6}}/{year}/GCNKĐ$");
        await Expect(page.GetByTestId("verification-certificate")).ToHaveValueAsync(proposed);
        var number = await page.GetByTestId("verification-certificate").InputValueAsync();
        await page.GetByLabel("Số tem kiểm định").FillAsync("QT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        await page.GetByLabel("Kiểm định viên").FillAsync("Trần Văn Minh");
        await page.ScreenshotAsync("93-proposed-certificate-number");
        await page.GetByTestId("verification-save").ClickAsync();
        await page.WaitForURLAsync("**/certificates/*");
        await Expect(page.GetByTestId("certificate-title")).ToContainTextAsync(number);

        // Another one saved without a certificate, then "Cấp giấy chứng nhận" from the list.
        await page.GotoAsync("/verifications/new");
        await page.WaitInteractiveAsync();
        await page.PickAsync(page.GetByLabel("Phương tiện đo"), secondSerial, secondSerial);
        await page.GetByTestId("verification-certificate").FillAsync("");
        await page.GetByLabel("Số tem kiểm định").FillAsync("QT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        await page.GetByLabel("Kiểm định viên").FillAsync("Trần Văn Minh");
        await page.GetByTestId("verification-save").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/verifications");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("verification-search").FillAsync(secondSerial);
        var row = page.GetByTestId("verification-table").Locator("tbody tr").Filter(new() { HasText = secondSerial });
        await Expect(page.GetByTestId("verification-count")).ToHaveTextAsync("1 kết quả");
        await row.GetByTestId("verification-issue-certificate").ClickAsync();
        var later = await page.GetByTestId("issue-certificate-number").InputValueAsync();
        later.ShouldMatch(proposed.ToString());
        later.ShouldNotBe(number);
        await page.ScreenshotAsync("94-issue-certificate-later");
        await page.GetByTestId("issue-certificate-confirm").ClickAsync();
        await Expect(row.GetByTestId("verification-certificate-link")).ToHaveTextAsync(later);

        // The citizen, signed out, types the number in lower case, without Đ and without the slashes.
        var citizen = await app.NewPageAsync();
        var typed = number.Replace("/", " ", StringComparison.Ordinal).Replace("GCNKĐ", "gcnkd", StringComparison.Ordinal);
        await citizen.GotoAsync("/verify?q=" + Uri.EscapeDataString(typed));
        await Expect(citizen.GetByTestId("public-status")).ToHaveTextAsync("Còn hiệu lực");
        await Expect(citizen.GetByTestId("public-card")).ToContainTextAsync(number);
        await citizen.ScreenshotAsync("95-public-lookup-forgiving");
    }

    /// <summary>A fuel dispenser of a demo enterprise, and (once) a designation of the demo centre covering fuel dispensers.</summary>
    private async Task<(int Id, string Serial)> ArrangeFuelDispenserAsync(bool designate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var centre = await db.Organizations.SingleAsync(o => o.Name == DemoDataSeeder.TechnicalCentreName);
        var enterprise = await db.Organizations.Where(o => o.Kind == OrganizationKind.Enterprise && o.ProvinceId == centre.ProvinceId).OrderBy(o => o.Id).FirstAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        if (designate)
        {
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
        }

        var instrument = new Instrument
        {
            ProvinceId = centre.ProvinceId,
            OwnerId = enterprise.Id,
            TypeCode = "fuel-dispenser",
            Manufacturer = "Tokheim",
            Model = "Quantium 510",
            SerialNumber = "DD" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        instrument.RefreshSearchText();
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync();
        return (instrument.Id, instrument.SerialNumber);
    }
}
