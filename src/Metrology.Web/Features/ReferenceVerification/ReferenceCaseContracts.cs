namespace Metrology.Web.Features.ReferenceVerification;

/// <summary>
/// The request that opens a reference-verification case. MeterKind is text ("Electricity" or "ColdWater")
/// so an unknown value gets a field error naming "meterKind".
/// </summary>
public sealed class ReferenceCaseInput
{
    public string? CaseNumber { get; set; }

    public string? MeterKind { get; set; }

    public string? MeterSerial { get; set; }

    public string? MeterDescription { get; set; }

    public int? InstrumentId { get; set; }

    public string? RequesterName { get; set; }

    public string? BuyerName { get; set; }

    public string? SellerName { get; set; }

    public int? SellerId { get; set; }

    /// <summary>The designated body; a LabOperator may only name its own.</summary>
    public int? BodyId { get; set; }

    public DateOnly? RequestedOn { get; set; }

    public string? Notes { get; set; }
}

/// <summary>One step's record: its date, plus the result (verification) or the text sent (conclusion).</summary>
public sealed class ReferenceStepInput
{
    public DateOnly? Date { get; set; }

    /// <summary>"Pass" or "Fail"; required for the verification step.</summary>
    public string? Result { get; set; }

    /// <summary>Required for the conclusion step.</summary>
    public string? Conclusion { get; set; }
}

public sealed record ReferenceCaseDto(
    int Id,
    string CaseNumber,
    string MeterKind,
    string MeterSerial,
    string? MeterDescription,
    int? InstrumentId,
    string RequesterName,
    string BuyerName,
    string SellerName,
    int? SellerId,
    int BodyId,
    string BodyName,
    string? ProvinceSlug,
    DateOnly RequestedOn,
    DateOnly? RemovedAndSealedOn,
    DateOnly? VerifiedOn,
    string? Result,
    DateOnly? ConclusionSentOn,
    string? Conclusion,
    string? Notes,
    IReadOnlyList<Metrology.Core.Verification.ReferenceCaseStep> Steps,
    bool Late,
    bool Closed,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ReferenceCaseQuery(string? Search = null, bool? Open = null, bool? LateOnly = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
