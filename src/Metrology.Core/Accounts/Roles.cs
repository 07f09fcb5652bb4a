namespace Metrology.Core.Accounts;

/// <summary>The seven roles of the platform (see design/domain.md, "Roles").</summary>
public static class Roles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string MinistryOfficer = nameof(MinistryOfficer);
    public const string ProvinceAdmin = nameof(ProvinceAdmin);
    public const string ProvinceOfficer = nameof(ProvinceOfficer);
    public const string LabOperator = nameof(LabOperator);
    public const string Inspector = nameof(Inspector);
    public const string EnterpriseUser = nameof(EnterpriseUser);

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, MinistryOfficer, ProvinceAdmin, ProvinceOfficer, LabOperator, Inspector, EnterpriseUser];

    /// <summary>Roles that see every province; all others are bound to one.</summary>
    public static bool IsNational(string role) => role is SystemAdmin or MinistryOfficer;

    /// <summary>Roles that act for one organisation, which must be set on the account.</summary>
    public static bool NeedsOrganization(string role) => role is LabOperator or EnterpriseUser;

    public static string? Canonical(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
