using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.ReferenceData;

/// <summary>
/// A SystemAdmin applies a circular's dated revision to a Group 2 row: the old row ends the day before,
/// so a verification dated before the revision still finds the old cycle. Each test revises its own code.
/// </summary>
public abstract class Group2RevisionTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = "/api/v1/reference/group2-types";

    private static object Revision(DateOnly? effectiveFrom, int? cycleMonths, string? source = "TT04/2026") => new
    {
        effectiveFrom,
        source,
        patternApproval = true,
        initialVerification = true,
        periodicVerification = true,
        afterRepairVerification = (bool?)null,
        cycleMonths,
        notes = "Thông tư 04/2026/TT-BKHCN",
    };

    private static async Task<Group2RowJson> InForce(HttpClient client, string code, string on) =>
        await (await client.GetAsync($"{Path}/{code}?on={on}", Cancellation)).ShouldReturn<Group2RowJson>();

    private static async Task<List<Group2RowJson>> History(HttpClient client, string code) =>
        await (await client.GetAsync($"{Path}/{code}/history", Cancellation)).ShouldReturn<List<Group2RowJson>>();

    [Fact]
    public async Task A_revision_changes_the_cycle_only_from_its_effective_date()
    {
        using var admin = await App.AsSystemAdmin();
        using var inspector = await App.As(TestData.QuangTriInspector);
        // Taximeters: 18-month cycle in TT03/2024 (group2-instruments.csv); suppose the circular of 2026 makes it 24.
        (await InForce(inspector, "taximeter", "2026-04-14")).CycleMonths.ShouldBe(18);

        using var response = await admin.PostAsJsonAsync($"{Path}/taximeter/revisions", Revision(new DateOnly(2026, 4, 15), 24), Cancellation);

        var created = await response.ShouldReturn<Group2RowJson>(HttpStatusCode.Created);
        created.EffectiveFrom.ShouldBe(new DateOnly(2026, 4, 15));
        created.EffectiveTo.ShouldBeNull();
        created.AfterRepairVerification.ShouldBeNull();
        var before = await InForce(inspector, "taximeter", "2026-04-14");
        before.CycleMonths.ShouldBe(18);
        before.EffectiveTo.ShouldBe(new DateOnly(2026, 4, 14));
        before.Source.ShouldBe("TT03/2024");
        var after = await InForce(inspector, "taximeter", "2026-04-15");
        after.CycleMonths.ShouldBe(24);
        after.Source.ShouldBe("TT04/2026");
        after.NameVi.ShouldBe(before.NameVi);
        var history = await History(inspector, "taximeter");
        history.Select(h => h.CycleMonths).ShouldBe([18, 24]);
        // Who changed the rule, and when, is on record: the old row's end and the new row.
        var log = await (await admin.GetAsync("/api/v1/audit?entityType=Group2InstrumentType&pageSize=200", Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        var entries = log.Items.Where(e => e.After!.Contains("\"taximeter\"", StringComparison.Ordinal)).ToList();
        entries.Select(e => e.Action).ShouldBe(["Create", "Update"], ignoreOrder: true);
        entries.ShouldAllBe(e => e.UserEmail == MetrologyApp.AdminEmail);
        entries.Single(e => e.Action == "Update").After!.ShouldContain("2026-04-14");
    }

    [Fact]
    public async Task A_revision_dated_on_or_before_the_current_rows_start_is_refused_naming_effectiveFrom()
    {
        using var admin = await App.AsSystemAdmin();
        using var first = await admin.PostAsJsonAsync($"{Path}/torque-meter/revisions", Revision(new DateOnly(2026, 4, 15), 18), Cancellation);
        await first.ShouldHaveStatus(HttpStatusCode.Created);

        using var sameDay = await admin.PostAsJsonAsync($"{Path}/torque-meter/revisions", Revision(new DateOnly(2026, 4, 15), 6), Cancellation);
        using var earlier = await admin.PostAsJsonAsync($"{Path}/torque-meter/revisions", Revision(new DateOnly(2026, 1, 1), 6), Cancellation);

        (await sameDay.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("effectiveFrom").Single().ShouldContain("15/04/2026");
        (await earlier.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("effectiveFrom").ShouldNotBeEmpty();
        (await History(admin, "torque-meter")).Select(h => h.CycleMonths).ShouldBe([12, 18]);
    }

    [Fact]
    public async Task A_revision_without_a_date_or_source_or_with_an_impossible_cycle_names_each_field()
    {
        using var admin = await App.AsSystemAdmin();

        using var response = await admin.PostAsJsonAsync($"{Path}/anemometer/revisions", Revision(null, 0, source: " "), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("effectiveFrom").ShouldNotBeEmpty();
        problem.ErrorsFor("source").ShouldNotBeEmpty();
        problem.ErrorsFor("cycleMonths").ShouldNotBeEmpty();
        (await History(admin, "anemometer")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_type_removed_from_a_date_is_no_longer_in_force_the_day_after()
    {
        using var admin = await App.AsSystemAdmin();

        using var response = await admin.PostAsJsonAsync($"{Path}/vibration-meter/removal", new { effectiveTo = new DateOnly(2026, 6, 30), source = "TT04/2026" }, Cancellation);

        (await response.ShouldReturn<Group2RowJson>()).EffectiveTo.ShouldBe(new DateOnly(2026, 6, 30));
        (await InForce(admin, "vibration-meter", "2026-06-30")).Code.ShouldBe("vibration-meter");
        using var dayAfter = await admin.GetAsync($"{Path}/vibration-meter?on=2026-07-01", Cancellation);
        await dayAfter.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestData.QuangTriOfficer)]
    [InlineData(TestData.DemoMinistryOfficer)]
    [InlineData(TestData.QuangTriAdmin)]
    public async Task Only_a_SystemAdmin_may_revise_or_remove_a_type(string account)
    {
        using var client = await App.As(account);

        using var revise = await client.PostAsJsonAsync($"{Path}/sound-level-meter/revisions", Revision(new DateOnly(2026, 4, 15), 6), Cancellation);
        using var remove = await client.PostAsJsonAsync($"{Path}/sound-level-meter/removal", new { effectiveTo = new DateOnly(2026, 6, 30) }, Cancellation);

        await revise.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await remove.ShouldHaveStatus(HttpStatusCode.Forbidden);
        var history = await History(client, "sound-level-meter");
        history.Count.ShouldBe(1);
        history[0].EffectiveTo.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_code_answers_404()
    {
        using var admin = await App.AsSystemAdmin();

        using var read = await admin.GetAsync($"{Path}/no-such-type", Cancellation);
        using var revise = await admin.PostAsJsonAsync($"{Path}/no-such-type/revisions", Revision(new DateOnly(2026, 4, 15), 6), Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await revise.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    public sealed class Sqlite(SqliteApp app) : Group2RevisionTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : Group2RevisionTests(app), IClassFixture<PostgresApp>;
}
