using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

/// <summary>A measurement standard (chuẩn đo lường) kept by a lab or the department.</summary>
public class MeasurementStandard : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int OwnerId { get; set; }

    public Organization? Owner { get; set; }

    public required string Name { get; set; }

    /// <summary>The quantity measured, e.g. "Thể tích" / volume.</summary>
    public required string Quantity { get; set; }

    public string? Manufacturer { get; set; }

    public string? SerialNumber { get; set; }

    public string? MeasuringRange { get; set; }

    /// <summary>Accuracy class or expanded uncertainty as stated on its certificate, e.g. "U = 0,02 % (k = 2)".</summary>
    public string? AccuracyOrUncertainty { get; set; }

    /// <summary>Which higher standard or lab calibrates it.</summary>
    public string? Traceability { get; set; }

    /// <summary>Copied from the latest calibration so "out of calibration on date D" is one comparison.</summary>
    public DateOnly? CalibrationDueDate { get; set; }

    public List<StandardCalibration> Calibrations { get; set; } = [];

    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold($"{Name} {Quantity} {Manufacturer} {SerialNumber}");

    /// <summary>True when the standard was within its calibration interval on that date (the due day itself counts).</summary>
    public bool IsInCalibrationOn(DateOnly date) => IsInCalibration(CalibrationDueDate, date);

    /// <summary>The same rule for callers that only hold the due date: never calibrated means not in calibration.</summary>
    public static bool IsInCalibration(DateOnly? calibrationDueDate, DateOnly date) =>
        calibrationDueDate is { } due && due >= date;
}

/// <summary>One calibration of a standard: by whom, its certificate and the next due date.</summary>
public class StandardCalibration : IAudited
{
    public int Id { get; set; }

    public int StandardId { get; set; }

    public DateOnly Date { get; set; }

    public required string CalibratedBy { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly DueDate { get; set; }

    public string? Notes { get; set; }
}
