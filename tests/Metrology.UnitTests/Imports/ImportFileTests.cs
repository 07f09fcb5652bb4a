using System.Text;
using Metrology.Web.Features.Imports;
using Shouldly;

namespace Metrology.UnitTests.Imports;

/// <summary>Reading files as real tools write them: encodings, separators, quoting, NFD, blank rows.</summary>
public sealed class ImportFileTests : IDisposable
{
    private static readonly ImportLimits Limits = new(1L << 30, 200);
    private readonly string directory = Directory.CreateTempSubdirectory("import-file-tests").FullName;

    [Fact]
    public void Utf8_with_bom_and_semicolons_keeps_quoted_newlines_trims_and_composes_nfd()
    {
        var decomposed = "Hướng Hóa".Normalize(NormalizationForm.FormD);
        var path = Write("\uFEFFTên;Địa chỉ\r\n  Công ty  ;\"Km 5; Quốc lộ 9\r\n" + decomposed + "\"\r\n;\r\n\r\n", new UTF8Encoding(false));

        var file = ImportFile.Open(path, Limits);
        var rows = file.ReadRows().ToList();

        file.Format.ShouldBe(ImportFileFormat.Csv);
        file.Delimiter.ShouldBe(';');
        rows[0].Cells.ShouldBe(["Tên", "Địa chỉ"]);
        rows[1].RowNumber.ShouldBe(2);
        rows[1].Cells.ShouldBe(["Công ty", "Km 5; Quốc lộ 9\r\nHướng Hóa"]);
        rows[1].Cells[1]!.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        rows.Skip(2).ShouldAllBe(r => r.IsBlank);
    }

    [Fact]
    public void A_blank_line_in_the_middle_keeps_the_row_numbers_a_spreadsheet_shows()
    {
        var path = Write("a,b\r\n1,x\r\n\r\n2,y\r\n", new UTF8Encoding(false));

        var rows = ImportFile.Open(path, Limits).ReadRows().Where(r => !r.IsBlank).ToList();

        rows.Select(r => (r.RowNumber, r.Cells[0])).ShouldBe([(1, "a"), (2, "1"), (4, "2")]);
    }

    [Fact]
    public void Utf16_little_endian_tab_separated_text_is_read()
    {
        var path = Write("Tax code\tName\r\n0300588569\tCông ty Đông Hà\r\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true), bom: true);

        var file = ImportFile.Open(path, Limits);

        file.Delimiter.ShouldBe('\t');
        file.ReadRows().Select(r => r.Cells).ShouldBe([["Tax code", "Name"], ["0300588569", "Công ty Đông Hà"]]);
    }

    [Fact]
    public void Utf16_big_endian_and_utf8_without_bom_are_read_with_commas()
    {
        var bigEndian = Write("a,b\r\nĐ,ư\r\n", new UnicodeEncoding(bigEndian: true, byteOrderMark: true), bom: true);
        var plain = Write("a,b\nĐ,ư\n", new UTF8Encoding(false));

        ImportFile.Open(bigEndian, Limits).ReadRows().Last().Cells.ShouldBe(["Đ", "ư"]);
        ImportFile.Open(plain, Limits).ReadRows().Last().Cells.ShouldBe(["Đ", "ư"]);
    }

    [Fact]
    public void Excels_plain_csv_in_windows_1258_is_read_and_its_code_page_named()
    {
        // "Đông" in Windows-1258 is 0xD0 0xF4 0x6E 0x67: not valid UTF-8.
        var legacy = Path.Combine(directory, "legacy.csv");
        File.WriteAllBytes(legacy, [.. "Ten,Dia chi\r\n"u8.ToArray(), 0xD0, 0xF4, 0x6E, 0x67, (byte)',', (byte)'x', 13, 10]);

        var file = ImportFile.Open(legacy, Limits);

        file.LegacyEncoding.ShouldBe("Windows-1258");
        file.ReadRows().Last().Cells.ShouldBe(["Đông", "x"]);
    }

    [Fact]
    public void Headers_match_in_any_order_and_either_language_unknown_ones_are_ignored_and_named_and_missing_ones_refused()
    {
        IReadOnlyList<ImportColumn> columns =
        [
            new("taxCode", "Mã số thuế", "Tax code", true, "", "", "", ["MST"]),
            new("name", "Tên tổ chức", "Name", true, "", "", "", []),
            new("phone", "Điện thoại", "Phone", false, "", "", "", []),
        ];

        // A title row and a blank row above the header, an "STT" column and the error file's own column.
        var header = ImportHeader.Find(
            [new RawRow(1, ["DANH SÁCH DOANH NGHIỆP", null, null, null]), new RawRow(2, [null, null, null, null]), new RawRow(3, ["STT", "NAME", "ma so thue", "Lỗi / Error"])],
            columns, sheetName: null);
        header.RowNumber.ShouldBe(3);
        header.Ignored.ShouldBe(["STT"]);
        header.ToRow(new RawRow(4, ["1", "Công ty A", "0300588569", "old error"])).Values.ShouldBe(["0300588569", "Công ty A", null]);

        var problem = Should.Throw<ImportFileException>(() => ImportHeader.Find([new RawRow(1, ["Tên tổ chức", "Fax"])], columns, sheetName: null));
        problem.MessageVi.ShouldBe("Dòng tiêu đề không khớp mẫu: cột không có trong mẫu: \"Fax\"; thiếu cột bắt buộc: \"Mã số thuế\".");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string text, Encoding encoding, bool bom = false)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)]);
        return path;
    }
}
