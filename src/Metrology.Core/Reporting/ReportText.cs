using System.Buffers;
using Metrology.Core.Shared;

namespace Metrology.Core.Reporting;

/// <summary>
/// Text pasted from Word into a report carries characters XML cannot hold (a vertical tab for a manual line break,
/// a form feed for a page break, NUL, U+FFFE); one of them in a section would make the DOCX unwritable. The report
/// service cleans what it stores and the Word writer cleans again what it writes, so neither an old row nor a
/// path that skipped the service can break the download.
/// </summary>
public static class ReportText
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\v\f\u2028\u2029");

    /// <summary>
    /// Line and page breaks (vertical tab, form feed, U+2028, U+2029) become line breaks; every other character XML 1.0
    /// refuses is dropped by the platform's one rule for them, <see cref="ControlCharacters.Strip"/>.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.AsSpan().IndexOfAny(LineBreaks) < 0
            ? text
            : text.Replace('\v', '\n').Replace('\f', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
        return ControlCharacters.Strip(lines);
    }

    /// <summary><see cref="Clean"/> for an optional field.</summary>
    public static string? CleanOptional(string? text) => text is null ? null : Clean(text);
}
