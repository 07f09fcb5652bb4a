using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Metrology.Bench;

/// <summary>
/// The streamed exports (issue 5) over 1,000,000 instruments in SQLite: the real app in its own process (as
/// in production), the rows made by the lookup bench's generator (one instrument, verification and
/// certificate each), then GET /api/v1/exports/{instruments,verifications}?format=csv|xlsx as the demo
/// province officer, reading the whole body. Measured per export: time to the first byte, total time,
/// size, and the app's resident memory sampled every 50 ms (target: peak under 400 MB, design/performance.md).
/// </summary>
internal static class ExportBench
{
    private const long TargetPeakBytes = 400L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new PublicLookupBench.Options { Certificates = 1_000_000, PerInstrument = 1 };
        string? results = null;
        string? dataDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--instruments": options.Certificates = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--results": results = args[++i]; break;
                case "--data-directory": dataDirectory = args[++i]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        var root = BenchProgram.SolutionDirectory();
        var web = Path.Combine(root, "src", "Metrology.Web");
        var webDll = Path.Combine(web, "bin", "Release", "net10.0", "Metrology.Web.dll");
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} not found: build with -c Release first.");
            return 2;
        }

        var keep = dataDirectory is not null;
        dataDirectory ??= Directory.CreateTempSubdirectory("metrology-export-bench-").FullName;
        Directory.CreateDirectory(dataDirectory);
        var database = Path.Combine(dataDirectory, "metrology.db");
        var generated = TimeSpan.Zero;
        if (!File.Exists(database))
        {
            await using (await PublicLookupBench.AppProcess.StartAsync(webDll, web, dataDirectory, options))
            {
            }

            var watch = Stopwatch.StartNew();
            await PublicLookupBench.GenerateAsync(database, Path.Combine(dataDirectory, "tokens.txt"), options);
            generated = watch.Elapsed;
            Console.WriteLine($"Generated {options.Certificates:N0} instruments in {generated.TotalSeconds:F1} s");
        }

        List<(string Name, Measure Result)> measures = [];
        long idle;
        await using (var app = await PublicLookupBench.AppProcess.StartAsync(webDll, web, dataDirectory, options))
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(30) };
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "officer@quangtri.demo", password = "Demo!2345" });
            login.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
            // Warm-up on a small export: JIT and the first queries, not the streaming, should be out of the figures.
            (await client.GetAsync("/api/v1/exports/instruments?format=xlsx&search=BX0000001")).EnsureSuccessStatusCode();
            (await client.GetAsync("/api/v1/exports/instruments?format=csv&search=BX0000001")).EnsureSuccessStatusCode();
            idle = Rss(app.ProcessId);
            foreach (var (name, url) in new[]
                     {
                         ("instruments, CSV", "/api/v1/exports/instruments?format=csv"),
                         ("instruments, XLSX", "/api/v1/exports/instruments?format=xlsx"),
                         ("verifications, CSV", "/api/v1/exports/verifications?format=csv"),
                         ("verifications, XLSX", "/api/v1/exports/verifications?format=xlsx"),
                     })
            {
                var measure = await MeasureAsync(client, url, app.ProcessId);
                Console.WriteLine($"{name,-22} rows {measure.Rows,10:N0}  first byte {measure.FirstByte.TotalSeconds,6:F2} s  total {measure.Total.TotalSeconds,7:F1} s  "
                    + $"{measure.Bytes / 1048576.0,7:F1} MB  peak RSS {measure.PeakRss / 1048576.0,6:F0} MB");
                measures.Add((name, measure));
            }
        }

        var report = Report(options.Certificates, generated, idle, measures);
        Console.WriteLine();
        Console.WriteLine(report);
        if (results is not null)
        {
            await File.AppendAllTextAsync(results, report);
            Console.WriteLine($"Appended to {results}");
        }

        if (!keep)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        return measures.All(m => m.Result.PeakRss < TargetPeakBytes) ? 0 : 1;
    }

    private sealed record Measure(long Rows, long Bytes, TimeSpan FirstByte, TimeSpan Total, long PeakRss);

    /// <summary>Reads the whole body in 64 KB chunks (counting CSV lines as it goes) while a timer samples the app's memory.</summary>
    private static async Task<Measure> MeasureAsync(HttpClient client, string url, int processId)
    {
        long peak = Rss(processId);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(processId));
                await Task.Delay(50);
            }
        });

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0, lines = 0;
        var firstByte = TimeSpan.Zero;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            if (bytes == 0)
            {
                firstByte = watch.Elapsed;
            }

            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        var total = watch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, Rss(processId));
        // A CSV has one line per row plus the header; an XLSX is zipped, its rows are not countable here.
        var rows = response.Content.Headers.ContentType?.MediaType == "text/csv" ? lines - 1 : -1;
        return new Measure(rows, bytes, firstByte, total, peak);
    }

    /// <summary>Resident set size of the process in bytes (VmRSS of /proc/{pid}/status).</summary>
    private static long Rss(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static string Report(int instruments, TimeSpan generated, long idle, List<(string Name, Measure Result)> measures)
    {
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"### Exports of {instruments:N0} instruments, SQLite, app in its own process ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}, .NET {Environment.Version})");
        report.AppendLine();
        if (generated > TimeSpan.Zero)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Rows generated in {generated.TotalSeconds:F0} s. App resident memory before the exports: {idle / 1048576.0:F0} MB.");
        }
        else
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"App resident memory before the exports: {idle / 1048576.0:F0} MB.");
        }

        report.AppendLine();
        report.AppendLine("| export | rows | first byte s | total s | rows/s | size MB | peak RSS MB |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        var csvRows = (long)instruments;
        foreach (var (name, m) in measures)
        {
            // Each XLSX follows the CSV of the same list, whose lines were counted.
            var rows = m.Rows >= 0 ? csvRows = m.Rows : csvRows;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {rows:N0} | {m.FirstByte.TotalSeconds:F2} | {m.Total.TotalSeconds:F1} | {rows / m.Total.TotalSeconds:F0} | {m.Bytes / 1048576.0:F1} | {m.PeakRss / 1048576.0:F0} |");
        }

        return report.ToString();
    }
}
