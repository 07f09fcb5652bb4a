using Metrology.Core.Instruments;
using Metrology.Core.Verification;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// What a client sends to register or change an instrument. Status is text so an unknown value gets a
/// field error naming "status". An enterprise user may leave <see cref="OwnerId"/> empty: its own
/// organisation is the owner.
/// </summary>
public sealed class InstrumentInput
{
    public int? OwnerId { get; set; }

    /// <summary>A Group 2 type code (any revision); empty for equipment outside Group 2.</summary>
    public string? TypeCode { get; set; }

    public string? Manufacturer { get; set; }

    public string? Model { get; set; }

    public string? SerialNumber { get; set; }

    public string? PatternApprovalNumber { get; set; }

    public string? AccuracyClass { get; set; }

    public string? MeasuringRange { get; set; }

    public string? Location { get; set; }

    /// <summary>InService (default), OutOfService or Scrapped.</summary>
    public string? Status { get; set; }
}

/// <summary>An instrument as lists and forms show it; <see cref="TypeName"/> is in the caller's language.</summary>
public sealed record InstrumentDto(
    int Id,
    int OwnerId,
    string OwnerName,
    string? ProvinceName,
    string? TypeCode,
    string? TypeName,
    string Manufacturer,
    string? Model,
    string SerialNumber,
    string? PatternApprovalNumber,
    string? AccuracyClass,
    string? MeasuringRange,
    string? Location,
    InstrumentStatus Status,
    bool MustNotBeUsed,
    DateOnly? LastVerifiedOn,
    DateOnly? NextDueDate,
    DueState DueState,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>One verification of the instrument, newest first on the detail page (written by the verification feature).</summary>
public sealed record InstrumentVerificationDto(
    long Id,
    DateOnly Date,
    VerificationKind Kind,
    VerificationResult Result,
    string BodyName,
    string? StampSerial,
    string? CertificateNumber,
    string VerifierName,
    DateOnly? NextDueDate);

public sealed record InstrumentDetailDto(InstrumentDto Instrument, IReadOnlyList<InstrumentVerificationDto> Verifications);

/// <summary>
/// A page of a keyset-paged list: pass <see cref="NextCursor"/> as "after" for the next page; null on the
/// last page. No total: counting a province's million instruments would cost more than the page itself.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Registry filters; every word of the search must appear (diacritics ignored).</summary>
public sealed record InstrumentQuery(
    string? Search = null,
    string? TypeCode = null,
    int? OwnerId = null,
    InstrumentStatus? Status = null,
    DueState? DueState = null,
    string? After = null,
    int PageSize = InstrumentQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <summary>
/// The due list: <see cref="State"/> Overdue or DueSoon, null for both. <see cref="BodyId"/> keeps the
/// instruments whose latest verification was made by that body. <see cref="WithinDays"/> widens or narrows
/// the due-soon window (the export's "within"); null uses the Reminders:DueSoonDays setting.
/// </summary>
public sealed record DueListQuery(
    DueState? State = null,
    int? OwnerId = null,
    int? BodyId = null,
    string? After = null,
    int PageSize = InstrumentQuery.DefaultPageSize,
    int? WithinDays = null);

/// <summary>A reminder mailed, for the administrators' record.</summary>
public sealed record ReminderSentDto(
    long Id,
    int InstrumentId,
    string SerialNumber,
    string OwnerName,
    DateOnly DueDate,
    ReminderKind Kind,
    string Recipient,
    DateTime SentAt);
