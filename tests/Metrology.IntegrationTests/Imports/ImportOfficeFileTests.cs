using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// Issue 19: files as real offices make them (tests/data/imports): a title block above the header, an "STT"
/// and a "Ghi chú" column, Excel's plain CSV in Windows-1258; a name with an unquoted comma; a legacy .xls.
/// </summary>
public abstract class ImportOfficeFileTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_windows_1258_sheet_with_a_title_block_and_stt_and_note_columns_imports_naming_what_was_ignored()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var english = await App.As(TestData.QuangTriOfficer, language: "en-GB");

        var job = await officer.Import("organizations", ImportFiles.Read("organizations-title-stt-windows1258.csv"), "danh-sach-co-so.csv");

        job.Status.ShouldBe("Succeeded", job.FailureMessage);
        (job.TotalRows, job.InsertedRows, job.ErrorRows).ShouldBe((2, 2, 0));
        job.Notice.ShouldBe("Tệp không phải UTF-8 nên được đọc theo bảng mã Windows-1258 (CSV của Excel trên Windows tiếng Việt); hãy kiểm tra dấu tiếng Việt. "
            + "Đã bỏ qua các cột không có trong mẫu: \"STT\", \"Ghi chú\".");
        (await english.GetJob(job.Id)).Notice.ShouldBe("The file is not UTF-8, so it was read as Windows-1258 (Excel's CSV on a Vietnamese Windows); check the Vietnamese accents. "
            + "Columns not in the template were ignored: \"STT\", \"Ghi chú\".");
        // The accents come through composed, as typed in the form.
        var organization = (await officer.ListOrganizations("search=7400000014")).Items.ShouldHaveSingleItem();
        organization.Name.ShouldBe("Công ty TNHH Xăng dầu Bến Hải");
    }

    [Fact]
    public async Task A_row_with_more_cells_than_the_header_is_an_error_on_that_row_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var english = await App.As(TestData.QuangTriOfficer, language: "en-GB");
        var file = Encoding.UTF8.GetBytes(
            "Tên tổ chức,Loại,Mã số thuế,Điện thoại\r\n"
            + $"Công ty TNHH Cân Đông Hà,Doanh nghiệp,{ImportFiles.TaxCode("75", 1)},0233 3852 590\r\n"
            + $"Công ty Cổ phần Đo lường, Thử nghiệm Quảng Trị,Doanh nghiệp,{ImportFiles.TaxCode("75", 2)},0233 3852 591\r\n");

        var job = await officer.Import("organizations", file, "dau-phay.csv");

        job.Status.ShouldBe("Rejected");
        (job.InsertedRows, job.ErrorRows).ShouldBe((0, 1));
        var error = job.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column).ShouldBe((3, string.Empty));
        error.Message.ShouldBe("Dòng có 5 ô nhưng dòng tiêu đề có 4: các ô đã bị lệch, có thể vì một giá trị chứa dấu \",\" mà không nằm trong ngoặc kép.");
        (await english.GetJob(job.Id)).Errors.Single().Message.ShouldBe(
            "The row has 5 cells but the header has 4: the cells are shifted, perhaps by a value containing \",\" without double quotes.");
        (await officer.ListOrganizations($"search={ImportFiles.TaxCode("75", 1)}")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_legacy_xls_workbook_is_refused_with_how_to_save_it_as_xlsx()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var job = await officer.Import("organizations", xls, "to-chuc.xls");

        job.Status.ShouldBe("Failed");
        job.FailureMessage.ShouldBe("Tệp là bảng tính Excel 97-2003 (.xls), chưa nhập được. Hãy mở tệp trong Excel, chọn Tệp > Lưu thành > \"Sổ làm việc Excel (*.xlsx)\" rồi tải lên tệp .xlsx (hoặc lưu thành \"CSV UTF-8\").");
    }

    public sealed class Sqlite(SqliteApp app) : ImportOfficeFileTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ImportOfficeFileTests(app), IClassFixture<PostgresApp>;
}
