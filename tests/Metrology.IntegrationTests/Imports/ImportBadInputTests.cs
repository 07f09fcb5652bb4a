using System.IO.Compression;
using System.Net;
using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Metrology.IntegrationTests.Imports;

/// <summary>Files that cannot be imported fail as a whole with a message saying why; scope and roles hold.</summary>
public abstract class ImportBadInputTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Unknown_and_missing_columns_are_named_in_the_failure_in_the_callers_language()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var english = await App.As(TestData.QuangTriOfficer, language: "en-GB");
        var file = Encoding.UTF8.GetBytes("Tên tổ chức,Loại,Ghi chú,Fax\r\nCông ty A,Doanh nghiệp,x,y\r\n");

        var job = await officer.Import("organizations", file, "cot-la.csv");

        job.Status.ShouldBe("Failed");
        job.FailureMessage.ShouldBe("Dòng tiêu đề không khớp mẫu: cột không có trong mẫu: \"Ghi chú\", \"Fax\"; thiếu cột bắt buộc: \"Mã số thuế\".");
        job.InsertedRows.ShouldBe(0);
        (await english.GetJob(job.Id)).FailureMessage.ShouldBe(
            "The header row does not match the template: unknown columns: \"Ghi chú\", \"Fax\"; missing required columns: \"Mã số thuế\".");
    }

    [Fact]
    public async Task A_workbook_whose_data_is_on_another_sheet_is_refused_naming_the_sheet_but_the_template_sheet_is_found_wherever_it_is()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var wrong = Workbook(new Dictionary<string, object>
        {
            ["Báo cáo"] = new[] { new Dictionary<string, object?> { ["Chỉ tiêu"] = "Số doanh nghiệp", ["Năm 2022"] = 40 } },
        });
        var taxCode = ImportFiles.TaxCode("85", 1);
        var right = Workbook(new Dictionary<string, object>
        {
            ["Hướng dẫn"] = new[] { new Dictionary<string, object?> { ["Cột"] = "Tên tổ chức" } },
            ["Dữ liệu"] = new[] { new Dictionary<string, object?> { ["Tên tổ chức"] = "Công ty Trang Hai", ["Loại"] = "Doanh nghiệp", ["Mã số thuế"] = taxCode } },
        });

        var refused = await officer.Import("organizations", wrong, "bao-cao.xlsx");
        var imported = await officer.Import("organizations", right, "hai-trang.xlsx");

        refused.Status.ShouldBe("Failed");
        refused.FailureMessage!.ShouldStartWith("Trang \"Báo cáo\" không có cột nào của mẫu nhập trong 10 dòng đầu.");
        (imported.Status, imported.InsertedRows).ShouldBe(("Succeeded", 1));
    }

    [Fact]
    public async Task The_error_file_gives_uploaded_formulas_back_as_text_and_the_fixed_file_imports_them_unchanged()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        const string Formula = "=HYPERLINK(\"http://x.example/\")";
        var taxCode = ImportFiles.TaxCode("73", 1);
        var file = ImportFiles.Csv([["Tên tổ chức", "Loại", "Mã số thuế"], [Formula, "Doanh nghiệp", "0123"]], ',', Encoding.UTF8);

        var rejected = await officer.Import("organizations", file, "cong-thuc.csv");

        rejected.Status.ShouldBe("Rejected");
        var lines = ImportFiles.Lines(await officer.ErrorFile(rejected.Id), ImportFiles.Utf8Bom);
        // Issue 15, item 9: the exports' guard, so the clerk's spreadsheet shows the text instead of running it.
        lines[1].ShouldStartWith("\"'=HYPERLINK(\"\"http://x.example/\"\")\",Doanh nghiệp,0123,");
        var fixedFile = Encoding.UTF8.GetBytes(string.Join("\r\n", lines).Replace(",0123,", $",{taxCode},", StringComparison.Ordinal));
        var imported = await officer.Import("organizations", fixedFile, "cong-thuc-da-sua.csv");
        imported.Status.ShouldBe("Succeeded", imported.FailureMessage);
        var organization = (await officer.ListOrganizations($"search={taxCode}")).Items.ShouldHaveSingleItem();
        organization.Name.ShouldBe(Formula);
    }

    [Fact]
    public async Task Binary_garbage_fails_as_neither_csv_nor_xlsx_and_writes_nothing()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);
        var before = await officer.ListOrganizations("pageSize=1");

        var job = await officer.Import("organizations", garbage, "du-lieu.csv");

        job.Status.ShouldBe("Failed");
        job.FailureMessage.ShouldBe("Tệp không phải CSV (UTF-8 hay UTF-16) hay XLSX. Hãy lưu lại dưới dạng \"CSV UTF-8\" hoặc XLSX.");
        (await officer.ListOrganizations("pageSize=1")).Total.ShouldBe(before.Total);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_from_its_directory_without_being_inflated()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        // 200 MB of zeros deflate to about 200 KB: the ratio gives it away.
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                await workbook.WriteAsync("<workbook/>");
            }

            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 200; i++)
            {
                await sheet.WriteAsync(zeros, Cancellation);
            }
        }

        var job = await officer.Import("organizations", bomb.ToArray(), "bom.xlsx");

        job.Status.ShouldBe("Failed");
        job.FailureMessage!.ShouldContain("zip bomb");
    }

    [Fact]
    public async Task A_job_left_running_by_a_killed_process_is_failed_at_restart_with_nothing_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        long id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancellation);
            var quangTri = await db.Provinces.Where(p => p.Slug == TestData.QuangTri).Select(p => p.Id).SingleAsync(Cancellation);
            var job = new ImportJob
            {
                ProvinceId = quangTri,
                Kind = ImportKind.Organizations,
                Status = ImportStatus.Running,
                FileName = "bi-ngat.csv",
                FileHash = new string('a', 64),
                FileSize = 10,
                CreatedByEmail = TestData.QuangTriOfficer,
                CreatedAt = DateTime.UtcNow,
                StartedAt = DateTime.UtcNow,
                TotalRows = 500,
                ProcessedRows = 120,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(Cancellation);
            id = job.Id;
        }

        await App.RestartAsync();

        using var after = await App.As(TestData.QuangTriOfficer);
        var failed = await after.GetJob(id);
        failed.Status.ShouldBe("Failed");
        failed.FailureMessage.ShouldBe("Tiến trình máy chủ đã dừng trong khi nhập; không có dữ liệu nào được ghi. Hãy tải tệp lên lại.");
        failed.InsertedRows.ShouldBe(0);
    }

    [Fact]
    public async Task Another_provinces_job_is_not_found_and_roles_that_may_not_import_a_kind_are_refused()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var file = Encoding.UTF8.GetBytes($"Tên tổ chức,Loại,Mã số thuế\r\nCông ty Phạm vi,Doanh nghiệp,{ImportFiles.TaxCode("86", 1)}\r\n");
        var job = await officer.Import("organizations", file, "pham-vi.csv");
        var haNoiOfficer = await App.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);
        using var ministry = await App.As(TestData.DemoMinistryOfficer);

        using var read = await haNoi.GetAsync($"{ImportApi.Path}/{job.Id}", Cancellation);
        using var errors = await haNoi.GetAsync($"{ImportApi.Path}/{job.Id}/errors", Cancellation);
        using var undo = await haNoi.PostAsync($"{ImportApi.Path}/{job.Id}/undo", null, Cancellation);
        using var list = await haNoi.GetAsync(ImportApi.Path, Cancellation);
        using var labOrganizations = await lab.Upload("organizations", file, "x.csv");
        using var enterpriseInstruments = await enterprise.Upload("instruments", file, "x.csv");
        using var ministryList = await ministry.GetAsync(ImportApi.Path, Cancellation);
        using var otherProvince = await officer.Upload("organizations", file, "x.csv", province: TestData.HaNoi);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await errors.ShouldBeProblem(HttpStatusCode.NotFound);
        await undo.ShouldBeProblem(HttpStatusCode.NotFound);
        (await list.ShouldReturn<List<ImportJobJson>>()).ShouldNotContain(j => j.Id == job.Id);
        (await labOrganizations.ShouldBeProblem(HttpStatusCode.Forbidden)).Detail.ShouldBe("Vai trò của bạn không được nhập loại dữ liệu này.");
        await enterpriseInstruments.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await ministryList.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await otherProvince.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("province").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_system_admin_names_the_province_and_an_upload_without_a_file_names_the_field()
    {
        using var admin = await App.AsSystemAdmin();
        var taxCode = ImportFiles.TaxCode("86", 2);
        var file = Encoding.UTF8.GetBytes($"Tên tổ chức,Loại,Mã số thuế\r\nCông ty Quản trị,Doanh nghiệp,{taxCode}\r\n");

        using var noProvince = await admin.Upload("organizations", file, "a.csv");
        using var noFile = await admin.PostAsync($"{ImportApi.Path}/organizations", new MultipartFormDataContent { { new StringContent(TestData.QuangTri), "province" } }, Cancellation);
        var job = await admin.Import("organizations", file, "a.csv", province: TestData.QuangTri);

        (await noProvince.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("province").ShouldBe(["Hãy chọn tỉnh nhận dữ liệu."]);
        (await noFile.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("file").ShouldNotBeEmpty();
        job.Status.ShouldBe("Succeeded");
        using var officer = await App.As(TestData.QuangTriOfficer);
        (await officer.ListOrganizations($"search={taxCode}")).Total.ShouldBe(1);
    }

    private static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public sealed class Sqlite(SqliteApp app) : ImportBadInputTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ImportBadInputTests(app), IClassFixture<PostgresApp>;
}
