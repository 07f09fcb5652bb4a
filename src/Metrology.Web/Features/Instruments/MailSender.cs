using MailKit.Net.Smtp;
using MailKit.Security;
using Metrology.Web.Infrastructure;
using MimeKit;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// Sends mail through the SMTP server of the Mail:* settings. With no Mail:Host (development, tests, a
/// deployment without a mail server) each message is written as an .eml file to &lt;data dir&gt;/mail/
/// instead, where it can be opened in any mail client or handed to a pickup service.
/// </summary>
public sealed class MailSender(IConfiguration configuration)
{
    public const string PickupFolderName = "mail";

    public MailboxAddress From => MailboxAddress.Parse(configuration["Mail:From"] is { Length: > 0 } from ? from : "no-reply@metrology.local");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var host = configuration["Mail:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            await WriteToPickupFolderAsync(message, cancellationToken);
            return;
        }

        var port = configuration.GetValue("Mail:Port", 587);
        var security = configuration.GetValue("Mail:UseStartTls", true) ? SecureSocketOptions.StartTls
            : port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.None;
        using var client = new SmtpClient();
        await client.ConnectAsync(host, port, security, cancellationToken);
        if (configuration["Mail:UserName"] is { Length: > 0 } userName)
        {
            await client.AuthenticateAsync(userName, configuration["Mail:Password"] ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static string PickupFolder(IConfiguration configuration) =>
        Path.Combine(DatabaseSetup.DataDirectory(configuration), PickupFolderName);

    private async Task WriteToPickupFolderAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = PickupFolder(configuration);
        Directory.CreateDirectory(folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        // Written under another name first, so whatever watches the folder never picks up half a message.
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }
}
