using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Metrology.Core.Verification;
using Microsoft.Data.Sqlite;

namespace Metrology.Bench;

/// <summary>
/// Public certificate lookup under <c>wrk</c> with 1,000,000 certificates in SQLite, against /health/live of
/// the same server in the same run (design/performance.md). Steps: the real app (a separate process, as in
/// production) creates a fresh database with the demo data; the app stops; the generator bulk-inserts
/// instruments, verifications and certificates with prepared statements in large transactions (indexes
/// dropped during the load and rebuilt after); the app starts again with the per-IP lookup limit raised
/// (every wrk connection comes from 127.0.0.1); wrk runs the reference, then the lookup with random known
/// tokens, then the reference again.
/// </summary>
internal static class PublicLookupBench
{
    internal sealed class Options
    {
        public int Certificates { get; set; } = 1_000_000;

        /// <summary>Certificates per instrument (one verification each): 4 gives 250,000 instruments.</summary>
        public int PerInstrument { get; set; } = 4;

        public string Duration { get; set; } = "20s";

        public int Connections { get; set; } = 32;

        public int Threads { get; set; } = 2;

        /// <summary>Token appended to this prefix; the public lookup of issue 4.</summary>
        public string LookupPrefix { get; set; } = "/api/v1/public/certificates/";

        /// <summary>Setting that holds the per-IP lookup limit, raised so the bench measures the lookup, not the 429s.</summary>
        public string RateSetting { get; set; } = "RateLimits:PublicPerMinutePerIp";

        public string RateValue { get; set; } = "100000000";

        public string? Results { get; set; }

        public string? DataDirectory { get; set; }

        public bool KeepData { get; set; }

        public int SampleTokens { get; set; } = 20_000;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var root = BenchProgram.SolutionDirectory();
        var web = Path.Combine(root, "src", "Metrology.Web");
        var webDll = Path.Combine(web, "bin", "Release", "net10.0", "Metrology.Web.dll");
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} not found: build with -c Release first.");
            return 2;
        }

        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("metrology-lookup-bench-").FullName;
        Directory.CreateDirectory(dataDirectory);
        var database = Path.Combine(dataDirectory, "metrology.db");
        var tokensFile = Path.Combine(dataDirectory, "tokens.txt");
        var generated = TimeSpan.Zero;
        if (!File.Exists(database) || !File.Exists(tokensFile))
        {
            // First start: migrations, reference data, demo data. Then stop, so the generator has the file alone.
            await using (var first = await AppProcess.StartAsync(webDll, web, dataDirectory, options))
            {
            }

            var watch = Stopwatch.StartNew();
            await GenerateAsync(database, tokensFile, options);
            generated = watch.Elapsed;
            Console.WriteLine($"Generated {options.Certificates:N0} certificates in {generated.TotalSeconds:F1} s");
        }
        else
        {
            Console.WriteLine($"Reusing {database}");
        }

        var certificateCount = CountCertificates(database);
        var sampleToken = File.ReadLines(tokensFile).First();
        var lua = Path.Combine(root, "bench", "Metrology.Bench", "lookup.lua");
        List<(string Name, WrkResult Result)> results = [];
        string probe;
        await using (var app = await AppProcess.StartAsync(webDll, web, dataDirectory, options))
        {
            probe = await app.ProbeAsync(options.LookupPrefix + sampleToken);
            Console.WriteLine($"Probe {options.LookupPrefix}<token>: {probe}");
            // Warm-up: JIT, connection pools, SQLite page cache.
            await RunWrkAsync(app.BaseUrl, lua, "-", "/health/live", "5s", options);
            await RunWrkAsync(app.BaseUrl, lua, tokensFile, options.LookupPrefix, "5s", options);
            results.Add(("reference: /health/live", await RunWrkAsync(app.BaseUrl, lua, "-", "/health/live", options.Duration, options)));
            results.Add(($"GET {options.LookupPrefix}{{token}}", await RunWrkAsync(app.BaseUrl, lua, tokensFile, options.LookupPrefix, options.Duration, options)));
            results.Add(("reference again: /health/live", await RunWrkAsync(app.BaseUrl, lua, "-", "/health/live", options.Duration, options)));
        }

        var report = Report(options, certificateCount, generated, probe, results);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Results is { } resultsFile)
        {
            await File.AppendAllTextAsync(resultsFile, report);
            Console.WriteLine($"Appended to {resultsFile}");
        }

        if (!options.KeepData && options.DataDirectory is null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        return 0;
    }

    private static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--certificates": options.Certificates = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--per-instrument": options.PerInstrument = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--duration": options.Duration = Value(); break;
                case "--connections": options.Connections = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--threads": options.Threads = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--lookup-prefix": options.LookupPrefix = Value(); break;
                case "--rate-setting": options.RateSetting = Value(); break;
                case "--rate-value": options.RateValue = Value(); break;
                case "--results": options.Results = Path.GetFullPath(Value()); break;
                case "--data": options.DataDirectory = Path.GetFullPath(Value()); break;
                case "--keep-data": options.KeepData = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        return options;
    }

    /// <summary>
    /// Instruments of the demo enterprises, one verification and one certificate each per cycle, issued by the
    /// Technical Centre between 2020 and 2026 (so some are valid, some expired). Raw SQLite: one prepared
    /// INSERT per table, rebound per row, 50,000 rows per transaction.
    /// </summary>
    internal static async Task GenerateAsync(string database, string tokensFile, Options options)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
        var provinceId = await SqliteBulk.ScalarAsync(connection, "SELECT \"Id\" FROM \"Provinces\" WHERE \"Slug\" = 'quang-tri'");
        var bodyId = await SqliteBulk.ScalarAsync(connection, "SELECT \"Id\" FROM \"Organizations\" WHERE \"Kind\" = 'VerificationBody' AND \"ProvinceId\" = @p ORDER BY \"Id\" LIMIT 1", provinceId);
        var owners = await SqliteBulk.IdsAsync(connection, "SELECT \"Id\" FROM \"Organizations\" WHERE \"Kind\" = 'Enterprise' AND \"ProvinceId\" = @p ORDER BY \"Id\"", provinceId);

        var firstInstrument = await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Instruments\"");
        var firstVerification = await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Verifications\"");
        var firstCertificate = await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Certificates\"");

        // Indexes are rebuilt once at the end: a sorted build beats a million incremental B-tree inserts.
        var indexes = await SqliteBulk.DropIndexesAsync(connection, "Instruments", "Verifications", "Certificates");
        using var instrumentInsert = SqliteBulk.Prepare(connection, "Instruments",
            "Id", "ProvinceId", "OwnerId", "TypeCode", "Manufacturer", "Model", "SerialNumber", "Status", "MustNotBeUsed", "LastVerifiedOn", "NextDueDate", "SearchText", "CreatedAt", "UpdatedAt");
        using var verificationInsert = SqliteBulk.Prepare(connection, "Verifications",
            "Id", "ProvinceId", "InstrumentId", "OwnerId", "BodyId", "Kind", "Date", "Result", "StampSerial", "VerifierName", "TypeCode", "CycleMonths", "NextDueDate", "StandardOutOfCalibration", "CreatedAt");
        using var certificateInsert = SqliteBulk.Prepare(connection, "Certificates",
            "Id", "ProvinceId", "BodyId", "InstrumentId", "OwnerId", "VerificationId", "Number", "PublicToken", "IssuedOn", "ValidUntil", "SignerName", "CreatedAt");

        (string Type, string Manufacturer, string Model)[] makes =
        [
            ("fuel-dispenser", "Tatsuno", "Sunny NE"), ("water-meter-cold-mechanical", "Itron", "Multimag TM II"),
            ("electricity-meter-1p-electronic", "EMIC", "CE-18"), ("taximeter", "Hale", "SX2"), ("platform-counter-steelyard-scale", "Nhơn Hòa", "NHS-150"),
        ];
        var random = new Random(1_000_000);
        var now = DateTime.UtcNow;
        var start = new DateOnly(2020, 1, 6);
        var sampleEvery = Math.Max(1, options.Certificates / options.SampleTokens);
        await using var tokens = new StreamWriter(tokensFile, append: false, Encoding.ASCII);
        SqliteTransaction? transaction = null;
        var instrumentCount = (options.Certificates + options.PerInstrument - 1) / options.PerInstrument;
        var written = 0;
        for (var n = 0; n < instrumentCount && written < options.Certificates; n++)
        {
            if (transaction is null || written % 50_000 == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                instrumentInsert.Transaction = verificationInsert.Transaction = certificateInsert.Transaction = transaction;
            }

            var (type, manufacturer, model) = makes[n % makes.Length];
            var instrumentId = firstInstrument + n;
            var owner = owners[n % owners.Count];
            var serial = string.Create(CultureInfo.InvariantCulture, $"BX{n:D8}");
            // The chain of yearly verifications first: the instrument row carries the last one.
            var perInstrument = Math.Min(options.PerInstrument, options.Certificates - written);
            var dates = new DateOnly[perInstrument];
            dates[0] = start.AddDays(random.Next(400));
            for (var k = 1; k < perInstrument; k++)
            {
                dates[k] = dates[k - 1].AddMonths(12).AddDays(-random.Next(20));
            }

            SqliteBulk.Run(instrumentInsert, instrumentId, provinceId, owner, type, manufacturer, model, serial, "InService", false, dates[^1], dates[^1].AddMonths(12),
                Core.Shared.TextSearch.Fold($"{type} {manufacturer} {model} {serial}"), now, now);
            for (var k = 0; k < perInstrument; k++, written++)
            {
                var date = dates[k];
                var due = date.AddMonths(12);
                var verificationId = firstVerification + written;
                SqliteBulk.Run(verificationInsert, verificationId, provinceId, instrumentId, owner, bodyId, k == 0 ? "Initial" : "Periodic", date, "Pass",
                    string.Create(CultureInfo.InvariantCulture, $"BQ{written:D9}"), "Trần Văn Minh", type, 12, due, false, now);
                var token = Certificate.NewToken();
                SqliteBulk.Run(certificateInsert, firstCertificate + written, provinceId, bodyId, instrumentId, owner, verificationId,
                    string.Create(CultureInfo.InvariantCulture, $"{written:D9}/BENCH"), token, date, due, "Nguyễn Đức Thắng", now);
                if (written % sampleEvery == 0)
                {
                    await tokens.WriteLineAsync(token);
                }
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
        Console.WriteLine("Rows written; rebuilding indexes");
        foreach (var sql in indexes)
        {
            await SqliteBulk.ExecuteAsync(connection, sql);
        }

        await SqliteBulk.ExecuteAsync(connection, "ANALYZE");
    }

    private static long CountCertificates(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Certificates\"";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed record WrkResult(long Requests, double Seconds, double Rps, double P50, double P90, double P99, double Max, long Non2xx, long Connect, long Read, long Write, long Timeout)
    {
        public long SocketErrors => Connect + Read + Write + Timeout;
    }

    private static readonly JsonSerializerOptions WrkJson = new(JsonSerializerDefaults.Web);

    private static async Task<WrkResult> RunWrkAsync(string baseUrl, string lua, string tokens, string prefix, string duration, Options options)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", options.Threads.ToString(CultureInfo.InvariantCulture), "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", duration, "--timeout", "5s", "-s", lua, baseUrl, "--", tokens, prefix,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"wrk printed no result: {output} {await process.StandardError.ReadToEndAsync()}");
        var result = JsonSerializer.Deserialize<WrkResult>(json, WrkJson)!;
        Console.WriteLine($"{prefix,-40} {duration,4}: {result.Rps,9:F0} req/s  p50 {result.P50,7:F2} ms  p99 {result.P99,7:F2} ms  non-2xx {result.Non2xx}  socket errors {result.SocketErrors}");
        return result;
    }

    private static string Report(Options options, long certificates, TimeSpan generated, string probe, List<(string Name, WrkResult Result)> results)
    {
        var reference = (results[0].Result.Rps + results[2].Result.Rps) / 2;
        var lookup = results[1].Result;
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Public certificate lookup, {certificates:N0} certificates, SQLite, wrk ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before the run {LoadAverage()})");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`wrk -t{options.Threads} -c{options.Connections} -d{options.Duration}` with `bench/Metrology.Bench/lookup.lua` (random token of {options.SampleTokens:N0} sampled), app started as its own process (`{options.RateSetting}={options.RateValue}`). Probe of one token: {probe}.");
        if (generated > TimeSpan.Zero)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Generation of the certificates (with their instruments and verifications, indexes rebuilt): {generated.TotalSeconds:F0} s.");
        }

        report.AppendLine();
        report.AppendLine("| scenario | req/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | ratio to /health/live |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, r) in results)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {r.Rps:F0} | {r.P50:F2} | {r.P90:F2} | {r.P99:F2} | {r.Non2xx} | {r.SocketErrors} | {r.Rps / reference:F2} |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Ratio lookup / reference (mean of the two reference runs): **{lookup.Rps / reference:F2}** (target ≥ 0.5); lookup p99 **{lookup.P99:F2} ms** (target < 20 ms).");
        return report.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The web app as its own process on a free local port, stopped (killed by its id) on dispose.</summary>
    internal sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;

        private AppProcess(Process process, string baseUrl)
        {
            this.process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        /// <summary>The app's process id, for reading its memory from /proc (the export bench).</summary>
        public int ProcessId => process.Id;

        public static async Task<AppProcess> StartAsync(string webDll, string contentRoot, string dataDirectory, Options options)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = contentRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(webDll);
            // On the command line: it outranks the "Urls" of appsettings.json.
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Storage__DataDirectory"] = dataDirectory;
            start.Environment["Admin__Password"] = "Bench!2345-admin";
            start.Environment["Demo__Seed"] = "true";
            // The reminder job's first run over a million instruments would compete with the load.
            start.Environment["Reminders__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment[options.RateSetting.Replace(":", "__", StringComparison.Ordinal)] = options.RateValue;
            var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start");
            // Drain its output so a full pipe never blocks it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 })
                {
                    Console.Error.WriteLine($"[app] {e.Data}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, $"http://127.0.0.1:{port}");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(5))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with code {process.ExitCode}");
                }

                try
                {
                    using var response = await client.GetAsync($"{app.BaseUrl}/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }

            await app.DisposeAsync();
            throw new TimeoutException("The app was not ready within 5 minutes");
        }

        public async Task<string> ProbeAsync(string path)
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(BaseUrl + path);
            var body = await response.Content.ReadAsStringAsync();
            return $"{(int)response.StatusCode} {(body.Length > 160 ? body[..160] + "…" : body)}";
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
