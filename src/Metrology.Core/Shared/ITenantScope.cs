namespace Metrology.Core.Shared;

/// <summary>
/// Whose data the current operation may see. The web host fills it from the signed-in user;
/// start-up seeding and background jobs run unscoped (all provinces).
/// </summary>
public interface ITenantScope
{
    /// <summary>Null: every province (SystemAdmin, MinistryOfficer, system jobs).</summary>
    int? ProvinceId { get; }

    /// <summary>Set for users bound to one organisation (LabOperator, EnterpriseUser).</summary>
    int? OrganizationId { get; }

    /// <summary>True when the user may only see their own organisation's rows (EnterpriseUser).</summary>
    bool RestrictToOwnOrganization { get; }

    /// <summary>Who acts, for the audit log; null for system work.</summary>
    string? UserId { get; }

    string? UserEmail { get; }
}

/// <summary>The scope of start-up work and tools: everything.</summary>
public sealed class UnscopedTenant : ITenantScope
{
    public static readonly UnscopedTenant Instance = new();

    public int? ProvinceId => null;

    public int? OrganizationId => null;

    public bool RestrictToOwnOrganization => false;

    public string? UserId => null;

    public string? UserEmail => null;
}
