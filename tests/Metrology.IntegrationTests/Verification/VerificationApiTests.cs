using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.Verification;

/// <summary>Recording verifications through the API: the rules of design/domain.md with hand-worked dates.</summary>
public abstract class VerificationApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private async Task<HttpClient> Lab(VerificationWorld world, string? language = null) => await App.As(world.LabOperator, UserApi.Password, language);

    [Fact]
    public async Task A_passing_periodic_verification_gets_the_due_date_of_the_cycle_a_certificate_and_updates_the_instrument()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId, new DateOnly(2024, 1, 31));
        body["standardIds"] = new[] { world.StandardInCalibrationId };

        using var response = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        var recorded = await response.ShouldReturn<VerificationJson>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/verifications/{recorded.Id}");
        // Fuel dispensers: 12-month cycle (TT07/2019), so 31/01/2024 + 12 months = 31/01/2025.
        recorded.CycleMonths.ShouldBe(12);
        recorded.NextDueDate.ShouldBe(new DateOnly(2025, 1, 31));
        recorded.BodyId.ShouldBe(world.BodyId);
        recorded.BodyName.ShouldBe(world.BodyName);
        recorded.TypeName.ShouldBe("Cột đo xăng dầu");
        recorded.StampSerial.ShouldBe(body["stampSerial"]);
        recorded.StandardOutOfCalibration.ShouldBeFalse();
        recorded.Standards.ShouldHaveSingleItem().WasInCalibration.ShouldBeTrue();
        var issued = recorded.Certificates.ShouldHaveSingleItem();
        issued.Number.ShouldBe(body["certificateNumber"]);
        issued.ValidUntil.ShouldBe(new DateOnly(2025, 1, 31));

        var certificate = await lab.CertificateAsync(issued.Id);
        certificate.SignerName.ShouldBe("Người dùng thử LabOperator");
        certificate.SignerTitle.ShouldBe("Giám đốc");
        certificate.IssuedOn.ShouldBe(Today);
        certificate.Status.ShouldBe("Expired");

        var instrument = await App.InstrumentAsync(instrumentId);
        instrument.LastVerifiedOn.ShouldBe(new DateOnly(2024, 1, 31));
        instrument.NextDueDate.ShouldBe(new DateOnly(2025, 1, 31));
        instrument.MustNotBeUsed.ShouldBeFalse();

        using var admin = await App.AsSystemAdmin();
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=VerificationRecord&entityId={recorded.Id}", Cancellation)).ShouldReturn<PageJson<AuditJson>>();
        audit.Items.ShouldHaveSingleItem().Action.ShouldBe("Create");
    }

    [Fact]
    public async Task A_failed_verification_has_no_stamp_no_due_date_no_certificate_and_flags_the_instrument()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        await lab.RecordAsync(Pass(instrumentId, Today.AddDays(-10)));

        var body = Pass(instrumentId);
        body["result"] = "Fail";
        body["stampSerial"] = null;
        body["certificateNumber"] = null;
        var failed = await lab.RecordAsync(body);

        failed.Result.ShouldBe("Fail");
        failed.StampSerial.ShouldBeNull();
        failed.NextDueDate.ShouldBeNull();
        failed.Certificates.ShouldBeEmpty();
        var instrument = await App.InstrumentAsync(instrumentId);
        instrument.MustNotBeUsed.ShouldBeTrue();
        instrument.NextDueDate.ShouldBeNull();
        instrument.LastVerifiedOn.ShouldBe(Today);
    }

    [Fact]
    public async Task A_failed_result_with_a_stamp_or_certificate_is_refused_and_nothing_is_written()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId);
        body["result"] = "Fail";

        using var response = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("stampSerial").ShouldHaveSingleItem().ShouldBe("Phương tiện đo không đạt thì không được dán tem.");
        problem.ErrorsFor("certificateNumber").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_pass_without_a_stamp_is_refused()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var body = Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser));
        body["stampSerial"] = " ";

        using var response = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("stampSerial").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_verification_date_in_the_future_is_refused_in_both_languages_and_nothing_is_written()
    {
        var world = await App.World();
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        using var vi = await Lab(world);
        using var en = await Lab(world, "en-GB");
        var tomorrow = Today.AddDays(1);

        using var inVietnamese = await vi.PostAsJsonAsync(VerificationsPath, Pass(instrumentId, tomorrow), Cancellation);
        using var inEnglish = await en.PostAsJsonAsync(VerificationsPath, Pass(instrumentId, tomorrow), Cancellation);

        var today = Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        (await inVietnamese.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").ShouldHaveSingleItem()
            .ShouldBe($"Ngày kiểm định không được sau ngày hôm nay ({today}).");
        (await inEnglish.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("date").ShouldHaveSingleItem()
            .ShouldBe($"The verification date cannot be after today ({today}).");
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_due_date_override_needs_a_reason_and_with_one_replaces_the_cycle()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId, new DateOnly(2024, 3, 15));
        body["nextDueDateOverride"] = "2024-09-15";

        using var withoutReason = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        (await withoutReason.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("dueDateOverrideReason").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));

        body["dueDateOverrideReason"] = "Cột đo lắp đặt tạm, kiểm định lại sau 6 tháng theo yêu cầu của chủ sở hữu";
        var recorded = await lab.RecordAsync(body);
        recorded.NextDueDate.ShouldBe(new DateOnly(2024, 9, 15));
        recorded.DueDateOverrideReason.ShouldBe(body["dueDateOverrideReason"]);
        (await lab.CertificateAsync(recorded.Certificates[0].Id)).ValidUntil.ShouldBe(new DateOnly(2024, 9, 15));
    }

    [Fact]
    public async Task A_type_outside_the_bodys_designations_answers_422_saying_so()
    {
        var world = await App.World();
        using var lab = await Lab(world, "en-GB");
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, ColdWaterMeter);

        using var response = await lab.PostAsJsonAsync(VerificationsPath, Pass(instrumentId), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        problem.Detail.ShouldBe("Your body holds no designation for Đồng hồ đo nước lạnh cơ khí.");
        problem.ErrorsFor("instrumentId").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task An_expired_designation_answers_422_saying_it_was_not_in_force_and_an_earlier_date_inside_it_is_accepted()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, Taximeter);

        using var afterExpiry = await lab.PostAsJsonAsync(VerificationsPath, Pass(instrumentId, new DateOnly(2022, 1, 1)), Cancellation);

        var problem = await afterExpiry.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        problem.Detail.ShouldBe("Quyết định chỉ định kiểm định Taximet đã hết hiệu lực hoặc chưa có hiệu lực vào ngày 01/01/2022.");
        problem.ErrorsFor("date").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));

        // The last day of the designation is inside it: 31/12/2021 + 18 months (taximeter cycle) = 30/06/2023.
        var lastDay = await lab.RecordAsync(Pass(instrumentId, new DateOnly(2021, 12, 31)));
        lastDay.NextDueDate.ShouldBe(new DateOnly(2023, 6, 30));
    }

    [Fact]
    public async Task A_kind_outside_the_designated_scope_answers_422_naming_the_kind()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId);
        body["kind"] = "Reference";

        using var response = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        problem.Detail.ShouldBe("Hình thức kiểm định Đối chứng không nằm trong phạm vi được chỉ định cho Cột đo xăng dầu.");
        problem.ErrorsFor("kind").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_stamp_serial_or_certificate_number_used_before_by_the_body_answers_409_and_nothing_is_written()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var first = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);

        var sameStamp = Pass(instrumentId);
        sameStamp["stampSerial"] = first.StampSerial;
        using var stampResponse = await lab.PostAsJsonAsync(VerificationsPath, sameStamp, Cancellation);
        var sameNumber = Pass(instrumentId);
        sameNumber["certificateNumber"] = first.Certificates[0].Number;
        using var numberResponse = await lab.PostAsJsonAsync(VerificationsPath, sameNumber, Cancellation);

        (await stampResponse.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("stampSerial").ShouldHaveSingleItem()
            .ShouldBe($"Số tem {first.StampSerial} đã được tổ chức sử dụng.");
        (await numberResponse.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("certificateNumber").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Another_body_may_use_the_same_stamp_serial_and_certificate_number()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var first = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        using var other = await App.As(world.OtherLabOperator, UserApi.Password);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId);
        body["stampSerial"] = first.StampSerial;
        body["certificateNumber"] = first.Certificates[0].Number;

        using var response = await other.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        // The other lab holds no designation: the uniqueness check did not stop it, the designation rule did.
        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_lab_operator_cannot_record_for_another_body_and_other_roles_cannot_record_at_all()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var forOtherBody = Pass(instrumentId);
        forOtherBody["bodyId"] = world.OtherBodyId;

        using var otherBody = await lab.PostAsJsonAsync(VerificationsPath, forOtherBody, Cancellation);
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var byOfficer = await officer.PostAsJsonAsync(VerificationsPath, Pass(instrumentId), Cancellation);
        using var enterprise = await App.As(world.EnterpriseUser, UserApi.Password);
        using var byEnterprise = await enterprise.PostAsJsonAsync(VerificationsPath, Pass(instrumentId), Cancellation);

        (await otherBody.ShouldBeProblem(HttpStatusCode.Forbidden)).Detail.ShouldBe("Bạn chỉ được ghi kết quả kiểm định cho tổ chức của mình.");
        await byOfficer.ShouldBeProblem(HttpStatusCode.Forbidden);
        await byEnterprise.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Another_provinces_lab_operator_gets_404_for_the_instrument_the_verification_and_the_certificate()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var recorded = await lab.RecordAsync(Pass(instrumentId));
        using var haNoi = await App.As(world.HaNoiLabOperator, UserApi.Password);

        using var record = await haNoi.PostAsJsonAsync(VerificationsPath, Pass(instrumentId), Cancellation);
        using var readVerification = await haNoi.GetAsync($"{VerificationsPath}/{recorded.Id}", Cancellation);
        using var readCertificate = await haNoi.GetAsync($"{CertificatesPath}/{recorded.Certificates[0].Id}", Cancellation);
        using var pdf = await haNoi.GetAsync($"{CertificatesPath}/{recorded.Certificates[0].Id}/pdf", Cancellation);
        using var revoke = await haNoi.PostAsJsonAsync($"{CertificatesPath}/{recorded.Certificates[0].Id}/revoke", new { reason = "Chiếm quyền" }, Cancellation);

        await record.ShouldBeProblem(HttpStatusCode.NotFound);
        await readVerification.ShouldBeProblem(HttpStatusCode.NotFound);
        await readCertificate.ShouldBeProblem(HttpStatusCode.NotFound);
        await pdf.ShouldBeProblem(HttpStatusCode.NotFound);
        await revoke.ShouldBeProblem(HttpStatusCode.NotFound);
        (await App.WrittenForAsync(instrumentId)).ShouldBe((1, 1));
        (await haNoi.GetFromJsonAsync<PageJson<VerificationListItemJson>>($"{VerificationsPath}?instrumentId={instrumentId}", Cancellation))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task An_enterprise_user_reads_its_own_instruments_certificates_but_another_enterprise_gets_404()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        using var owner = await App.As(world.EnterpriseUser, UserApi.Password);
        using var stranger = await App.As(world.OtherEnterpriseUser, UserApi.Password);
        var certificateId = recorded.Certificates[0].Id;

        var seen = await owner.CertificateAsync(certificateId);
        using var strangerCertificate = await stranger.GetAsync($"{CertificatesPath}/{certificateId}", Cancellation);
        using var strangerVerification = await stranger.GetAsync($"{VerificationsPath}/{recorded.Id}", Cancellation);
        var strangerList = await (await stranger.GetAsync(CertificatesPath + "?pageSize=200", Cancellation)).ShouldReturn<PageJson<CertificateJson>>();
        var strangerVerifications = await (await stranger.GetAsync(VerificationsPath + "?pageSize=200", Cancellation)).ShouldReturn<PageJson<VerificationListItemJson>>();

        seen.ValidUntil.ShouldBe(Today.AddMonths(12));
        seen.BodyName.ShouldBe(world.BodyName);
        await strangerCertificate.ShouldBeProblem(HttpStatusCode.NotFound);
        await strangerVerification.ShouldBeProblem(HttpStatusCode.NotFound);
        strangerList.Items.ShouldNotContain(c => c.Id == certificateId);
        strangerVerifications.Items.ShouldNotContain(v => v.Id == recorded.Id);
    }

    [Fact]
    public async Task A_standard_out_of_calibration_on_the_day_flags_the_verification_and_its_list_row()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId);
        body["standardIds"] = new[] { world.StandardInCalibrationId, world.StandardOutOfCalibrationId };

        var recorded = await lab.RecordAsync(body);

        recorded.StandardOutOfCalibration.ShouldBeTrue();
        recorded.Standards.Single(s => s.Id == world.StandardOutOfCalibrationId).WasInCalibration.ShouldBeFalse();
        recorded.Standards.Single(s => s.Id == world.StandardInCalibrationId).WasInCalibration.ShouldBeTrue();
        var list = await (await lab.GetAsync($"{VerificationsPath}?instrumentId={instrumentId}", Cancellation)).ShouldReturn<PageJson<VerificationListItemJson>>();
        list.Items.ShouldHaveSingleItem().StandardOutOfCalibration.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_bodys_standard_is_refused()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var body = Pass(instrumentId);
        body["standardIds"] = new[] { world.OtherBodyStandardId };

        using var response = await lab.PostAsJsonAsync(VerificationsPath, body, Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("standardIds").ShouldNotBeEmpty();
        (await App.WrittenForAsync(instrumentId)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_lab_operator_lists_only_its_own_bodys_verifications_and_an_officer_sees_the_province()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        var recorded = await lab.RecordAsync(Pass(instrumentId));
        using var otherLab = await App.As(world.OtherLabOperator, UserApi.Password);
        using var officer = await App.As(TestData.QuangTriOfficer);

        var otherLabList = await (await otherLab.GetAsync($"{VerificationsPath}?instrumentId={instrumentId}", Cancellation)).ShouldReturn<PageJson<VerificationListItemJson>>();
        using var otherLabRead = await otherLab.GetAsync($"{VerificationsPath}/{recorded.Id}", Cancellation);
        var officerList = await (await officer.GetAsync($"{VerificationsPath}?instrumentId={instrumentId}", Cancellation)).ShouldReturn<PageJson<VerificationListItemJson>>();

        otherLabList.Total.ShouldBe(0);
        await otherLabRead.ShouldBeProblem(HttpStatusCode.NotFound);
        var row = officerList.Items.ShouldHaveSingleItem();
        row.CertificateNumber.ShouldBe(recorded.Certificates[0].Number);
        row.BodyName.ShouldBe(world.BodyName);
        row.TypeName.ShouldBe("Cột đo xăng dầu");
    }

    [Fact]
    public async Task Recording_an_older_verification_after_a_newer_one_leaves_the_instrument_on_the_newer_one()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        await lab.RecordAsync(Pass(instrumentId, new DateOnly(2024, 6, 1)));

        var older = Pass(instrumentId, new DateOnly(2023, 6, 1));
        older["result"] = "Fail";
        older["stampSerial"] = null;
        older["certificateNumber"] = null;
        await lab.RecordAsync(older);

        var instrument = await App.InstrumentAsync(instrumentId);
        instrument.LastVerifiedOn.ShouldBe(new DateOnly(2024, 6, 1));
        instrument.NextDueDate.ShouldBe(new DateOnly(2025, 6, 1));
        instrument.MustNotBeUsed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_verification_and_certificate_lists_cost_the_same_queries_for_one_row_as_for_three()
    {
        var world = await App.World();
        using var lab = await Lab(world);
        for (var i = 0; i < 3; i++)
        {
            var instrumentId = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
            (await lab.PostAsJsonAsync(VerificationsPath, Pass(instrumentId, Today.AddDays(-i)), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        async Task<int> QueriesFor(string path)
        {
            App.Queries.Reset();
            using var response = await lab.GetAsync(path, Cancellation);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return App.Queries.Count;
        }

        (await QueriesFor($"{VerificationsPath}?pageSize=3")).ShouldBe(await QueriesFor($"{VerificationsPath}?pageSize=1"));
        (await QueriesFor($"{CertificatesPath}?pageSize=3")).ShouldBe(await QueriesFor($"{CertificatesPath}?pageSize=1"));
    }

    public sealed class Sqlite(SqliteApp app) : VerificationApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : VerificationApiTests(app), IClassFixture<PostgresApp>;
}
