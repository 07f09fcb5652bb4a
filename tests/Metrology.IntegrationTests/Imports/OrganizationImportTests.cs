using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// The issue's "done when": a 1,000-row organisations file with 10 bad rows is rejected with an error file naming
/// exactly those rows; the fixed file (another encoding and separator, names in NFD) imports; importing it again
/// changes nothing; undo removes the rows.
/// </summary>
public abstract class OrganizationImportTests(MetrologyApp app) : IntegrationTest(app)
{
    private const int DataRows = 1000;

    private static readonly string[] Header = ["Tên tổ chức", "Loại", "Mã số thuế", "Địa chỉ", "Điện thoại", "Thư điện tử"];

    /// <summary>File row (header = 1) → the column the planted mistake is in.</summary>
    private static readonly Dictionary<int, string> BadRows = new()
    {
        [2] = "taxCode",
        [57] = "name",
        [123] = "kind",
        [250] = "taxCode",
        [400] = "email",
        [512] = "phone",
        [640] = "taxCode",
        [777] = "name",
        [901] = "taxCode",
        [1001] = "address",
    };

    [Fact]
    public async Task A_thousand_rows_with_ten_bad_ones_are_rejected_naming_exactly_those_then_the_fixed_file_imports_once_and_can_be_undone()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var batch = Guid.NewGuid().ToString("N")[..8];

        // Excel "Unicode text": UTF-16 LE with a BOM, tab-separated.
        var bad = ImportFiles.Csv(Rows(batch, withMistakes: true), '\t', new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var rejected = await officer.Import("organizations", bad, "to-chuc.txt");

        rejected.Status.ShouldBe("Rejected");
        rejected.TotalRows.ShouldBe(DataRows);
        rejected.ErrorRows.ShouldBe(10);
        rejected.InsertedRows.ShouldBe(0);
        rejected.Errors.Select(e => (e.Row, e.Column)).Order().ShouldBe(BadRows.Select(b => (b.Key, b.Value)).Order());
        rejected.Errors.Single(e => e.Row == 2).MessageVi.ShouldBe("Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.");
        rejected.Errors.Single(e => e.Row == 2).MessageEn.ShouldContain("check digit");
        rejected.Errors.Single(e => e.Row == 640).MessageVi.ShouldBe("Trùng với dòng 3 của tệp.");
        rejected.Errors.Single(e => e.Row == 640).ColumnHeader.ShouldBe("Mã số thuế");
        (await CountBatch(officer, batch)).ShouldBe(0);

        // The error file: the same rows in the same order, CSV in UTF-8 with a BOM, same separator, the error column last.
        var errorFile = await officer.ErrorFile(rejected.Id);
        errorFile.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = ImportFiles.Lines(errorFile, Encoding.UTF8);
        lines.Length.ShouldBe(DataRows + 1);
        lines[0].ShouldBe(string.Join('\t', Header) + "\tLỗi / Error");
        var rowsWithErrors = lines.Select((line, i) => (Row: i + 1, Error: line.Split('\t')[^1])).Where(l => l.Row > 1 && l.Error.Length > 0).ToList();
        rowsWithErrors.Select(r => r.Row).ShouldBe(BadRows.Keys.Order());
        rowsWithErrors.Single(r => r.Row == 123).Error.ShouldStartWith("Loại: Giá trị không hợp lệ");

        // Fixed and saved as UTF-8 with a BOM, semicolons, names decomposed (NFD, as macOS writes them).
        var fixedFile = ImportFiles.Csv(Rows(batch, withMistakes: false), ';', ImportFiles.Utf8Bom);
        var imported = await officer.Import("organizations", fixedFile, "to-chuc-da-sua.csv");

        imported.Status.ShouldBe("Succeeded");
        imported.InsertedRows.ShouldBe(DataRows);
        imported.UnchangedRows.ShouldBe(0);
        imported.ErrorRows.ShouldBe(0);
        imported.HasErrorFile.ShouldBeFalse();
        imported.CanUndo.ShouldBeTrue();
        (await CountBatch(officer, batch)).ShouldBe(DataRows);
        var row57 = await officer.ListOrganizations($"search={Uri.EscapeDataString(ImportFiles.TaxCode("82", 57))}");
        row57.Items.Single().Name.ShouldBe($"Công ty TNHH Đo lường Thử nghiệm Đông Hà {batch} số 57");
        row57.Items.Single().Name.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();

        var again = await officer.Import("organizations", fixedFile, "to-chuc-da-sua.csv");

        again.Status.ShouldBe("Succeeded");
        again.InsertedRows.ShouldBe(0);
        again.UnchangedRows.ShouldBe(DataRows);
        again.CanUndo.ShouldBeFalse();
        (await CountBatch(officer, batch)).ShouldBe(DataRows);

        using var undo = await officer.PostAsync($"{ImportApi.Path}/{imported.Id}/undo", null, Cancellation);
        (await undo.ShouldReturn<ImportJobJson>()).Status.ShouldBe("Undone");
        (await CountBatch(officer, batch)).ShouldBe(0);
        using var undoAgain = await officer.PostAsync($"{ImportApi.Path}/{imported.Id}/undo", null, Cancellation);
        await undoAgain.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Hand_made_files_from_real_tools_import_utf8_bom_semicolons_quoted_newlines_utf16_tabs_english_headers_and_libreoffice_xlsx()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        var semicolons = await officer.Import("organizations", ImportFiles.Read("organizations-utf8-bom-semicolon.csv"), "organizations-utf8-bom-semicolon.csv");
        var unicodeText = await officer.Import("organizations", ImportFiles.Read("organizations-utf16le-tab.txt"), "organizations-utf16le-tab.txt");
        var libreOffice = await officer.Import("organizations", ImportFiles.Read("organizations-libreoffice.xlsx"), "organizations-libreoffice.xlsx");

        // Three data rows, then rows of empty cells and blank lines that are not counted.
        (semicolons.Status, semicolons.TotalRows, semicolons.InsertedRows).ShouldBe(("Succeeded", 3, 3));
        (unicodeText.Status, unicodeText.InsertedRows).ShouldBe(("Succeeded", 2));
        (libreOffice.Status, libreOffice.InsertedRows).ShouldBe(("Succeeded", 2), string.Join("; ", libreOffice.Errors.Select(e => $"{e.Row} {e.Column} {e.Value} {e.MessageEn}")));

        var huongHoa = (await officer.ListOrganizations("search=8150000003")).Items.Single();
        huongHoa.Name.ShouldBe("Công ty TNHH Xăng dầu Hướng Hóa");
        huongHoa.Address.ShouldBe("Km 5, Quốc lộ 9\nthị trấn Khe Sanh");
        var dongHa = (await officer.ListOrganizations("search=8150000010")).Items.Single();
        dongHa.Name.ShouldBe("Công ty CP Cân Đông Hà");
        dongHa.Address.ShouldBe("12 Trần Hưng Đạo; Đông Hà");
        dongHa.Phone.ShouldBeNull();
        (await officer.ListOrganizations("search=8150000042")).Items.Single().Kind.ShouldBe("MediaOutlet");
        // LibreOffice stores the tax code as a number cell: it reads back as the same ten digits.
        (await officer.ListOrganizations("search=8150000074")).Items.Single().Name.ShouldBe("Hợp tác xã Nước sạch Cam Lộ");
    }

    [Fact]
    public async Task An_xlsx_upload_gets_an_xlsx_error_file_with_the_rows_as_they_were_and_the_error_column()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var good = ImportFiles.TaxCode("83", 2);
        using var upload = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(upload, new[]
        {
            new Dictionary<string, object?> { ["Tên tổ chức"] = "Công ty Đúng", ["Loại"] = "Doanh nghiệp", ["Mã số thuế"] = good },
            new Dictionary<string, object?> { ["Tên tổ chức"] = "Công ty Sai", ["Loại"] = "Nhà máy", ["Mã số thuế"] = ImportFiles.TaxCode("83", 3) },
        }, sheetName: "Dữ liệu");

        var job = await officer.Import("organizations", upload.ToArray(), "to-chuc.xlsx");

        job.Status.ShouldBe("Rejected");
        var path = Path.Combine(Path.GetTempPath(), $"errors-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await officer.ErrorFile(job.Id), Cancellation);
        try
        {
            var rows = MiniExcelLibs.MiniExcel.Query(path).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
            rows.Count.ShouldBe(3);
            rows[0].ShouldBe(["Tên tổ chức", "Loại", "Mã số thuế", "Lỗi / Error"]);
            rows[1].ShouldBe(["Công ty Đúng", "Doanh nghiệp", good, null]);
            rows[2][3]!.ShouldStartWith("Loại: Giá trị không hợp lệ; dùng một trong: Doanh nghiệp (Enterprise)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Valid_rows_only_writes_the_good_rows_and_reports_the_others()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var good = ImportFiles.TaxCode("83", 1);
        var file = ImportFiles.Csv(
        [
            Header,
            ["Công ty Tốt", "Doanh nghiệp", good, "", "", ""],
            ["Công ty Sai mã", "Doanh nghiệp", "0123456789", "", "", ""],
        ], ',', ImportFiles.Utf8Bom);

        var job = await officer.Import("organizations", file, "mot-phan.csv", mode: "validRowsOnly");

        job.Status.ShouldBe("SucceededWithErrors");
        (job.InsertedRows, job.ErrorRows).ShouldBe((1, 1));
        job.Errors.Single().Row.ShouldBe(3);
        (await officer.ListOrganizations($"search={good}")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task The_templates_have_vietnamese_headers_an_example_and_a_guide_sheet_and_import_as_they_are()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var csv = await officer.GetAsync($"{ImportApi.Path}/organizations/template?format=csv", Cancellation);
        await csv.ShouldHaveStatus(HttpStatusCode.OK);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync(Cancellation);
        var lines = ImportFiles.Lines(csvBytes, Encoding.UTF8);
        lines[0].ShouldBe("Tên tổ chức,Loại,Mã số thuế,Địa chỉ,Điện thoại,Thư điện tử");
        lines.Length.ShouldBe(2);

        using var xlsx = await officer.GetAsync($"{ImportApi.Path}/organizations/template?format=xlsx", Cancellation);
        await xlsx.ShouldHaveStatus(HttpStatusCode.OK);
        var path = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await xlsx.Content.ReadAsByteArrayAsync(Cancellation), Cancellation);
        try
        {
            MiniExcelLibs.MiniExcel.GetSheetNames(path).ShouldBe(["Dữ liệu", "Hướng dẫn"]);
            var guide = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: "Hướng dẫn").Cast<IDictionary<string, object?>>().ToList();
            guide.Count.ShouldBe(6);
            guide[2]["English header"].ShouldBe("Tax code");
        }
        finally
        {
            File.Delete(path);
        }

        var job = await officer.Import("organizations", csvBytes, "mau.csv");
        job.Status.ShouldBe("Succeeded");
        (job.InsertedRows + job.UnchangedRows).ShouldBe(1);
    }

    [Fact]
    public async Task The_job_list_costs_the_same_few_queries_for_one_job_or_many()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var file = ImportFiles.Csv([Header, ["Công ty Đếm truy vấn", "Doanh nghiệp", ImportFiles.TaxCode("84", 1), "", "", ""]], ',', ImportFiles.Utf8Bom);
        await officer.Import("organizations", file, "dem.csv");
        await officer.GetAsync($"{ImportApi.Path}?take=1", Cancellation);

        App.Queries.Reset();
        using var one = await officer.GetAsync($"{ImportApi.Path}?take=1", Cancellation);
        var forOne = App.Queries.Count;
        await officer.Import("organizations", file, "dem-lan-2.csv");
        await officer.Import("organizations", file, "dem-lan-3.csv");
        App.Queries.Reset();
        using var many = await officer.GetAsync($"{ImportApi.Path}?take=50", Cancellation);
        var forMany = App.Queries.Count;

        (await many.ShouldReturn<List<ImportJobJson>>()).Count.ShouldBeGreaterThanOrEqualTo(3);
        forMany.ShouldBe(forOne);
        forOne.ShouldBeLessThanOrEqualTo(3);
    }

    private static IEnumerable<string?[]> Rows(string batch, bool withMistakes)
    {
        yield return Header;
        for (var row = 2; row <= DataRows + 1; row++)
        {
            var name = $"Công ty TNHH Đo lường Thử nghiệm Đông Hà {batch} số {row}";
            string?[] cells =
            [
                row % 2 == 0 ? name.Normalize(NormalizationForm.FormD) : name,
                row % 3 == 0 ? "Enterprise" : "Doanh nghiệp",
                ImportFiles.TaxCode("82", row),
                $"Số {row} Lê Duẩn, phường Đông Hà",
                row % 5 == 0 ? "0233 3852 590" : string.Empty,
                row % 7 == 0 ? $"lienhe{row}@example.vn" : string.Empty,
            ];
            if (withMistakes && BadRows.ContainsKey(row))
            {
                Break(cells, row);
            }

            yield return cells;
        }
    }

    /// <summary>One mistake a real spreadsheet has, in the column <see cref="BadRows"/> names.</summary>
    private static void Break(string?[] cells, int row)
    {
        switch (row)
        {
            case 2:
                var code = ImportFiles.TaxCode("82", 2);
                cells[2] = code[..9] + ((code[9] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
                break;
            case 57:
                cells[0] = "   ";
                break;
            case 123:
                cells[1] = "Hợp tác xã";
                break;
            case 250:
                cells[2] = "12345";
                break;
            case 400:
                cells[5] = "khong-phai-email";
                break;
            case 512:
                cells[4] = "gọi giờ hành chính";
                break;
            case 640:
                cells[2] = ImportFiles.TaxCode("82", 3);
                break;
            case 777:
                cells[0] = new string('A', 301);
                break;
            case 901:
                cells[2] = string.Empty;
                break;
            default:
                cells[3] = new string('x', 501);
                break;
        }
    }

    private static async Task<int> CountBatch(HttpClient client, string batch)
    {
        using var response = await client.GetAsync($"{OrganizationApi.Path}?search={batch}&pageSize=1", Cancellation);
        return (await response.ShouldReturn<PageJson<OrganizationJson>>()).Total;
    }

    public sealed class Sqlite(SqliteApp app) : OrganizationImportTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : OrganizationImportTests(app), IClassFixture<PostgresApp>;
}
