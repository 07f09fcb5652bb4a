using Metrology.Core.Programme;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Documents;

/// <summary>How the UI and the report cite a document, the way the seed report writes it.</summary>
public static class DocumentReference
{
    /// <summary>"Quyết định số 1928/QĐ-UBND ngày 20/7/2020" (dates per <see cref="DocumentNumber.LegalDate"/>).</summary>
    public static string Cite(IStringLocalizer text, DocumentType type, string number, DateOnly issuedOn) =>
        text["Documents.Reference", text[$"Documents.Type.{type}"], number, DocumentNumber.LegalDate(issuedOn)];
}
