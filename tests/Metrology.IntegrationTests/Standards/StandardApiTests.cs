using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Standards;

public sealed record StandardCalibrationJson(int Id, DateOnly Date, string CalibratedBy, string? CertificateNumber, DateOnly DueDate, string? Notes);

public sealed record StandardJson(
    int Id, int OwnerId, string OwnerName, string? ProvinceSlug, string Name, string Quantity, string? Manufacturer, string? SerialNumber,
    string? MeasuringRange, string? AccuracyOrUncertainty, string? Traceability, DateOnly? CalibrationDueDate, string DueState,
    List<StandardCalibrationJson> Calibrations);

/// <summary>Measurement standards: recording them, their calibration history and due state, and who may do what.</summary>
public abstract class StandardApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = "/api/v1/standards";

    private static object Standard(int? ownerId, string name = "Bình chuẩn kim loại 20 L") => new
    {
        ownerId,
        name,
        quantity = "Thể tích",
        manufacturer = "Công ty TNHH Cơ khí Đo lường",
        serialNumber = Guid.NewGuid().ToString("N")[..8],
        measuringRange = "20 L",
        accuracyOrUncertainty = "U = 0,02 % (k = 2)",
        traceability = "Viện Đo lường Việt Nam (VMI)",
    };

    private static object Calibration(DateOnly? date, DateOnly? dueDate, string? certificate = null) => new
    {
        date,
        calibratedBy = "Viện Đo lường Việt Nam",
        certificateNumber = certificate ?? $"V{Random.Shared.Next(1000, 9999)}/2025",
        dueDate,
        notes = (string?)null,
    };

    private static async Task<StandardJson> Create(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body, Cancellation);
        return await response.ShouldReturn<StandardJson>(HttpStatusCode.Created);
    }

    private static async Task<StandardJson> Calibrate(HttpClient client, int id, DateOnly date, DateOnly due)
    {
        using var response = await client.PostAsJsonAsync($"{Path}/{id}/calibrations", Calibration(date, due), Cancellation);
        return await response.ShouldReturn<StandardJson>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_due_date_is_that_of_the_latest_calibration_even_when_an_older_one_is_entered_later()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var owner = await officer.CreateBody("Trung tâm chuẩn Đông Hà");
        var standard = await Create(officer, Standard(owner.Id));
        standard.DueState.ShouldBe("unknown");
        standard.OwnerName.ShouldBe(owner.Name);

        await Calibrate(officer, standard.Id, new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 10));
        await Calibrate(officer, standard.Id, new DateOnly(2025, 12, 20), new DateOnly(2027, 12, 20));
        var afterOlder = await Calibrate(officer, standard.Id, new DateOnly(2024, 1, 5), new DateOnly(2025, 1, 5));

        afterOlder.CalibrationDueDate.ShouldBe(new DateOnly(2027, 12, 20));
        afterOlder.Calibrations.Select(c => c.Date).ShouldBe([new DateOnly(2025, 12, 20), new DateOnly(2025, 1, 10), new DateOnly(2024, 1, 5)]);
        var read = await (await officer.GetAsync($"{Path}/{standard.Id}", Cancellation)).ShouldReturn<StandardJson>();
        read.CalibrationDueDate.ShouldBe(new DateOnly(2027, 12, 20));
        read.Calibrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_standard_past_its_due_date_is_overdue_and_one_due_within_30_days_is_due_soon()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var owner = await officer.CreateBody("Trung tâm chuẩn Đồng Hới");
        var today = DesignationApi.Today;
        var overdue = await Create(officer, Standard(owner.Id, "Quả cân chuẩn F1"));
        var dueSoon = await Create(officer, Standard(owner.Id, "Nhiệt kế chuẩn"));
        var fine = await Create(officer, Standard(owner.Id, "Máy đo trị số octan"));

        (await Calibrate(officer, overdue.Id, today.AddYears(-1).AddDays(-1), today.AddDays(-1))).DueState.ShouldBe("overdue");
        (await Calibrate(officer, dueSoon.Id, today.AddYears(-1), today.AddDays(30))).DueState.ShouldBe("dueSoon");
        (await Calibrate(officer, fine.Id, today.AddDays(-10), today.AddDays(31))).DueState.ShouldBe("ok");
        var overdueList = await (await officer.GetAsync($"{Path}?ownerId={owner.Id}&dueState=overdue", Cancellation)).ShouldReturn<PageJson<StandardJson>>();
        overdueList.Items.Select(s => s.Id).ShouldBe([overdue.Id]);
    }

    [Fact]
    public async Task A_due_date_not_after_the_calibration_date_or_a_future_calibration_is_refused_and_nothing_changes()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var owner = await officer.CreateBody("Trung tâm chuẩn Ba Đồn");
        var standard = await Create(officer, Standard(owner.Id));

        using var sameDay = await officer.PostAsJsonAsync($"{Path}/{standard.Id}/calibrations", Calibration(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)), Cancellation);
        using var future = await officer.PostAsJsonAsync($"{Path}/{standard.Id}/calibrations", Calibration(DesignationApi.Today.AddDays(1), DesignationApi.Today.AddYears(1)), Cancellation);
        using var missing = await officer.PostAsJsonAsync($"{Path}/{standard.Id}/calibrations", new { calibratedBy = " " }, Cancellation);

        (await sameDay.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("dueDate").Single().ShouldBe("Hạn hiệu chuẩn phải sau ngày hiệu chuẩn.");
        (await future.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").ShouldNotBeEmpty();
        var problem = await missing.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("date").ShouldNotBeEmpty();
        problem.ErrorsFor("dueDate").ShouldNotBeEmpty();
        problem.ErrorsFor("calibratedBy").ShouldNotBeEmpty();
        var read = await (await officer.GetAsync($"{Path}/{standard.Id}", Cancellation)).ShouldReturn<StandardJson>();
        read.Calibrations.ShouldBeEmpty();
        read.CalibrationDueDate.ShouldBeNull();
    }

    [Fact]
    public async Task A_standard_needs_a_name_a_quantity_and_an_owner_in_scope()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.PostAsJsonAsync(Path, new { ownerId = 987654, name = "", quantity = (string?)null }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("name").ShouldNotBeEmpty();
        problem.ErrorsFor("quantity").ShouldNotBeEmpty();
        problem.ErrorsFor("ownerId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_lab_operator_keeps_only_its_own_standards()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var ownBody = await officer.CreateBody("Phòng thí nghiệm chuẩn Khe Sanh");
        var otherBody = await officer.CreateBody("Phòng thí nghiệm chuẩn Lao Bảo");
        var others = await Create(officer, Standard(otherBody.Id, "Chuẩn của phòng khác"));
        var operatorAccount = await App.CreateAsync("LabOperator", TestData.QuangTri, ownBody.Id);
        using var lab = await App.As(operatorAccount.Email, UserApi.Password);

        var own = await Create(lab, Standard(otherBody.Id, "Bình chuẩn 10 L"));
        using var readOther = await lab.GetAsync($"{Path}/{others.Id}", Cancellation);
        using var changeOther = await lab.PutAsJsonAsync($"{Path}/{others.Id}", Standard(ownBody.Id, "Chiếm quyền"), Cancellation);
        using var calibrateOther = await lab.PostAsJsonAsync($"{Path}/{others.Id}/calibrations", Calibration(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), Cancellation);
        var list = await (await lab.GetAsync($"{Path}?pageSize=200", Cancellation)).ShouldReturn<PageJson<StandardJson>>();

        own.OwnerId.ShouldBe(ownBody.Id);
        await readOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await changeOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await calibrateOther.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.Select(s => s.Id).ShouldBe([own.Id]);
        var unchanged = await (await officer.GetAsync($"{Path}/{others.Id}", Cancellation)).ShouldReturn<StandardJson>();
        unchanged.Name.ShouldBe("Chuẩn của phòng khác");
        unchanged.Calibrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Readers_cannot_write_and_enterprises_cannot_read()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var owner = await officer.CreateBody("Trung tâm chuẩn Cửa Việt");
        var standard = await Create(officer, Standard(owner.Id));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        (await (await inspector.GetAsync($"{Path}/{standard.Id}", Cancellation)).ShouldReturn<StandardJson>()).Id.ShouldBe(standard.Id);
        (await (await ministry.GetAsync($"{Path}/{standard.Id}", Cancellation)).ShouldReturn<StandardJson>()).ProvinceSlug.ShouldBe(TestData.QuangTri);
        using var inspectorWrite = await inspector.PostAsJsonAsync($"{Path}/{standard.Id}/calibrations", Calibration(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), Cancellation);
        using var ministryWrite = await ministry.PostAsJsonAsync(Path, Standard(owner.Id), Cancellation);
        using var enterpriseRead = await enterprise.GetAsync(Path, Cancellation);
        await inspectorWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await ministryWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await enterpriseRead.ShouldHaveStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_provinces_standard_is_404_for_read_and_write()
    {
        var haNoiOfficer = await App.Arranged("HaNoiStandardsOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiOwner = await haNoi.CreateBody("Trung tâm chuẩn Hà Nội");
        var standard = await Create(haNoi, Standard(haNoiOwner.Id));
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var read = await officer.GetAsync($"{Path}/{standard.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{Path}/{standard.Id}", Standard(haNoiOwner.Id, "Chiếm quyền"), Cancellation);
        using var calibrate = await officer.PostAsJsonAsync($"{Path}/{standard.Id}/calibrations", Calibration(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await calibrate.ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await haNoi.GetAsync($"{Path}/{standard.Id}", Cancellation)).ShouldReturn<StandardJson>()).Calibrations.ShouldBeEmpty();
    }

    public sealed class Sqlite(SqliteApp app) : StandardApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : StandardApiTests(app), IClassFixture<PostgresApp>;
}
