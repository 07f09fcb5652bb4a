using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Inspections;

/// <summary>Inspection records: what a user enters, what the registry learns, the refusals of issue 7, who reads what.</summary>
public abstract class InspectionRecordApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private async Task<(int PlanId, int Station, int Meter, int OtherMeter)> ApprovedPlanAsync()
    {
        var station = await App.NewEnterpriseAsync("Công ty Xăng dầu Cam Lộ");
        var other = await App.NewEnterpriseAsync();
        using var inspector = await App.As(TestData.QuangTriInspector);
        var plan = await inspector.CreatePlan(Plan(FreshYear(), Target(station, 3, 4, "Group2Instruments", "FuelQuality")));
        await inspector.ApprovePlan(plan.Id);
        return (plan.Id, station, await App.NewInstrumentAsync(station, "CD-" + Guid.NewGuid().ToString("N")[..8]), await App.NewInstrumentAsync(other, "CD-" + Guid.NewGuid().ToString("N")[..8]));
    }

    [Fact]
    public async Task An_inspector_records_an_inspection_and_the_registry_flags_the_overdue_and_unverified_instruments()
    {
        var (planId, station, meter, _) = await ApprovedPlanAsync();
        var stationUser = await App.CreateAsync("EnterpriseUser", TestData.QuangTri, station);
        using var inspector = await App.As(TestData.QuangTriInspector);
        var body = Record(planId, station);
        body["instruments"] = new object[]
        {
            new { instrumentId = meter, outcome = "Overdue", note = "Hạn kiểm định 01/2025" },
            new { typeCode = "fuel-dispenser", manufacturer = "Tokheim", serialNumber = "TK-2201", outcome = "Unverified" },
        };
        body["followUps"] = new object[] { new { action = "Kiểm định lại cột đo số 2", deadline = "2025-04-10" } };

        using var response = await inspector.PostAsJsonAsync(RecordsPath, body, Cancellation);

        var record = await response.ShouldReturn<RecordJson>(HttpStatusCode.Created);
        record.OrganizationName.ShouldBe("Công ty Xăng dầu Cam Lộ");
        record.AgencyName.ShouldBe("Thanh tra Sở Khoa học và Công nghệ Quảng Trị");
        record.StartedOn.ShouldBe(new DateOnly(2025, 3, 10));
        record.Violations.ShouldHaveSingleItem().SanctionAmount.ShouldBe(7_500_000L);
        record.Violations[0].SanctionDecision.ShouldBe("05/QĐ-XPHC");
        record.Instruments.Count.ShouldBe(2);
        record.Instruments.ShouldAllBe(i => i.MustNotBeUsed);
        var onTheSpot = record.Instruments.Single(i => i.SerialNumber == "TK-2201");
        onTheSpot.Manufacturer.ShouldBe("Tokheim");
        record.FollowUps.ShouldHaveSingleItem().Deadline.ShouldBe(new DateOnly(2025, 4, 10));

        using var registry = await App.As(TestData.QuangTriOfficer);
        var flagged = await (await registry.GetAsync($"/api/v1/instruments/{meter}", Cancellation)).ShouldReturn<Instruments.InstrumentDetailJson>();
        flagged.Instrument.MustNotBeUsed.ShouldBeTrue();
        var registered = await (await registry.GetAsync($"/api/v1/instruments/{onTheSpot.InstrumentId}", Cancellation)).ShouldReturn<Instruments.InstrumentDetailJson>();
        registered.Instrument.OwnerId.ShouldBe(station);
        registered.Instrument.MustNotBeUsed.ShouldBeTrue();

        using var owner = await App.As(stationUser.Email, UserApi.Password);
        (await (await owner.GetAsync($"{RecordsPath}/{record.Id}", Cancellation)).ShouldReturn<RecordJson>()).Violations.Count.ShouldBe(1);
        var ownList = await (await owner.GetAsync(RecordsPath, Cancellation)).ShouldReturn<PageJson<RecordListItemJson>>();
        ownList.Items.ShouldHaveSingleItem().SanctionTotal.ShouldBe(7_500_000L);
        using var otherEnterprise = await App.As(TestData.QuangTriEnterpriseUser);
        await (await otherEnterprise.GetAsync($"{RecordsPath}/{record.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        await (await lab.GetAsync($"{RecordsPath}/{record.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var world = await App.InspectionWorld();
        using var haNoi = await App.As(world.HaNoiInspector, UserApi.Password);
        await (await haNoi.GetAsync($"{RecordsPath}/{record.Id}", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_record_for_a_plan_not_approved_is_refused_with_422_and_nothing_is_written()
    {
        var station = await App.NewEnterpriseAsync();
        var meter = await App.NewInstrumentAsync(station, "CD-" + Guid.NewGuid().ToString("N")[..8]);
        using var inspector = await App.As(TestData.QuangTriInspector, language: "en");
        var draft = await inspector.CreatePlan(Plan(FreshYear(), Target(station, 3, 4, "Group2Instruments")));
        var body = Record(draft.Id, station);
        body["instruments"] = new object[] { new { instrumentId = meter, outcome = "Overdue" } };

        using var response = await inspector.PostAsJsonAsync(RecordsPath, body, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorsFor("planId")
            .ShouldBe(["The plan is not approved: no inspection can be recorded under it yet."]);
        (await App.WithDb(db => db.InspectionRecords.CountAsync(r => r.PlanId == draft.Id))).ShouldBe(0);
        (await App.WithDb(db => db.Instruments.SingleAsync(i => i.Id == meter))).MustNotBeUsed.ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_records_are_refused_naming_the_field_and_nothing_is_written()
    {
        var (planId, station, meter, otherMeter) = await ApprovedPlanAsync();
        var notATarget = await App.NewEnterpriseAsync();
        using var inspector = await App.As(TestData.QuangTriInspector, language: "en");
        var before = await App.WithDb(db => db.InspectionRecords.CountAsync());

        async Task<string[]> Refused(Action<Dictionary<string, object?>> change, string field)
        {
            var body = Record(planId, station);
            body["instruments"] = new object[] { new { instrumentId = meter, outcome = "Unverified" } };
            change(body);
            using var response = await inspector.PostAsJsonAsync(RecordsPath, body, Cancellation);
            return (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor(field);
        }

        (await Refused(b => b["violationsFound"] = false, "violations[0].sanctionAmount"))
            .ShouldBe(["The record states no violation: it cannot carry a violation or a sanction."]);
        (await Refused(b => b["violations"] = new object[] { new { sanctionAmount = 1_000_000L, sanctionDecision = "01/QĐ" } }, "violations[0].kind"))
            .ShouldBe(["The record states no violation: it cannot carry a violation or a sanction."]);
        (await Refused(b => b["violations"] = new object[] { new { kind = "Other", description = "x", sanctionAmount = -1L, sanctionDecision = "01/QĐ" } }, "violations[0].sanctionAmount"))
            .ShouldBe(["The sanction amount cannot be negative."]);
        (await Refused(b => b["violations"] = new object[] { new { kind = "Other", description = "x", sanctionAmount = 500_000L } }, "violations[0].sanctionDecision"))
            .ShouldBe(["A sanction needs its decision number."]);
        (await Refused(b => b["startedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "startedOn")).ShouldBe(["The date cannot be in the future."]);
        (await Refused(b => b["endedOn"] = "2025-03-09", "endedOn")).ShouldBe(["The end date cannot be before the start date."]);
        (await Refused(b => b["organizationId"] = notATarget, "organizationId")).ShouldBe(["This organisation is not a target of the plan."]);
        (await Refused(b => b["instruments"] = new object[] { new { instrumentId = otherMeter, outcome = "Overdue" } }, "instruments[0].instrumentId"))
            .ShouldBe(["The instrument does not belong to the inspected organisation."]);
        (await Refused(b => b["instruments"] = new object[] { new { manufacturer = "Tokheim", outcome = "Unverified" } }, "instruments[0].serialNumber")).ShouldNotBeEmpty();
        (await Refused(b => b["followUps"] = new object[] { new { action = "Kiểm định lại" } }, "followUps[0].deadline")).ShouldNotBeEmpty();
        (await Refused(b => b["team"] = " ", "team")).ShouldNotBeEmpty();

        (await App.WithDb(db => db.InspectionRecords.CountAsync())).ShouldBe(before);
        (await App.WithDb(db => db.Instruments.SingleAsync(i => i.Id == meter))).MustNotBeUsed.ShouldBeFalse("a refused record flags nothing");
    }

    [Fact]
    public async Task An_inspector_of_another_agency_cannot_record_under_the_plan_and_nothing_is_written()
    {
        var world = await App.InspectionWorld();
        var (planId, station, meter, _) = await ApprovedPlanAsync();
        var body = Record(planId, station);
        body["instruments"] = new object[] { new { instrumentId = meter, outcome = "Overdue" } };

        using var trade = await App.As(TradeInspector);
        using var byTrade = await trade.PostAsJsonAsync(RecordsPath, body, Cancellation);
        await byTrade.ShouldBeProblem(HttpStatusCode.Forbidden);
        using var haNoi = await App.As(world.HaNoiInspector, UserApi.Password);
        using var byHaNoi = await haNoi.PostAsJsonAsync(RecordsPath, body, Cancellation);
        (await byHaNoi.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("planId").ShouldNotBeEmpty();
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var byOfficer = await officer.PostAsJsonAsync(RecordsPath, body, Cancellation);
        await byOfficer.ShouldBeProblem(HttpStatusCode.Forbidden);

        (await App.WithDb(db => db.InspectionRecords.CountAsync(r => r.PlanId == planId))).ShouldBe(0);
        (await App.WithDb(db => db.Instruments.SingleAsync(i => i.Id == meter))).MustNotBeUsed.ShouldBeFalse();
    }

    public sealed class Sqlite(SqliteApp app) : InspectionRecordApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : InspectionRecordApiTests(app), IClassFixture<PostgresApp>;
}
