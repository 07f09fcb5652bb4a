using System.Globalization;
using Metrology.Core.Programme;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Documents;

/// <summary>How the UI and the report cite a document and show money, the way the seed report writes them.</summary>
public static class DocumentReference
{
    private static readonly NumberFormatInfo VietnameseGrouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>"Quyết định số 1928/QĐ-UBND ngày 20/7/2020" (dates per <see cref="DocumentNumber.LegalDate"/>).</summary>
    public static string Cite(IStringLocalizer text, DocumentType type, string number, DateOnly issuedOn) =>
        text["Documents.Reference", text[$"Documents.Type.{type}"], number, DocumentNumber.LegalDate(issuedOn)];

    /// <summary>VND with Vietnamese grouping in both languages, as amounts appear in the report: "25.616.000.000 đ".</summary>
    public static string Vnd(long amount) => amount.ToString("#,0", VietnameseGrouping) + " đ";
}
