using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.Bench;

/// <summary>
/// Overlap detection of issue 7: 5,000 plan targets across 10 agencies of one province and year (SQLite,
/// in-process HTTP), signed in as the province officer. Times GET /api/v1/inspections/overlaps and the
/// coordination view (matrix + flags) against /health/live. Targets: 1,000 enterprises, 500 per agency, random
/// content flags and 1-3 month ranges from a fixed seed, so each enterprise is in about five agencies' plans.
///   dotnet run -c Release --project bench/Metrology.Bench -- overlaps [targets=5000] [requests=30]
/// </summary>
internal static class InspectionOverlapBench
{
    private const int Year = 2030;
    private const int Agencies = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var targets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var dataDirectory = Directory.CreateTempSubdirectory("metrology-bench-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(Path.Combine(BenchProgram.SolutionDirectory(), "src", "Metrology.Web"));
            b.UseSetting("Storage:DataDirectory", dataDirectory);
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("Demo:SeedRecords", "false");
            b.UseSetting("RateLimits:LoginPerMinutePerIp", "1000");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var client = factory.CreateClient();
        var seedWatch = Stopwatch.StartNew();
        await SeedAsync(factory.Services, targets);
        Console.WriteLine($"Seeded {targets:N0} targets across {Agencies} agencies in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "officer@quangtri.demo", password = "Demo!2345" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var flags = (await client.GetFromJsonAsync<List<object>>($"/api/v1/inspections/overlaps?year={Year}"))!.Count;

        Console.WriteLine($"| scenario ({targets:N0} targets, {flags:N0} flags) | p50 ms | max ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, url) in new[]
                 {
                     ("reference: /health/live", "/health/live"),
                     ("GET /api/v1/inspections/overlaps", $"/api/v1/inspections/overlaps?year={Year}"),
                     ("GET /api/v1/inspections/coordination (matrix + flags)", $"/api/v1/inspections/coordination?year={Year}"),
                 })
        {
            for (var i = 0; i < 3; i++)
            {
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
            }

            var latencies = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {latencies[requests / 2]:F1} | {latencies[^1]:F1} |"));
        }

        Directory.Delete(dataDirectory, recursive: true);
        return 0;
    }

    private static async Task SeedAsync(IServiceProvider services, int targets)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var provinceId = await db.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var agencies = Enumerable.Range(1, Agencies)
            .Select(i => new Organization { Name = $"Cơ quan kiểm tra thử {i}", Kind = OrganizationKind.Agency, ProvinceId = provinceId, CreatedAt = now, UpdatedAt = now })
            .ToList();
        var enterprises = Enumerable.Range(1, targets / 5)
            .Select(i => new Organization { Name = $"Doanh nghiệp thử {i}", Kind = OrganizationKind.Enterprise, ProvinceId = provinceId, CreatedAt = now, UpdatedAt = now })
            .ToList();
        foreach (var organization in agencies.Concat(enterprises))
        {
            organization.RefreshSearchText();
        }

        db.Organizations.AddRange(agencies);
        db.Organizations.AddRange(enterprises);
        await db.SaveChangesAsync();

        var random = new Random(7);
        var perAgency = targets / Agencies;
        foreach (var agency in agencies)
        {
            var plan = new InspectionPlan { ProvinceId = provinceId, AgencyId = agency.Id, Year = Year, Title = $"Kế hoạch {agency.Name}", CreatedAt = now, UpdatedAt = now };
            foreach (var enterprise in enterprises.OrderBy(_ => random.Next()).Take(perAgency))
            {
                var from = random.Next(1, 11);
                plan.Targets.Add(new InspectionTarget
                {
                    ProvinceId = provinceId,
                    OrganizationId = enterprise.Id,
                    Content = (InspectionContent)(1 << random.Next(0, 6)),
                    FromMonth = from,
                    ToMonth = Math.Min(12, from + random.Next(0, 3)),
                });
            }

            db.InspectionPlans.Add(plan);
        }

        await db.SaveChangesAsync();
    }
}
