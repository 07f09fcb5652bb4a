using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// <c>dotnet run --project src/Metrology.Web -- import &lt;kind&gt; &lt;file&gt; --province &lt;slug&gt;</c>, run through the
/// program's own entry point (Program.Main) with its exit code and console output, on a database of its own.
/// </summary>
public abstract class ImportCommandTests : IDisposable
{
    private static readonly string[] Header = ["Tên tổ chức", "Loại", "Mã số thuế"];

    private readonly string directory = Directory.CreateTempSubdirectory("import-command-tests").FullName;
    private readonly CommandLineDatabase database;

    protected ImportCommandTests(CommandLineDatabase database)
    {
        this.database = database;
        database.SkipWhenUnavailable();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_file_is_imported_with_its_counts_printed_and_a_second_run_changes_nothing()
    {
        var file = Write("to-chuc.csv", ["Công ty TNHH Dòng lệnh Một", "Doanh nghiệp", ImportFiles.TaxCode("61", 1)],
            ["Công ty TNHH Dòng lệnh Hai", "Doanh nghiệp", ImportFiles.TaxCode("61", 2)],
            ["Trung tâm Kỹ thuật Dòng lệnh", "Tổ chức kiểm định, hiệu chuẩn, thử nghiệm", ImportFiles.TaxCode("61", 3)]);

        var first = await database.RunAsync("import", "organizations", file, "--province", TestData.QuangTri);
        var second = await database.RunAsync("import", "organizations", file, "--province", TestData.QuangTri);

        first.ExitCode.ShouldBe(0, first.Output + first.Error);
        first.Output.ShouldContain("[########################################] 100 % 3/3");
        first.Output.ShouldMatch(@"Job \d+: Succeeded\. Rows 3, inserted 3, unchanged 0, with errors 0\.");
        second.ExitCode.ShouldBe(0);
        second.Output.ShouldMatch(@"Job \d+: Succeeded\. Rows 3, inserted 0, unchanged 3, with errors 0\.");
    }

    [Fact]
    public async Task A_bad_file_prints_its_errors_and_the_error_file_and_exits_1_having_written_nothing()
    {
        var good = ImportFiles.TaxCode("62", 1);
        var file = Write("co-loi.csv", ["Công ty TNHH Dòng lệnh Lỗi", "Doanh nghiệp", good],
            ["", "Doanh nghiệp", ImportFiles.TaxCode("62", 2)],
            ["Công ty TNHH Sai mã", "Doanh nghiệp", "0123"]);

        var run = await database.RunAsync("import", "organizations", file, "--province", TestData.QuangTri);
        var fixedRun = await database.RunAsync("import", "organizations", Write("da-sua.csv", ["Công ty TNHH Dòng lệnh Lỗi", "Doanh nghiệp", good]), "--province", TestData.QuangTri);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldMatch(@"Job \d+: Rejected\. Rows 3, inserted 0, unchanged 0, with errors 2\.");
        run.Output.ShouldContain("Row 3, name \"\": Trường này là bắt buộc. / This field is required.");
        run.Output.ShouldContain("Row 4, taxCode \"0123\": ");
        var errorFile = run.Output.Split('\n').Single(l => l.StartsWith("Error file", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        var lines = ImportFiles.Lines(await File.ReadAllBytesAsync(errorFile, Cancellation), Encoding.UTF8);
        lines.Length.ShouldBe(4);
        lines[0].ShouldBe("Tên tổ chức,Loại,Mã số thuế,Lỗi / Error");
        // The first row was valid, but all-or-nothing wrote nothing: the fixed file inserts it.
        fixedRun.Output.ShouldMatch(@"Succeeded\. Rows 1, inserted 1, unchanged 0");
    }

    [Fact]
    public async Task An_unknown_province_kind_or_file_is_named_and_exits_1()
    {
        var file = Write("mot-dong.csv", ["Công ty TNHH Không tỉnh", "Doanh nghiệp", ImportFiles.TaxCode("63", 1)]);

        var province = await database.RunAsync("import", "organizations", file, "--province", "atlantis");
        var kind = await database.RunAsync("import", "meters", file, "--province", TestData.QuangTri);
        var missing = await database.RunAsync("import", "organizations", Path.Combine(directory, "khong-co.csv"), "--province", TestData.QuangTri);
        var noProvince = await database.RunAsync("import", "organizations", file);

        (province.ExitCode, kind.ExitCode, missing.ExitCode, noProvince.ExitCode).ShouldBe((1, 1, 1, 1));
        province.Error.ShouldStartWith("Unknown province: atlantis");
        kind.Error.ShouldStartWith("Unknown kind: meters.");
        kind.Error.ShouldContain("Usage: import <organizations|instruments|verifications|inspection-plans> <file> --province <slug>");
        missing.Error.ShouldStartWith("File not found: ");
        noProvince.Error.ShouldStartWith("Expected a kind, a file and --province.");
        province.Output.ShouldNotContain("Job ");
    }

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, params string[][] rows)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, ImportFiles.Csv([Header, .. rows], ',', ImportFiles.Utf8Bom));
        return path;
    }

    [Collection(nameof(CommandLine))]
    public sealed class Sqlite(CommandLineDatabase.Sqlite database) : ImportCommandTests(database), IClassFixture<CommandLineDatabase.Sqlite>;

    [Collection(nameof(CommandLine))]
    public sealed class Postgres(CommandLineDatabase.Postgres database) : ImportCommandTests(database), IClassFixture<CommandLineDatabase.Postgres>;
}

/// <summary>
/// The command-line tests run alone: they swap the process's console to read what the command prints, and a
/// host built by Program.Main must not start while a WebApplicationFactory of another class is starting.
/// </summary>
[CollectionDefinition(nameof(CommandLine), DisableParallelization = true)]
public sealed class CommandLine;

/// <summary>A database for the command line, and the program's entry point run against it.</summary>
public abstract class CommandLineDatabase : IAsyncLifetime
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);
    private TestDatabase? database;

    protected abstract DatabaseEngine Engine { get; }

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateUnlessUnavailableAsync(Engine);
    }

    public void SkipWhenUnavailable()
    {
        if (database is null && TestDatabase.PostgresUnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Runs Program.Main with these arguments plus the settings of this database; what it printed and returned.</summary>
    public async Task<CommandRun> RunAsync(params string[] args)
    {
        var created = database ?? throw new InvalidOperationException("No database.");
        string[] settings =
        [
            .. created.Settings().Select(s => $"--{s.Key}={s.Value}"),
            "--Demo:SeedRecords=false",
            "--Admin:Email=" + MetrologyApp.AdminEmail,
            "--Admin:Password=" + MetrologyApp.AdminPassword,
            "--Reminders:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ];
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        await ConsoleLock.WaitAsync(TestContext.Current.CancellationToken);
        var (output, error) = (Console.Out, Console.Error);
        try
        {
            using var printed = new StringWriter();
            using var errors = new StringWriter();
            Console.SetOut(printed);
            Console.SetError(errors);
            var returned = await Task.Run(() => entryPoint.Invoke(null, [(string[])[.. args, .. settings]]));
            var exitCode = returned is Task<int> task ? await task : (int)returned!;
            return new CommandRun(exitCode, printed.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            ConsoleLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public sealed class Sqlite : CommandLineDatabase
    {
        protected override DatabaseEngine Engine => DatabaseEngine.Sqlite;
    }

    public sealed class Postgres : CommandLineDatabase
    {
        protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
    }
}

/// <summary>What one run of the command returned and printed.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error);
