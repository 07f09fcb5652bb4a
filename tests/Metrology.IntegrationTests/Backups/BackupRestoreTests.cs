using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Attachments;
using Metrology.IntegrationTests.Documents;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.Backups;

public sealed record BackupJson(string Name, DateTime StartedAt, DateTime FinishedAt, string Engine, string DatabaseFile, int FileCount, Dictionary<string, long> RowCounts);

/// <summary>
/// A backup taken through the admin API while the app keeps writing, restored by the command line
/// (<c>scripts/restore.sh</c> = Program.Main "restore") into a new, empty installation, which then starts and
/// serves every record, certificate token and attachment that was committed before the backup began.
/// </summary>
public abstract class BackupRestoreTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string BackupsPath = "/api/v1/admin/backups";

    [Fact]
    public async Task A_backup_taken_under_writes_restores_into_a_new_installation_with_every_record_token_and_attachment()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        var certificate = await lab.CertificateAsync(recorded.Certificates[0].Id);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await officer.CreateDocument(DocumentApi.Document());
        var pdf = AttachmentApi.UniquePdf();
        var attachment = await officer.Uploaded("DirectiveDocument", document.Id, "Quyết định sao lưu.pdf", pdf);

        // An officer keeps adding organisations while the administrator backs up.
        var committedBeforeBackup = new List<string>();
        using var stop = new CancellationTokenSource();
        var backupRequested = false;
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                var name = TestData.Unique("Công ty TNHH Ghi trong lúc sao lưu");
                await officer.CreateOrganization(TestData.Enterprise(name: name));
                lock (committedBeforeBackup)
                {
                    if (!Volatile.Read(ref backupRequested))
                    {
                        committedBeforeBackup.Add(name);
                    }
                }

                written++;
            }

            return written;
        });
        await WaitUntil(() => { lock (committedBeforeBackup) { return committedBeforeBackup.Count >= 3; } });
        lock (committedBeforeBackup)
        {
            Volatile.Write(ref backupRequested, true);
        }

        using var admin = await App.AsSystemAdmin();
        using var response = await admin.PostAsync(BackupsPath, null, Cancellation);
        var backup = await response.ShouldReturn<BackupJson>(HttpStatusCode.Created);
        await Task.Delay(200, Cancellation);
        await stop.CancelAsync();
        var writtenInAll = await writer;
        var organisationsAtTheEnd = await App.CountAllOrganizations();

        await using var target = await TestDatabase.CreateAsync(App.Engine);
        var restore = await CommandLine.RunAsync(target, "restore", Path.Combine(BackupFolder(App), backup.Name));
        restore.ShouldBe(0);

        await using var restored = new RestoredApp(App.Engine, target);
        await restored.InitializeAsync();
        using var restoredAdmin = await restored.AsSystemAdmin();
        var restoredOrganisations = (await restoredAdmin.ListOrganizations("pageSize=1")).Total;
        restoredOrganisations.ShouldBe((int)backup.RowCounts["Organizations"]);
        // The snapshot holds at least what was committed before the request, and nothing written after it ended.
        restoredOrganisations.ShouldBeLessThanOrEqualTo(organisationsAtTheEnd);
        writtenInAll.ShouldBeGreaterThan(committedBeforeBackup.Count);
        foreach (var name in committedBeforeBackup)
        {
            (await restoredAdmin.ListOrganizations($"search={Uri.EscapeDataString(name)}")).Total.ShouldBe(1, name);
        }

        using var anonymous = restored.Anonymous();
        var lookup = await (await anonymous.GetAsync($"/api/v1/public/certificates/{certificate.PublicToken}", Cancellation)).ShouldReturn<PublicCertificateResultJson>();
        lookup.Status.ShouldBe("valid");
        lookup.Certificate!.CertificateNumber.ShouldBe(certificate.Number);
        using var restoredOfficer = await restored.As(TestData.QuangTriOfficer);
        using var download = await restoredOfficer.GetAsync($"{AttachmentApi.AttachmentsPath}/{attachment.Id}/content", Cancellation);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Cancellation)).ShouldBe(pdf);
        using var list = await admin.GetAsync(BackupsPath, Cancellation);
        (await list.ShouldReturn<List<BackupJson>>()).ShouldContain(b => b.Name == backup.Name);
    }

    [Fact]
    public async Task Restoring_over_an_installation_that_holds_data_is_refused_and_changes_nothing()
    {
        using var admin = await App.AsSystemAdmin();
        using var response = await admin.PostAsync(BackupsPath, null, Cancellation);
        var backup = await response.ShouldReturn<BackupJson>(HttpStatusCode.Created);
        var before = await App.CountAllOrganizations();

        await using var target = await TestDatabase.CreateAsync(App.Engine);
        (await CommandLine.RunAsync(target, "restore", Path.Combine(BackupFolder(App), backup.Name))).ShouldBe(0);
        // A second restore into the same, now filled, installation.
        (await CommandLine.RunAsync(target, "restore", Path.Combine(BackupFolder(App), backup.Name))).ShouldBe(1);
        (await CommandLine.RunAsync(target, "restore", Path.Combine(BackupFolder(App), "no-such-backup"))).ShouldBe(1);

        await using var restored = new RestoredApp(App.Engine, target);
        await restored.InitializeAsync();
        (await restored.CountAllOrganizations()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_the_system_administrator_takes_or_lists_backups()
    {
        foreach (var email in new[] { TestData.QuangTriAdmin, TestData.DemoMinistryOfficer, TestData.QuangTriOfficer })
        {
            using var client = await App.As(email);
            (await client.PostAsync(BackupsPath, null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await client.GetAsync(BackupsPath, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }

        using var anonymous = App.Anonymous();
        (await anonymous.PostAsync(BackupsPath, null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string BackupFolder(MetrologyApp app) => app.Services.GetRequiredService<IConfiguration>()["Backup:Directory"]!;

    private static async Task WaitUntil(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20, Cancellation);
        }
    }

    public sealed class Sqlite(BackupSqliteApp app) : BackupRestoreTests(app), IClassFixture<BackupSqliteApp>;

    public sealed class Postgres(BackupPostgresApp app) : BackupRestoreTests(app), IClassFixture<BackupPostgresApp>;
}

/// <summary>Backups go beside the test's data directory, so disposing the database does not take them along mid-test.</summary>
public class BackupSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [BackupSettings.Folder(this)];
}

public class BackupPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [BackupSettings.Folder(this)];
}

public static class BackupSettings
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MetrologyApp, string> Folders = new();

    public static KeyValuePair<string, string?> Folder(MetrologyApp app) =>
        new("Backup:Directory", Folders.GetValue(app, _ => Directory.CreateTempSubdirectory("metrology-backups-").FullName));
}

/// <summary>An app started on a database and data directory that a restore filled.</summary>
public sealed class RestoredApp(DatabaseEngine engine, TestDatabase restored) : MetrologyApp
{
    public override DatabaseEngine Engine => engine;

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(restored);
}

/// <summary>Program.Main with arguments and a database's settings, as scripts/backup.sh and restore.sh run it.</summary>
public static class CommandLine
{
    /// <summary>
    /// The folder goes last: the configuration's command-line reader takes an argument starting with "/" as a
    /// key and would swallow the setting after it as its value.
    /// </summary>
    public static async Task<int> RunAsync(TestDatabase database, string command, string folder)
    {
        string[] args =
        [
            command,
            .. database.Settings().Select(s => $"--{s.Key}={s.Value}"),
            "--Logging:LogLevel:Default=Warning",
            folder,
        ];
        var returned = await Task.Run(() => typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]));
        return returned is Task<int> task ? await task : (int)returned!;
    }
}

