using Metrology.Core.Verification;

namespace Metrology.Web.Features.Verification;

/// <summary>
/// What a lab operator sends to record a verification. Kind and result are text so an unknown value gets
/// a field error naming it; a certificate is issued with a passing result when <see cref="CertificateNumber"/> is given.
/// </summary>
public sealed class VerificationInput
{
    public int? InstrumentId { get; set; }

    /// <summary>Optional: the body is always the operator's own; another id is refused.</summary>
    public int? BodyId { get; set; }

    public string? Kind { get; set; }

    public DateOnly? Date { get; set; }

    public string? Result { get; set; }

    public string? StampSerial { get; set; }

    public string? VerifierName { get; set; }

    /// <summary>Replaces the due date the cycle gives; needs <see cref="DueDateOverrideReason"/>.</summary>
    public DateOnly? NextDueDateOverride { get; set; }

    public string? DueDateOverrideReason { get; set; }

    public List<int> StandardIds { get; set; } = [];

    public string? Notes { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>Defaults to the signed-in user's name.</summary>
    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }

    /// <summary>The instrument already has a verification that day: record this one anyway.</summary>
    public bool ConfirmSameDay { get; set; }

    /// <summary>The field of the 409 asking for <see cref="ConfirmSameDay"/>.</summary>
    public const string ConfirmSameDayField = "confirmSameDay";
}

/// <summary>Issuing the certificate of a saved passing verification; a blank number takes the proposed one.</summary>
public sealed class IssueCertificateInput
{
    public string? Number { get; set; }

    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }
}

public sealed class CertificatePatternInput
{
    /// <summary>E.g. "{seq:000000}/{yyyy}/GCNKĐ"; blank removes it.</summary>
    public string? Pattern { get; set; }
}

/// <summary>A body's pattern and the number it proposes for the next certificate (null without a pattern).</summary>
public sealed record CertificateNumberingDto(string? Pattern, string? NextNumber);

public sealed record VerificationStandardDto(int Id, string Name, string? SerialNumber, DateOnly? CalibrationDueDate, bool WasInCalibration);

public sealed record VerificationCertificateDto(long Id, string Number, CertificateStatus Status, DateOnly IssuedOn, DateOnly? ValidUntil);

public sealed record VerificationDto(
    long Id,
    int InstrumentId,
    string TypeCode,
    string? TypeName,
    string InstrumentManufacturer,
    string? InstrumentModel,
    string InstrumentSerial,
    int BodyId,
    string? BodyName,
    VerificationKind Kind,
    DateOnly Date,
    VerificationResult Result,
    string? StampSerial,
    string VerifierName,
    int? CycleMonths,
    DateOnly? NextDueDate,
    string? DueDateOverrideReason,
    bool StandardOutOfCalibration,
    string? Notes,
    IReadOnlyList<VerificationStandardDto> Standards,
    IReadOnlyList<VerificationCertificateDto> Certificates,
    DateTime CreatedAt);

/// <summary>One row of the verification list; <see cref="StandardOutOfCalibration"/> is the warning flag.</summary>
public sealed record VerificationListItem(
    long Id,
    DateOnly Date,
    string TypeCode,
    string? TypeName,
    string InstrumentSerial,
    string InstrumentManufacturer,
    int BodyId,
    string? BodyName,
    VerificationKind Kind,
    VerificationResult Result,
    string? StampSerial,
    DateOnly? NextDueDate,
    bool StandardOutOfCalibration,
    long? CertificateId,
    string? CertificateNumber);

/// <summary>The list's filters; <see cref="From"/>, <see cref="To"/> (inclusive) and <see cref="Result"/> narrow it to a period's verifications, as the annual report links them.</summary>
public sealed record VerificationQuery(
    string? Search = null, int? InstrumentId = null, int Page = 1, int PageSize = 20, DateOnly? From = null, DateOnly? To = null, VerificationResult? Result = null)
{
    public const int MaxPageSize = 200;
}

/// <summary>An instrument offered by the recording form's search box.</summary>
public sealed record InstrumentChoice(int Id, string? TypeCode, string? TypeName, string Manufacturer, string? Model, string SerialNumber, string? OwnerName)
{
    public override string ToString() => $"{TypeName ?? TypeCode} · {Manufacturer} {Model} · {SerialNumber}";
}

public sealed record StandardChoice(int Id, string Name, string? SerialNumber, DateOnly? CalibrationDueDate);

public sealed class RevokeInput
{
    public string? Reason { get; set; }
}

public sealed class ReissueInput
{
    public string? Number { get; set; }

    public string? Reason { get; set; }

    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }
}

public sealed record CertificateDto(
    long Id,
    string Number,
    CertificateStatus Status,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string SignerName,
    string? SignerTitle,
    int BodyId,
    string? BodyName,
    long? VerificationId,
    DateOnly? VerificationDate,
    VerificationKind? Kind,
    VerificationResult? Result,
    string? StampSerial,
    int InstrumentId,
    string? TypeCode,
    string? TypeName,
    string InstrumentManufacturer,
    string? InstrumentModel,
    string InstrumentSerial,
    string PublicToken,
    DateTime? RevokedAt,
    string? RevocationReason,
    long? ReplacedById,
    string? ReplacedByNumber,
    long? ReplacesId,
    string? ReplacesNumber,
    DateTime CreatedAt);

public sealed record CertificateListItem(
    long Id,
    string Number,
    CertificateStatus Status,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string? BodyName,
    string? TypeCode,
    string InstrumentSerial,
    long? ReplacedById);
