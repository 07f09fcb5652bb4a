using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Calibrations.CalibrationTestData;

namespace Metrology.IntegrationTests.Calibrations;

/// <summary>Recording and reading calibrations through the API, with ILAC-G8 statements worked out by hand.</summary>
public abstract class CalibrationApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private async Task<int> DemoEnterpriseInstrumentAsync() =>
        await App.AddInstrumentAsync(await App.OrganizationOfAsync(TestData.QuangTriEnterpriseUser));

    [Fact]
    public async Task The_lab_records_a_guard_band_calibration_and_gets_each_points_statement_and_the_overall_one()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        // T = 0.5, U = 0.2: pass up to 0.3, conditional pass to 0.5, conditional fail to 0.7, fail beyond.
        var body = Body(
            instrumentId,
            Point(100m, 100.1m + 0.2m),
            Point(200m, 199.69m),
            Point(500m, 500.5m),
            Point(1000m, 999.4m),
            Point(2000m, 2000m, u: 0.05m, k: 2.05m, tolerance: null));
        body["certificateNumber"] = "HC-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await lab.PostAsJsonAsync(ApiPath, body, Cancellation);

        var created = await response.ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"{ApiPath}/{created.Id}");
        created.Points.Select(p => p.Error).ShouldBe([0.3m, -0.31m, 0.5m, -0.6m, 0m]);
        created.Points.Select(p => p.Conformity).ShouldBe(["Pass", "ConditionalPass", "ConditionalPass", "ConditionalFail", "NotStated"]);
        created.Points.Select(p => p.Order).ShouldBe([1, 2, 3, 4, 5]);
        created.Points[4].CoverageFactor.ShouldBe(2.05m);
        created.Points[4].Tolerance.ShouldBeNull();
        created.Overall.ShouldBe("ConditionalFail");
        created.DecisionRule.ShouldBe("GuardBand");
        created.BodyId.ShouldBe(await App.OrganizationOfAsync(TestData.QuangTriLabOperator));
        created.OwnerId.ShouldBe(await App.OrganizationOfAsync(TestData.QuangTriEnterpriseUser));
        created.Certificate.ShouldNotBeNull().Number.ShouldBe(body["certificateNumber"]);
        created.Certificate.PublicToken.Length.ShouldBe(27);
        created.Certificate.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(RecentDate);

        // Read back from the database: the stored values and statements are the computed ones.
        using var officer = await App.As(TestData.QuangTriOfficer);
        var read = await (await officer.GetAsync($"{ApiPath}/{created.Id}", Cancellation)).ShouldReturn<CalibrationJson>();
        read.Points.ShouldBe(created.Points);
        read.Overall.ShouldBe("ConditionalFail");
        read.Certificate.ShouldBe(created.Certificate);
        var list = await (await officer.GetAsync($"{ApiPath}?instrumentId={instrumentId}", Cancellation)).ShouldReturn<PageJson<CalibrationSummaryJson>>();
        var row = list.Items.ShouldHaveSingleItem();
        (row.Id, row.Overall, row.PointCount, row.CertificateNumber).ShouldBe((created.Id, "ConditionalFail", 5, (string?)body["certificateNumber"]));
    }

    [Fact]
    public async Task Simple_acceptance_is_binary_and_no_rule_states_nothing()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var simple = Body(instrumentId, Point(10m, 10.5m), Point(10m, 9.49m));
        simple["decisionRule"] = "SimpleAcceptance";
        var none = Body(instrumentId, Point(10m, 12m));
        none["decisionRule"] = null;

        var simpleResult = await (await lab.PostAsJsonAsync(ApiPath, simple, Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        var noneResult = await (await lab.PostAsJsonAsync(ApiPath, none, Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created);

        simpleResult.Points.Select(p => p.Conformity).ShouldBe(["Pass", "Fail"]);
        simpleResult.Overall.ShouldBe("Fail");
        noneResult.DecisionRule.ShouldBe("None");
        noneResult.Points.ShouldHaveSingleItem().Conformity.ShouldBe("NotStated");
        noneResult.Overall.ShouldBe("NotStated");
        noneResult.Certificate.ShouldBeNull();
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_writes_nothing()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator, language: "en");
        var before = await App.CountAllCalibrations();
        var body = Body(
            instrumentId,
            Point(1m, 1m),
            Point(2m, 2m, tolerance: 0m),
            Point(3m, 3m, u: -0.01m),
            Point(4m, 4m, k: 0m),
            new Dictionary<string, object?> { ["nominal"] = 5m, ["expandedUncertainty"] = 0.1m, ["coverageFactor"] = 2m },
            Point(6m, 6.00000000001m));
        body["date"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        body["decisionRule"] = "Strict";
        body["calibratedBy"] = " ";
        body["unit"] = null;

        using var response = await lab.PostAsJsonAsync(ApiPath, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("date").ShouldHaveSingleItem().ShouldStartWith("The calibration date cannot be after today");
        problem.ErrorsFor("decisionRule").ShouldHaveSingleItem().ShouldContain("GuardBand");
        problem.ErrorsFor("calibratedBy").ShouldNotBeEmpty();
        problem.ErrorsFor("unit").ShouldNotBeEmpty();
        problem.ErrorsFor("points[1].tolerance").ShouldHaveSingleItem().ShouldContain("more than zero");
        problem.ErrorsFor("points[2].expandedUncertainty").ShouldHaveSingleItem().ShouldContain("zero or more");
        problem.ErrorsFor("points[3].coverageFactor").ShouldHaveSingleItem().ShouldContain("coverage factor k");
        problem.ErrorsFor("points[4].indication").ShouldNotBeEmpty();
        problem.ErrorsFor("points[5].indication").ShouldHaveSingleItem().ShouldContain("10 decimal places");
        problem.Errors!.Keys.ShouldNotContain("points[0].nominal");
        (await App.CountAllCalibrations()).ShouldBe(before);
    }

    [Fact]
    public async Task Messages_are_vietnamese_by_default_and_an_empty_point_list_is_refused()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var body = Body(instrumentId);
        body["points"] = Array.Empty<object>();
        body["instrumentId"] = 987654;

        var problem = await (await lab.PostAsJsonAsync(ApiPath, body, Cancellation)).ShouldBeProblem(HttpStatusCode.BadRequest);

        problem.ErrorsFor("points").ShouldBe(["Cần ít nhất một điểm đo."]);
        problem.ErrorsFor("instrumentId").ShouldBe(["Không tìm thấy phương tiện đo này trong phạm vi của bạn."]);
    }

    [Fact]
    public async Task A_decimal_written_as_text_with_a_comma_is_an_unreadable_field_not_a_guess()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var before = await App.CountAllCalibrations();
        var body = Body(instrumentId, new Dictionary<string, object?> { ["nominal"] = "0,5", ["indication"] = 0.5m, ["expandedUncertainty"] = 0.1m, ["coverageFactor"] = 2m });

        var problem = await (await lab.PostAsJsonAsync(ApiPath, body, Cancellation)).ShouldBeProblem(HttpStatusCode.BadRequest);

        problem.ErrorsFor("points[0].nominal").ShouldNotBeEmpty();
        (await App.CountAllCalibrations()).ShouldBe(before);
    }

    [Fact]
    public async Task A_certificate_number_the_body_already_issued_is_a_409_and_no_calibration_is_written()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var number = "HC-" + Guid.NewGuid().ToString("N")[..8];
        var first = Body(instrumentId);
        first["certificateNumber"] = number;
        await (await lab.PostAsJsonAsync(ApiPath, first, Cancellation)).ShouldHaveStatus(HttpStatusCode.Created);
        var before = await App.CountAllCalibrations();

        var problem = await (await lab.PostAsJsonAsync(ApiPath, first, Cancellation)).ShouldBeProblem(HttpStatusCode.Conflict);

        problem.ErrorsFor("certificateNumber").ShouldHaveSingleItem().ShouldContain(number);
        (await App.CountAllCalibrations()).ShouldBe(before);
    }

    [Theory]
    [InlineData(TestData.QuangTriOfficer)]
    [InlineData(TestData.QuangTriEnterpriseUser)]
    [InlineData(TestData.DemoSystemAdmin)]
    public async Task Only_lab_operators_record_calibrations(string account)
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var client = await App.As(account);

        using var response = await client.PostAsJsonAsync(ApiPath, Body(instrumentId), Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lab_operator_cannot_record_for_another_body()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        var centre = await App.OrganizationOfAsync(TestData.QuangTriLabOperator);
        var otherLab = await App.OrganizationNamedAsync("Công ty TNHH Kiểm định Hiệu chuẩn Đo lường Miền Trung");
        var operatorOfOtherLab = await App.CreateAsync("LabOperator", TestData.QuangTri, otherLab);
        using var client = await App.As(operatorOfOtherLab.Email, UserApi.Password);
        var before = await App.CountAllCalibrations();
        var body = Body(instrumentId);
        body["bodyId"] = centre;

        var problem = await (await client.PostAsJsonAsync(ApiPath, body, Cancellation)).ShouldBeProblem(HttpStatusCode.Forbidden);

        problem.Detail.ShouldBe("Bạn chỉ được ghi kết quả hiệu chuẩn cho tổ chức của mình.");
        (await App.CountAllCalibrations()).ShouldBe(before);
        // Without a body id the record is its own lab's.
        body.Remove("bodyId");
        (await (await client.PostAsJsonAsync(ApiPath, body, Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created)).BodyId.ShouldBe(otherLab);
    }

    [Fact]
    public async Task Another_provinces_calibrations_and_instruments_are_not_there()
    {
        var instrumentId = await DemoEnterpriseInstrumentAsync();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var quangTriRecord = await (await lab.PostAsJsonAsync(ApiPath, Body(instrumentId), Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        var haNoiInstrument = await App.AddInstrumentAsync(await App.AddEnterpriseAsync(TestData.HaNoi));
        var haNoiOfficer = await App.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var before = await App.CountAllCalibrations();

        using var read = await haNoi.GetAsync($"{ApiPath}/{quangTriRecord.Id}", Cancellation);
        var list = await (await haNoi.GetAsync(ApiPath, Cancellation)).ShouldReturn<PageJson<CalibrationSummaryJson>>();
        using var write = await lab.PostAsJsonAsync(ApiPath, Body(haNoiInstrument), Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldNotContain(c => c.Id == quangTriRecord.Id);
        (await write.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("instrumentId").ShouldNotBeEmpty();
        (await App.CountAllCalibrations()).ShouldBe(before);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        await (await ministry.GetAsync($"{ApiPath}/{quangTriRecord.Id}", Cancellation)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_enterprise_user_reads_its_own_instruments_calibrations_only()
    {
        var ownInstrument = await DemoEnterpriseInstrumentAsync();
        var otherInstrument = await App.AddInstrumentAsync(await App.AddEnterpriseAsync(TestData.QuangTri));
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var own = await (await lab.PostAsJsonAsync(ApiPath, Body(ownInstrument), Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        var other = await (await lab.PostAsJsonAsync(ApiPath, Body(otherInstrument), Cancellation)).ShouldReturn<CalibrationJson>(HttpStatusCode.Created);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        using var readOwn = await enterprise.GetAsync($"{ApiPath}/{own.Id}", Cancellation);
        using var readOther = await enterprise.GetAsync($"{ApiPath}/{other.Id}", Cancellation);
        var list = await (await enterprise.GetAsync($"{ApiPath}?pageSize=200", Cancellation)).ShouldReturn<PageJson<CalibrationSummaryJson>>();

        (await readOwn.ShouldReturn<CalibrationJson>()).Points.ShouldBe(own.Points);
        await readOther.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldContain(c => c.Id == own.Id);
        list.Items.ShouldNotContain(c => c.Id == other.Id);
    }

    public sealed class Sqlite(SqliteApp app) : CalibrationApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : CalibrationApiTests(app), IClassFixture<PostgresApp>;
}
