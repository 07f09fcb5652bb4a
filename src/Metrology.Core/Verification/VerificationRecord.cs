using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

/// <summary>
/// A legal verification of one instrument by a designated body. Named "record" so it does not clash
/// with the namespace. <see cref="OwnerId"/> is copied from the instrument so an enterprise's own
/// records are filtered without a join.
/// </summary>
public class VerificationRecord : IProvinceOwned, IAudited
{
    public const int TextMaxLength = 200;

    public long Id { get; set; }

    public int? ProvinceId { get; set; }

    public int InstrumentId { get; set; }

    public Instrument? Instrument { get; set; }

    public int OwnerId { get; set; }

    public int BodyId { get; set; }

    public Organization? Body { get; set; }

    public VerificationKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public VerificationResult Result { get; set; }

    /// <summary>Null when the result is a fail: no stamp is put on a failed instrument.</summary>
    public string? StampSerial { get; set; }

    /// <summary><see cref="StampSerial"/> as the searches compare it (<see cref="TextSearch.CompactKey"/>), computed by the database.</summary>
    public string? StampKey { get; private set; }

    public required string VerifierName { get; set; }

    /// <summary>The Group 2 type code and cycle that applied on <see cref="Date"/>, kept for the record.</summary>
    public required string TypeCode { get; set; }

    public int? CycleMonths { get; set; }

    /// <summary>Null when failed (no due date) or the type has no periodic cycle.</summary>
    public DateOnly? NextDueDate { get; set; }

    /// <summary>Required when <see cref="NextDueDate"/> differs from the date the cycle gives.</summary>
    public string? DueDateOverrideReason { get; set; }

    /// <summary>True when a standard used was out of calibration on <see cref="Date"/>.</summary>
    public bool StandardOutOfCalibration { get; set; }

    public string? Notes { get; set; }

    public List<VerificationStandardUse> StandardsUsed { get; set; } = [];

    /// <summary>The import that created the row (null when entered by hand); undoing the import deletes exactly these.</summary>
    public long? ImportJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }
}

/// <summary>A standard used in a verification and whether it was in calibration that day.</summary>
public class VerificationStandardUse
{
    public long VerificationId { get; set; }

    public int StandardId { get; set; }

    public MeasurementStandard? Standard { get; set; }

    public bool WasInCalibration { get; set; }
}
