using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Microsoft.AspNetCore.Identity;

namespace Metrology.Core.Accounts;

/// <summary>A person who signs in. Province scope is null only for SystemAdmin and MinistryOfficer.</summary>
public class AppUser : IdentityUser, IProvinceOwned, IAudited
{
    public const int FullNameMaxLength = 200;

    public string? FullName { get; set; }

    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    /// <summary>The lab (LabOperator) or enterprise (EnterpriseUser) the user acts for.</summary>
    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>The single role, denormalised from Identity's role table for listing and scoping.</summary>
    public string Role { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
