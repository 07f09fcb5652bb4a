using Metrology.Core.Verification;

namespace Metrology.Web.Features.Calibrations;

/// <summary>
/// What a lab sends to record a calibration. Numbers are JSON numbers (invariant culture, "0.25");
/// the decision rule is text so an unknown value gets an error naming "decisionRule".
/// </summary>
public sealed class CalibrationInput
{
    public int? InstrumentId { get; set; }

    /// <summary>Optional: the lab's own body is used; another body's id is refused.</summary>
    public int? BodyId { get; set; }

    public DateOnly? Date { get; set; }

    public string? CalibratedBy { get; set; }

    public string? Procedure { get; set; }

    public string? Unit { get; set; }

    /// <summary>None (default), SimpleAcceptance or GuardBand.</summary>
    public string? DecisionRule { get; set; }

    public string? Notes { get; set; }

    /// <summary>When set, a calibration certificate with this number is issued in the same transaction.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>Who signs the certificate; defaults to <see cref="CalibratedBy"/>.</summary>
    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }

    public List<CalibrationPointInput>? Points { get; set; }
}

public sealed class CalibrationPointInput
{
    public decimal? Nominal { get; set; }

    public decimal? Indication { get; set; }

    public decimal? ExpandedUncertainty { get; set; }

    public decimal? CoverageFactor { get; set; }

    /// <summary>± maximum permissible error; none means no conformity statement for the point.</summary>
    public decimal? Tolerance { get; set; }
}

public sealed record CalibrationPointDto(
    int Order, decimal Nominal, decimal Indication, decimal Error, decimal ExpandedUncertainty, decimal CoverageFactor,
    decimal? Tolerance, Conformity Conformity);

public sealed record CalibrationCertificateDto(long Id, string Number, DateOnly IssuedOn, string PublicToken, bool Revoked);

public sealed record CalibrationDto(
    long Id,
    int InstrumentId,
    string? InstrumentTypeCode,
    string InstrumentManufacturer,
    string? InstrumentModel,
    string InstrumentSerial,
    int OwnerId,
    string? OwnerName,
    int BodyId,
    string? BodyName,
    DateOnly Date,
    string CalibratedBy,
    string? Procedure,
    string Unit,
    DecisionRule DecisionRule,
    Conformity Overall,
    string? Notes,
    CalibrationCertificateDto? Certificate,
    IReadOnlyList<CalibrationPointDto> Points,
    DateTime CreatedAt);

/// <summary>A row of the list: no points, the overall statement only.</summary>
public sealed record CalibrationSummaryDto(
    long Id,
    int InstrumentId,
    string? InstrumentTypeCode,
    string InstrumentManufacturer,
    string InstrumentSerial,
    string? OwnerName,
    string? BodyName,
    DateOnly Date,
    string Unit,
    DecisionRule DecisionRule,
    Conformity Overall,
    string? CertificateNumber,
    int PointCount);

public sealed record CalibrationQuery(int? InstrumentId = null, string? Search = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}

/// <summary>An instrument offered by the entry form's picker.</summary>
public sealed record CalibrationInstrumentOption(int Id, string? TypeCode, string Manufacturer, string? Model, string SerialNumber, string? OwnerName)
{
    public override string ToString() => $"{SerialNumber} - {Manufacturer} {Model} ({OwnerName})";
}
