using Metrology.IntegrationTests.Infrastructure;
using Metrology.Web.Features.Instruments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>A big owner's reminder lists a bounded number of instruments and counts the rest.</summary>
public abstract class ReminderLengthTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_owner_with_more_due_instruments_than_a_mail_lists_gets_the_first_ones_and_the_count_of_the_rest()
    {
        var address = TestData.NewEmail("big-owner");
        var owner = await App.NewEnterprise("Công ty Cổ phần Cấp nước Quảng Trị", email: address);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var serials = new List<string>();
        for (var days = 1; days <= 3; days++)
        {
            var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
            await App.SetDueState(instrument.Id, FixedClock.Today.AddYears(-1), FixedClock.Today.AddDays(days));
            serials.Add(instrument.SerialNumber);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(FixedClock.Today, Cancellation);
            result.InstrumentsReminded.ShouldBe(3);
        }

        var folder = MailSender.PickupFolder(App.Services.GetRequiredService<IConfiguration>());
        var mail = Directory.GetFiles(folder, "*.eml").Select(path => MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == address));
        var text = mail.TextBody.ShouldNotBeNull();
        // Sorted by due date: the two earliest are listed, the third is counted, in both languages.
        text.ShouldContain(serials[0]);
        text.ShouldContain(serials[1]);
        text.ShouldNotContain(serials[2]);
        text.ShouldContain("- và 1 phương tiện đo khác: xem danh sách đến hạn kiểm định trên hệ thống.");
        text.ShouldContain("- and 1 more instrument(s): see the list of instruments due in the application.");
    }

    public sealed class Sqlite(ShortMailSqliteApp app) : ReminderLengthTests(app), IClassFixture<ShortMailSqliteApp>;

    public sealed class Postgres(ShortMailPostgresApp app) : ReminderLengthTests(app), IClassFixture<ShortMailPostgresApp>;
}

public class ShortMailSqliteApp : InstrumentSqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Reminders:MaxInstrumentsPerMail", "2")];
}

public class ShortMailPostgresApp : InstrumentPostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Reminders:MaxInstrumentsPerMail", "2")];
}
