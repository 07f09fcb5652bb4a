using Metrology.IntegrationTests.Infrastructure;
using Metrology.Web.Features.Instruments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>
/// The background job itself (Reminders:Enabled=true): it runs when the app starts, and a restart on the
/// same day mails nothing twice because the reminders sent are in the database, not in memory.
/// </summary>
public abstract class ReminderJobTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_job_mails_at_start_up_and_a_restart_does_not_mail_again()
    {
        var address = TestData.NewEmail("job");
        var owner = await App.NewEnterprise("Doanh nghiệp tư nhân Xăng dầu Khe Sanh", email: address);
        using (var officer = await App.As(TestData.QuangTriOfficer))
        {
            var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
            await App.SetDueState(instrument.Id, new DateOnly(2026, 1, 20), new DateOnly(2027, 1, 20));
        }

        await App.RestartAsync();
        var first = await WaitForMailsTo(address, expected: 1);
        await App.RestartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);

        first.ShouldHaveSingleItem().TextBody!.ShouldContain("hạn kiểm định 20/01/2027 (Sắp đến hạn)");
        MailsTo(address).Count.ShouldBe(1);
    }

    private async Task<List<MimeMessage>> WaitForMailsTo(string address, int expected)
    {
        for (var attempt = 0; attempt < 100 && MailsTo(address).Count < expected; attempt++)
        {
            await Task.Delay(200, Cancellation);
        }

        return MailsTo(address);
    }

    private List<MimeMessage> MailsTo(string address)
    {
        var folder = MailSender.PickupFolder(App.Services.GetRequiredService<IConfiguration>());
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))]
            : [];
    }

    public sealed class Sqlite(JobSqliteApp app) : ReminderJobTests(app), IClassFixture<JobSqliteApp>;

    public sealed class Postgres(JobPostgresApp app) : ReminderJobTests(app), IClassFixture<JobPostgresApp>;
}

public class JobSqliteApp : InstrumentSqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Reminders:Enabled", "true")];
}

public class JobPostgresApp : InstrumentPostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Reminders:Enabled", "true")];
}
