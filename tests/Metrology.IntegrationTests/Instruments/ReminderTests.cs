using System.Net;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.Web.Features.Instruments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>
/// The daily reminders, run through the app's own service with the day given, and read back as the .eml
/// files the app writes when no SMTP server is set. Each test has its own owner (and so its own address):
/// a run mails every owner with something due, and each test looks only at the mail to its owner.
/// </summary>
public abstract class ReminderTests(MetrologyApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = FixedClock.Today;

    private string PickupFolder => MailSender.PickupFolder(App.Services.GetRequiredService<IConfiguration>());

    private async Task<ReminderRunResult> RunAsync(DateOnly today)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(today, Cancellation);
    }

    /// <summary>Every mail written so far that is addressed to <paramref name="address"/>.</summary>
    private List<MimeMessage> MailsTo(string address)
    {
        if (!Directory.Exists(PickupFolder))
        {
            return [];
        }

        return [.. Directory.GetFiles(PickupFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
    }

    private async Task<(OrganizationJson Owner, string Address, InstrumentJson Instrument)> OwnerWithInstrumentDue(DateOnly due)
    {
        var address = TestData.NewEmail("owner");
        var owner = await App.NewEnterprise("Công ty TNHH Xăng dầu Vĩnh Linh", email: address);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        await App.SetDueState(instrument.Id, due.AddYears(-1), due);
        return (owner, address, instrument);
    }

    [Fact]
    public async Task An_instrument_due_in_10_days_gets_one_mail_with_its_serial_and_due_date_and_no_second_one()
    {
        var (owner, address, instrument) = await OwnerWithInstrumentDue(Today.AddDays(10));
        var account = await App.CreateAsync("EnterpriseUser", TestData.QuangTri, owner.Id);

        await RunAsync(Today);

        var mail = MailsTo(address).ShouldHaveSingleItem();
        mail.To.Mailboxes.Select(b => b.Address).ShouldBe([address, account.Email], ignoreOrder: true);
        mail.Subject.ShouldBe("Nhắc lịch kiểm định phương tiện đo / Reminder: measuring instruments due for verification");
        var text = mail.TextBody.ShouldNotBeNull();
        text.ShouldContain("Kính gửi Công ty TNHH Xăng dầu Vĩnh Linh,");
        text.ShouldContain($"- Cột đo xăng dầu, Tatsuno, Sunny NP, số sản xuất {instrument.SerialNumber}: hạn kiểm định 25/01/2027 (Sắp đến hạn)");
        text.ShouldContain($"- Fuel dispenser (petrol/diesel), Tatsuno, Sunny NP, serial number {instrument.SerialNumber}: verification due 25/01/2027 (Due soon)");
        text.IndexOf("Kính gửi", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Dear", StringComparison.Ordinal));

        await RunAsync(Today);
        await RunAsync(Today.AddDays(1));

        MailsTo(address).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_due_date_gets_a_new_mail_and_so_does_turning_overdue()
    {
        var (_, address, instrument) = await OwnerWithInstrumentDue(Today.AddDays(5));
        await RunAsync(Today);

        // Verified again: a new due date within the window is a new reminder.
        await App.SetDueState(instrument.Id, Today, Today.AddDays(20));
        await RunAsync(Today);
        // The day after it passes, the same due date is reminded once more, as overdue.
        await RunAsync(Today.AddDays(21));
        await RunAsync(Today.AddDays(22));

        // The clock stands still in these tests, so the mails are told apart by what they say, not by their time.
        var bodies = MailsTo(address).Select(m => m.TextBody!).ToList();
        bodies.Count.ShouldBe(3);
        bodies.Count(b => b.Contains("hạn kiểm định 20/01/2027 (Sắp đến hạn)", StringComparison.Ordinal)).ShouldBe(1);
        bodies.Count(b => b.Contains("hạn kiểm định 04/02/2027 (Sắp đến hạn)", StringComparison.Ordinal)).ShouldBe(1);
        bodies.Count(b => b.Contains("hạn kiểm định 04/02/2027 (Quá hạn)", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task One_mail_per_owner_lists_all_its_due_instruments_and_nothing_of_other_owners()
    {
        var (owner, address, first) = await OwnerWithInstrumentDue(Today.AddDays(-3));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var second = await officer.CreateInstrument(InstrumentApi.Body(owner.Id, typeCode: "water-meter-cold-mechanical"));
        await App.SetDueState(second.Id, Today.AddYears(-5), Today.AddDays(30));
        var notYet = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        await App.SetDueState(notYet.Id, Today.AddYears(-1), Today.AddDays(31));
        var (_, otherAddress, otherInstrument) = await OwnerWithInstrumentDue(Today.AddDays(2));

        await RunAsync(Today);

        var mail = MailsTo(address).ShouldHaveSingleItem();
        mail.TextBody!.ShouldContain($"số sản xuất {first.SerialNumber}: hạn kiểm định 12/01/2027 (Quá hạn)");
        mail.TextBody!.ShouldContain($"Đồng hồ đo nước lạnh cơ khí, Tatsuno, Sunny NP, số sản xuất {second.SerialNumber}: hạn kiểm định 14/02/2027 (Sắp đến hạn)");
        mail.TextBody!.ShouldNotContain(notYet.SerialNumber);
        mail.TextBody!.ShouldNotContain(otherInstrument.SerialNumber);
        MailsTo(otherAddress).ShouldHaveSingleItem().TextBody!.ShouldNotContain(first.SerialNumber);
    }

    [Fact]
    public async Task An_owner_without_any_address_is_not_recorded_and_is_mailed_once_it_has_one()
    {
        var owner = await App.NewEnterprise(email: null);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        await App.SetDueState(instrument.Id, Today.AddYears(-1), Today.AddDays(7));

        var first = await RunAsync(Today);
        var address = TestData.NewEmail("late");
        await App.CreateAsync("EnterpriseUser", TestData.QuangTri, owner.Id, address);
        await RunAsync(Today);

        first.OwnersWithoutAddress.ShouldBeGreaterThanOrEqualTo(1);
        MailsTo(address).ShouldHaveSingleItem().TextBody!.ShouldContain(instrument.SerialNumber);
    }

    [Fact]
    public async Task Officers_see_the_record_of_reminders_of_their_province_and_enterprises_cannot()
    {
        var (owner, address, instrument) = await OwnerWithInstrumentDue(Today.AddDays(1));
        await RunAsync(Today);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        using var record = await officer.GetAsync($"{InstrumentApi.Path}/reminders", Cancellation);
        using var forbidden = await enterprise.GetAsync($"{InstrumentApi.Path}/reminders", Cancellation);

        var rows = await record.ShouldReturn<List<ReminderJson>>();
        var row = rows.Single(r => r.InstrumentId == instrument.Id);
        row.Kind.ShouldBe("DueSoon");
        row.DueDate.ShouldBe(Today.AddDays(1));
        row.Recipient.ShouldBe(address);
        row.OwnerName.ShouldBe(owner.Name);
        await forbidden.ShouldHaveStatus(HttpStatusCode.Forbidden);
        using var searched = await officer.GetAsync($"{InstrumentApi.Path}/reminders?search={instrument.SerialNumber.ToLowerInvariant()}", Cancellation);
        (await searched.ShouldReturn<List<ReminderJson>>()).Select(r => r.InstrumentId).ShouldBe([instrument.Id]);
    }

    [Fact]
    public async Task Only_a_system_admin_runs_the_job_on_demand()
    {
        var (_, address, _) = await OwnerWithInstrumentDue(Today.AddDays(3));
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var admin = await App.AsSystemAdmin();

        using var refused = await officer.PostAsync($"{InstrumentApi.Path}/reminders/run", null, Cancellation);
        using var run = await admin.PostAsync($"{InstrumentApi.Path}/reminders/run", null, Cancellation);

        await refused.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await run.ShouldReturn<ReminderRunJson>()).MailsSent.ShouldBeGreaterThanOrEqualTo(1);
        MailsTo(address).ShouldHaveSingleItem();
    }

    public sealed class Sqlite(InstrumentSqliteApp app) : ReminderTests(app), IClassFixture<InstrumentSqliteApp>;

    public sealed class Postgres(InstrumentPostgresApp app) : ReminderTests(app), IClassFixture<InstrumentPostgresApp>;
}
