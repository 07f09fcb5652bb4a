using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Metrology.Web.Features.Imports;

public enum ImportFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>Why a whole file cannot be imported, in both languages (the job keeps both; the page shows one).</summary>
public sealed class ImportFileException(string messageVi, string messageEn) : Exception(messageEn)
{
    public string MessageVi { get; } = messageVi;

    public string MessageEn { get; } = messageEn;
}

/// <summary>Limits that keep a hostile or broken file from exhausting the server (Imports:* settings).</summary>
public sealed record ImportLimits(long MaxUncompressedBytes, int MaxCompressionRatio)
{
    public static ImportLimits From(Microsoft.Extensions.Configuration.IConfiguration configuration) => new(
        configuration.GetValue("Imports:MaxUncompressedBytes", 1L << 30),
        configuration.GetValue("Imports:MaxCompressionRatio", 200));
}

/// <summary>One row as it is in the file: the row number a spreadsheet shows (header = 1) and its cells.</summary>
public sealed record RawRow(int RowNumber, string?[] Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrEmpty);
}

/// <summary>
/// An uploaded file opened for reading, whatever produced it: XLSX (recognised by its zip signature, not its
/// name), or CSV/text in UTF-8 with or without BOM or UTF-16 (Excel's "Unicode text"), separated by commas,
/// semicolons or tabs (detected on the header line). Rows are streamed: nothing holds the whole file, so a
/// million-row file reads in constant memory. Every cell comes out trimmed and in Unicode NFC, so a name typed
/// on a Mac (NFD) matches the same name typed on Windows.
/// </summary>
public sealed class ImportFile
{
    /// <summary>The data sheet of the templates; when a workbook has it, it is read whatever its position.</summary>
    public const string DataSheetName = "Dữ liệu";

    private const int SniffBytes = 64 * 1024;

    /// <summary>Bytes of the byte order mark, skipped before decoding so it never sticks to the first header.</summary>
    private readonly int bomLength;

    private ImportFile(string path, ImportFileFormat format, Encoding? encoding, char delimiter, string? sheetName, int bomLength = 0)
    {
        this.bomLength = bomLength;
        Path = path;
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        SheetName = sheetName;
    }

    public string Path { get; }

    public ImportFileFormat Format { get; }

    /// <summary>The text encoding of a CSV file; null for XLSX.</summary>
    public Encoding? Encoding { get; }

    /// <summary>The separator of a CSV file.</summary>
    public char Delimiter { get; }

    /// <summary>The sheet read from a workbook.</summary>
    public string? SheetName { get; }

    /// <summary>Recognises the file and checks it can be read safely; <see cref="ImportFileException"/> says why not.</summary>
    public static ImportFile Open(string path, ImportLimits limits)
    {
        var head = new byte[SniffBytes];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        }

        var sniff = head.AsSpan(0, length);
        if (sniff.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            throw new ImportFileException(
                "Tệp là bảng tính Excel 97-2003 (.xls), chưa nhập được. Hãy mở tệp trong Excel, chọn Tệp > Lưu thành > \"Sổ làm việc Excel (*.xlsx)\" rồi tải lên tệp .xlsx (hoặc lưu thành \"CSV UTF-8\").",
                "The file is an Excel 97-2003 workbook (.xls), which cannot be imported. Open it in Excel, choose File > Save As > \"Excel Workbook (*.xlsx)\" and upload the .xlsx file (or save it as \"CSV UTF-8\").");
        }

        if (sniff.StartsWith("PK\u0003\u0004"u8))
        {
            var sheet = CheckWorkbook(path, limits);
            return new ImportFile(path, ImportFileFormat.Xlsx, null, ',', sheet);
        }

        var encoding = DetectEncoding(sniff);
        string? legacy = null;
        if (encoding is UTF8Encoding && !sniff.StartsWith("\uFEFF"u8) && !IsUtf8(path))
        {
            // Excel's plain "CSV (Comma delimited)" writes the system's ANSI code page: Windows-1258 on a Vietnamese
            // Windows (its tone marks come as combining characters, which Clean composes); Western code pages
            // read the same for the letters a Vietnamese name shares with them.
            encoding = Windows1258.Value;
            legacy = "Windows-1258";
        }

        var text = Decode(sniff, encoding, complete: length < SniffBytes);
        // Blank lines above a title or the header (a sheet saved as CSV) are passed over: the file is not empty.
        var headerLine = FirstRecord(text.TrimStart());
        if (headerLine.Trim().Length == 0)
        {
            throw new ImportFileException("Tệp trống: không có dòng tiêu đề.", "The file is empty: there is no header row.");
        }

        var bom = sniff.StartsWith("\uFEFF"u8) ? 3 : sniff.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sniff.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? 2 : 0;
        return new ImportFile(path, ImportFileFormat.Csv, encoding, DetectDelimiter(headerLine), null, bom) { LegacyEncoding = legacy };
    }

    /// <summary>The legacy code page the text was read in ("Windows-1258"), null for UTF-8, UTF-16 and XLSX.</summary>
    public string? LegacyEncoding { get; private init; }

    private static readonly Lazy<Encoding> Windows1258 = new(() =>
    {
        // Code pages other than UTF and Latin-1 come from the runtime's provider, registered once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Whether the whole file is valid UTF-8, read in chunks (a legacy byte may sit anywhere, not only in the first 64 KB).</summary>
    private static bool IsUtf8(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        using var stream = File.OpenRead(path);
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Every row of the file, the header first (row 1); blank rows are returned too, so numbers stay those of the file.</summary>
    public IEnumerable<RawRow> ReadRows() => Format == ImportFileFormat.Xlsx ? ReadWorkbook() : ReadCsv();

    private IEnumerable<RawRow> ReadCsv()
    {
        var stream = File.OpenRead(Path);
        stream.Position = bomLength;
        using var reader = new StreamReader(stream, Encoding!, detectEncodingFromByteOrderMarks: false);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = Delimiter,
            // Blank lines are rows the user sees in a spreadsheet: keep them so row numbers match.
            ResultSetMode = ResultSetMode.SingleResult,
            // A quoted address with line breaks may be long; the buffer bounds one record, not the file.
            BufferSize = 1 << 20,
        };
        using var csv = CsvDataReader.Create(reader, options);
        var number = 0;
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (DecoderFallbackException)
            {
                throw NotText(number + 1);
            }
            catch (CsvRecordTooLargeException)
            {
                throw new ImportFileException(
                    $"Dòng {number + 1} dài quá 1 MB: có thể thiếu dấu nháy kép đóng.",
                    $"Row {number + 1} is longer than 1 MB: a closing double quote may be missing.");
            }

            if (!more)
            {
                yield break;
            }

            number++;
            var cells = new string?[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Clean(csv.GetString(i));
            }

            yield return new RawRow(number, cells);
        }
    }

    private IEnumerable<RawRow> ReadWorkbook()
    {
        var number = 0;
        // MiniExcel streams the sheet XML; empty rows in the middle come back as rows of nulls, so numbering holds.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(Path, useHeaderRow: false, sheetName: SheetName, excelType: ExcelType.XLSX))
        {
            number++;
            yield return new RawRow(number, row.Values.Select(CellText).ToArray());
        }
    }

    /// <summary>A workbook cell as text: dates in ISO form, numbers without grouping, so the value parsers read them back.</summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        decimal number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Clean(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        // The formula guard of our exports and error files ('=…, '-…) comes off: the file imports back unchanged.
        if (trimmed.Length > 1 && trimmed[0] == '\'' && trimmed[1] is '=' or '+' or '-' or '@')
        {
            trimmed = trimmed[1..];
        }

        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Reads the zip directory before any XML parser sees the workbook: the sum of the entries' declared sizes
    /// and each entry's compression ratio are bounded, so a "zip bomb" (a few KB that inflate to gigabytes) is
    /// refused without inflating it. Returns the sheet to read.
    /// </summary>
    private static string CheckWorkbook(string path, ImportLimits limits)
    {
        try
        {
            using (var zip = ZipFile.OpenRead(path))
            {
                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    total += entry.Length;
                    // Small entries compress well legitimately (styles, shared strings of one value); only big ones are judged.
                    var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                    if (total > limits.MaxUncompressedBytes || (entry.Length > 1 << 20 && ratio > limits.MaxCompressionRatio))
                    {
                        throw new ImportFileException(
                            "Tệp XLSX giải nén ra quá lớn so với kích thước của nó (nghi là tệp \"zip bomb\"); tệp bị từ chối.",
                            "The XLSX file expands to far more than its size (a suspected \"zip bomb\"); it was refused.");
                    }
                }

                if (zip.GetEntry("xl/workbook.xml") is null && zip.GetEntry("mimetype") is not null)
                {
                    throw new ImportFileException(
                        "Tệp là bảng tính OpenDocument (.ods), chưa nhập được. Trong LibreOffice hãy chọn Tệp > Lưu thành > \"Excel 2007-365 (.xlsx)\" rồi tải lên tệp .xlsx.",
                        "The file is an OpenDocument spreadsheet (.ods), which cannot be imported. In LibreOffice choose File > Save As > \"Excel 2007-365 (.xlsx)\" and upload the .xlsx file.");
                }

                if (zip.GetEntry("xl/workbook.xml") is null)
                {
                    throw new ImportFileException(
                        "Tệp là một tệp nén nhưng không phải bảng tính XLSX.",
                        "The file is a zip archive but not an XLSX workbook.");
                }

                // Every cell, row and the shared strings bounded before MiniExcel, which holds a whole cell (and the string table) in memory.
                WorkbookScan.Check(zip);
            }

            var sheets = MiniExcel.GetSheetNames(path);
            if (sheets.Count == 0)
            {
                throw new ImportFileException("Bảng tính không có trang nào.", "The workbook has no sheet.");
            }

            return sheets.FirstOrDefault(s => ImportValues.Key(s) == ImportValues.Key(DataSheetName)) ?? sheets[0];
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("Tệp XLSX bị hỏng, không đọc được.", "The XLSX file is damaged and cannot be read.");
        }
    }

    /// <summary>A byte order mark decides; without one, UTF-16 shows as zero bytes in every other position, else strict UTF-8.</summary>
    private static Encoding DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        if (head.Length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        if (head.Length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    }

    /// <summary>The first 64 KB decoded; invalid bytes or control characters mean the file is not text (binary, or a legacy code page).</summary>
    private static string Decode(ReadOnlySpan<byte> head, Encoding encoding, bool complete)
    {
        var preamble = encoding.GetPreamble();
        if (head.StartsWith(preamble) && preamble.Length > 0)
        {
            head = head[preamble.Length..];
        }
        else if (encoding is UTF8Encoding && head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        // Cut at a character boundary when the sample stops mid-file.
        if (!complete)
        {
            head = encoding is UnicodeEncoding ? head[..(head.Length & ~1)] : TrimPartialUtf8(head);
        }

        string text;
        try
        {
            text = encoding.GetString(head);
        }
        catch (DecoderFallbackException)
        {
            throw NotText(null);
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            throw NotText(null);
        }

        return text;
    }

    private static ReadOnlySpan<byte> TrimPartialUtf8(ReadOnlySpan<byte> bytes)
    {
        // Step back over at most three continuation bytes and the lead byte of a sequence cut short.
        var end = bytes.Length;
        for (var back = 1; back <= 4 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                end = needed > back ? bytes.Length - back : bytes.Length;
                break;
            }
        }

        return bytes[..end];
    }

    private static ImportFileException NotText(int? row) => row is { } r
        ? new ImportFileException(
            $"Dòng {r}: tệp không phải văn bản UTF-8 hay UTF-16. Hãy lưu lại dưới dạng \"CSV UTF-8\" hoặc XLSX.",
            $"Row {r}: the file is not UTF-8 or UTF-16 text. Save it again as \"CSV UTF-8\" or XLSX.")
        : new ImportFileException(
            "Tệp không phải CSV (UTF-8 hay UTF-16) hay XLSX. Hãy lưu lại dưới dạng \"CSV UTF-8\" hoặc XLSX.",
            "The file is neither CSV (UTF-8 or UTF-16) nor XLSX. Save it again as \"CSV UTF-8\" or XLSX.");

    /// <summary>The first record of the text: up to the first line break outside double quotes.</summary>
    private static string FirstRecord(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                return text[..i];
            }
        }

        return text;
    }

    /// <summary>The separator that splits the header line most often, outside quotes; a one-column file is comma-separated.</summary>
    private static char DetectDelimiter(string header)
    {
        char[] candidates = [',', ';', '\t'];
        var counts = new int[candidates.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(candidates, c) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        var best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? ',' : candidates[best];
    }
}
