using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Reads every XML part of a workbook once, in bounded memory, before the spreadsheet reader sees it (issue 15,
/// item 1: one cell of 900 million characters passed the zip checks and took the app to 17 GB). Refused, with
/// the part, row or cell named: a part that inflates to more than its zip entry declares, an XML token (a text or
/// a tag) over 1 MB, a DTD, malformed XML, a cell or shared string longer than Excel's own limit of 32,767
/// characters, a row of more than 16,384 cells or 1,048,576 characters, more than 10 million shared strings.
/// </summary>
internal static class WorkbookScan
{
    /// <summary>Excel's own limit for one cell; no file Excel wrote has a longer one.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>Excel's column count (A to XFD).</summary>
    public const int MaxRowCells = 16_384;

    /// <summary>One row's characters, as a CSV record's 1 MB limit.</summary>
    public const int MaxRowCharacters = 1 << 20;

    /// <summary>Shared strings: a million-row file of distinct serials, stamps and certificates has a few million.</summary>
    public const int MaxSharedStrings = 10_000_000;

    /// <summary>Bytes between two angle brackets: a cell of 32,767 characters takes at most 131,068 (UTF-8).</summary>
    public const int MaxTokenBytes = 1 << 20;

    private const string SharedStringsPart = "xl/sharedStrings.xml";

    public static void Check(ZipArchive zip)
    {
        // The shared strings' lengths first (ushort: each is at most 32,767), so a cell can be judged by what it points to.
        var sharedLengths = new List<ushort>();
        if (zip.GetEntry(SharedStringsPart) is { } shared)
        {
            Read(shared, reader => ScanSharedStrings(reader, sharedLengths));
        }

        foreach (var entry in zip.Entries)
        {
            if (entry.FullName == SharedStringsPart || !(entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var sheet = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
            Read(entry, reader =>
            {
                if (sheet)
                {
                    ScanSheet(reader, entry.FullName, sharedLengths);
                }
                else
                {
                    while (reader.Read())
                    {
                    }
                }
            });
        }
    }

    private static void Read(ZipArchiveEntry entry, Action<XmlReader> scan)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        };
        try
        {
            using var guarded = new GuardedStream(entry.Open(), entry.Length, entry.FullName);
            using var reader = XmlReader.Create(guarded, settings);
            scan(reader);
        }
        catch (XmlException problem)
        {
            var where = problem.LineNumber > 0
                ? string.Create(CultureInfo.InvariantCulture, $" (dòng {problem.LineNumber}, cột {problem.LinePosition})")
                : string.Empty;
            var whereEn = problem.LineNumber > 0
                ? string.Create(CultureInfo.InvariantCulture, $" (line {problem.LineNumber}, column {problem.LinePosition})")
                : string.Empty;
            if (problem.Message.Contains("DTD", StringComparison.Ordinal))
            {
                throw new ImportFileException(
                    $"Phần {entry.FullName} của tệp XLSX có khai báo DTD, điều mà Excel không bao giờ ghi; tệp bị từ chối. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.",
                    $"The part {entry.FullName} of the XLSX file has a DTD, which Excel never writes; the file was refused. Open it in Excel and save it again as .xlsx.");
            }

            throw new ImportFileException(
                $"Phần {entry.FullName} của tệp XLSX không phải XML hợp lệ{where}; tệp bị hỏng. Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.",
                $"The part {entry.FullName} of the XLSX file is not well-formed XML{whereEn}; the file is damaged. Open it in Excel and save it again as .xlsx.");
        }
    }

    private static void ScanSharedStrings(XmlReader reader, List<ushort> lengths)
    {
        var current = -1;
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "si" })
            {
                if (lengths.Count == MaxSharedStrings)
                {
                    throw new ImportFileException(
                        "Tệp XLSX có hơn 10 triệu chuỗi khác nhau; hãy chia thành nhiều tệp.",
                        "The XLSX file has more than 10 million distinct strings; split it into several files.");
                }

                lengths.Add(0);
                current = lengths.Count - 1;
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace && current >= 0)
            {
                var length = lengths[current] + reader.Value.Length;
                if (length > MaxCellCharacters)
                {
                    throw TooLong($"chuỗi thứ {current + 1} của {SharedStringsPart}", $"string {current + 1} of {SharedStringsPart}");
                }

                lengths[current] = (ushort)length;
            }
        }
    }

    private static void ScanSheet(XmlReader reader, string part, List<ushort> sharedLengths)
    {
        var rowNumber = 0;
        int rowCells = 0, rowCharacters = 0, cellCharacters = 0;
        string? cellReference = null;
        var shared = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "row":
                        rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                        rowCells = 0;
                        rowCharacters = 0;
                        break;
                    case "c":
                        cellReference = reader.GetAttribute("r");
                        shared = reader.GetAttribute("t") == "s";
                        cellCharacters = 0;
                        if (++rowCells > MaxRowCells)
                        {
                            throw new ImportFileException(
                                $"Dòng {rowNumber} ({part}) có hơn {MaxRowCells} ô, nhiều hơn số cột Excel cho phép; tệp bị từ chối.",
                                $"Row {rowNumber} ({part}) has more than {MaxRowCells} cells, more columns than Excel allows; the file was refused.");
                        }

                        break;
                }
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                var text = reader.Value;
                var length = text.Length;
                // A shared-string cell holds an index: its length is the string's.
                if (shared && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedLengths.Count)
                {
                    length = sharedLengths[index];
                }

                cellCharacters += length;
                rowCharacters += length;
                var cell = cellReference ?? string.Create(CultureInfo.InvariantCulture, $"{rowCells}");
                if (cellCharacters > MaxCellCharacters)
                {
                    throw TooLong($"ô {cell} (dòng {rowNumber}, {part})", $"cell {cell} (row {rowNumber}, {part})");
                }

                if (rowCharacters > MaxRowCharacters)
                {
                    throw new ImportFileException(
                        $"Dòng {rowNumber} ({part}) dài hơn {MaxRowCharacters} ký tự; tệp bị từ chối.",
                        $"Row {rowNumber} ({part}) is longer than {MaxRowCharacters} characters; the file was refused.");
                }
            }
        }
    }

    private static ImportFileException TooLong(string whereVi, string whereEn) => new(
        $"Tệp XLSX có {whereVi} dài hơn {MaxCellCharacters} ký tự, giới hạn của một ô Excel; tệp bị từ chối.",
        $"The XLSX file has {whereEn} longer than {MaxCellCharacters} characters, Excel's limit for one cell; the file was refused.");

    /// <summary>
    /// The inflated bytes of one part, refused past the size its zip entry declares (a lying header) and when a
    /// run of bytes without an angle bracket grows past <see cref="MaxTokenBytes"/>: an XML reader holds a whole
    /// tag or text in memory, so this bounds what it can be made to hold.
    /// </summary>
    private sealed class GuardedStream(Stream inner, long declaredLength, string part) : Stream
    {
        private long total;
        private int run;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            total += read;
            if (total > declaredLength)
            {
                throw new ImportFileException(
                    $"Phần {part} của tệp XLSX giải nén ra nhiều hơn kích thước nó khai báo; tệp bị từ chối.",
                    $"The part {part} of the XLSX file inflates to more than its declared size; the file was refused.");
            }

            var rest = (ReadOnlySpan<byte>)buffer[..read];
            while (true)
            {
                var bracket = rest.IndexOfAny((byte)'<', (byte)'>');
                run += bracket < 0 ? rest.Length : bracket;
                if (run > MaxTokenBytes)
                {
                    throw new ImportFileException(
                        $"Phần {part} của tệp XLSX có một đoạn dài hơn 1 MB (một ô hay một thẻ quá lớn); tệp bị từ chối.",
                        $"The part {part} of the XLSX file has a stretch longer than 1 MB (a cell or a tag too large); the file was refused.");
                }

                if (bracket < 0)
                {
                    break;
                }

                run = 0;
                rest = rest[(bracket + 1)..];
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
