using System.Net;
using System.Security.Cryptography;
using System.Text;
using Metrology.Core.Programme;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Documents;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metrology.IntegrationTests.Attachments.AttachmentApi;

namespace Metrology.IntegrationTests.Attachments;

/// <summary>Files attached to records: content-addressed storage, size and type checks, and rights taken from the record.</summary>
public abstract class AttachmentApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Document = "DirectiveDocument";

    private static async Task<DocumentJson> NewDocument(HttpClient officer) => await officer.CreateDocument(DocumentApi.Document());

    [Fact]
    public async Task An_officer_attaches_a_scanned_decision_and_downloads_the_same_bytes_under_its_name()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await NewDocument(officer);
        var bytes = UniquePdf();

        var uploaded = await officer.Uploaded(Document, document.Id, "Quyết định 1928-QĐ-UBND.pdf", bytes);
        var list = await officer.ListAttachments(Document, document.Id);
        using var download = await officer.GetAsync($"{AttachmentsPath}/{uploaded.Id}/content", Cancellation);

        uploaded.ContentType.ShouldBe("application/pdf");
        uploaded.SizeBytes.ShouldBe(bytes.Length);
        uploaded.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        uploaded.UploadedByEmail.ShouldBe(TestData.QuangTriOfficer);
        list.CanWrite.ShouldBeTrue();
        list.Items.Select(a => a.FileName).ShouldBe(["Quyết định 1928-QĐ-UBND.pdf"]);
        await download.ShouldHaveStatus(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Cancellation)).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Quyết định 1928-QĐ-UBND.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        File.ReadAllBytes(App.StoredPath(uploaded.Sha256)).ShouldBe(bytes);
    }

    [Fact]
    public async Task The_same_file_attached_twice_is_stored_once_and_its_bytes_go_with_the_last_attachment()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var first = await NewDocument(officer);
        var second = await NewDocument(officer);
        var bytes = UniquePdf();

        var a = await officer.Uploaded(Document, first.Id, "a.pdf", bytes);
        var b = await officer.Uploaded(Document, second.Id, "b.pdf", bytes);
        var stored = App.StoredPath(a.Sha256);

        b.Sha256.ShouldBe(a.Sha256);
        File.Exists(stored).ShouldBeTrue();
        (await officer.DeleteAsync($"{AttachmentsPath}/{a.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(stored).ShouldBeTrue();
        (await (await officer.GetAsync($"{AttachmentsPath}/{b.Id}/content", Cancellation)).Content.ReadAsByteArrayAsync(Cancellation)).ShouldBe(bytes);
        (await officer.DeleteAsync($"{AttachmentsPath}/{b.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(stored).ShouldBeFalse();
        (await officer.ListAttachments(Document, first.Id)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_naming_file_and_leaves_nothing_behind()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        var document = await NewDocument(officer);
        var tooLarge = Encoding.UTF8.GetBytes(new string('a', SmallLimit.MaxBytes + 1));

        using var response = await officer.Upload(Document, document.Id, "bien-ban.txt", tooLarge);

        var problem = await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        problem.ErrorsFor("file")[0].ShouldBe("The file is larger than the 4 KB allowed.");
        (await officer.ListAttachments(Document, document.Id)).Items.ShouldBeEmpty();
        TempFiles().ShouldBeEmpty();
        // Exactly at the limit is fine.
        (await officer.Uploaded(Document, document.Id, "bien-ban.txt", tooLarge[..SmallLimit.MaxBytes])).SizeBytes.ShouldBe(SmallLimit.MaxBytes);
    }

    [Theory]
    [InlineData("quyet-dinh.pdf", "exe")]
    [InlineData("anh-chup.png", "pdf")]
    [InlineData("bao-cao.docx", "xlsx")]
    [InlineData("bao-cao.docx", "zipWithoutContentTypes")]
    [InlineData("so-lieu.xlsx", "pdf")]
    [InlineData("danh-sach.csv", "exe")]
    [InlineData("chuong-trinh.exe", "exe")]
    [InlineData("khong-duoi", "pdf")]
    public async Task A_file_whose_content_is_not_what_its_name_says_or_not_accepted_is_refused_naming_file(string fileName, string content)
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await NewDocument(officer);
        var bytes = content switch
        {
            "exe" => Executable,
            "pdf" => UniquePdf(),
            "xlsx" => OfficeZip("xl"),
            _ => OfficeZip("word", withContentTypes: false),
        };

        using var response = await officer.Upload(Document, document.Id, fileName, bytes);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("file").ShouldNotBeEmpty();
        (await officer.ListAttachments(Document, document.Id)).Items.ShouldBeEmpty();
        TempFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Word_excel_images_and_vietnamese_csv_are_recognised_from_their_content()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await NewDocument(officer);

        var docx = await officer.Uploaded(Document, document.Id, "bao-cao.docx", OfficeZip("word"));
        var xlsx = await officer.Uploaded(Document, document.Id, "so-lieu.xlsx", OfficeZip("xl"));
        var png = await officer.Uploaded(Document, document.Id, "anh.PNG", Png);
        var csv = await officer.Uploaded(Document, document.Id, "doanh-nghiep.csv", Encoding.UTF8.GetBytes($"Tên,Mã số thuế\nCông ty TNHH Đông Hà {Guid.NewGuid()},3200123456\n"));
        using var csvDownload = await officer.GetAsync($"{AttachmentsPath}/{csv.Id}/content", Cancellation);

        docx.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        xlsx.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        png.ContentType.ShouldBe("image/png");
        csv.ContentType.ShouldBe("text/csv; charset=utf-8");
        csvDownload.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        using var nul = await officer.Upload(Document, document.Id, "ghi-chu.txt", [0x41, 0x00, 0x42]);
        (await nul.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("file").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_missing_file_an_unknown_target_and_a_bad_id_are_each_named()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var form = new MultipartFormDataContent { { new StringContent("Spaceship"), "target" }, { new StringContent("abc"), "targetId" } };

        using var response = await officer.PostAsync(AttachmentsPath, form, Cancellation);
        using var list = await officer.GetAsync($"{AttachmentsPath}?target=DirectiveDocument", Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("target").ShouldNotBeEmpty();
        problem.ErrorsFor("targetId").ShouldNotBeEmpty();
        problem.ErrorsFor("file").ShouldNotBeEmpty();
        (await list.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("targetId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Another_provinces_record_and_files_are_404_for_every_operation()
    {
        var haNoiOfficer = await App.Arranged("HaNoiAttachmentsOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var theirDocument = await NewDocument(haNoi);
        var theirFile = await haNoi.Uploaded(Document, theirDocument.Id, "ha-noi.pdf", UniquePdf());
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var upload = await officer.Upload(Document, theirDocument.Id, "chen.pdf", UniquePdf());
        using var list = await officer.GetAsync($"{AttachmentsPath}?target={Document}&targetId={theirDocument.Id}", Cancellation);
        using var download = await officer.GetAsync($"{AttachmentsPath}/{theirFile.Id}/content", Cancellation);
        using var delete = await officer.DeleteAsync($"{AttachmentsPath}/{theirFile.Id}", Cancellation);

        await upload.ShouldBeProblem(HttpStatusCode.NotFound);
        await list.ShouldBeProblem(HttpStatusCode.NotFound);
        await download.ShouldBeProblem(HttpStatusCode.NotFound);
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
        (await haNoi.ListAttachments(Document, theirDocument.Id)).Items.Select(a => a.Id).ShouldBe([theirFile.Id]);
    }

    [Fact]
    public async Task Readers_download_but_may_not_upload_or_delete_and_labs_and_enterprises_may_not_download()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await NewDocument(officer);
        var file = await officer.Uploaded(Document, document.Id, "quyet-dinh.pdf", UniquePdf());
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        var inspectorList = await inspector.ListAttachments(Document, document.Id);
        using var inspectorDownload = await inspector.GetAsync($"{AttachmentsPath}/{file.Id}/content", Cancellation);
        using var inspectorUpload = await inspector.Upload(Document, document.Id, "x.pdf", UniquePdf());
        using var inspectorDelete = await inspector.DeleteAsync($"{AttachmentsPath}/{file.Id}", Cancellation);
        using var labDownload = await lab.GetAsync($"{AttachmentsPath}/{file.Id}/content", Cancellation);
        using var enterpriseDownload = await enterprise.GetAsync($"{AttachmentsPath}/{file.Id}/content", Cancellation);
        using var anonymous = await App.Anonymous().GetAsync($"{AttachmentsPath}/{file.Id}/content", Cancellation);

        inspectorList.CanWrite.ShouldBeFalse();
        inspectorDownload.StatusCode.ShouldBe(HttpStatusCode.OK);
        await inspectorUpload.ShouldBeProblem(HttpStatusCode.Forbidden);
        await inspectorDelete.ShouldBeProblem(HttpStatusCode.Forbidden);
        await labDownload.ShouldBeProblem(HttpStatusCode.Forbidden);
        await enterpriseDownload.ShouldBeProblem(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await officer.ListAttachments(Document, document.Id)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_enterprise_writes_evidence_on_its_own_assurance_step_and_cannot_see_another_enterprises()
    {
        var ownEnterprise = await App.OrganizationOfAsync(TestData.QuangTriEnterpriseUser);
        var otherEnterprise = await App.AddEnterpriseAsync(TestData.QuangTri);
        var ownStep = await AddAssuranceStep(ownEnterprise);
        var otherStep = await AddAssuranceStep(otherEnterprise);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var officer = await App.As(TestData.QuangTriOfficer);

        var evidence = await enterprise.Uploaded("AssuranceStep", ownStep, "bien-ban-danh-gia.pdf", UniquePdf());
        using var otherUpload = await enterprise.Upload("AssuranceStep", otherStep, "x.pdf", UniquePdf());
        using var inspectorUpload = await inspector.Upload("AssuranceStep", ownStep, "x.pdf", UniquePdf());

        evidence.Target.ShouldBe("AssuranceStep");
        await otherUpload.ShouldBeProblem(HttpStatusCode.NotFound);
        await inspectorUpload.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await officer.ListAttachments("AssuranceStep", ownStep)).Items.Select(a => a.Id).ShouldBe([evidence.Id]);
        (await officer.Uploaded("AssuranceStep", otherStep, "y.pdf", UniquePdf())).TargetId.ShouldBe(otherStep);
    }

    [Fact]
    public async Task The_attachments_of_a_deleted_document_go_with_it()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var document = await NewDocument(officer);
        var file = await officer.Uploaded(Document, document.Id, "scan.pdf", UniquePdf());

        (await officer.DeleteAsync($"{DocumentApi.DocumentsPath}/{document.Id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await officer.GetAsync($"{AttachmentsPath}/{file.Id}/content", Cancellation)).ShouldBeProblem(HttpStatusCode.NotFound);
        File.Exists(App.StoredPath(file.Sha256)).ShouldBeFalse();
    }

    private string[] TempFiles()
    {
        var temp = System.IO.Path.Combine(DataDirectory(App), "attachments", "tmp");
        return Directory.Exists(temp) ? Directory.GetFiles(temp) : [];
    }

    /// <summary>A pilot assurance programme with one step, written straight to the database: its API is another area's.</summary>
    private Task<int> AddAssuranceStep(int enterpriseId) => App.WithDbAsync(async db =>
    {
        var provinceId = await db.Organizations.Where(o => o.Id == enterpriseId).Select(o => o.ProvinceId).SingleAsync();
        var programme = new AssuranceProgramme
        {
            ProvinceId = provinceId,
            EnterpriseId = enterpriseId,
            Kind = AssuranceProgrammeKind.Pilot,
            StartedOn = new DateOnly(2022, 6, 1),
            Steps = [new AssuranceStep { ProvinceId = provinceId, Position = 1, Name = "Đánh giá thực trạng", Status = AssuranceStepStatus.NotStarted }],
        };
        db.AssuranceProgrammes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Steps[0].Id;
    });

    public sealed class Sqlite(SmallLimitSqliteApp app) : AttachmentApiTests(app), IClassFixture<SmallLimitSqliteApp>;

    public sealed class Postgres(SmallLimitPostgresApp app) : AttachmentApiTests(app), IClassFixture<SmallLimitPostgresApp>;
}
