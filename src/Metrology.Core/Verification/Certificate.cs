using System.Security.Cryptography;
using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

public enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>
/// A verification or calibration certificate. Issued once and never edited: a correction revokes it
/// and issues a replacement, both stay on record. <see cref="PublicToken"/> is the only handle the
/// public QR lookup accepts, so certificates cannot be enumerated by number.
/// </summary>
public class Certificate : IProvinceOwned, IAudited
{
    /// <summary>160 random bits, base64url without padding: 27 characters.</summary>
    public const int TokenBytes = 20;

    public long Id { get; set; }

    public int? ProvinceId { get; set; }

    public int BodyId { get; set; }

    public Organization? Body { get; set; }

    public int InstrumentId { get; set; }

    public Instrument? Instrument { get; set; }

    public int OwnerId { get; set; }

    /// <summary>Exactly one of <see cref="VerificationId"/> and <see cref="CalibrationId"/> is set.</summary>
    public long? VerificationId { get; set; }

    public VerificationRecord? Verification { get; set; }

    public long? CalibrationId { get; set; }

    public CalibrationRecord? Calibration { get; set; }

    /// <summary>Unique per body.</summary>
    public required string Number { get; set; }

    /// <summary>
    /// <see cref="Number"/> as the searches compare it (<see cref="TextSearch.CompactKey"/>), computed by the
    /// database so every writer (pages, API, imports' SQL) fills it.
    /// </summary>
    public string NumberKey { get; private set; } = string.Empty;

    public required string PublicToken { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>The verification's next due date; null for calibrations and types without a cycle.</summary>
    public DateOnly? ValidUntil { get; set; }

    public required string SignerName { get; set; }

    public string? SignerTitle { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevocationReason { get; set; }

    public string? RevokedByUserId { get; set; }

    /// <summary>The certificate issued to replace this revoked one.</summary>
    public long? ReplacedById { get; set; }

    public long? ReplacesId { get; set; }

    /// <summary>The import that created the row (null when entered by hand); undoing the import deletes exactly these.</summary>
    public long? ImportJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public CertificateStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? CertificateStatus.Revoked
        : ValidUntil is { } until && until < today ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
