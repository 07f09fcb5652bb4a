using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Instruments;

public enum InstrumentStatus
{
    InService,
    OutOfService,
    Scrapped,
}

/// <summary>
/// A measuring instrument owned by an organisation. <see cref="TypeCode"/> names a Group 2 type by its
/// code (not a row id) because a type's row is replaced by dated revisions while the instrument stays.
/// Null for calibrated equipment outside Group 2.
/// </summary>
public class Instrument : IProvinceOwned, IAudited
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int OwnerId { get; set; }

    public Organization? Owner { get; set; }

    public string? TypeCode { get; set; }

    public required string Manufacturer { get; set; }

    public string? Model { get; set; }

    public required string SerialNumber { get; set; }

    public string? PatternApprovalNumber { get; set; }

    public string? AccuracyClass { get; set; }

    public string? MeasuringRange { get; set; }

    public string? Location { get; set; }

    public InstrumentStatus Status { get; set; }

    /// <summary>Set by a failed verification; cleared by the next passing one.</summary>
    public bool MustNotBeUsed { get; set; }

    /// <summary>
    /// Copied from the latest verification so due and overdue lists are one indexed range scan
    /// instead of a "latest verification per instrument" join over millions of rows.
    /// </summary>
    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>Due date of the latest passing verification; null when never verified or last failed.</summary>
    public DateOnly? NextDueDate { get; set; }

    /// <summary>Type, manufacturer, model, serial and location folded by <see cref="TextSearch.Fold"/>.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>The import that created the row (null when entered by hand); undoing the import deletes exactly these.</summary>
    public long? ImportJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() =>
        SearchText = TextSearch.Fold($"{TypeCode} {Manufacturer} {Model} {SerialNumber} {Location}");
}
