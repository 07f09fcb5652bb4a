using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Shared;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>
/// An enterprise registers a fuel dispenser, sees its due date once it is verified, the officer finds it
/// on the due list and exports it, and the reminder job mails the enterprise once.
/// </summary>
public sealed class InstrumentJourneyTests(MetrologyApp app)
{
    private const string EnterpriseUser = "enterprise@quangtri.demo";

    [Fact]
    public async Task The_enterprise_sees_its_due_date_the_officer_exports_the_due_list_and_the_reminder_job_sends_one_mail()
    {
        var serial = "E2E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var page = await app.NewPageAsync();
        await page.SignInAsync(EnterpriseUser);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/instruments");
        await page.WaitInteractiveAsync();

        await page.GetByTestId("instrument-create").ClickAsync();
        await Expect(page.GetByTestId("instrument-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("instrument-type").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Cột đo xăng dầu" }).First.ClickAsync();
        await page.GetByTestId("instrument-manufacturer").FillAsync("Tatsuno");
        await page.GetByTestId("instrument-serial").FillAsync(serial);
        await page.GetByTestId("instrument-location").FillAsync("Cửa hàng xăng dầu số 5, phường Đông Hà");
        await Expect(page.GetByTestId("instrument-type")).ToHaveValueAsync("Cột đo xăng dầu");
        await page.ScreenshotAsync("29-instrument-dialog");
        await page.GetByTestId("instrument-save").ClickAsync();
        await Expect(page.GetByTestId("instrument-dialog")).ToBeHiddenAsync();
        // The enterprise owns dozens of demo instruments: search brings this one to the first page.
        await page.GetByTestId("instrument-search").FillAsync(serial);
        var row = page.GetByTestId("instrument-table").Locator("tr").Filter(new() { HasTextString = serial });
        await Expect(row.GetByTestId("due-chip")).ToHaveTextAsync("Chưa kiểm định");

        // What recording a passing verification leaves on the instrument (done by the verification pages).
        var today = DisplayFormat.Today(TimeProvider.System);
        var due = today.AddDays(10);
        await SetDueDateAsync(serial, today, due);

        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await page.GetByTestId("instrument-search").FillAsync(serial);
        await Expect(row.GetByTestId("instrument-due-date")).ToHaveTextAsync(DisplayFormat.Date(due));
        await Expect(row.GetByTestId("due-chip")).ToHaveTextAsync("Sắp đến hạn");
        await page.ScreenshotAsync("30-enterprise-instruments");
        await row.GetByTestId("instrument-link").ClickAsync();
        await Expect(page.GetByTestId("instrument-detail-due")).ToHaveTextAsync(DisplayFormat.Date(due));
        await page.ScreenshotAsync("31-instrument-detail");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@quangtri.demo");
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await officer.GotoAsync("/instruments/due");
        await officer.WaitInteractiveAsync();
        await officer.GetByTestId("due-state-filter").ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "Sắp đến hạn", Exact = true }).ClickAsync();
        await officer.GetByTestId("due-owner-filter").ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "Công ty TNHH Xăng dầu Đông Hà", Exact = true }).ClickAsync();
        await Expect(officer.GetByTestId("instrument-table")).ToContainTextAsync(serial);
        await officer.ScreenshotAsync("32-officer-due-list");
        var exportUrl = await officer.GetByTestId("due-export-csv").GetAttributeAsync("href");
        var export = await officer.Context.APIRequest.GetAsync(exportUrl!);
        export.Status.ShouldBe(200);
        var csv = Encoding.UTF8.GetString(await export.BodyAsync());
        csv.ShouldStartWith("\uFEFFMã loại phương tiện đo,Tên loại phương tiện đo,Nhà sản xuất");
        var line = csv.Split("\r\n").Where(l => l.Contains(serial, StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldStartWith($"fuel-dispenser,Cột đo xăng dầu,Tatsuno,,{serial},");
        line.ShouldContain(",Công ty TNHH Xăng dầu Đông Hà,");

        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin@demo.local");
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await admin.GotoAsync("/instruments/reminders");
        await admin.WaitInteractiveAsync();
        await admin.GetByTestId("reminders-run").ClickAsync();
        // Demo owners are mailed in the same run; the search keeps the table to this instrument.
        await admin.GetByTestId("reminders-search").FillAsync(serial);
        await Expect(admin.GetByTestId("reminders-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("reminders-table")).ToContainTextAsync(serial);
        await admin.GetByTestId("reminders-run").ClickAsync();
        await admin.ScreenshotAsync("33-reminders-sent");

        var mails = MailsMentioning(serial);
        var mail = mails.ShouldHaveSingleItem();
        mail.To.Mailboxes.Select(m => m.Address).ShouldContain(EnterpriseUser);
        mail.TextBody.ShouldNotBeNull().ShouldContain($"số sản xuất {serial}: hạn kiểm định {DisplayFormat.Date(due)} (Sắp đến hạn)");
    }

    private async Task SetDueDateAsync(string serial, DateOnly verifiedOn, DateOnly due)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, UnscopedTenant.Instance, TimeProvider.System);
        var instrument = await db.Instruments.SingleAsync(i => i.SerialNumber == serial);
        instrument.LastVerifiedOn = verifiedOn;
        instrument.NextDueDate = due;
        await db.SaveChangesAsync();
    }

    private List<MimeMessage> MailsMentioning(string serial)
    {
        var folder = MailSender.PickupFolder(app.Services.GetRequiredService<IConfiguration>());
        return [.. Directory.GetFiles(folder, "*.eml").Select(path => MimeMessage.Load(path)).Where(m => m.TextBody?.Contains(serial, StringComparison.Ordinal) == true)];
    }
}
