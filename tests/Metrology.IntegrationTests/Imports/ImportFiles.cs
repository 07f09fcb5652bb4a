using System.Globalization;
using System.Text;

namespace Metrology.IntegrationTests.Imports;

/// <summary>Test files: the hand-made ones in tests/data/imports and generated ones (CSV text in any encoding).</summary>
public static class ImportFiles
{
    private static readonly Lazy<string> DataDirectory = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Metrology.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Metrology.slnx not found above the test binaries."), "tests", "data", "imports");
    });

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(DataDirectory.Value, name));

    public static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The rows joined with the separator, quoted where needed, CRLF line ends, with the encoding's BOM.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyList<string?>> rows, char separator, Encoding encoding)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(separator, row.Select(c => Quote(c ?? string.Empty, separator)))).Append("\r\n");
        }

        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>Lines of a CSV text file as the server wrote them (BOM and quotes as is).</summary>
    public static string[] Lines(byte[] content, Encoding encoding)
    {
        var text = encoding.GetString(content);
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A valid tax code starting with <paramref name="prefix"/> (two digits) and the number <paramref name="n"/>.</summary>
    public static string TaxCode(string prefix, int n)
    {
        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        for (var i = n; ; i += 1_000_000)
        {
            var firstNine = prefix + (i % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            var check = 10 - (firstNine.Select((c, k) => weights[k] * (c - '0')).Sum() % 11);
            if (check < 10)
            {
                return firstNine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
