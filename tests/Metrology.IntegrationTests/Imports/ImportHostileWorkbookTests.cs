using System.IO.Compression;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Imports;

/// <summary>
/// Issue 15, item 1, and issue 19, item 8: workbooks that pass the zip checks but would make the spreadsheet
/// reader hold gigabytes (one cell of hundreds of millions of characters), or whose XML is broken or carries a
/// DTD. Each job fails with a message naming the part, row or cell, nothing is written, and memory stays bounded.
/// The apps here lift the compression-ratio limit, as the reported 6.5 MB file (900 million characters, a ratio
/// of 138) passed it anyway: what is tested is what comes after it.
/// </summary>
public abstract class ImportHostileWorkbookTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_cell_longer_than_excel_allows_is_refused_naming_the_cell()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var name = new string('x', 40_000);
        var file = await Workbook(Sheet($"<row r=\"1\">{Inline("A1", "Tên tổ chức")}{Inline("B1", "Loại")}{Inline("C1", "Mã số thuế")}</row>"
            + $"<row r=\"2\">{Inline("A2", name)}{Inline("B2", "Doanh nghiệp")}{Inline("C2", ImportFiles.TaxCode("72", 1))}</row>"));
        using var english = await App.As(TestData.QuangTriOfficer, language: "en-GB");

        var job = await officer.Import("organizations", file, "o-qua-dai.xlsx");

        job.Status.ShouldBe("Failed");
        job.InsertedRows.ShouldBe(0);
        job.FailureMessage.ShouldBe("Tệp XLSX có ô A2 (dòng 2, xl/worksheets/sheet1.xml) dài hơn 32767 ký tự, giới hạn của một ô Excel; tệp bị từ chối.");
        (await english.GetJob(job.Id)).FailureMessage.ShouldBe(
            "The XLSX file has cell A2 (row 2, xl/worksheets/sheet1.xml) longer than 32767 characters, Excel's limit for one cell; the file was refused.");
    }

    [Fact]
    public async Task A_shared_string_of_300_million_characters_is_refused_while_reading_in_bounded_memory()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var file = await Workbook(
            Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
            sharedStrings: async stream =>
            {
                await stream.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"u8.ToArray(), Cancellation);
                var block = new byte[1 << 20];
                Array.Fill(block, (byte)'a');
                for (var i = 0; i < 300; i++)
                {
                    await stream.WriteAsync(block, Cancellation);
                }

                await stream.WriteAsync("</t></si></sst>"u8.ToArray(), Cancellation);
            });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var job = await officer.Import("organizations", file, "mot-o-khong-lo.xlsx");

        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        job.Status.ShouldBe("Failed");
        job.FailureMessage.ShouldBe("Phần xl/sharedStrings.xml của tệp XLSX có một đoạn dài hơn 1 MB (một ô hay một thẻ quá lớn); tệp bị từ chối.");
        // The cell alone would be 600 MB as a .NET string; reading it used to take the app to gigabytes.
        used.ShouldBeLessThan(400L << 20, $"{used >> 20} MB allocated while the job ran");
    }

    [Fact]
    public async Task A_workbook_part_with_a_dtd_or_broken_xml_is_named_in_a_plain_message()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var header = $"<row r=\"1\">{Inline("A1", "Tên tổ chức")}{Inline("B1", "Loại")}{Inline("C1", "Mã số thuế")}</row>";
        var dtd = await Workbook(Sheet(header).Replace("<worksheet", "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]><worksheet", StringComparison.Ordinal));
        var broken = await Workbook(Sheet(header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Công ty</is></c></row>"));

        var refusedDtd = await officer.Import("organizations", dtd, "dtd.xlsx");
        var refusedBroken = await officer.Import("organizations", broken, "hong.xlsx");

        refusedDtd.Status.ShouldBe("Failed");
        refusedDtd.FailureMessage.ShouldBe(
            "Phần xl/worksheets/sheet1.xml của tệp XLSX có khai báo DTD, điều mà Excel không bao giờ ghi; tệp bị từ chối. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.");
        refusedBroken.Status.ShouldBe("Failed");
        refusedBroken.FailureMessage!.ShouldStartWith("Phần xl/worksheets/sheet1.xml của tệp XLSX không phải XML hợp lệ (dòng 1, cột ");
        refusedBroken.FailureMessage.ShouldEndWith("); tệp bị hỏng. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.");
    }

    private static string Inline(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    private static string Sheet(string rows) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + rows + "</sheetData></worksheet>";

    /// <summary>The smallest workbook Excel and MiniExcel open: one sheet "Dữ liệu", with shared strings when given.</summary>
    private static async Task<byte[]> Workbook(string sheet, Func<Stream, Task>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string content)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }

            const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Part("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Part("_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Dữ liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Part("xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                await using var stream = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
                await sharedStrings(stream);
            }
        }

        return buffer.ToArray();
    }

    public sealed class Sqlite(LenientZipSqliteApp app) : ImportHostileWorkbookTests(app), IClassFixture<LenientZipSqliteApp>;

    public sealed class Postgres(LenientZipPostgresApp app) : ImportHostileWorkbookTests(app), IClassFixture<LenientZipPostgresApp>;
}

/// <summary>An app whose zip ratio check lets highly compressible workbooks through (see <see cref="ImportHostileWorkbookTests"/>).</summary>
public sealed class LenientZipSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Imports:MaxCompressionRatio", "1000000")];
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class LenientZipPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Imports:MaxCompressionRatio", "1000000")];
}
