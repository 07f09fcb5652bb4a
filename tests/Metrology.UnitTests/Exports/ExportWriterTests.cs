using System.IO.Compression;
using System.Text;
using Metrology.Web.Features.Exports;
using MiniExcelLibs;
using Shouldly;

namespace Metrology.UnitTests.Exports;

/// <summary>
/// The export writers on their own: spreadsheet formulas planted in text never run (CSV: a leading apostrophe;
/// XLSX: typed string cells, no formula element), and dates and numbers keep their meaning in both formats.
/// </summary>
public class ExportWriterTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("manufacturer", "Nhà sản xuất"),
        new("due", "Hạn kiểm định", ExportValueKind.Date),
        new("days", "Số ngày quá hạn", ExportValueKind.Number),
    ];

    public static TheoryData<string, string> Dangerous => new()
    {
        { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
        { "+84 233 385", "'+84 233 385" },
        { "-2+3", "'-2+3" },
        { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
        { "\t=1+1", "'\t=1+1" },
        { "\r=1+1", "\"'\r=1+1\"" },
        { "Tatsuno", "Tatsuno" },
        { "Công ty TNHH Xăng dầu Đông Hà, chi nhánh 2", "\"Công ty TNHH Xăng dầu Đông Hà, chi nhánh 2\"" },
    };

    [Theory]
    [MemberData(nameof(Dangerous))]
    public async Task A_csv_cell_starting_like_a_formula_gets_an_apostrophe(string value, string expected)
    {
        var lines = await CsvAsync([value, new DateOnly(2027, 1, 14), -3]);

        lines[1].ShouldBe($"{expected},14/01/2027,-3");
    }

    [Fact]
    public async Task The_csv_starts_with_a_bom_and_the_header_and_leaves_blanks_empty()
    {
        using var output = new MemoryStream();
        await ExportWriter.WriteCsvAsync(output, Table(new object?[] { null, null, null }), TestContext.Current.CancellationToken);

        var bytes = output.ToArray();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe("Nhà sản xuất,Hạn kiểm định,Số ngày quá hạn\r\n,,\r\n");
    }

    [Fact]
    public void An_xlsx_holds_formulas_as_typed_text_dates_as_dates_and_numbers_as_numbers()
    {
        var values = Dangerous.Select(d => (string)d.Data.Item1).ToList();
        using var output = new MemoryStream();

        ExportWriter.WriteXlsx(output, Table(values.Select((v, i) => new object?[] { v, new DateOnly(2027, 1, 14).AddDays(i), (long)i }).ToArray()), TestContext.Current.CancellationToken);

        output.Position = 0;
        var rows = output.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        rows[0].ShouldBe(["Nhà sản xuất", "Hạn kiểm định", "Số ngày quá hạn"]);
        // Unchanged, except that XML reads a bare carriage return back as a line feed.
        rows.Skip(1).Select(r => r[0]).ShouldBe(values.Select(v => v.Replace('\r', '\n')));
        rows[1][1].ShouldBe(new DateTime(2027, 1, 14));
        rows[2][2].ShouldBe(1d);

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        sheet.ShouldNotContain(":f>");
        sheet.ShouldNotContain("<f>");
        sheet.ShouldContain("<x:c r=\"A2\" t=\"str\"");
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        styles.ReadToEnd().ShouldContain("formatCode=\"dd/MM/yyyy\"");
    }

    private static ExportTable Table(params object?[][] rows) => new("thu", Columns, Stream(rows));

    private static async IAsyncEnumerable<object?[]> Stream(object?[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<string[]> CsvAsync(object?[] row)
    {
        using var output = new MemoryStream();
        await ExportWriter.WriteCsvAsync(output, Table(row), TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(output.ToArray()[3..]).Split("\r\n");
    }
}
