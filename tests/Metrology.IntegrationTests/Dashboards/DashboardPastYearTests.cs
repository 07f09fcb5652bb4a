using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Dashboards;

public sealed record DashboardCardsJson(int Year, DateOnly Today, List<string> CardsShowingToday);

/// <summary>
/// A past year's dashboard (today is 15/01/2027): the cards that count the registry as it stands today say so,
/// the cards of the year's records do not; the current year needs no such word.
/// </summary>
public abstract class DashboardPastYearTests(MetrologyApp app) : IntegrationTest(app)
{
    private static async Task<DashboardCardsJson> Get(HttpClient client, int year)
    {
        using var response = await client.GetAsync($"{DashboardArrange.Path}?year={year}", Cancellation);
        return await response.ShouldReturn<DashboardCardsJson>();
    }

    [Fact]
    public async Task A_past_year_names_the_cards_that_show_today()
    {
        var arranged = await App.SonLa();
        using var officer = await App.As(arranged.OfficerEmail, UserApi.Password);

        var past = await Get(officer, 2022);
        (past.Year, past.Today).ShouldBe((2022, new DateOnly(2027, 1, 15)));
        past.CardsShowingToday.ShouldBe(["types", "due", "overdue", "assurance"]);

        (await Get(officer, 2027)).CardsShowingToday.ShouldBeEmpty();
    }

    public sealed class Sqlite(DashboardSqliteApp app) : DashboardPastYearTests(app), IClassFixture<DashboardSqliteApp>;

    public sealed class Postgres(DashboardPostgresApp app) : DashboardPastYearTests(app), IClassFixture<DashboardPostgresApp>;
}
