using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

/// <summary>How conformity with a tolerance is decided (ILAC-G8:09/2019).</summary>
public enum DecisionRule
{
    /// <summary>No conformity statement: results and uncertainty only.</summary>
    None,

    /// <summary>Accept when the error is within the tolerance (guard band w = 0).</summary>
    SimpleAcceptance,

    /// <summary>Guard band w = U: pass within T - U, fail beyond T + U, conditional between.</summary>
    GuardBand,
}

public enum Conformity
{
    NotStated,
    Pass,
    ConditionalPass,
    ConditionalFail,
    Fail,
}

/// <summary>A calibration (not a legal verification): results with uncertainty, no stamp.</summary>
public class CalibrationRecord : IProvinceOwned, IAudited
{
    public long Id { get; set; }

    public int? ProvinceId { get; set; }

    public int InstrumentId { get; set; }

    public Instrument? Instrument { get; set; }

    public int OwnerId { get; set; }

    public int BodyId { get; set; }

    public Organization? Body { get; set; }

    public DateOnly Date { get; set; }

    public required string CalibratedBy { get; set; }

    public string? Procedure { get; set; }

    /// <summary>Unit of the points' values, e.g. "L", "kg", "°C".</summary>
    public required string Unit { get; set; }

    public DecisionRule DecisionRule { get; set; }

    public Conformity Overall { get; set; }

    public string? Notes { get; set; }

    public List<CalibrationPoint> Points { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }
}

/// <summary>One measured point. Error = indication - nominal; U is expanded with coverage factor k.</summary>
public class CalibrationPoint
{
    public long Id { get; set; }

    public long CalibrationId { get; set; }

    public int Order { get; set; }

    public decimal Nominal { get; set; }

    public decimal Indication { get; set; }

    public decimal Error { get; set; }

    public decimal ExpandedUncertainty { get; set; }

    public decimal CoverageFactor { get; set; }

    /// <summary>Maximum permissible error (±); null when no conformity is stated for the point.</summary>
    public decimal? Tolerance { get; set; }

    public Conformity Conformity { get; set; }
}
