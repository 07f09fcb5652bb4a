namespace Metrology.IntegrationTests.Infrastructure;

// The API's JSON as a client sees it, written out here rather than borrowed from the server's types
// so that a renamed or dropped field fails these tests the way it would break a client.

public sealed record PageJson<T>(List<T> Items, int Total, int Page, int PageSize);

public sealed record OrganizationJson(
    int Id, string Name, string Kind, string? TaxCode, string? Address, string? Phone, string? Email,
    string? ProvinceSlug, string? ProvinceName, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record UserJson(
    string Id, string Email, string? FullName, string Role, string? ProvinceSlug, string? ProvinceName,
    int? OrganizationId, string? OrganizationName, DateTimeOffset? LockoutEnd, DateTime CreatedAt, bool Locked);

public sealed record MeJson(string Id, string? Email, string? FullName, string Role, string? ProvinceSlug, int? OrganizationId);

public sealed record AuditJson(long Id, DateTime At, string? UserEmail, string EntityType, string EntityId, string Action, string? Before, string? After);

public sealed record ProvinceJson(string Slug, string Name, string Kind, string[] FormerUnits);

public sealed record Group2TypeJson(string Code, string NameVi, string NameEn, string Source, DateOnly? EffectiveFrom, DateOnly? EffectiveTo);
