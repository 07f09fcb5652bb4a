using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.Verification;

public sealed record NumberingJson(string? Pattern, string? NextNumber);

public sealed record CertificateRowJson(long Id, string Number);

/// <summary>
/// Issue 20, item 4 and 5: a body's certificate-number pattern with a yearly sequence, issuing the certificate of a
/// saved verification later, the same-day question, and searches that ignore case, Đ/D and separators.
/// </summary>
public abstract class CertificateNumberingTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_pattern_that_could_repeat_a_number_is_refused_naming_the_field()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);

        using var noYear = await lab.PutAsJsonAsync($"{CertificatesPath}/numbering", new { pattern = "{seq:000000}/GCNKĐ" }, Cancellation);
        (await noYear.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("pattern").Single()
            .ShouldBe("Mẫu số phải có {yyyy}: số thứ tự bắt đầu lại mỗi năm nên thiếu năm sẽ trùng số của năm trước.");
        using var noSequence = await lab.PutAsJsonAsync($"{CertificatesPath}/numbering", new { pattern = "GCNKĐ/{yyyy}" }, Cancellation);
        (await noSequence.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("pattern").ShouldNotBeEmpty();

        using var officer = await App.As(TestData.QuangTriOfficer);
        using var notALab = await officer.PutAsJsonAsync($"{CertificatesPath}/numbering", new { pattern = "{seq}/{yyyy}" }, Cancellation);
        notALab.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_verification_saved_without_a_certificate_gets_the_next_number_of_the_pattern_later()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var suffix = TestData.Unique("GCNKĐ").Replace(" ", "", StringComparison.Ordinal);
        var year = Today.Year;
        using var saved = await lab.PutAsJsonAsync($"{CertificatesPath}/numbering", new { pattern = "{seq:000000}/{yyyy}/" + suffix }, Cancellation);
        (await saved.ShouldReturn<NumberingJson>()).NextNumber.ShouldBe($"000001/{year}/{suffix}");

        var first = Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser));
        first["certificateNumber"] = null;
        var recorded = await lab.RecordAsync(first);
        recorded.Certificates.ShouldBeEmpty();

        using var issue = await lab.PostAsJsonAsync($"{VerificationsPath}/{recorded.Id}/certificate", new { }, Cancellation);
        var issued = await issue.ShouldReturn<VerificationJson>(HttpStatusCode.Created);
        issued.Certificates.Single().Number.ShouldBe($"000001/{year}/{suffix}");
        issued.Certificates.Single().ValidUntil.ShouldBe(recorded.NextDueDate);

        (await lab.GetFromJsonAsync<NumberingJson>($"{CertificatesPath}/numbering", Cancellation))!.NextNumber.ShouldBe($"000002/{year}/{suffix}");
        using var twice = await lab.PostAsJsonAsync($"{VerificationsPath}/{recorded.Id}/certificate", new { }, Cancellation);
        (await twice.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldBe("Kết quả kiểm định này đã có giấy chứng nhận.");
        (await App.WrittenForAsync(recorded.InstrumentId)).Certificates.ShouldBe(1);
    }

    [Fact]
    public async Task A_second_verification_of_one_instrument_on_one_day_is_recorded_only_when_confirmed()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var instrument = await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser);
        await lab.RecordAsync(Pass(instrument));

        using var again = await lab.PostAsJsonAsync(VerificationsPath, Pass(instrument), Cancellation);
        (await again.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("confirmSameDay").Single()
            .ShouldBe($"Thiết bị này đã có kết quả kiểm định ngày {Today:dd/MM/yyyy}. Ghi thêm một kết quả nữa?");
        (await App.WrittenForAsync(instrument)).Verifications.ShouldBe(1);

        var confirmed = Pass(instrument);
        confirmed["confirmSameDay"] = true;
        await lab.RecordAsync(confirmed);
        (await App.WrittenForAsync(instrument)).Verifications.ShouldBe(2);
    }

    [Fact]
    public async Task Certificate_numbers_and_stamp_serials_match_whatever_the_case_the_d_and_the_separators()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var digits = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser));
        body["certificateNumber"] = $"QT25-{digits}/GCNKĐ";
        body["stampSerial"] = $"TEM-Đ{digits}";
        var recorded = await lab.RecordAsync(body);

        var list = await lab.GetFromJsonAsync<PageJson<CertificateRowJson>>($"{CertificatesPath}?search=qt25{digits}gcnkd", Cancellation);
        list!.Items.Select(i => i.Number).ShouldBe([$"QT25-{digits}/GCNKĐ"]);
        var byStamp = await lab.GetFromJsonAsync<PageJson<VerificationListItemJson>>($"{VerificationsPath}?search=tem%20d{digits}", Cancellation);
        byStamp!.Items.Select(i => i.Id).ShouldBe([recorded.Id]);

        // The citizen, signed out, types it in lower case without Đ: found, serial masked, no token.
        using var citizen = App.Anonymous();
        var found = await citizen.GetFromJsonAsync<PublicLookupResultJson>($"/api/v1/public/lookup?q=qt25-{digits}/gcnkd", Cancellation);
        found!.Status.ShouldBe("valid");
        found.Matches.Single().CertificateNumber.ShouldBe($"QT25-{digits}/GCNKĐ");
        found.Matches.Single().SerialNumber.ShouldNotBe(recorded.InstrumentSerial);
        found.Matches.Single().ReplacedByToken.ShouldBeNull();
        var byPublicStamp = await citizen.GetFromJsonAsync<PublicLookupResultJson>($"/api/v1/public/lookup?q=temd{digits}", Cancellation);
        byPublicStamp!.Matches.Single().CertificateNumber.ShouldBe($"QT25-{digits}/GCNKĐ");
        var other = await citizen.GetFromJsonAsync<PublicLookupResultJson>($"/api/v1/public/lookup?q=qt25{digits}gcnkx", Cancellation);
        other!.Status.ShouldBe("notFound");
    }

    public sealed class Sqlite(SqliteApp app) : CertificateNumberingTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : CertificateNumberingTests(app), IClassFixture<PostgresApp>;
}
