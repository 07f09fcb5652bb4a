using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.ReferenceVerification;

/// <summary>The deadlines are settings: with 20 days allowed for removal, a removal 7 days after the request is on time.</summary>
public abstract class ReferenceDeadlineSettingTests(MetrologyApp app) : IntegrationTest(app)
{
    private static readonly KeyValuePair<string, string?>[] Settings =
        [new("ReferenceVerification:Deadlines:RemovalDays", "20"), new("ReferenceVerification:Deadlines:VerificationDays", "1")];

    [Fact]
    public async Task Configured_deadlines_decide_which_steps_are_late()
    {
        var bodies = await ReferenceCaseApiTests.ArrangeBodies(App);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var opened = await officer.PostAsJsonAsync(ReferenceCaseApiTests.Path, ReferenceCaseApiTests.Request(bodies.Reference.Id, new DateOnly(2026, 1, 5)), Cancellation);
        var created = await opened.ShouldReturn<ReferenceCaseJson>(HttpStatusCode.Created);

        using var removed = await officer.PostAsJsonAsync($"{ReferenceCaseApiTests.Path}/{created.Id}/steps/removal", new { date = new DateOnly(2026, 1, 12) }, Cancellation);
        using var verified = await officer.PostAsJsonAsync($"{ReferenceCaseApiTests.Path}/{created.Id}/steps/verification", new { date = new DateOnly(2026, 1, 14), result = "Pass" }, Cancellation);

        var result = await verified.ShouldReturn<ReferenceCaseJson>();
        // Removal due 05/01 + 20 = 25/01, done 12/01: on time. Verification due 12/01 + 1 = 13/01, done 14/01: late.
        result.Steps[0].ShouldBe(new ReferenceStepJson("removal", new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 25), false));
        result.Steps[1].ShouldBe(new ReferenceStepJson("verification", new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 13), true));
    }

    public sealed class SqliteWithDeadlines : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => Settings;
    }

    public sealed class PostgresWithDeadlines : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => Settings;
    }

    public sealed class Sqlite(SqliteWithDeadlines app) : ReferenceDeadlineSettingTests(app), IClassFixture<SqliteWithDeadlines>;

    public sealed class Postgres(PostgresWithDeadlines app) : ReferenceDeadlineSettingTests(app), IClassFixture<PostgresWithDeadlines>;
}
