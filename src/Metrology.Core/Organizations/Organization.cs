using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Organizations;

public enum OrganizationKind
{
    Enterprise,
    VerificationBody,
    Agency,
    MediaOutlet,
}

/// <summary>An enterprise, lab, agency or media outlet of one province (Ministry agencies: none).</summary>
public class Organization : IProvinceOwned, IAudited
{
    public const int NameMaxLength = 300;
    public const int AddressMaxLength = 500;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>Required for enterprises; optional for agencies and outlets that have none on record.</summary>
    public string? TaxCode { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>
    /// A verification body's certificate numbers, e.g. "{seq:000000}/{yyyy}/GCNKĐ": the number proposed when a
    /// certificate is issued (see <see cref="Verification.CertificateNumberPattern"/>). Null: no proposal.
    /// </summary>
    public string? CertificateNumberPattern { get; set; }

    /// <summary>Name, tax code and address folded by <see cref="TextSearch.Fold"/>.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>The import that created the row (null when entered by hand); undoing the import deletes exactly these.</summary>
    public long? ImportJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold($"{Name} {TaxCode} {Address}");
}
