using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Organizations;
using Metrology.Core.Verification;
using Metrology.Web.Features.Imports;
using Metrology.Web.Features.Imports.Verifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sylvan.Data.Csv;

namespace Metrology.Bench;

/// <summary>
/// Import of verification records (issue 5, design/performance.md): one deterministic CSV of N rows, then in
/// the same run (a) <c>psql \copy</c> of the file into an unindexed table with the same primary key, (b)
/// <c>sqlite3 .import</c> of the file, (c) our import into PostgreSQL, (d) our import into SQLite. Each of our
/// imports runs in a child process (the real app host, migrations, the organisations and designations the
/// file names) so its peak RSS (VmHWM) is its own; the time is the handler's run alone.
///   dotnet run -c Release --project bench/Metrology.Bench -- import [--rows 1000000] [--postgres "Host=...;Username=..."]
///       [--results bench/RESULTS.md] [--keep]
/// </summary>
internal static class ImportBench
{
    private const int Seed = 20261126;
    private const int Owners = 400;
    private const int Bodies = 3;

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Vy"];
    private static readonly string[] Manufacturers = ["Tatsuno", "Tokheim", "Gilbarco", "Itron", "Elster", "Vinakip", "Mettler Toledo", "Kern", "Zenner", "EMH"];
    private static readonly string[] Kinds = ["Định kỳ", "Định kỳ", "Định kỳ", "Ban đầu", "Sau sửa chữa"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "child")
        {
            return await ChildAsync(args[1..]);
        }

        var rows = IntOption(args, "--rows") ?? 1_000_000;
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("METROLOGY_BENCH_POSTGRES");
        var results = Option(args, "--results");
        var directory = Directory.CreateTempSubdirectory("metrology-import-bench-").FullName;
        try
        {
            var file = Path.Combine(directory, "kiem-dinh.csv");
            var watch = Stopwatch.StartNew();
            var types = Group2TypesWithCycle();
            Generate(file, rows, types);
            var size = new FileInfo(file).Length;
            Console.WriteLine($"Generated {rows:N0} rows ({size / 1e6:F1} MB) in {watch.Elapsed.TotalSeconds:F1} s: {file}");

            var measured = new List<(string Name, double Seconds, long? PeakKb)>();
            var sqliteReference = SqliteImport(directory, file);
            measured.Add(("(b) sqlite3 .import", sqliteReference, null));
            double? pgReference = null;
            if (postgres is not null)
            {
                pgReference = await PsqlCopyAsync(postgres, file);
                measured.Add(("(a) psql \\copy", pgReference.Value, null));
                var (pgSeconds, pgPeak) = Child(file, rows, types, "Postgres", directory, postgres);
                measured.Add(("(c) our import, PostgreSQL", pgSeconds, pgPeak));
            }

            var (sqliteSeconds, sqlitePeak) = Child(file, rows, types, "Sqlite", directory, null);
            measured.Add(("(d) our import, SQLite", sqliteSeconds, sqlitePeak));

            var report = Report(rows, size, measured, pgReference, sqliteReference);
            Console.WriteLine();
            Console.WriteLine(report);
            if (results is not null)
            {
                await File.AppendAllTextAsync(results, Environment.NewLine + report);
            }

            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Group 2 codes with a periodic cycle, from the reference list the app loads.</summary>
    private static List<string> Group2TypesWithCycle()
    {
        var path = Path.Combine(BenchProgram.SolutionDirectory(), "src", "Metrology.Core", "ReferenceData", "group2-instruments.csv");
        using var reader = CsvDataReader.Create(path);
        var codes = new List<string>();
        while (reader.Read())
        {
            // Types the 2024 circular added or removed are not in force over the whole 2023-2024 range of the file.
            var notes = reader.GetString(reader.GetOrdinal("notes"));
            if (reader.GetString(reader.GetOrdinal("cycle_months")).Length > 0 && reader.GetString(reader.GetOrdinal("periodic_verification")) == "true"
                && !notes.Contains("by TT03/2024", StringComparison.Ordinal))
            {
                codes.Add(reader.GetString(0));
            }
        }

        return codes;
    }

    /// <summary>
    /// Half as many instruments as rows, each verified in two years (so the file updates instruments it also
    /// creates), owners and bodies with valid tax codes, every row a pass with its own stamp and certificate.
    /// </summary>
    private static void Generate(string file, int rows, List<string> types)
    {
        var random = new Random(Seed);
        var instruments = Math.Max(1, rows / 2);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 20);
        writer.WriteLine(string.Join(',', VerificationImportColumns.All.Select(c => c.HeaderVi)));
        var line = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var instrument = i % instruments;
            var round = i / instruments;
            var type = types[instrument % types.Count];
            var date = new DateOnly(2023 + round, 1, 1).AddDays(instrument * 7919 % 360);
            line.Clear()
                .Append(TaxCodeOf(900_000 + (instrument % Bodies))).Append(',')
                .Append("GCN-").Append(date.Year).Append('-').Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(',')
                .Append(TaxCodeOf(100_000 + (instrument * 31 % Owners))).Append(',')
                .Append(type).Append(',')
                .Append(Manufacturers[instrument % Manufacturers.Length]).Append(',')
                .Append("M-").Append(instrument % 97).Append(',')
                .Append("SN").Append(instrument.ToString("D8", CultureInfo.InvariantCulture)).Append(',')
                .Append(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',')
                .Append(Kinds[random.Next(Kinds.Length)]).Append(',')
                .Append("Đạt").Append(',')
                .Append("TEM-").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append(',')
                .Append(',')
                .Append(Person(random)).Append(',')
                .Append(Person(random));
            writer.WriteLine(line);
        }
    }

    private static string Person(Random random) =>
        $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";

    /// <summary>The n-th valid 10-digit tax code starting at 31… (skipping prefixes whose check digit would be 10).</summary>
    private static string TaxCodeOf(int n)
    {
        for (var candidate = n; ; candidate += 1_000_000)
        {
            var firstNine = "31" + candidate.ToString("D7", CultureInfo.InvariantCulture)[^7..];
            if (TaxCode.CheckDigitOf(firstNine) is { } check)
            {
                return firstNine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private const string ReferenceColumns =
        "body_tax text, cert_no text, owner_tax text, type_code text, manufacturer text, model text, serial text, date text, kind text, " +
        "result text, stamp text, next_due text, verifier text, signer text, PRIMARY KEY (body_tax, cert_no)";

    private static double SqliteImport(string directory, string file)
    {
        var database = Path.Combine(directory, "reference.db");
        Run("sqlite3", [database, $"CREATE TABLE verifications_ref ({ReferenceColumns});"]);
        var watch = Stopwatch.StartNew();
        Run("sqlite3", [database, $".import --csv --skip 1 {file} verifications_ref"]);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"sqlite3 .import: {seconds:F2} s");
        return seconds;
    }

    private static async Task<double> PsqlCopyAsync(string server, string file)
    {
        var database = $"import_reference_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        var url = $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={database}";
        try
        {
            Run("psql", [url, "-q", "-c", $"CREATE TABLE verifications_ref ({ReferenceColumns})"]);
            var watch = Stopwatch.StartNew();
            Run("psql", [url, "-q", "-c", $"\\copy verifications_ref FROM '{file}' WITH (FORMAT csv, HEADER true)"]);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"psql \\copy: {seconds:F2} s");
            return seconds;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }

    private static void Run(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || errors.Length > 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}");
        }
    }

    /// <summary>Runs our import in a child process; returns the handler's time and the child's peak RSS.</summary>
    private static (double Seconds, long PeakKb) Child(string file, int rows, List<string> types, string engine, string directory, string? postgres)
    {
        var data = Path.Combine(directory, engine.ToLowerInvariant());
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImportBench).Assembly.Location);
        }

        foreach (var argument in new[] { "import", "child", engine, file, data, string.Join(';', types), postgres ?? "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine($"  [{engine}] {line}");
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = line;
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"The {engine} import child failed ({process.ExitCode}).");
        }

        var parts = result.Split(' ');
        var inserted = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (inserted != rows)
        {
            throw new InvalidOperationException($"The {engine} import inserted {inserted:N0} rows of {rows:N0}.");
        }

        return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The child: the real app host on a fresh database, the file's owners and bodies (with designations for the
    /// file's types), an import job, then the handler over the file. Prints "RESULT seconds inserted errors peakKb".
    /// </summary>
    private static async Task<int> ChildAsync(string[] args)
    {
        var (engine, file, data, types, server) = (args[0], args[1], args[2], args[3].Split(';'), args[4]);
        var database = $"import_bench_{Environment.ProcessId}";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(Path.Combine(BenchProgram.SolutionDirectory(), "src", "Metrology.Web"));
            b.UseSetting("Storage:DataDirectory", data);
            b.UseSetting("Database:Provider", engine);
            if (engine == "Postgres")
            {
                b.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            }

            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("Demo:SeedRecords", "false");
            b.UseSetting("Reminders:Enabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // The handler logs the time of each step: the breakdown RESULTS.md quotes.
            b.UseSetting("Logging:LogLevel:Metrology.Web.Features.Imports.Verifications", "Information");
        });
        _ = factory.Server;
        try
        {
            var job = await ArrangeAsync(factory.Services, file, types);
            await using var scope = factory.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IImportKindHandler>().Single(h => h.Kind == ImportKind.Verifications);
            var errors = 0;
            var context = new ImportContext
            {
                Job = job,
                ProvinceId = job.ProvinceId!.Value,
                ReadRows = cancellationToken => ReadCsv(file, handler.Columns, cancellationToken),
                FilePath = file,
                ReportProgress = done =>
                {
                    if (done % 200_000 == 0)
                    {
                        Console.WriteLine($"{done:N0} rows read");
                    }
                },
                ReportError = error =>
                {
                    if (Interlocked.Increment(ref errors) <= 5)
                    {
                        Console.WriteLine($"row {error.RowNumber} {error.ColumnKey} '{error.Value}': {error.MessageEn}");
                    }
                },
            };
            var watch = Stopwatch.StartNew();
            var result = await handler.RunAsync(context, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant($"RESULT {seconds:F3} {result.InsertedRows} {result.ErrorRows} {PeakRssKb()}"));
            return 0;
        }
        finally
        {
            if (engine == "Postgres")
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<ImportJob> ArrangeAsync(IServiceProvider services, string file, string[] types)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var provinceId = await db.Provinces.Where(p => p.Slug == "quang-tri").Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        Organization NewOrganization(string name, OrganizationKind kind, string taxCode)
        {
            var organization = new Organization { Name = name, Kind = kind, TaxCode = taxCode, ProvinceId = provinceId, CreatedAt = now, UpdatedAt = now };
            organization.RefreshSearchText();
            return organization;
        }

        var bodies = Enumerable.Range(0, Bodies).Select(b => NewOrganization($"Trung tâm Kỹ thuật Tiêu chuẩn Đo lường số {b + 1}", OrganizationKind.VerificationBody, TaxCodeOf(900_000 + b))).ToList();
        db.Organizations.AddRange(bodies);
        db.Organizations.AddRange(Enumerable.Range(0, Owners).Select(o => NewOrganization($"Công ty TNHH Đo lường Quảng Trị số {o + 1}", OrganizationKind.Enterprise, TaxCodeOf(100_000 + o))));
        await db.SaveChangesAsync();
        foreach (var body in bodies)
        {
            db.Designations.Add(new Designation
            {
                ProvinceId = provinceId,
                BodyId = body.Id,
                DecisionNumber = $"{body.Id}/QĐ-TĐC",
                DecisionDate = new DateOnly(2020, 1, 1),
                Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
                ValidFrom = new DateOnly(2020, 1, 1),
                ValidUntil = new DateOnly(2030, 12, 31),
                Scopes = types.Select(t => new DesignationScope { TypeCode = t, Initial = true, Periodic = true, AfterRepair = true }).ToList(),
            });
        }

        var job = new ImportJob
        {
            ProvinceId = provinceId,
            Kind = ImportKind.Verifications,
            Mode = ImportMode.AllOrNothing,
            Status = ImportStatus.Running,
            FileName = Path.GetFileName(file),
            FileHash = "bench",
            FileSize = new FileInfo(file).Length,
            CreatedAt = now,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    /// <summary>
    /// A plain streaming CSV reader standing in for the import runner's (which also detects encodings,
    /// separators and XLSX): header matched to the handler's Vietnamese headers, cells trimmed, NFC.
    /// </summary>
    private static async IAsyncEnumerable<ImportRow> ReadCsv(string file, IReadOnlyList<ImportColumn> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await CsvDataReader.CreateAsync(file, new CsvDataReaderOptions { BufferSize = 1 << 16 }, cancellationToken);
        var ordinals = columns.Select(c => Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i) == c.HeaderVi, -1)).ToArray();
        var row = 1;
        while (await reader.ReadAsync(cancellationToken))
        {
            row++;
            var values = new string?[ordinals.Length];
            for (var i = 0; i < ordinals.Length; i++)
            {
                if (ordinals[i] >= 0 && reader.GetString(ordinals[i]).Trim() is { Length: > 0 } value)
                {
                    values[i] = value.IsNormalized() ? value : value.Normalize();
                }
            }

            yield return new ImportRow(row, values);
        }
    }

    /// <summary>VmHWM: the process's peak resident set size, in kB.</summary>
    private static long PeakRssKb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).Single();

    private static string Report(int rows, long size, List<(string Name, double Seconds, long? PeakKb)> measured, double? pgReference, double sqliteReference)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd}, {rows:N0} rows ({size / 1e6:F1} MB), {Environment.ProcessorCount} cores");
        report.AppendLine();
        report.AppendLine("| run | seconds | rows/s | ratio to its reference | peak RSS |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var (name, seconds, peak) in measured)
        {
            var reference = name.Contains("PostgreSQL", StringComparison.Ordinal) ? pgReference : name.Contains("SQLite", StringComparison.Ordinal) ? sqliteReference : null;
            var ratio = reference is { } r ? (r / seconds).ToString("F2", CultureInfo.InvariantCulture) + "x" : "reference";
            var rss = peak is { } kb ? $"{kb / 1024} MB" : "-";
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {seconds:F2} | {rows / seconds:N0} | {ratio} | {rss} |");
        }

        return report.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int? IntOption(string[] args, string name) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
