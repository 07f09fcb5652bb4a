using System.Globalization;
using System.Text;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Metrology.Web.Features.Instruments;

/// <summary>What one run of the reminders did.</summary>
public sealed record ReminderRunResult(int MailsSent, int InstrumentsReminded, int OwnersWithoutAddress, int Failures);

/// <summary>
/// The daily reminders: each owner gets one mail listing its instruments that are overdue or due within
/// Reminders:DueSoonDays, and a <see cref="ReminderSent"/> row per instrument. Only instruments without a row
/// for (instrument, due date, kind) are mailed, so a second run the same day, a run after a restart or the
/// next day's run mails nothing new; a new due date (a new verification) or turning overdue does.
/// It runs unscoped (every province), whoever triggers it.
/// </summary>
public sealed class ReminderService(
    DbContextOptions<AppDbContext> dbOptions,
    TimeProvider clock,
    IConfiguration configuration,
    MailSender mailSender,
    IStringLocalizer<SharedResource> text,
    ILogger<ReminderService> logger)
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");
    private static readonly CultureInfo English = new("en-GB");

    public async Task<ReminderRunResult> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var window = InstrumentsSetup.DueSoonDays(configuration);
        await using var db = new AppDbContext(dbOptions, UnscopedTenant.Instance, clock);
        var due = await db.Instruments.AsNoTracking()
            .Where(DueRules.IsDue(today, window))
            .Where(i => !db.RemindersSent.Any(r => r.InstrumentId == i.Id && r.DueDate == i.NextDueDate
                && ((i.NextDueDate < today && r.Kind == ReminderKind.Overdue) || (i.NextDueDate >= today && r.Kind == ReminderKind.DueSoon))))
            .OrderBy(i => i.OwnerId).ThenBy(i => i.NextDueDate).ThenBy(i => i.Id)
            .Select(i => new DueInstrument(i.Id, i.OwnerId, i.TypeCode, i.Manufacturer, i.Model, i.SerialNumber, i.Location, i.NextDueDate!.Value))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new ReminderRunResult(0, 0, 0, 0);
        }

        var ownerIds = due.Select(d => d.OwnerId).Distinct().ToList();
        var owners = await db.Organizations.AsNoTracking().Where(o => ownerIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Email }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = clock.GetUtcNow();
        // Lock-out is compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var accounts = (await db.Users.AsNoTracking()
                .Where(u => u.Role == Roles.EnterpriseUser && u.OrganizationId != null && ownerIds.Contains(u.OrganizationId.Value) && u.Email != null)
                .Select(u => new { OrganizationId = u.OrganizationId!.Value, Email = u.Email!, u.LockoutEnd })
                .ToListAsync(cancellationToken))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .ToLookup(u => u.OrganizationId, u => u.Email);
        var typeNames = await Group2Names.OnAsync(db, today, cancellationToken);

        int mails = 0, instruments = 0, withoutAddress = 0, failures = 0;
        foreach (var group in due.GroupBy(d => d.OwnerId))
        {
            var owner = owners[group.Key];
            var recipients = new[] { owner.Email }.Concat(accounts[group.Key])
                .Where(e => !string.IsNullOrWhiteSpace(e) && FieldRules.IsEmail(e!.Trim()))
                .Select(e => e!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (recipients.Count == 0)
            {
                // Not recorded: once the owner has an address, the next run mails it.
                logger.LogWarning("Reminder for organisation {OwnerId} not sent: no e-mail address on record", group.Key);
                withoutAddress++;
                continue;
            }

            var items = group.ToList();
            if (await SendToOwnerAsync(db, owner.Name, recipients, items, today, window, typeNames, cancellationToken))
            {
                mails++;
                instruments += items.Count;
            }
            else
            {
                failures++;
            }
        }

        logger.LogInformation("Reminders for {Today}: {Mails} mails about {Instruments} instruments", today, mails, instruments);
        return new ReminderRunResult(mails, instruments, withoutAddress, failures);
    }

    /// <summary>
    /// Records the reminders and sends the mail in one transaction: a send that fails leaves no record (the next
    /// run retries), and a concurrent run that recorded them first makes this one stop at the unique index.
    /// </summary>
    private async Task<bool> SendToOwnerAsync(
        AppDbContext db, string ownerName, List<string> recipients, List<DueInstrument> items, DateOnly today, int window,
        IReadOnlyDictionary<string, (string Vi, string En)> typeNames, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow().UtcDateTime;
        var recorded = string.Join("; ", recipients);
        if (recorded.Length > 254)
        {
            recorded = string.Create(CultureInfo.InvariantCulture, $"{recipients[0]} (+{recipients.Count - 1})");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.RemindersSent.AddRange(items.Select(i => new ReminderSent
            {
                InstrumentId = i.Id,
                DueDate = i.DueDate,
                Kind = i.DueDate < today ? ReminderKind.Overdue : ReminderKind.DueSoon,
                Recipient = recorded,
                SentAt = sentAt,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await mailSender.SendAsync(Compose(ownerName, recipients, items, today, window, typeNames), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reminder to {Recipients} about {Count} instruments not sent", recorded, items.Count);
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One mail per owner: Vietnamese first, the same in English below; dates dd/MM/yyyy.</summary>
    private MimeMessage Compose(
        string ownerName, List<string> recipients, List<DueInstrument> items, DateOnly today, int window,
        IReadOnlyDictionary<string, (string Vi, string En)> typeNames)
    {
        var message = new MimeMessage { Date = clock.GetUtcNow() };
        message.From.Add(mailSender.From);
        message.To.AddRange(recipients.Select(MailboxAddress.Parse));
        message.Subject = $"{In(Vietnamese, "Instruments.Mail.Subject")} / {In(English, "Instruments.Mail.Subject")}";

        var body = new StringBuilder();
        foreach (var culture in new[] { Vietnamese, English })
        {
            if (culture == English)
            {
                body.AppendLine().AppendLine("----------------------------------------").AppendLine();
            }

            body.AppendLine(In(culture, "Instruments.Mail.Greeting", ownerName)).AppendLine();
            body.AppendLine(In(culture, "Instruments.Mail.Intro", window)).AppendLine();
            var listed = InstrumentsSetup.MaxInstrumentsPerMail(configuration);
            foreach (var i in items.Take(listed))
            {
                var type = i.TypeCode is { } code && typeNames.TryGetValue(code, out var names)
                    ? (culture == English ? names.En : names.Vi)
                    : i.TypeCode;
                var what = string.Join(", ", new[] { type, i.Manufacturer, i.Model }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var state = In(culture, i.DueDate < today ? "Instruments.Due.Overdue" : "Instruments.Due.DueSoon");
                body.AppendLine(In(culture, "Instruments.Mail.Line", what, i.SerialNumber, DisplayFormat.Date(i.DueDate), state));
                if (i.Location is { Length: > 0 } location)
                {
                    body.AppendLine(In(culture, "Instruments.Mail.Location", location));
                }
            }

            if (items.Count > listed)
            {
                body.AppendLine(In(culture, "Instruments.Mail.More", items.Count - listed));
            }

            body.AppendLine().AppendLine(In(culture, "Instruments.Mail.Closing"));
        }

        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    /// <summary>A resource string in a given language, whatever the language of the caller.</summary>
    private string In(CultureInfo culture, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed record DueInstrument(int Id, int OwnerId, string? TypeCode, string Manufacturer, string? Model, string SerialNumber, string? Location, DateOnly DueDate);
}
