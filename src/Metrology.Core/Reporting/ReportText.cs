using System.Text;
using System.Xml;

namespace Metrology.Core.Reporting;

/// <summary>
/// Text pasted from Word into a report carries characters XML cannot hold (a vertical tab for a manual line break,
/// a form feed for a page break, NUL, U+FFFE); one of them in a section would make the DOCX unwritable. The report
/// service cleans what it stores and the Word writer cleans again what it writes, so neither an old row nor a
/// path that skipped the service can break the download.
/// </summary>
public static class ReportText
{
    /// <summary>Line and page breaks become line breaks; every other character XML 1.0 refuses is dropped.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\v' or '\f' or '\u2028' or '\u2029')
            {
                clean.Append('\n');
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary><see cref="Clean"/> for an optional field.</summary>
    public static string? CleanOptional(string? text) => text is null ? null : Clean(text);

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\v' or '\f' or '\u2028' or '\u2029')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
