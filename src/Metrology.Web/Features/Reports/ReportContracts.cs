using Metrology.Core.Reporting;

namespace Metrology.Web.Features.Reports;

/// <summary>POST /api/v1/reports. <see cref="ReportingUnit"/> defaults to the province itself.</summary>
public sealed record CreateReportInput(string? ProvinceSlug, int? Year, string? ReportingUnit);

public sealed record SectionInput(string? Text);

/// <summary>A return (province admin, Ministry) or a reopening: the reason the province reads.</summary>
public sealed record ReturnInput(string? Reason);

/// <summary>POST /api/v1/reports/{id}/send: <see cref="ConfirmChanges"/> sends as approved although records changed since.</summary>
public sealed record SendInput(bool? ConfirmChanges);

/// <summary>PUT /api/v1/reports/{id}/header: every field of <see cref="ReportHeader"/>.</summary>
public sealed record ReportHeaderInput(
    string? IssuerAuthority,
    string? IssuerUnit,
    string? Number,
    string? Symbol,
    string? Place,
    DateOnly? ReportDate,
    string? Addressee,
    string? RequestLetterNumber,
    DateOnly? RequestLetterDate,
    string? RequestLetterIssuer,
    string? Recipients,
    string? SigningAuthority,
    string? SignerCapacity,
    string? SignerTitle,
    string? SignerName)
{
    public static ReportHeaderInput From(ReportHeader h) => new(
        h.IssuerAuthority, h.IssuerUnit, h.Number, h.Symbol, h.Place, h.ReportDate, h.Addressee, h.RequestLetterNumber,
        h.RequestLetterDate, h.RequestLetterIssuer, h.Recipients, h.SigningAuthority, h.SignerCapacity, h.SignerTitle, h.SignerName);
}

public sealed record ReportListItemDto(
    int Id, string ProvinceSlug, string ProvinceName, int Year, string ReportingUnit, string Status,
    DateTime UpdatedAt, DateTime? SubmittedAt, DateTime? ApprovedAt, DateTime? SentAt);

public sealed record ReportWorkflowDto(
    string? CreatedBy, DateTime CreatedAt, string? SubmittedBy, DateTime? SubmittedAt, string? ApprovedBy, DateTime? ApprovedAt,
    string? SentBy, DateTime? SentAt, string? ReturnReason);

public sealed record ReportFigureDto(string Key, string Label, decimal Value, IReadOnlyList<string> Sources);

/// <summary>
/// One section: <see cref="Text"/> is what the report says (the officer's <see cref="StoredText"/> when edited, else
/// the generated text; after approval, the approved text). <see cref="NeedsText"/>: a narrative section still empty,
/// which blocks submission; <see cref="PreviousText"/>: last year's text of the section, offered as a start.
/// </summary>
public sealed record ReportSectionDto(
    string Key, string Heading, int Level, bool Narrative, string GeneratedText, string? StoredText, string Text, bool IsEdited,
    IReadOnlyList<ReportFigureDto> Figures, bool NeedsText, string? PreviousText);

public sealed record ReportIndicatorDto(string Indicator, string Label, decimal Year, decimal Cumulative);

public sealed record ReportAnnexDto(string Title, string? Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A figure whose value in the records is no longer the approved one.</summary>
public sealed record ReportChangeDto(string Key, string Label, decimal ApprovedValue, decimal CurrentValue);

/// <summary>A generated section whose text from the records now differs from the approved text.</summary>
public sealed record ReportTextChangeDto(string Key, string Heading, string ApprovedText, string CurrentText);

/// <summary>What the caller may do now (the buttons the page shows); the API checks again on every call.</summary>
public sealed record ReportActionsDto(bool CanEdit, bool CanSubmit, bool CanReturn, bool CanApprove, bool CanSend, bool CanReopen, bool CanReturnSent);

public sealed record ReportDto(
    int Id,
    string ProvinceSlug,
    string ProvinceName,
    int Year,
    string ReportingUnit,
    string Status,
    ReportHeaderInput Header,
    ReportWorkflowDto Workflow,
    IReadOnlyList<ReportSectionDto> Sections,
    IReadOnlyList<ReportIndicatorDto> Indicators,
    ReportAnnexDto Annex,
    IReadOnlyList<ReportChangeDto>? ChangesSinceApproval,
    IReadOnlyList<ReportTextChangeDto>? TextChangesSinceApproval,
    ReportActionsDto Actions);
