using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.Platform;

/// <summary>
/// The app as its own process (the published Metrology.Web.dll) killed with SIGKILL while a lab records passing
/// verifications from four clients, then started again: every verification the API acknowledged is there with its
/// certificate, and no verification, certificate or instrument due date is half-written.
/// </summary>
public abstract class CrashRecoveryTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_app_killed_during_writes_keeps_every_acknowledged_verification_and_leaves_none_half_written()
    {
        var world = await App.World();
        var instruments = new ConcurrentQueue<int>();
        for (var i = 0; i < 200; i++)
        {
            instruments.Enqueue(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser));
        }

        var used = instruments.ToArray();
        var acknowledged = new ConcurrentBag<VerificationJson>();
        await using (var process = await AppProcess.StartAsync(App))
        {
            using var lab = await process.SignedInAsync(world.LabOperator, UserApi.Password);
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (instruments.TryDequeue(out var instrument))
                {
                    try
                    {
                        using var response = await lab.PostAsJsonAsync(VerificationsPath, Pass(instrument));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<VerificationJson>())!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        // The process died under this request: its fate is unknown to the client, as in real life.
                        return;
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 15 && !writers.All(w => w.IsCompleted))
            {
                await Task.Delay(10, Cancellation);
            }

            process.Kill();
            await Task.WhenAll(writers);
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(15);
        instruments.IsEmpty.ShouldBeFalse("the kill came before the clients ran out of work");
        await using (var restarted = await AppProcess.StartAsync(App))
        {
            using var lab = await restarted.SignedInAsync(world.LabOperator, UserApi.Password);
            foreach (var verification in acknowledged)
            {
                using var response = await lab.GetAsync($"{VerificationsPath}/{verification.Id}", Cancellation);
                var found = await response.ShouldReturn<VerificationJson>();
                found.Certificates.Select(c => c.Number).ShouldBe(verification.Certificates.Select(c => c.Number));
            }
        }

        await using var scope = await App.DbAsync();
        var written = await scope.Db.Verifications.IgnoreQueryFilters().Where(v => used.Contains(v.InstrumentId))
            .Select(v => new { v.Id, v.InstrumentId, v.NextDueDate, Certificates = scope.Db.Certificates.IgnoreQueryFilters().Count(c => c.VerificationId == v.Id) })
            .ToListAsync(Cancellation);
        written.Count.ShouldBeGreaterThanOrEqualTo(acknowledged.Count);
        written.ShouldAllBe(v => v.Certificates == 1);
        var dueDates = await scope.Db.Instruments.IgnoreQueryFilters().Where(i => used.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.NextDueDate, Cancellation);
        foreach (var verification in written)
        {
            dueDates[verification.InstrumentId].ShouldBe(verification.NextDueDate, $"instrument {verification.InstrumentId}");
        }

        dueDates.Count(d => d.Value is not null).ShouldBe(written.Count);
    }

    public sealed class Sqlite(SqliteApp app) : CrashRecoveryTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : CrashRecoveryTests(app), IClassFixture<PostgresApp>;
}

/// <summary>Metrology.Web.dll started with dotnet on a free loopback port, on the same database and data directory as a test app.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(MetrologyApp app)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Metrology.Web.dll"));
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Storage:DataDirectory"] = configuration["Storage:DataDirectory"],
            ["Database:Provider"] = configuration["Database:Provider"],
            ["ConnectionStrings:Postgres"] = configuration["ConnectionStrings:Postgres"],
            ["Demo:Seed"] = "false",
            ["Reminders:Enabled"] = "false",
            ["RateLimits:LoginPerMinutePerIp"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drained so a chatty process never blocks on a full pipe.
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        var running = new AppProcess(started, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = running.Address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !started.HasExited)
            {
            }

            if (started.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app process did not become ready (exited: {started.HasExited}).");
            }

            await Task.Delay(100);
        }
    }

    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = Address };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hook runs, as when the power goes or the kernel's OOM killer strikes.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
