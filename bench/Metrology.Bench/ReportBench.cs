using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Metrology.Core.Data;
using Metrology.Core.Reporting;
using Metrology.Core.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.Bench;

/// <summary>
/// The annual report of a province with 1,000,000 instruments and 100,000 verifications in the year, and the
/// national roll-up over 34 provinces (design/performance.md: under 2 s and under 1 s). The app (in-process,
/// SQLite, full demo data) creates the database; the generator then bulk-inserts the instruments and the year's
/// verifications for the demo province and a sent report with a snapshot for each of the 33 other provinces;
/// the officer drafts the year's report and the bench times reading it (every section assembled from the
/// records), its DOCX, and the Ministry's roll-up, against /health/live of the same app.
///   dotnet run -c Release --project bench/Metrology.Bench -- report [instruments=1000000] [verifications=100000] [requests=5]
/// </summary>
internal static class ReportBench
{
    private const int Year = 2025;

    public static async Task<int> RunAsync(string[] args)
    {
        var instruments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var verifications = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var dataDirectory = Directory.CreateTempSubdirectory("metrology-report-bench-").FullName;
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseContentRoot(Path.Combine(BenchProgram.SolutionDirectory(), "src", "Metrology.Web"));
                b.UseSetting("Storage:DataDirectory", dataDirectory);
                b.UseSetting("RateLimits:LoginPerMinutePerIp", "1000");
                b.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            var client = factory.CreateClient();
            (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();

            var watch = Stopwatch.StartNew();
            await GenerateRecordsAsync(Path.Combine(dataDirectory, "metrology.db"), instruments, verifications);
            await SeedOtherProvincesReportsAsync(factory.Services);
            Console.WriteLine($"Generated {instruments:N0} instruments, {verifications:N0} verifications in {Year} and as many after it, and 33 sent reports in {watch.Elapsed.TotalSeconds:F0} s");

            await SignInAsync(client, "officer@quangtri.demo");
            var created = await client.PostAsJsonAsync("/api/v1/reports", new { provinceSlug = "quang-tri", year = Year });
            if (!created.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"Drafting the report failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                return 1;
            }

            var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            var rows = new List<(string Name, double P50, double Max)>
            {
                Time("reference: /health/live", client, "/health/live", requests),
                Time($"report {Year} assembled (GET /api/v1/reports/{{id}})", client, $"/api/v1/reports/{reportId}", requests),
                Time("report as DOCX", client, $"/api/v1/reports/{reportId}/docx", requests),
            };

            await SignInAsync(client, "ministry@demo.local");
            rows.Add(Time($"national roll-up {Year}, 34 provinces", client, $"/api/v1/rollup?year={Year}", requests * 4));
            rows.Add(Time("national roll-up as XLSX", client, $"/api/v1/rollup/{Year}/xlsx", requests));

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, SQLite, in-process HTTP, {instruments:N0} instruments and {verifications:N0} verifications in {Year}");
            report.AppendLine();
            report.AppendLine("| request | p50 ms | max ms | target |");
            report.AppendLine("|---|---|---|---|");
            foreach (var (name, p50, max) in rows)
            {
                var target = name.StartsWith("report", StringComparison.Ordinal) ? "< 2000" : name.StartsWith("national", StringComparison.Ordinal) ? "< 1000" : "";
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {p50:F1} | {max:F1} | {target} |");
            }

            Console.WriteLine();
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        client.DefaultRequestHeaders.Authorization = null;
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Demo!2345" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Sequential requests after one warm-up; the first (cold) request is not counted.</summary>
    private static (string Name, double P50, double Max) Time(string name, HttpClient client, string url, int requests)
    {
        using (var warmUp = client.GetAsync(url).GetAwaiter().GetResult())
        {
            warmUp.EnsureSuccessStatusCode();
        }

        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = client.GetAsync(url).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        Console.WriteLine($"{name,-60} p50 {latencies[requests / 2],9:F1} ms  max {latencies[^1],9:F1} ms");
        return (name, latencies[requests / 2], latencies[^1]);
    }

    /// <summary>
    /// Instruments of five common Group 2 types for the demo province's enterprises, each with the verification its
    /// due date comes from: the year's verifications spread over its months, the others' over the three years before
    /// (about a third overdue at the end of the year); as many instruments again verified after the year end. Prepared statements in 50,000-row transactions; the tables' indexes are dropped during the
    /// load and rebuilt after (a sorted build beats a million incremental inserts).
    /// </summary>
    private static async Task GenerateRecordsAsync(string database, int instrumentCount, int verificationCount)
    {
        // The app is running beside the generator (its reminder and import workers may hold the database a
        // moment), so the journal mode stays as the app set it and a busy database is waited for.
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=120");
        await connection.OpenAsync();
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA busy_timeout=120000; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
        var provinceId = await SqliteBulk.ScalarAsync(connection, "SELECT \"Id\" FROM \"Provinces\" WHERE \"Slug\" = 'quang-tri'");
        var bodyId = await SqliteBulk.ScalarAsync(connection, "SELECT \"Id\" FROM \"Organizations\" WHERE \"Kind\" = 'VerificationBody' AND \"ProvinceId\" = @p ORDER BY \"Id\" LIMIT 1", provinceId);
        var owners = await SqliteBulk.IdsAsync(connection, "SELECT \"Id\" FROM \"Organizations\" WHERE \"Kind\" = 'Enterprise' AND \"ProvinceId\" = @p ORDER BY \"Id\"", provinceId);
        var firstInstrument = await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Instruments\"");
        var firstVerification = await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Verifications\"");

        var indexes = await SqliteBulk.DropIndexesAsync(connection, "Instruments", "Verifications");
        using var instrumentInsert = SqliteBulk.Prepare(connection, "Instruments",
            "Id", "ProvinceId", "OwnerId", "TypeCode", "Manufacturer", "Model", "SerialNumber", "Status", "MustNotBeUsed", "LastVerifiedOn", "NextDueDate", "SearchText", "CreatedAt", "UpdatedAt");
        using var verificationInsert = SqliteBulk.Prepare(connection, "Verifications",
            "Id", "ProvinceId", "InstrumentId", "OwnerId", "BodyId", "Kind", "Date", "Result", "StampSerial", "VerifierName", "TypeCode", "CycleMonths", "NextDueDate", "StandardOutOfCalibration", "CreatedAt");
        (string Type, string Manufacturer, string Model)[] makes =
        [
            ("fuel-dispenser", "Tatsuno", "Sunny NE"), ("water-meter-cold-mechanical", "Itron", "Multimag TM II"),
            ("electricity-meter-1p-electronic", "EMIC", "CE-18"), ("taximeter", "Hale", "SX2"), ("platform-counter-steelyard-scale", "Nhơn Hòa", "NHS-150"),
        ];
        var random = new Random(2025);
        var now = DateTime.UtcNow;
        var yearStart = new DateOnly(Year, 1, 1);
        // Verified again since the year end (up to yesterday): these stood differently on 31/12 than they stand today.
        var sinceYearEnd = DateOnly.FromDateTime(now).DayNumber - yearStart.AddYears(1).DayNumber;
        SqliteTransaction? transaction = null;
        for (var n = 0; n < instrumentCount; n++)
        {
            if (n % 50_000 == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                instrumentInsert.Transaction = verificationInsert.Transaction = transaction;
            }

            var (type, manufacturer, model) = makes[n % makes.Length];
            var owner = owners[n % owners.Count];
            var serial = string.Create(CultureInfo.InvariantCulture, $"RB{n:D8}");
            var id = firstInstrument + n;
            // Every instrument has the verification its state comes from: in the year for the first ones, in the
            // three years before for the others (about a third of them overdue at the year end).
            var inYear = n < verificationCount;
            var first = inYear ? yearStart.AddDays(random.Next(365)) : yearStart.AddDays(-random.Next(1, 1100));
            var firstFailed = inYear && n % 50 == 0;
            DateOnly? firstDue = firstFailed ? null : first.AddMonths(12);
            DateOnly? again = n >= instrumentCount - verificationCount && sinceYearEnd > 0 ? yearStart.AddYears(1).AddDays(random.Next(sinceYearEnd)) : null;

            // The instrument carries its latest verification, as the verification module leaves it.
            SqliteBulk.Run(instrumentInsert, id, provinceId, owner, type, manufacturer, model, serial, "InService", again is null && firstFailed,
                again ?? first, again?.AddMonths(12) ?? firstDue, TextSearch.Fold($"{type} {manufacturer} {model} {serial}"), now, now);
            SqliteBulk.Run(verificationInsert, firstVerification + n, provinceId, id, owner, bodyId, "Periodic", first, firstFailed ? "Fail" : "Pass",
                firstFailed ? null : string.Create(CultureInfo.InvariantCulture, $"RS{n:D9}"), "Trần Văn Minh", type, 12, firstDue, false, now);
            if (again is { } date)
            {
                SqliteBulk.Run(verificationInsert, firstVerification + instrumentCount + n, provinceId, id, owner, bodyId, "Periodic", date, "Pass",
                    string.Create(CultureInfo.InvariantCulture, $"RT{n:D9}"), "Trần Văn Minh", type, 12, date.AddMonths(12), false, now);
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
        foreach (var sql in indexes)
        {
            await SqliteBulk.ExecuteAsync(connection, sql);
        }

        await SqliteBulk.ExecuteAsync(connection, "ANALYZE");
    }

    /// <summary>A sent report with every indicator for each province but the demo one, half of them late.</summary>
    private static async Task SeedOtherProvincesReportsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var provinces = await db.Provinces.Where(p => p.Slug != "quang-tri").OrderBy(p => p.Id).ToListAsync();
        var deadline = ReportDeadline.DefaultFor(Year).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (province, index) in provinces.Select((p, i) => (p, i)))
        {
            if (await db.AnnualReports.AnyAsync(r => r.ProvinceId == province.Id && r.Year == Year))
            {
                continue;
            }

            var sentAt = deadline.AddDays(index % 2 == 0 ? -3 : 4);
            var snapshot = new ReportSnapshot(sentAt, [], [],
                [.. Enum.GetValues<KeyIndicator>().Select(k => new IndicatorValue(k, index + (int)k, 10 * (index + (int)k)))]);
            db.AnnualReports.Add(new AnnualReport
            {
                ProvinceId = province.Id,
                Year = Year,
                ReportingUnit = province.NameVi,
                Status = ReportStatus.Sent,
                ApprovedSnapshotJson = ReportSnapshotJson.Serialize(snapshot),
                CreatedAt = sentAt.AddDays(-10),
                UpdatedAt = sentAt,
                SubmittedAt = sentAt.AddDays(-2),
                ApprovedAt = sentAt.AddDays(-1),
                SentAt = sentAt,
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>Bulk inserts into the app's SQLite database with prepared statements, for the data generators.</summary>
internal static class SqliteBulk
{
    public static SqliteCommand Prepare(SqliteConnection connection, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        }

        return command;
    }

    public static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, object? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("@p", parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<List<long>> IdsAsync(SqliteConnection connection, string sql, object parameter)
    {
        var ids = new List<long>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@p", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Drops the tables' indexes and returns the statements that rebuild them.</summary>
    public static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, params string[] tables)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return [.. indexes.Select(i => i.Sql)];
    }
}
