using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.Bench;

// Benchmarks (all but the exports and the import, which have their own references, against /health/live of the same app in the same run):
//   organisation list and search under a large province (in-process HTTP):
//     dotnet run -c Release --project bench/Metrology.Bench -- [organisations=200000] [requests=300]
//   public certificate lookup with 1,000,000 certificates under wrk (see PublicLookupBench and RESULTS.md):
//     dotnet run -c Release --project bench/Metrology.Bench -- lookup [--certificates N] [--duration 20s] [--results bench/RESULTS.md] ...
//   inspection overlap detection with 5,000 targets across 10 agencies (see InspectionOverlapBench):
//     dotnet run -c Release --project bench/Metrology.Bench -- overlaps [targets=5000] [requests=30]
//   annual report with 1,000,000 instruments and the national roll-up over 34 provinces (see ReportBench):
//     dotnet run -c Release --project bench/Metrology.Bench -- report [instruments=1000000] [verifications=100000] [requests=5]
//   CSV and XLSX exports of 1,000,000 instruments, time and the app's peak memory (see ExportBench):
//     dotnet run -c Release --project bench/Metrology.Bench -- exports [--instruments N] [--results bench/RESULTS.md]
//   verification import of a 1,000,000-row CSV against psql \copy and sqlite3 .import (see ImportBench):
//     dotnet run -c Release --project bench/Metrology.Bench -- import [--rows 1000000] [--postgres "Host=..."]
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lookup")
        {
            Environment.ExitCode = await PublicLookupBench.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "exports")
        {
            Environment.ExitCode = await ExportBench.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "import")
        {
            Environment.ExitCode = await ImportBench.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "overlaps")
        {
            Environment.ExitCode = await InspectionOverlapBench.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "report")
        {
            Environment.ExitCode = await ReportBench.RunAsync(args[1..]);
            return;
        }

        var organisationCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        var dataDirectory = Directory.CreateTempSubdirectory("metrology-bench-").FullName;

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(WebProjectDirectory());
            b.UseSetting("Storage:DataDirectory", dataDirectory);
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("RateLimits:LoginPerMinutePerIp", "1000");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var client = factory.CreateClient();

        var seedWatch = Stopwatch.StartNew();
        await SeedOrganisationsAsync(factory.Services, organisationCount);
        Console.WriteLine($"Seeded {organisationCount:N0} organisations in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "officer@quangtri.demo", password = "Demo!2345" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var scenarios = new (string Name, string Url)[]
        {
            ("reference: /health/live", "/health/live"),
            ("first page, sorted by name", "/api/v1/organizations?page=1&pageSize=20"),
            ("filter kind=Enterprise, newest first", "/api/v1/organizations?kind=Enterprise&sort=-createdAt&pageSize=20"),
            ("diacritic-insensitive search 'dien luc dong ha'", "/api/v1/organizations?search=dien%20luc%20dong%20ha&pageSize=20"),
            ("search by tax code prefix 3000", "/api/v1/organizations?search=3000&pageSize=20"),
        };

        var results = new List<(string Name, double P50, double P99, double PerSecond)>();
        foreach (var (name, url) in scenarios)
        {
            for (var i = 0; i < 20; i++)
            {
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
            }

            var latencies = new double[requests];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            total.Stop();
            Array.Sort(latencies);
            var result = (name, latencies[requests / 2], latencies[(int)(requests * 0.99) - 1], requests / total.Elapsed.TotalSeconds);
            results.Add(result);
            Console.WriteLine($"{name,-50} p50 {result.Item2,8:F2} ms  p99 {result.Item3,8:F2} ms  {result.Item4,8:F0} req/s");
        }

        var reference = results[0].PerSecond;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Organisation list, {organisationCount:N0} organisations in one province, SQLite, in-process HTTP ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)");
        report.AppendLine();
        report.AppendLine("| scenario | p50 ms | p99 ms | req/s | ratio to /health/live |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var (name, p50, p99, perSecond) in results)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {p50:F2} | {p99:F2} | {perSecond:F0} | {perSecond / reference:F3} |");
        }

        Console.WriteLine();
        Console.WriteLine(report);
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>src/Metrology.Web of the solution this bench was built from.</summary>
    private static string WebProjectDirectory() => Path.Combine(SolutionDirectory(), "src", "Metrology.Web");

    /// <summary>The repository root, found by walking up from the build output to the solution file.</summary>
    public static string SolutionDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Metrology.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Metrology.slnx not found");
    }

    private static async Task SeedOrganisationsAsync(IServiceProvider services, int count)
    {
        string[] trades = ["Điện lực", "Xăng dầu", "Cấp nước", "Thực phẩm", "Cơ khí", "Vật liệu xây dựng", "Thủy sản", "Cà phê"];
        string[] places = ["Đông Hà", "Đồng Hới", "Lệ Thủy", "Gio Linh", "Hải Lăng", "Vĩnh Linh", "Ba Đồn", "Khe Sanh"];
        await using var scope = services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var lookup = await dbFactory.CreateDbContextAsync();
        var provinceId = await lookup.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var serial = 0;
        const int batch = 10_000;
        for (var done = 0; done < count; done += batch)
        {
            // A fresh context per batch keeps the change tracker small.
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                string taxCode;
                do
                {
                    serial++;
                    taxCode = "30" + serial.ToString("D7", CultureInfo.InvariantCulture);
                }
                while (TaxCode.CheckDigitOf(taxCode) is null);

                var organization = new Organization
                {
                    Name = $"Công ty TNHH {trades[serial % trades.Length]} {places[serial / 8 % places.Length]} số {serial}",
                    Kind = serial % 10 == 0 ? OrganizationKind.VerificationBody : OrganizationKind.Enterprise,
                    TaxCode = taxCode + TaxCode.CheckDigitOf(taxCode)!.Value.ToString(CultureInfo.InvariantCulture),
                    Address = $"phường {places[serial % places.Length]}, tỉnh Quảng Trị",
                    ProvinceId = provinceId,
                    CreatedAt = now.AddSeconds(-serial),
                    UpdatedAt = now,
                };
                organization.RefreshSearchText();
                db.Organizations.Add(organization);
            }

            await db.SaveChangesAsync();
        }
    }
}

internal sealed record TokenResponse(string AccessToken);
