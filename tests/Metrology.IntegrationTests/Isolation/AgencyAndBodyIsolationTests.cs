using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Organizations;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Inspections;
using Microsoft.EntityFrameworkCore;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Isolation;

/// <summary>
/// Issue 15, item 4: inside one province, an inspector reads only its own agency's inspection records and a lab only
/// its own body's calibrations (design/domain.md), through the API list, the API detail and the record page; the
/// province's officers keep their province-wide view.
/// </summary>
public abstract class AgencyAndBodyIsolationTests(MetrologyApp app) : IntegrationTest(app)
{
    private async Task<RecordJson> RecordByAsync(string inspectorEmail, string station)
    {
        var enterprise = await App.NewEnterpriseAsync(TestData.Unique(station));
        using var inspector = await App.As(inspectorEmail);
        var plan = await inspector.CreatePlan(Plan(FreshYear(), Target(enterprise, 3, 4, "Group2Instruments")));
        await inspector.ApprovePlan(plan.Id);
        using var response = await inspector.PostAsJsonAsync(RecordsPath, Record(plan.Id, enterprise), Cancellation);
        return await response.ShouldReturn<RecordJson>(HttpStatusCode.Created);
    }

    private static async Task<List<int>> ListedIdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        var page = await response.ShouldReturn<PageJson<IdJson>>();
        return page.Items.Select(i => i.Id).ToList();
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Decoded: the renderer may write Vietnamese letters as character references.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task An_inspector_reads_its_own_agencys_records_and_not_another_agencys_in_the_list_the_detail_or_the_page()
    {
        var science = await RecordByAsync(TestData.QuangTriInspector, "Cửa hàng xăng dầu Khoa học");
        var trade = await RecordByAsync(TradeInspector, "Cửa hàng xăng dầu Công Thương");
        using var tradeInspector = await App.As(TradeInspector);

        (await ListedIdsAsync(tradeInspector, $"{RecordsPath}?pageSize=200")).ShouldContain(trade.Id);
        (await ListedIdsAsync(tradeInspector, $"{RecordsPath}?pageSize=200")).ShouldNotContain(science.Id);
        (await ListedIdsAsync(tradeInspector, $"{RecordsPath}?planId={science.PlanId}")).ShouldBeEmpty();
        await (await tradeInspector.GetAsync($"{RecordsPath}/{science.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await tradeInspector.GetAsync($"{RecordsPath}/{trade.Id}", Cancellation)).ShouldReturn<RecordJson>()).OrganizationName.ShouldBe(trade.OrganizationName);

        var otherPage = await PageAsync(tradeInspector, $"/inspections/{science.Id}");
        otherPage.ShouldContain("data-testid=\"record-not-found\"");
        otherPage.ShouldNotContain(science.OrganizationName);
        (await PageAsync(tradeInspector, $"/inspections/{trade.Id}")).ShouldContain(trade.OrganizationName);

        // The department keeps the province-wide view.
        using var officer = await App.As(TestData.QuangTriOfficer);
        var officerList = await ListedIdsAsync(officer, $"{RecordsPath}?pageSize=200");
        officerList.ShouldContain(science.Id);
        officerList.ShouldContain(trade.Id);
        (await (await officer.GetAsync($"{RecordsPath}/{science.Id}", Cancellation)).ShouldReturn<RecordJson>()).OrganizationName.ShouldBe(science.OrganizationName);
    }

    [Fact]
    public async Task A_lab_reads_its_own_bodys_calibrations_and_not_another_labs_in_the_list_the_detail_or_the_page()
    {
        var ownBody = await App.OrganizationOfAsync(TestData.QuangTriLabOperator);
        var otherBody = await App.WithDbAsync(db => db.Organizations
            .Where(o => o.Kind == OrganizationKind.VerificationBody && o.Province!.Slug == TestData.QuangTri && o.Id != ownBody)
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var otherLab = await App.CreateAsync("LabOperator", TestData.QuangTri, otherBody);
        var customer = await App.AddEnterpriseAsync(TestData.QuangTri);
        var instrument = await App.AddInstrumentAsync(customer);
        var customerName = await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == customer).Select(o => o.Name).SingleAsync());

        using var lab = await App.As(TestData.QuangTriLabOperator);
        var own = await (await lab.PostAsJsonAsync(CalibrationTestData.ApiPath, CalibrationTestData.Body(instrument), Cancellation))
            .ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        using var other = await App.As(otherLab.Email, UserApi.Password);
        var theirs = await (await other.PostAsJsonAsync(CalibrationTestData.ApiPath, CalibrationTestData.Body(instrument), Cancellation))
            .ShouldReturn<CalibrationJson>(HttpStatusCode.Created);

        var listed = await ListedIdsAsync(other, $"{CalibrationTestData.ApiPath}?instrumentId={instrument}");
        listed.ShouldBe([(int)theirs.Id]);
        await (await other.GetAsync($"{CalibrationTestData.ApiPath}/{own.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        var otherPage = await PageAsync(other, $"/calibrations/{own.Id}");
        otherPage.ShouldNotContain(customerName);
        (await PageAsync(other, $"/calibrations/{theirs.Id}")).ShouldContain(customerName);
        (await ListedIdsAsync(lab, $"{CalibrationTestData.ApiPath}?instrumentId={instrument}")).ShouldBe([(int)own.Id]);

        using var officer = await App.As(TestData.QuangTriOfficer);
        (await ListedIdsAsync(officer, $"{CalibrationTestData.ApiPath}?instrumentId={instrument}")).Order().ShouldBe(new[] { (int)own.Id, (int)theirs.Id }.Order());
    }

    private sealed record IdJson(int Id);

    public sealed class Sqlite(SqliteApp app) : AgencyAndBodyIsolationTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AgencyAndBodyIsolationTests(app), IClassFixture<PostgresApp>;
}
