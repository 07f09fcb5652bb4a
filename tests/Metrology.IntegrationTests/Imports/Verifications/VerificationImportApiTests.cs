using System.Net;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Imports.Verifications.VerificationImportArrange;

namespace Metrology.IntegrationTests.Imports.Verifications;

/// <summary>The verification kind through the import API a lab uses: upload, errors, fix, re-upload, undo.</summary>
public abstract class VerificationImportApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Header =
        "Mã số thuế tổ chức kiểm định,Số giấy chứng nhận,Mã số thuế chủ sở hữu,Mã loại phương tiện đo nhóm 2,Hãng sản xuất,Kiểu,Số sản xuất,"
        + "Ngày kiểm định,Hình thức kiểm định,Kết quả,Số tem kiểm định,Hạn kiểm định tiếp theo,Kiểm định viên,Người ký giấy chứng nhận";

    [Fact]
    public async Task A_lab_uploads_a_file_with_a_bad_row_fixes_it_imports_it_once_and_undoes_it()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        string Line(int n, string type) =>
            $"{world.BodyTaxCode},GCN-H{n}-{tag},{world.OwnerTaxCode},{type},Tatsuno,SUNNY-2,H{n}-{tag},31/01/2024,Định kỳ,Đạt,TH{n}-{tag},,Lê Văn Kiểm,Nguyễn Văn Ký";
        var bad = Encoding.UTF8.GetBytes($"{Header}\n{Line(1, FuelDispenser)}\n{Line(2, "khong-co-loai")}\n");
        var fixedFile = Encoding.UTF8.GetBytes($"{Header}\n{Line(1, FuelDispenser)}\n{Line(2, FuelDispenser)}\n");

        var rejected = await lab.Import("verifications", bad, "kiem-dinh.csv");

        rejected.Status.ShouldBe("Rejected");
        rejected.InsertedRows.ShouldBe(0);
        var error = rejected.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Value).ShouldBe((3, "typeCode", "khong-co-loai"));
        error.MessageEn.ShouldBe("No Group 2 instrument type has this code.");
        Encoding.UTF8.GetString(await lab.ErrorFile(rejected.Id)).ShouldContain("khong-co-loai");

        var imported = await lab.Import("verifications", fixedFile, "kiem-dinh.csv");
        imported.Status.ShouldBe("Succeeded");
        (imported.TotalRows, imported.InsertedRows, imported.UnchangedRows).ShouldBe((2, 2, 0));

        var again = await lab.Import("verifications", fixedFile, "kiem-dinh-lan-2.csv");
        again.Status.ShouldBe("Succeeded");
        (again.InsertedRows, again.UnchangedRows).ShouldBe((0, 2));

        using var undo = await lab.PostAsync($"{ImportApi.Path}/{imported.Id}/undo", null, Cancellation);
        (await undo.ShouldReturn<ImportJobJson>()).Status.ShouldBe("Undone");
        var third = await lab.Import("verifications", fixedFile, "kiem-dinh-lan-3.csv");
        (third.InsertedRows, third.UnchangedRows).ShouldBe((2, 0));
    }

    [Fact]
    public async Task Another_provinces_officer_cannot_see_the_job_and_an_officer_may_not_import_verifications()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var line = $"{world.BodyTaxCode},GCN-P-{tag},{world.OwnerTaxCode},{FuelDispenser},Tatsuno,,P-{tag},31/01/2024,Định kỳ,Đạt,TP-{tag},,Lê Văn Kiểm,Nguyễn Văn Ký";
        var job = await lab.Import("verifications", Encoding.UTF8.GetBytes($"{Header}\n{line}\n"), "kiem-dinh.csv");
        job.Status.ShouldBe("Succeeded");
        var haNoiOfficer = await App.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var hidden = await haNoi.GetAsync($"{ImportApi.Path}/{job.Id}", Cancellation);
        using var forbidden = await officer.Upload("verifications", Encoding.UTF8.GetBytes($"{Header}\n{line}\n"), "kiem-dinh.csv");

        await hidden.ShouldBeProblem(HttpStatusCode.NotFound);
        await forbidden.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    public sealed class Sqlite(SqliteApp app) : VerificationImportApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : VerificationImportApiTests(app), IClassFixture<PostgresApp>;
}
