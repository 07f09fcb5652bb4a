using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.PublicLookup;

/// <summary>What anyone without an account learns from a certificate's QR token, its number or its stamp.</summary>
public abstract class PublicLookupTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string TokenPath = "/api/v1/public/certificates";
    private const string LookupPath = "/api/v1/public/lookup";

    private async Task<(VerificationWorld World, VerificationJson Recorded, CertificateJson Certificate)> IssueAsync()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        return (world, recorded, await lab.CertificateAsync(recorded.Certificates[0].Id));
    }

    [Fact]
    public async Task The_qr_token_shows_a_valid_certificate_with_the_full_serial_and_no_owner_data_or_ids()
    {
        var (world, recorded, certificate) = await IssueAsync();
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync($"{TokenPath}/{certificate.PublicToken}", Cancellation);

        var json = await response.Content.ReadAsStringAsync(Cancellation);
        var result = await response.ShouldReturn<PublicCertificateResultJson>();
        result.Status.ShouldBe("valid");
        var shown = result.Certificate.ShouldNotBeNull();
        shown.CertificateNumber.ShouldBe(certificate.Number);
        shown.SerialNumber.ShouldBe(recorded.InstrumentSerial);
        shown.TypeNameVi.ShouldBe("Cột đo xăng dầu");
        shown.TypeNameEn.ShouldBe("Fuel dispenser (petrol/diesel)");
        shown.BodyName.ShouldBe(world.BodyName);
        shown.VerificationDate.ShouldBe(Today);
        shown.IssuedOn.ShouldBe(Today);
        shown.ValidUntil.ShouldBe(Today.AddMonths(12));
        json.ShouldNotContain(world.EnterpriseName);
        json.ShouldNotContain(world.EnterpriseEmail);
        json.ShouldNotContain("\"id\"", Case.Insensitive);
        json.ShouldNotContain("ownerId", Case.Insensitive);
        json.ShouldNotContain("instrumentId", Case.Insensitive);
    }

    [Fact]
    public async Task An_unknown_token_answers_not_found_in_the_same_shape()
    {
        using var anonymous = App.Anonymous();

        var result = await (await anonymous.GetAsync($"{TokenPath}/AAAAAAAAAAAAAAAAAAAAAAAAAAA", Cancellation)).ShouldReturn<PublicCertificateResultJson>();

        result.Status.ShouldBe("notFound");
        result.Certificate.ShouldBeNull();
    }

    [Fact]
    public async Task Looking_up_a_number_or_a_stamp_masks_the_serial_and_never_returns_a_token()
    {
        var (world, recorded, certificate) = await IssueAsync();
        using var anonymous = App.Anonymous();

        using var byNumber = await anonymous.GetAsync($"{LookupPath}?q={Uri.EscapeDataString(certificate.Number)}", Cancellation);
        var numberJson = await byNumber.Content.ReadAsStringAsync(Cancellation);
        var number = await byNumber.ShouldReturn<PublicLookupResultJson>();
        var stamp = await (await anonymous.GetAsync($"{LookupPath}?q={Uri.EscapeDataString(recorded.StampSerial!)}", Cancellation)).ShouldReturn<PublicLookupResultJson>();

        number.Status.ShouldBe("valid");
        var match = number.Matches.ShouldHaveSingleItem();
        // "TS" + 10 characters: 8 masked, the last 4 shown for the citizen to compare with the meter.
        match.SerialNumber.ShouldBe(new string('*', 8) + recorded.InstrumentSerial[^4..]);
        match.BodyName.ShouldBe(world.BodyName);
        match.ValidUntil.ShouldBe(Today.AddMonths(12));
        numberJson.ShouldNotContain(certificate.PublicToken);
        numberJson.ShouldNotContain(recorded.InstrumentSerial);
        numberJson.ShouldNotContain(world.EnterpriseName);
        stamp.Matches.ShouldHaveSingleItem().CertificateNumber.ShouldBe(certificate.Number);
        var unknown = await (await anonymous.GetAsync($"{LookupPath}?q=KHONG-CO-{Guid.NewGuid():N}", Cancellation)).ShouldReturn<PublicLookupResultJson>();
        unknown.Status.ShouldBe("notFound");
        unknown.Matches.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_revoked_and_reissued_certificate_shows_revoked_with_a_listed_reason_and_the_replacement()
    {
        var (world, _, certificate) = await IssueAsync();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var newNumber = "GCN-N-" + Guid.NewGuid().ToString("N")[..6];
        var replacement = await (await lab.PostAsJsonAsync($"{CertificatesPath}/{certificate.Id}/reissue", new { number = newNumber, reason = "Sai số sản xuất" }, Cancellation))
            .ShouldReturn<CertificateJson>(HttpStatusCode.Created);
        using var anonymous = App.Anonymous();

        var old = await (await anonymous.GetAsync($"{TokenPath}/{certificate.PublicToken}", Cancellation)).ShouldReturn<PublicCertificateResultJson>();
        var byNumber = await (await anonymous.GetAsync($"{LookupPath}?q={Uri.EscapeDataString(certificate.Number)}", Cancellation)).ShouldReturn<PublicLookupResultJson>();

        old.Status.ShouldBe("revoked");
        // A code from the fixed list, never the lab's free text.
        old.Certificate!.RevocationReason.ShouldBe("reissued");
        old.Certificate.ReplacedByNumber.ShouldBe(newNumber);
        old.Certificate.ReplacedByToken.ShouldBe(replacement.PublicToken);
        var match = byNumber.Matches.ShouldHaveSingleItem();
        match.Status.ShouldBe("revoked");
        match.ReplacedByToken.ShouldBeNull();
        (await (await anonymous.GetAsync($"{TokenPath}/{replacement.PublicToken}", Cancellation)).ShouldReturn<PublicCertificateResultJson>()).Status.ShouldBe("valid");
    }

    [Fact]
    public async Task A_revoked_certificate_shows_a_reason_from_the_fixed_list_and_never_the_labs_words()
    {
        var (world, _, certificate) = await IssueAsync();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        const string labsWords = "Chủ cơ sở Nguyễn Văn An sửa niêm phong";
        await (await lab.PostAsJsonAsync($"{CertificatesPath}/{certificate.Id}/revoke", new { reason = labsWords }, Cancellation)).ShouldHaveStatus(HttpStatusCode.OK);
        using var anonymous = App.Anonymous();

        using var byToken = await anonymous.GetAsync($"{TokenPath}/{certificate.PublicToken}", Cancellation);
        var tokenJson = await byToken.Content.ReadAsStringAsync(Cancellation);
        var byNumber = await (await anonymous.GetAsync($"{LookupPath}?q={Uri.EscapeDataString(certificate.Number)}", Cancellation)).ShouldReturn<PublicLookupResultJson>();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{certificate.PublicToken}", Cancellation));

        (await byToken.ShouldReturn<PublicCertificateResultJson>()).Certificate!.RevocationReason.ShouldBe("withdrawn");
        tokenJson.ShouldNotContain("Nguyễn Văn An");
        byNumber.Matches.ShouldHaveSingleItem().RevocationReason.ShouldBe("withdrawn");
        page.ShouldContain("Tổ chức cấp đã thu hồi giấy chứng nhận");
        page.ShouldNotContain(labsWords);
        // The lab itself still reads its own words.
        (await lab.CertificateAsync(certificate.Id)).RevocationReason.ShouldBe(labsWords);
    }

    [Fact]
    public async Task A_certificate_past_its_validity_shows_expired()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser), new DateOnly(2022, 3, 1)));
        var certificate = await lab.CertificateAsync(recorded.Certificates[0].Id);
        using var anonymous = App.Anonymous();

        var result = await (await anonymous.GetAsync($"{TokenPath}/{certificate.PublicToken}", Cancellation)).ShouldReturn<PublicCertificateResultJson>();

        result.Status.ShouldBe("expired");
        result.Certificate!.ValidUntil.ShouldBe(new DateOnly(2023, 3, 1));
    }

    [Fact]
    public async Task The_verify_pages_show_the_status_without_signing_in_in_vietnamese_and_english()
    {
        var (_, recorded, certificate) = await IssueAsync();
        using var vi = App.Anonymous("vi-VN");
        // Pages follow the language switch's cookie, not the browser's Accept-Language.
        using var en = App.Anonymous();
        en.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        // Blazor writes non-ASCII letters as character references; a browser shows them decoded.
        var tokenPage = WebUtility.HtmlDecode(await vi.GetStringAsync($"/verify/{certificate.PublicToken}", Cancellation));
        var tokenPageEnglish = WebUtility.HtmlDecode(await en.GetStringAsync($"/verify/{certificate.PublicToken}", Cancellation));
        var searchPage = WebUtility.HtmlDecode(await vi.GetStringAsync($"/verify?q={Uri.EscapeDataString(recorded.StampSerial!)}", Cancellation));
        var unknownPage = WebUtility.HtmlDecode(await vi.GetStringAsync("/verify/khong-co-ma-nay", Cancellation));

        tokenPage.ShouldContain("Còn hiệu lực");
        tokenPage.ShouldContain(recorded.InstrumentSerial);
        tokenPage.ShouldContain("Cột đo xăng dầu");
        tokenPageEnglish.ShouldContain("Valid");
        tokenPageEnglish.ShouldContain("Fuel dispenser (petrol/diesel)");
        searchPage.ShouldContain(new string('*', 8) + recorded.InstrumentSerial[^4..]);
        searchPage.ShouldNotContain(recorded.InstrumentSerial);
        searchPage.ShouldNotContain(certificate.PublicToken);
        unknownPage.ShouldContain("Không tìm thấy");
    }

    public sealed class Sqlite(SqliteApp app) : PublicLookupTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : PublicLookupTests(app), IClassFixture<PostgresApp>;
}

/// <summary>Guessing from one address is slowed down: past the per-minute limit the public lookup answers 429.</summary>
public abstract class PublicLookupRateLimitTests(MetrologyApp app) : IntegrationTest(app)
{
    private const int LimitPerMinute = 3;

    [Fact]
    public async Task Lookups_past_the_per_minute_limit_answer_429_with_retry_after()
    {
        using var anonymous = App.Anonymous();
        for (var attempt = 1; attempt <= LimitPerMinute; attempt++)
        {
            using var allowed = await anonymous.GetAsync($"/api/v1/public/lookup?q=GCN-{attempt}", Cancellation);
            await allowed.ShouldHaveStatus(HttpStatusCode.OK);
        }

        using var limited = await anonymous.GetAsync("/api/v1/public/certificates/AAAAAAAAAAAAAAAAAAAAAAAAAAA", Cancellation);
        using var page = await anonymous.GetAsync("/verify?q=GCN-9", Cancellation);

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        await page.ShouldHaveStatus(HttpStatusCode.TooManyRequests);
        using var otherEndpoints = await anonymous.GetAsync("/health/live", Cancellation);
        await otherEndpoints.ShouldHaveStatus(HttpStatusCode.OK);
    }

    public sealed class SqliteWithLimit : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("RateLimits:PublicPerMinutePerIp", LimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public sealed class PostgresWithLimit : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("RateLimits:PublicPerMinutePerIp", LimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public sealed class Sqlite(SqliteWithLimit app) : PublicLookupRateLimitTests(app), IClassFixture<SqliteWithLimit>;

    public sealed class Postgres(PostgresWithLimit app) : PublicLookupRateLimitTests(app), IClassFixture<PostgresWithLimit>;
}

/// <summary>
/// Counting certificate numbers from many addresses, each under its own limit, meets a budget for all of them
/// together; an address past its own limit does not use up everybody's budget.
/// </summary>
public abstract class PublicLookupBudgetTests(MetrologyApp app) : IntegrationTest(app)
{
    private const int PerAddress = 2;
    private const int Budget = 4;

    [Fact]
    public async Task Lookups_from_many_addresses_stop_at_the_budget_for_all_of_them()
    {
        // One eager address: 2 allowed, its third refused by its own limit (and not counted in the budget).
        await LookupFrom("10.1.0.1", HttpStatusCode.OK);
        await LookupFrom("10.1.0.1", HttpStatusCode.OK);
        await LookupFrom("10.1.0.1", HttpStatusCode.TooManyRequests);

        // New addresses, each far under its own limit, take the two lookups left of the budget...
        await LookupFrom("10.1.0.2", HttpStatusCode.OK);
        await LookupFrom("10.1.0.3", HttpStatusCode.OK);

        // ...and the next one, from yet another address, is refused on the page as on the API.
        var refused = await LookupFrom("10.1.0.4", HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        using var page = App.Anonymous();
        page.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, "10.1.0.5");
        (await page.GetAsync("/verify?q=GCN-1", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Signed-in work is not part of the public budget.
        using var officer = await App.As(TestData.QuangTriOfficer);
        await (await officer.GetAsync("/api/v1/organizations", Cancellation)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> LookupFrom(string address, HttpStatusCode expected)
    {
        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Add(BrowserForms.AddressHeader, address);
        var response = await client.GetAsync($"/api/v1/public/lookup?q=GCN-{Guid.NewGuid():N}", Cancellation);
        response.StatusCode.ShouldBe(expected, $"lookup from {address}");
        return response;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Limits =>
    [
        new("RateLimits:PublicPerMinutePerIp", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("RateLimits:PublicPerMinute", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public sealed class SqliteWithBudget : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => Limits;
    }

    public sealed class PostgresWithBudget : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => Limits;
    }

    public sealed class Sqlite(SqliteWithBudget app) : PublicLookupBudgetTests(app), IClassFixture<SqliteWithBudget>;

    public sealed class Postgres(PostgresWithBudget app) : PublicLookupBudgetTests(app), IClassFixture<PostgresWithBudget>;
}
