using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>Registering, reading, changing, deleting, searching and paging instruments through the API.</summary>
public abstract class InstrumentRegistryTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_officer_registers_reads_changes_and_deletes_an_instrument_of_a_provincial_owner()
    {
        var owner = await App.NewEnterprise("Công ty TNHH Xăng dầu Hải Lăng");
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = InstrumentApi.Body(owner.Id);

        using var created = await officer.PostAsJsonAsync(InstrumentApi.Path, body, Cancellation);

        var instrument = await created.ShouldReturn<InstrumentJson>(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.ShouldBe($"/api/v1/instruments/{instrument.Id}");
        instrument.OwnerId.ShouldBe(owner.Id);
        instrument.OwnerName.ShouldBe("Công ty TNHH Xăng dầu Hải Lăng");
        instrument.ProvinceName.ShouldBe("Quảng Trị");
        instrument.TypeCode.ShouldBe("fuel-dispenser");
        instrument.TypeName.ShouldBe("Cột đo xăng dầu");
        instrument.SerialNumber.ShouldBe(body["serialNumber"]);
        instrument.Location.ShouldBe("Cửa hàng xăng dầu số 3, phường Đông Hà");
        instrument.Status.ShouldBe("InService");
        instrument.DueState.ShouldBe("NeverVerified");
        instrument.NextDueDate.ShouldBeNull();

        var detail = await officer.GetInstrument(instrument.Id);
        detail.Instrument.ShouldBe(instrument);
        detail.Verifications.ShouldBeEmpty();

        var changes = InstrumentApi.Body(owner.Id, serial: instrument.SerialNumber);
        changes["location"] = "Kho, phường Quảng Trị";
        changes["status"] = "OutOfService";
        changes["model"] = null;
        using var updated = await officer.PutAsJsonAsync($"{InstrumentApi.Path}/{instrument.Id}", changes, Cancellation);
        var afterUpdate = await updated.ShouldReturn<InstrumentJson>();
        afterUpdate.Location.ShouldBe("Kho, phường Quảng Trị");
        afterUpdate.Status.ShouldBe("OutOfService");
        afterUpdate.Model.ShouldBeNull();
        afterUpdate.DueState.ShouldBe("NotApplicable");
        (await officer.GetInstrument(instrument.Id)).Instrument.ShouldBe(afterUpdate);

        using var deleted = await officer.DeleteAsync($"{InstrumentApi.Path}/{instrument.Id}", Cancellation);
        await deleted.ShouldHaveStatus(HttpStatusCode.NoContent);
        using var gone = await officer.GetAsync($"{InstrumentApi.Path}/{instrument.Id}", Cancellation);
        await gone.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task English_type_names_follow_the_callers_language()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");

        var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id, typeCode: "water-meter-cold-mechanical"));

        instrument.TypeName.ShouldBe("Cold-water meter, mechanical");
    }

    [Fact]
    public async Task The_detail_shows_the_verification_history_newest_first_and_the_must_not_be_used_flag()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        var body = await App.DemoBodyId();
        await App.AddVerification(instrument.Id, body, new DateOnly(2025, 3, 4), VerificationResult.Pass, new DateOnly(2026, 3, 4));
        await App.AddVerification(instrument.Id, body, new DateOnly(2026, 3, 2), VerificationResult.Fail);
        await App.SetDueState(instrument.Id, new DateOnly(2026, 3, 2), null, mustNotBeUsed: true);

        var detail = await officer.GetInstrument(instrument.Id);

        detail.Instrument.MustNotBeUsed.ShouldBeTrue();
        detail.Instrument.DueState.ShouldBe("MustNotBeUsed");
        detail.Instrument.LastVerifiedOn.ShouldBe(new DateOnly(2026, 3, 2));
        detail.Verifications.Select(v => (v.Date, v.Result)).ShouldBe([(new DateOnly(2026, 3, 2), "Fail"), (new DateOnly(2025, 3, 4), "Pass")]);
        detail.Verifications[0].StampSerial.ShouldBeNull();
        detail.Verifications[1].NextDueDate.ShouldBe(new DateOnly(2026, 3, 4));
        detail.Verifications[1].BodyName.ShouldBe("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
    }

    [Fact]
    public async Task An_instrument_with_a_verification_cannot_be_deleted_and_stays()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        await App.AddVerification(instrument.Id, await App.DemoBodyId(), new DateOnly(2026, 6, 1), nextDueDate: new DateOnly(2027, 6, 1));

        using var delete = await officer.DeleteAsync($"{InstrumentApi.Path}/{instrument.Id}", Cancellation);

        var problem = await delete.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.Detail.ShouldBe("Không xóa được: phương tiện đo đã có hồ sơ kiểm định, hiệu chuẩn hoặc giấy chứng nhận.");
        (await officer.GetInstrument(instrument.Id)).Instrument.Id.ShouldBe(instrument.Id);
    }

    [Fact]
    public async Task The_same_type_manufacturer_and_serial_twice_in_a_province_is_a_409_and_nothing_is_written()
    {
        var owner = await App.NewEnterprise();
        var otherOwner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var first = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        var outsideGroup2 = await officer.CreateInstrument(InstrumentApi.Body(owner.Id, typeCode: null, manufacturer: "Mettler Toledo"));
        var before = await App.CountInstruments();

        using var sameOwner = await officer.PostAsJsonAsync(InstrumentApi.Path, InstrumentApi.Body(owner.Id, first.SerialNumber), Cancellation);
        using var otherOwnerSameKey = await officer.PostAsJsonAsync(InstrumentApi.Path, InstrumentApi.Body(otherOwner.Id, first.SerialNumber), Cancellation);
        using var noTypeTwice = await officer.PostAsJsonAsync(
            InstrumentApi.Path, InstrumentApi.Body(owner.Id, outsideGroup2.SerialNumber, typeCode: null, manufacturer: "Mettler Toledo"), Cancellation);

        var problem = await sameOwner.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.ErrorsFor("serialNumber").ShouldHaveSingleItem().ShouldContain(first.SerialNumber);
        await otherOwnerSameKey.ShouldBeProblem(HttpStatusCode.Conflict);
        await noTypeTwice.ShouldBeProblem(HttpStatusCode.Conflict);
        (await App.CountInstruments()).ShouldBe(before);

        // Another manufacturer or another type makes another instrument.
        await officer.CreateInstrument(InstrumentApi.Body(owner.Id, first.SerialNumber, manufacturer: "Gilbarco"));
        await officer.CreateInstrument(InstrumentApi.Body(owner.Id, first.SerialNumber, typeCode: "lpg-dispenser"));
    }

    [Fact]
    public async Task Bad_input_gets_errors_naming_each_field_in_vietnamese_and_nothing_is_written()
    {
        var before = await App.CountInstruments();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = InstrumentApi.Body(ownerId: null);
        body["manufacturer"] = " ";
        body["serialNumber"] = null;
        body["typeCode"] = "khong-co-loai-nay";
        body["status"] = "Broken";
        body["location"] = new string('x', 301);

        using var response = await officer.PostAsJsonAsync(InstrumentApi.Path, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("manufacturer").ShouldBe(["Trường này là bắt buộc."]);
        problem.ErrorsFor("serialNumber").ShouldBe(["Trường này là bắt buộc."]);
        problem.ErrorsFor("ownerId").ShouldBe(["Trường này là bắt buộc."]);
        problem.ErrorsFor("typeCode").ShouldHaveSingleItem().ShouldContain("khong-co-loai-nay");
        problem.ErrorsFor("status").ShouldHaveSingleItem().ShouldContain("InService, OutOfService, Scrapped");
        problem.ErrorsFor("location").ShouldHaveSingleItem().ShouldContain("300");
        (await App.CountInstruments()).ShouldBe(before);
    }

    [Fact]
    public async Task Errors_come_in_english_for_an_english_client()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var body = InstrumentApi.Body(ownerId: 987654);
        body["typeCode"] = "no-such-type";

        using var response = await officer.PostAsJsonAsync(InstrumentApi.Path, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("typeCode").ShouldBe(["Type code 'no-such-type' is not in the Group 2 list. Leave it empty for equipment outside Group 2."]);
        problem.ErrorsFor("ownerId").ShouldBe(["The owner does not exist or is not in your province."]);
    }

    [Fact]
    public async Task Unknown_list_filters_and_cursors_are_400_naming_the_parameter()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var status = await officer.GetAsync($"{InstrumentApi.Path}?status=Lost", Cancellation);
        using var due = await officer.GetAsync($"{InstrumentApi.Path}?dueState=late", Cancellation);
        using var cursor = await officer.GetAsync($"{InstrumentApi.Path}?after=abc", Cancellation);

        (await status.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("status");
        (await due.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("dueState");
        (await cursor.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("after");
    }

    [Fact]
    public async Task Keyset_paging_returns_every_instrument_exactly_once_in_id_order()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var ids = new List<int>();
        for (var n = 0; n < 7; n++)
        {
            ids.Add((await officer.CreateInstrument(InstrumentApi.Body(owner.Id))).Id);
        }

        var (rows, pages) = await officer.AllPages(InstrumentApi.Path, $"ownerId={owner.Id}&pageSize=3");

        pages.ShouldBe(3);
        rows.Select(r => r.Id).ShouldBe(ids);
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_matches_owner_type_and_location()
    {
        var owner = await App.NewEnterprise("Hợp tác xã Nông sản Gio Linh");
        using var officer = await App.As(TestData.QuangTriOfficer);
        var scale = InstrumentApi.Body(owner.Id, typeCode: "truck-scale", manufacturer: "Cân Nhơn Hòa");
        scale["location"] = "Trạm cân Cửa Việt";
        var dispenser = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        var truckScale = await officer.CreateInstrument(scale);

        var byLocation = await officer.ListInstruments($"search={Uri.EscapeDataString("tram can cua viet")}&ownerId={owner.Id}");
        var byOwnerAndType = await officer.ListInstruments($"search={Uri.EscapeDataString("gio linh cot do xang")}&ownerId={owner.Id}");
        var byManufacturer = await officer.ListInstruments($"search={Uri.EscapeDataString("NHON HOA")}&ownerId={owner.Id}");

        byLocation.Items.Select(i => i.Id).ShouldBe([truckScale.Id]);
        byOwnerAndType.Items.Select(i => i.Id).ShouldBe([dispenser.Id]);
        byManufacturer.Items.Select(i => i.Id).ShouldBe([truckScale.Id]);
    }

    [Fact]
    public async Task Filters_by_type_status_and_owner_combine()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var dispenser = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        var scrapped = InstrumentApi.Body(owner.Id);
        scrapped["status"] = "Scrapped";
        var scrappedDispenser = await officer.CreateInstrument(scrapped);
        var meter = await officer.CreateInstrument(InstrumentApi.Body(owner.Id, typeCode: "water-meter-cold-mechanical"));

        var dispensers = await officer.ListInstruments($"ownerId={owner.Id}&typeCode=fuel-dispenser");
        var inService = await officer.ListInstruments($"ownerId={owner.Id}&status=InService");
        var never = await officer.ListInstruments($"ownerId={owner.Id}&dueState=neverVerified");

        dispensers.Items.Select(i => i.Id).ShouldBe([dispenser.Id, scrappedDispenser.Id]);
        inService.Items.Select(i => i.Id).ShouldBe([dispenser.Id, meter.Id]);
        never.Items.Select(i => i.Id).ShouldBe([dispenser.Id, meter.Id]);
    }

    [Fact]
    public async Task The_list_and_the_due_list_cost_the_same_few_queries_for_2_rows_or_12()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        for (var n = 0; n < 12; n++)
        {
            var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
            await App.SetDueState(instrument.Id, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1 + n));
        }

        async Task<int> Count(string url, int expectedRows)
        {
            App.Queries.Reset();
            (await officer.ListInstruments(url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..], url.StartsWith("due", StringComparison.Ordinal))).Items.Count.ShouldBe(expectedRows);
            return App.Queries.Count;
        }

        var listTwo = await Count($"?ownerId={owner.Id}&pageSize=2", 2);
        var listTwelve = await Count($"?ownerId={owner.Id}&pageSize=20", 12);
        var dueTwo = await Count($"due?ownerId={owner.Id}&pageSize=2", 2);
        var dueTwelve = await Count($"due?ownerId={owner.Id}&pageSize=20", 12);

        listTwelve.ShouldBe(listTwo);
        dueTwelve.ShouldBe(dueTwo);
        // The bearer check reads the user; a page is one query for the rows and one for the type names.
        listTwo.ShouldBeLessThanOrEqualTo(4);
        dueTwo.ShouldBeLessThanOrEqualTo(4);
    }

    public sealed class Sqlite(InstrumentSqliteApp app) : InstrumentRegistryTests(app), IClassFixture<InstrumentSqliteApp>;

    public sealed class Postgres(InstrumentPostgresApp app) : InstrumentRegistryTests(app), IClassFixture<InstrumentPostgresApp>;
}
