using System.Text;

namespace Metrology.Core.Shared;

/// <summary>
/// Characters no text field may hold: the C0 controls except tab, line feed and carriage return (NUL, vertical tab,
/// form feed...), U+FFFE and U+FFFF, and unpaired surrogates. These are exactly what XML 1.0 forbids, so one of them
/// in a stored name makes every DOCX or XLSX that prints it fail to open or to be written; PostgreSQL refuses NUL in
/// text outright.
/// </summary>
public static class ControlCharacters
{
    public static bool Contains(string? text) => text is not null && FirstIndex(text) >= 0;

    /// <summary>The text without the forbidden characters (the same instance when it had none).</summary>
    public static string Strip(string text)
    {
        var first = FirstIndex(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var length = AllowedLength(text, i);
            if (length > 0)
            {
                builder.Append(text, i, length);
                i += length - 1;
            }
        }

        return builder.ToString();
    }

    private static int FirstIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var length = AllowedLength(text, i);
            if (length == 0)
            {
                return i;
            }

            i += length - 1;
        }

        return -1;
    }

    /// <summary>How many UTF-16 units of the allowed character at <paramref name="i"/> (2 for a surrogate pair), 0 when forbidden.</summary>
    private static int AllowedLength(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 0;
        }

        return c switch
        {
            '\t' or '\n' or '\r' => 1,
            < ' ' or '\uFFFE' or '\uFFFF' => 0,
            _ when char.IsLowSurrogate(c) => 0,
            _ => 1,
        };
    }
}
