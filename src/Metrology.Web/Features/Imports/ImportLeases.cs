using System.Collections.Concurrent;
using Metrology.Core.Imports;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Which process owns an import that is queued or running. Whoever creates a job (the web upload or the command
/// line) first takes an exclusive operating-system lock on a file named after the job's key (province, kind,
/// file hash) and keeps it until the job ends. The operating system lets go of it when the process dies, killed
/// or not, so a job row still "Queued" or "Running" whose lock anyone can take was left by a dead process: it
/// no longer refuses the same file with "already importing" (409), and the server's start marks failed only
/// such jobs, never one a command line beside it is still running.
/// </summary>
public sealed class ImportLeases(IConfiguration configuration) : IDisposable
{
    private readonly string directory = Path.Combine(DatabaseSetup.DataDirectory(configuration), "imports", "leases");
    private readonly ConcurrentDictionary<long, FileStream> held = new();

    /// <summary>The lease of this key, or null when another job (in this process or another) holds it.</summary>
    public FileStream? TryTake(int? provinceId, ImportKind kind, string fileHash)
    {
        Directory.CreateDirectory(directory);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix), which a second open fails, even in this process.
            return new FileStream(Path.Combine(directory, $"{provinceId}-{kind}-{fileHash}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Keeps the lease until <see cref="Release"/> for the job, which may run on another thread later.</summary>
    public void Hand(long jobId, FileStream lease) => held[jobId] = lease;

    /// <summary>Lets go of the job's lease (when it ends); nothing when this process does not hold one.</summary>
    public void Release(long jobId)
    {
        if (held.TryRemove(jobId, out var lease))
        {
            lease.Dispose();
        }
    }

    /// <summary>Whether no live process holds the job's lease (its row is then a leftover).</summary>
    public bool IsAbandoned(ImportJob job)
    {
        if (held.ContainsKey(job.Id))
        {
            return false;
        }

        using var lease = TryTake(job.ProvinceId, job.Kind, job.FileHash);
        return lease is not null;
    }

    public void Dispose()
    {
        foreach (var lease in held.Values)
        {
            lease.Dispose();
        }

        held.Clear();
    }
}
