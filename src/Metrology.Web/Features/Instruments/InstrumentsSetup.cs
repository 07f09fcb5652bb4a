using Metrology.Core.Instruments;

namespace Metrology.Web.Features.Instruments;

/// <summary>The instruments area's services, registered by HostingSetup in one call.</summary>
public static class InstrumentsSetup
{
    public static IServiceCollection AddInstruments(this IServiceCollection services)
    {
        services.AddScoped<InstrumentService>();
        services.AddScoped<ReminderService>();
        services.AddSingleton<MailSender>();
        services.AddHostedService<ReminderJob>();
        return services;
    }

    /// <summary>The due-soon window in days: Reminders:DueSoonDays, default 30 (design/domain.md, "configurable").</summary>
    public static int DueSoonDays(IConfiguration configuration) =>
        Math.Max(0, configuration.GetValue("Reminders:DueSoonDays", DueRules.DefaultDueSoonDays));

    /// <summary>
    /// Lines one reminder lists at most: a water or power company owns tens of thousands of meters, and a
    /// mail of that length helps nobody; the rest is counted and the due list in the app has them all.
    /// </summary>
    public static int MaxInstrumentsPerMail(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue("Reminders:MaxInstrumentsPerMail", 100));
}
