using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Verification.VerificationArrange;

namespace Metrology.IntegrationTests.Verification;

/// <summary>Certificates are issued once: never edited, revoked with a reason, reissued with a link both ways, printed as PDF.</summary>
public abstract class CertificateApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private async Task<(VerificationWorld World, HttpClient Lab, VerificationJson Recorded)> IssueAsync()
    {
        var world = await App.World();
        var lab = await App.As(world.LabOperator, UserApi.Password);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        return (world, lab, recorded);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task An_issued_certificate_cannot_be_edited_or_deleted_405(string method)
    {
        var (_, lab, recorded) = await IssueAsync();
        using (lab)
        {
            var id = recorded.Certificates[0].Id;
            using var request = new HttpRequestMessage(new HttpMethod(method), $"{CertificatesPath}/{id}")
            {
                Content = JsonContent.Create(new { number = "SỬA-001", validUntil = "2099-01-01" }),
            };

            using var response = await lab.SendAsync(request, Cancellation);

            var problem = await response.ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
            problem.Detail.ShouldBe("Giấy chứng nhận đã cấp không được sửa. Hãy thu hồi và cấp lại.");
            var unchanged = await lab.CertificateAsync(id);
            unchanged.Number.ShouldBe(recorded.Certificates[0].Number);
            unchanged.ValidUntil.ShouldBe(recorded.NextDueDate);
        }
    }

    [Fact]
    public async Task Revoking_needs_a_reason_and_revoking_twice_answers_409()
    {
        var (_, lab, recorded) = await IssueAsync();
        using (lab)
        {
            var url = $"{CertificatesPath}/{recorded.Certificates[0].Id}/revoke";

            using var noReason = await lab.PostAsJsonAsync(url, new { reason = "" }, Cancellation);
            (await noReason.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("reason").ShouldNotBeEmpty();
            (await lab.CertificateAsync(recorded.Certificates[0].Id)).Status.ShouldBe("Valid");

            using var first = await lab.PostAsJsonAsync(url, new { reason = "Ghi sai số sản xuất" }, Cancellation);
            var revoked = await first.ShouldReturn<CertificateJson>();
            revoked.Status.ShouldBe("Revoked");
            revoked.RevocationReason.ShouldBe("Ghi sai số sản xuất");
            revoked.RevokedAt.ShouldNotBeNull();

            using var second = await lab.PostAsJsonAsync(url, new { reason = "Lần nữa" }, Cancellation);
            (await second.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldBe($"Giấy chứng nhận {revoked.Number} đã bị thu hồi.");
            (await lab.CertificateAsync(revoked.Id)).RevocationReason.ShouldBe("Ghi sai số sản xuất");
        }
    }

    [Fact]
    public async Task Reissuing_revokes_the_old_certificate_and_links_it_to_the_new_one_both_stay_visible()
    {
        var (_, lab, recorded) = await IssueAsync();
        using (lab)
        {
            var oldId = recorded.Certificates[0].Id;
            var newNumber = "GCN-R-" + Guid.NewGuid().ToString("N")[..6];

            using var response = await lab.PostAsJsonAsync($"{CertificatesPath}/{oldId}/reissue", new { number = newNumber, reason = "Sai tên kiểu" }, Cancellation);

            var replacement = await response.ShouldReturn<CertificateJson>(HttpStatusCode.Created);
            replacement.Number.ShouldBe(newNumber);
            replacement.Status.ShouldBe("Valid");
            replacement.ReplacesId.ShouldBe(oldId);
            replacement.ReplacesNumber.ShouldBe(recorded.Certificates[0].Number);
            replacement.VerificationId.ShouldBe(recorded.Id);
            replacement.ValidUntil.ShouldBe(recorded.NextDueDate);
            replacement.PublicToken.ShouldNotBe((await lab.CertificateAsync(oldId)).PublicToken);
            var old = await lab.CertificateAsync(oldId);
            old.Status.ShouldBe("Revoked");
            old.RevocationReason.ShouldBe("Sai tên kiểu");
            old.ReplacedById.ShouldBe(replacement.Id);
            old.ReplacedByNumber.ShouldBe(newNumber);
            var verification = await (await lab.GetAsync($"{VerificationsPath}/{recorded.Id}", Cancellation)).ShouldReturn<VerificationJson>();
            verification.Certificates.Select(c => (c.Number, c.Status)).ShouldBe([(old.Number, "Revoked"), (newNumber, "Valid")]);

            using var again = await lab.PostAsJsonAsync($"{CertificatesPath}/{oldId}/reissue", new { number = "GCN-X-" + Guid.NewGuid().ToString("N")[..6], reason = "Lần hai" }, Cancellation);
            await again.ShouldBeProblem(HttpStatusCode.Conflict);
            using var duplicate = await lab.PostAsJsonAsync($"{CertificatesPath}/{replacement.Id}/reissue", new { number = newNumber, reason = "Trùng số" }, Cancellation);
            (await duplicate.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorsFor("number").ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task Only_the_issuing_bodys_lab_operator_may_revoke()
    {
        var (world, lab, recorded) = await IssueAsync();
        using (lab)
        {
            var url = $"{CertificatesPath}/{recorded.Certificates[0].Id}/revoke";
            using var otherLab = await App.As(world.OtherLabOperator, UserApi.Password);
            using var officer = await App.As(TestData.QuangTriOfficer);
            using var owner = await App.As(world.EnterpriseUser, UserApi.Password);

            using var byOtherLab = await otherLab.PostAsJsonAsync(url, new { reason = "x" }, Cancellation);
            using var byOfficer = await officer.PostAsJsonAsync(url, new { reason = "x" }, Cancellation);
            using var byOwner = await owner.PostAsJsonAsync(url, new { reason = "x" }, Cancellation);

            await byOtherLab.ShouldBeProblem(HttpStatusCode.NotFound);
            await byOfficer.ShouldBeProblem(HttpStatusCode.Forbidden);
            await byOwner.ShouldBeProblem(HttpStatusCode.Forbidden);
            (await lab.CertificateAsync(recorded.Certificates[0].Id)).Status.ShouldBe("Valid");
        }
    }

    [Fact]
    public async Task The_pdf_is_an_a4_page_in_vietnamese_with_the_instrument_dates_and_a_revoked_mark_after_revocation()
    {
        var (_, lab, recorded) = await IssueAsync();
        using (lab)
        {
            var id = recorded.Certificates[0].Id;
            using var response = await lab.GetAsync($"{CertificatesPath}/{id}/pdf", Cancellation);

            await response.ShouldHaveStatus(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var pdf = await response.Content.ReadAsByteArrayAsync(Cancellation);
            Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
            Encoding.ASCII.GetString(pdf).ShouldContain("/MediaBox [0 0 595 842]");
            var text = PdfText(pdf);
            if (text is not null)
            {
                var date = Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
                text.ShouldContain("GIẤY CHỨNG NHẬN KIỂM ĐỊNH");
                text.ShouldContain("Cột đo xăng dầu");
                text.ShouldContain(recorded.InstrumentSerial);
                text.ShouldContain(recorded.StampSerial!);
                text.ShouldContain("Ngày kiểm định:");
                text.ShouldContain(date);
                text.ShouldContain("Kiểm định định kỳ");
                text.ShouldContain("Có hiệu lực đến:");
                text.ShouldContain(recorded.NextDueDate!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
                text.ShouldContain("Người dùng thử LabOperator");
                text.ShouldContain($"/verify/{(await lab.CertificateAsync(id)).PublicToken}");
                text.ShouldNotContain("ĐÃ THU HỒI");
            }

            await (await lab.PostAsJsonAsync($"{CertificatesPath}/{id}/revoke", new { reason = "Cấp nhầm" }, Cancellation)).ShouldHaveStatus(HttpStatusCode.OK);
            var revokedPdf = await lab.GetByteArrayAsync($"{CertificatesPath}/{id}/pdf", Cancellation);
            if (PdfText(revokedPdf) is { } revokedText)
            {
                revokedText.ShouldContain("ĐÃ THU HỒI");
                revokedText.ShouldContain("Cấp nhầm");
            }
            else
            {
                revokedPdf.Length.ShouldBeGreaterThan(pdf.Length);
            }
        }
    }

    /// <summary>The PDF's text through poppler's pdftotext, or null when poppler-utils is not installed.</summary>
    internal static string? PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false });
            var text = process!.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public sealed class Sqlite(SqliteApp app) : CertificateApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : CertificateApiTests(app), IClassFixture<PostgresApp>;
}

/// <summary>Behind a proxy the QR code must carry the public address, set by App:PublicBaseUrl, not the internal one.</summary>
public abstract class CertificatePublicAddressTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string PublicBaseUrl = "https://kiemdinh.quangtri.gov.vn";

    [Fact]
    public async Task The_qr_address_in_the_pdf_uses_the_configured_public_base_url()
    {
        var world = await App.World();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var recorded = await lab.RecordAsync(Pass(await App.NewInstrumentAsync(world.EnterpriseId, FuelDispenser)));
        var certificate = await lab.CertificateAsync(recorded.Certificates[0].Id);

        var pdf = await lab.GetByteArrayAsync($"{CertificatesPath}/{certificate.Id}/pdf", Cancellation);

        var text = CertificateApiTests.PdfText(pdf);
        Assert.SkipWhen(text is null, "pdftotext (poppler-utils) is not installed.");
        text.ShouldContain($"{PublicBaseUrl}/verify/{certificate.PublicToken}");
    }

    public sealed class SqliteWithAddress : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("App:PublicBaseUrl", PublicBaseUrl + "/")];
    }

    public sealed class PostgresWithAddress : PostgresApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("App:PublicBaseUrl", PublicBaseUrl + "/")];
    }

    public sealed class Sqlite(SqliteWithAddress app) : CertificatePublicAddressTests(app), IClassFixture<SqliteWithAddress>;

    public sealed class Postgres(PostgresWithAddress app) : CertificatePublicAddressTests(app), IClassFixture<PostgresWithAddress>;
}
