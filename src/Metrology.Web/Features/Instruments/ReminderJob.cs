using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// Runs <see cref="ReminderService"/> when the app starts and then shortly after each midnight (Vietnam
/// time). Nothing is kept in memory between runs: the ReminderSent rows decide what is still to mail, so a
/// restart neither skips nor repeats a reminder. Reminders:Enabled=false turns it off (the tests do).
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReminderJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }

        // Let the host finish starting before the first run.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(DisplayFormat.Today(clock), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run (database down, mail server away) must not stop the app; tomorrow's run retries.
                logger.LogError(ex, "The reminders run failed");
            }

            await Task.Delay(UntilNextRun(), clock, stoppingToken);
        }
    }

    /// <summary>Five minutes past the next midnight in Vietnam (UTC+7, no daylight saving).</summary>
    private TimeSpan UntilNextRun()
    {
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var next = new DateTimeOffset(now.Date.AddDays(1).AddMinutes(5), now.Offset);
        return next - now;
    }
}
