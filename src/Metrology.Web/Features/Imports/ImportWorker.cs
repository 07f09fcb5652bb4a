using System.Threading.Channels;

namespace Metrology.Web.Features.Imports;

/// <summary>The ids of jobs waiting to run, in upload order.</summary>
public sealed class ImportQueue
{
    private readonly Channel<long> jobs = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long jobId) => jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken) => jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Runs queued imports one at a time in the background (the server has few cores and an import is heavy).
/// Before the server takes requests it marks failed the jobs a previous process left queued or running and
/// deletes the temporary files such a process left behind.
/// </summary>
public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ImportStorage storage, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var recovered = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RecoverAbandonedAsync(cancellationToken);
            if (recovered > 0)
            {
                logger.LogWarning("{Count} import jobs were left unfinished by a stopped process and are now marked failed", recovered);
            }
        }

        var deleted = storage.DeleteStaleScratchFiles(clock.GetUtcNow().UtcDateTime);
        if (deleted > 0)
        {
            logger.LogWarning("{Count} temporary files of unfinished imports deleted", deleted);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, stoppingToken);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                logger.LogError(problem, "Import job {JobId} could not be run", jobId);
            }
        }
    }
}
