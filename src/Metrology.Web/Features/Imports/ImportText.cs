using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Messages of an import in both languages at once: a job's errors are stored once and shown to each reader
/// in the UI language, and the error file carries both.
/// </summary>
public sealed class ImportText(IStringLocalizer<SharedResource> text)
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");
    private static readonly CultureInfo English = new("en-GB");

    public (string Vi, string En) Both(string key, params object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Vietnamese;
            var vi = text[key, arguments].Value;
            CultureInfo.CurrentUICulture = English;
            var en = text[key, arguments].Value;
            return (vi, en);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public ImportCellError Error(ImportRow row, string columnKey, string? value, string key, params object[] arguments)
    {
        var (vi, en) = Both(key, arguments);
        return new ImportCellError(row.RowNumber, columnKey, value, vi, en);
    }

    /// <summary>A label in the UI language of the moment (for templates and pages).</summary>
    public string this[string key] => text[key];
}
