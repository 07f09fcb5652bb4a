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
}
