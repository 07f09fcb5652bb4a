using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

/// <summary>
/// The national authority's decision allowing a verification body to verify the types in its scope
/// until <see cref="ValidUntil"/>. Province = the body's province.
/// </summary>
public class Designation : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int BodyId { get; set; }

    public Organization? Body { get; set; }

    /// <summary>Number and symbol of the decision, e.g. "123/QĐ-TĐC".</summary>
    public required string DecisionNumber { get; set; }

    public DateOnly DecisionDate { get; set; }

    public required string Issuer { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>Set when the authority withdraws the designation early.</summary>
    public DateOnly? WithdrawnOn { get; set; }

    public string? Notes { get; set; }

    public List<DesignationScope> Scopes { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsActiveOn(DateOnly date) =>
        ValidFrom <= date && date <= ValidUntil && (WithdrawnOn is null || date < WithdrawnOn);

    /// <summary>True when this designation allowed the verification on that date.</summary>
    public bool Covers(string typeCode, VerificationKind kind, DateOnly date) =>
        IsActiveOn(date) && Scopes.Any(s => s.Allows(typeCode, kind));
}

/// <summary>One row of a designation's scope: a Group 2 type, the kinds allowed, the range.</summary>
public class DesignationScope : IAudited
{
    public int Id { get; set; }

    public int DesignationId { get; set; }

    public required string TypeCode { get; set; }

    public bool Initial { get; set; }

    public bool Periodic { get; set; }

    public bool AfterRepair { get; set; }

    /// <summary>Reference (dispute) verification needs its own flag (electricity and cold-water meters).</summary>
    public bool Reference { get; set; }

    public string? MeasuringRange { get; set; }

    public bool Allows(string typeCode, VerificationKind kind) =>
        string.Equals(TypeCode, typeCode, StringComparison.Ordinal) && kind switch
        {
            VerificationKind.Initial => Initial,
            VerificationKind.Periodic => Periodic,
            VerificationKind.AfterRepair => AfterRepair,
            VerificationKind.Reference => Reference,
            _ => false,
        };
}
