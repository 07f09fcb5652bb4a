using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Verification;

public enum ReferenceMeterKind
{
    Electricity,
    ColdWater,
}

/// <summary>
/// A reference (dispute) verification of an electricity or cold-water meter (kiểm định đối chứng):
/// opened on a customer's request or a buyer-seller dispute, each step dated so late steps show.
/// </summary>
public class ReferenceVerificationCase : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    /// <summary>Case number, unique in the province, e.g. "ĐC-2022-001".</summary>
    public required string CaseNumber { get; set; }

    public ReferenceMeterKind MeterKind { get; set; }

    /// <summary>The meter when it is in the registry; otherwise only its description below.</summary>
    public int? InstrumentId { get; set; }

    public Instrument? Instrument { get; set; }

    public required string MeterSerial { get; set; }

    public string? MeterDescription { get; set; }

    /// <summary>Who asked: the customer (buyer) or the supplier (seller).</summary>
    public required string RequesterName { get; set; }

    public required string BuyerName { get; set; }

    public required string SellerName { get; set; }

    /// <summary>The supplier organisation when it is on record.</summary>
    public int? SellerId { get; set; }

    /// <summary>The designated body; must hold the reference scope for the meter's type.</summary>
    public int BodyId { get; set; }

    public Organization? Body { get; set; }

    public DateOnly RequestedOn { get; set; }

    public DateOnly? RemovedAndSealedOn { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    public VerificationResult? Result { get; set; }

    public DateOnly? ConclusionSentOn { get; set; }

    public string? Conclusion { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
