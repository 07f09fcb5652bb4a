namespace Metrology.Web.Features.Standards;

/// <summary>What a client sends to record or change a measurement standard. A LabOperator's owner is always its own organisation.</summary>
public sealed class StandardInput
{
    public int? OwnerId { get; set; }

    public string? Name { get; set; }

    public string? Quantity { get; set; }

    public string? Manufacturer { get; set; }

    public string? SerialNumber { get; set; }

    public string? MeasuringRange { get; set; }

    public string? AccuracyOrUncertainty { get; set; }

    public string? Traceability { get; set; }
}

/// <summary>One calibration of a standard: its date, the lab, the certificate and the next due date.</summary>
public sealed class StandardCalibrationInput
{
    public DateOnly? Date { get; set; }

    public string? CalibratedBy { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Notes { get; set; }
}

public sealed record StandardCalibrationDto(int Id, DateOnly Date, string CalibratedBy, string? CertificateNumber, DateOnly DueDate, string? Notes);

/// <summary>
/// A standard as read. <see cref="DueState"/> is "overdue" (due date past: quá hạn hiệu chuẩn), "dueSoon"
/// (within Standards:DueSoonDays), "ok", or "unknown" (never calibrated on record).
/// </summary>
public sealed record StandardDto(
    int Id,
    int OwnerId,
    string OwnerName,
    string? ProvinceSlug,
    string Name,
    string Quantity,
    string? Manufacturer,
    string? SerialNumber,
    string? MeasuringRange,
    string? AccuracyOrUncertainty,
    string? Traceability,
    DateOnly? CalibrationDueDate,
    string DueState,
    IReadOnlyList<StandardCalibrationDto> Calibrations,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record StandardQuery(string? Search = null, int? OwnerId = null, string? DueState = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
