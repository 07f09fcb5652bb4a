namespace Metrology.Web.Features.Designations;

/// <summary>One scope row as a client sends it: a Group 2 type, the kinds allowed, the range.</summary>
public sealed class DesignationScopeInput
{
    public string? TypeCode { get; set; }

    public bool Initial { get; set; }

    public bool Periodic { get; set; }

    public bool AfterRepair { get; set; }

    public bool Reference { get; set; }

    public string? MeasuringRange { get; set; }
}

/// <summary>What a client sends to record or correct a designation decision. PUT replaces the scope rows.</summary>
public sealed class DesignationInput
{
    public int? BodyId { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public string? Notes { get; set; }

    public List<DesignationScopeInput>? Scopes { get; set; }
}

public sealed class DesignationWithdrawalInput
{
    public DateOnly? WithdrawnOn { get; set; }
}

public sealed record DesignationScopeDto(string TypeCode, string? TypeName, bool Initial, bool Periodic, bool AfterRepair, bool Reference, string? MeasuringRange);

/// <summary>
/// A designation as read. <see cref="Status"/> is "active", "notYetValid", "expired" or "withdrawn" today;
/// <see cref="Expiring"/> is true while active with at most the warning window (Designations:WarningDays) left.
/// </summary>
public sealed record DesignationDto(
    int Id,
    int BodyId,
    string BodyName,
    string? ProvinceSlug,
    string DecisionNumber,
    DateOnly DecisionDate,
    string Issuer,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    DateOnly? WithdrawnOn,
    string? Notes,
    IReadOnlyList<DesignationScopeDto> Scopes,
    string Status,
    bool Expiring,
    int DaysLeft,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>List filters: search folds diacritics over decision number, issuer and body name.</summary>
public sealed record DesignationQuery(
    string? Search = null,
    int? BodyId = null,
    int? ExpiringWithinDays = null,
    bool ActiveOnly = false,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
