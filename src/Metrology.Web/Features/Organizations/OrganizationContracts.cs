using Metrology.Core.Organizations;

namespace Metrology.Web.Features.Organizations;

/// <summary>
/// What a client sends to create or change an organisation. Kind is text so an unknown value gets a
/// field error naming "kind" rather than an unreadable-body error.
/// </summary>
public sealed class OrganizationInput
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? TaxCode { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Ignored for users bound to a province (their own is used); optional for national users.</summary>
    public string? ProvinceSlug { get; set; }
}

public sealed record OrganizationDto(
    int Id,
    string Name,
    OrganizationKind Kind,
    string? TaxCode,
    string? Address,
    string? Phone,
    string? Email,
    string? ProvinceSlug,
    string? ProvinceName,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Server-side list query: search ignores diacritics; sort is a field name, "-" first for descending.</summary>
public sealed record OrganizationQuery(
    string? Search = null,
    OrganizationKind? Kind = null,
    string? ProvinceSlug = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
