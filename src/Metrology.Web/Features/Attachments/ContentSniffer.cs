using System.IO.Compression;
using System.Text;

namespace Metrology.Web.Features.Attachments;

/// <summary>
/// Decides a file's type from its CONTENT (magic bytes), then checks the name's extension says the same:
/// an .exe renamed .pdf starts with "MZ", not "%PDF-", and is refused. Only the types officers actually
/// attach are accepted: PDF, PNG, JPEG, Word/Excel (OOXML and the older OLE format) and UTF-8 text/CSV.
/// </summary>
public static class ContentSniffer
{
    private enum Kind
    {
        Pdf,
        Png,
        Jpeg,
        Docx,
        Xlsx,
        Ole,
        Text,
    }

    /// <summary>Extension → the content kind it must hold and the media type served on download.</summary>
    private static readonly Dictionary<string, (Kind Kind, string ContentType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (Kind.Pdf, "application/pdf"),
        [".png"] = (Kind.Png, "image/png"),
        [".jpg"] = (Kind.Jpeg, "image/jpeg"),
        [".jpeg"] = (Kind.Jpeg, "image/jpeg"),
        [".docx"] = (Kind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (Kind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".doc"] = (Kind.Ole, "application/msword"),
        [".xls"] = (Kind.Ole, "application/vnd.ms-excel"),
        [".txt"] = (Kind.Text, "text/plain; charset=utf-8"),
        [".csv"] = (Kind.Text, "text/csv; charset=utf-8"),
    };

    public static string AllowedExtensions => string.Join(", ", Extensions.Keys);

    /// <summary>The media type to store, or null with <paramref name="problem"/> "type" (extension not accepted) or "content" (content is not what the name says).</summary>
    public static string? Detect(string path, string fileName, out string? problem)
    {
        problem = null;
        if (!Extensions.TryGetValue(Path.GetExtension(fileName), out var expected))
        {
            problem = "type";
            return null;
        }

        if (ContentOf(path) != expected.Kind)
        {
            problem = "content";
            return null;
        }

        return expected.ContentType;
    }

    private static Kind? ContentOf(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var start = head[..read];
        if (start.StartsWith("%PDF-"u8))
        {
            return Kind.Pdf;
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Kind.Png;
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Kind.Jpeg;
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Kind.Ole;
        }

        if (start.StartsWith("PK\x03\x04"u8))
        {
            return OfficeZip(path);
        }

        return IsUtf8Text(path) ? Kind.Text : null;
    }

    /// <summary>A zip is a Word or Excel file only with the OOXML content-types part and the part folder of its kind.</summary>
    private static Kind? OfficeZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
            {
                return Kind.Docx;
            }

            return zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)) ? Kind.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 with no NUL character: binaries (executables, images) fail one or the other within a few bytes.</summary>
    private static bool IsUtf8Text(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81920];
        using var file = File.OpenRead(path);
        try
        {
            int read;
            do
            {
                read = file.Read(bytes);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                if (chars.AsSpan(0, count).Contains('\0'))
                {
                    return false;
                }
            }
            while (read > 0);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
