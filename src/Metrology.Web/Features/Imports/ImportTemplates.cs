using System.Text;
using MiniExcelLibs;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// The files users fill in: Vietnamese headers and one example row; the workbook adds a sheet "Hướng dẫn"
/// explaining each column in both languages (required or not, format, example).
/// </summary>
public sealed class ImportTemplates(ImportText text)
{
    public const string GuideSheetName = "Hướng dẫn";

    /// <summary>UTF-8 with a BOM (Excel then shows the accents), comma-separated.</summary>
    public static byte[] Csv(IImportKindHandler handler)
    {
        var builder = new StringBuilder();
        builder.Append(string.Join(',', handler.Columns.Select(c => Quote(c.HeaderVi)))).Append("\r\n");
        builder.Append(string.Join(',', handler.Columns.Select(c => Quote(c.Example)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    public async Task WriteXlsxAsync(IImportKindHandler handler, Stream output, CancellationToken cancellationToken)
    {
        var data = new[] { handler.Columns.ToDictionary(c => c.HeaderVi, c => (object?)c.Example) };
        var yes = text.Both("Imports.Template.Yes");
        var no = text.Both("Imports.Template.No");
        var guide = handler.Columns.Select(c => new Dictionary<string, object?>
        {
            [text.Both("Imports.Template.Column").Vi + " / " + text.Both("Imports.Template.Column").En] = c.HeaderVi,
            ["English header"] = c.HeaderEn,
            [text.Both("Imports.Template.Required").Vi + " / Required"] = c.Required ? $"{yes.Vi} / {yes.En}" : $"{no.Vi} / {no.En}",
            [text.Both("Imports.Template.Description").Vi] = c.DescriptionVi,
            ["Description"] = c.DescriptionEn,
            [text.Both("Imports.Template.Example").Vi + " / Example"] = c.Example,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [ImportFile.DataSheetName] = data,
            [GuideSheetName] = guide,
        };
        await output.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
