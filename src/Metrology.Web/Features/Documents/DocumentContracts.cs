using Metrology.Core.Programme;

namespace Metrology.Web.Features.Documents;

/// <summary>What a client sends to record or change a directive document. Type is text so an unknown value names "type".</summary>
public sealed class DocumentInput
{
    public string? Type { get; set; }

    public string? Number { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Subject { get; set; }

    public string? Summary { get; set; }

    /// <summary>Required for national users (the document belongs to a province); ignored for province users.</summary>
    public string? ProvinceSlug { get; set; }
}

public sealed record DocumentDto(
    int Id,
    DocumentType Type,
    string Number,
    string Issuer,
    DateOnly IssuedOn,
    string Subject,
    string? Summary,
    int? ProvinceId,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>How the report cites it, in the caller's language: "Quyết định số 1928/QĐ-UBND ngày 20/7/2020".</summary>
    public string Citation { get; init; } = string.Empty;
}

/// <summary>A record that points at a document; <see cref="Kind"/> is "annualPlan", "planTask", "scienceTask" or "investmentProject".</summary>
public sealed record DocumentLinkDto(string Kind, int Id, string Title, string Href);

public sealed record DocumentDetailDto(DocumentDto Document, IReadOnlyList<DocumentLinkDto> LinkedRecords);

/// <summary>Filters of the list: search ignores diacritics and matches number, issuer and subject.</summary>
public sealed record DocumentQuery(
    string? Search = null,
    DocumentType? Type = null,
    int? Year = null,
    string? Issuer = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 200;
}

/// <summary>A document to pick in another record's form (e.g. the S&amp;T task's approval decision).</summary>
public sealed record DocumentOption(int Id, DocumentType Type, string Number, DateOnly IssuedOn, string Subject);
