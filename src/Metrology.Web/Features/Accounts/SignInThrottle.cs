using Microsoft.Extensions.Caching.Memory;

namespace Metrology.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins counted per account and client address, never per account alone: an account-wide
/// lockout would let anyone lock any user out with a few wrong passwords. After
/// <c>Security:SignInFailuresBeforeBackoff</c> failures (5) from one address, that address waits before it may
/// try the account again: 1 minute, doubling with each further failure up to 15 minutes. The key is the
/// e-mail as typed (normalised), so an unknown e-mail is slowed down exactly like a real one.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    private readonly int failuresBeforeBackoff = Math.Max(1, configuration.GetValue("Security:SignInFailuresBeforeBackoff", 5));

    // Bounded: a flood of made-up e-mails evicts old entries instead of growing the process.
    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private readonly Lock gate = new();

    /// <summary>How long this address must still wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string normalizedEmail, string address)
    {
        lock (gate)
        {
            if (!failures.TryGetValue(Key(normalizedEmail, address), out Entry? entry) || entry!.BlockedUntil is not { } until)
            {
                return null;
            }

            var left = until - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void RecordFailure(string normalizedEmail, string address)
    {
        lock (gate)
        {
            var key = Key(normalizedEmail, address);
            var entry = failures.TryGetValue(key, out Entry? found) ? found! : new Entry();
            entry.Count++;
            if (entry.Count >= failuresBeforeBackoff)
            {
                var doublings = Math.Min(entry.Count - failuresBeforeBackoff, 4);
                var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, LongestWait.Ticks));
                entry.BlockedUntil = clock.GetUtcNow() + wait;
            }

            // Forgotten a while after the last failure, so old typos do not add up over days.
            failures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = LongestWait * 2 });
        }
    }

    public void RecordSuccess(string normalizedEmail, string address)
    {
        lock (gate)
        {
            failures.Remove(Key(normalizedEmail, address));
        }
    }

    public void Dispose() => failures.Dispose();

    private static string Key(string normalizedEmail, string address) => address + "|" + normalizedEmail;

    private sealed class Entry
    {
        public int Count { get; set; }

        public DateTimeOffset? BlockedUntil { get; set; }
    }
}
