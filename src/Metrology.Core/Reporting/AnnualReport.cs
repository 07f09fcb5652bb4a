using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Reporting;

/// <summary>Draft → Submitted (for approval) → Approved (figures frozen) → Sent (to the Ministry).</summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    Approved,
    Sent,
}

/// <summary>
/// A province's annual Programme 996 report for one year. The generated sections are assembled from the
/// records each time the report is read until it is approved; then <see cref="ApprovedSnapshotJson"/>
/// freezes the figures and texts, and later record changes show as differences instead of silently
/// changing a signed report. Only the officer's own words (edited or narrative sections) are stored as
/// <see cref="Sections"/>.
/// </summary>
public class AnnualReport : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    public int Year { get; set; }

    /// <summary>
    /// The unit that files the report as named in its title ("Quảng Trị"). For years before the merger of
    /// 1/7/2025 it may be one of the province's former units (<see cref="Province.FormerUnitsVi"/>), whose
    /// reports the national roll-up sums for the new province.
    /// </summary>
    public required string ReportingUnit { get; set; }

    public ReportStatus Status { get; set; }

    public ReportHeader Header { get; set; } = new();

    public List<ReportSection> Sections { get; set; } = [];

    /// <summary>JSON of the assembled report (texts and figures with their sources) at approval.</summary>
    public string? ApprovedSnapshotJson { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedByEmail { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public string? SubmittedByEmail { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedByEmail { get; set; }

    public DateTime? SentAt { get; set; }

    public string? SentByEmail { get; set; }

    /// <summary>Set when an approver sends a submitted report back to draft.</summary>
    public string? ReturnReason { get; set; }
}

/// <summary>
/// The officer's text for one section, keyed by the section's stable key (e.g. "I.1.a", "II.2"). A
/// generated section without a row shows the generated text; a narrative section without a row is empty.
/// </summary>
public class ReportSection : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int ReportId { get; set; }

    public AnnualReport? Report { get; set; }

    public required string Key { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByEmail { get; set; }
}

/// <summary>
/// The editable header and signature fields of the official report (Decree 30/2020, Appendix I),
/// stored on each report and remembered per province in <see cref="ReportHeaderDefaults"/>.
/// </summary>
public class ReportHeader
{
    /// <summary>"ỦY BAN NHÂN DÂN".</summary>
    public string IssuerAuthority { get; set; } = string.Empty;

    /// <summary>"TỈNH QUẢNG TRỊ" / "THÀNH PHỐ HÀ NỘI".</summary>
    public string IssuerUnit { get; set; } = string.Empty;

    /// <summary>The registry number, blank until the clerk registers the signed report ("Số: /BC-UBND").</summary>
    public string? Number { get; set; }

    /// <summary>"BC-UBND".</summary>
    public string Symbol { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    /// <summary>Null leaves the day and month blank for the signing date, as the seed report does.</summary>
    public DateOnly? ReportDate { get; set; }

    public string Addressee { get; set; } = string.Empty;

    /// <summary>The Ministry's letter the report answers, e.g. "04/BKH-CN-TĐC".</summary>
    public string? RequestLetterNumber { get; set; }

    public DateOnly? RequestLetterDate { get; set; }

    public string? RequestLetterIssuer { get; set; }

    /// <summary>"Nơi nhận" lines, one per line, without the leading dash.</summary>
    public string Recipients { get; set; } = string.Empty;

    /// <summary>"TM. ỦY BAN NHÂN DÂN".</summary>
    public string SigningAuthority { get; set; } = string.Empty;

    /// <summary>"KT. CHỦ TỊCH"; empty when the chair signs himself.</summary>
    public string SignerCapacity { get; set; } = string.Empty;

    /// <summary>"PHÓ CHỦ TỊCH".</summary>
    public string SignerTitle { get; set; } = string.Empty;

    public string SignerName { get; set; } = string.Empty;

    /// <summary>
    /// A separate copy: a header is stored on each report and as the province's defaults, and the two must
    /// not share one instance (EF tracks a complex property's values per owner).
    /// </summary>
    public ReportHeader Copy() => (ReportHeader)MemberwiseClone();
}

/// <summary>The header fields a province used last, offered on its next report.</summary>
public class ReportHeaderDefaults : IProvinceOwned
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public ReportHeader Header { get; set; } = new();

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The Ministry's deadline for the annual reports of one year (the roll-up measures timeliness against it).
/// A year without a row uses <see cref="DefaultFor"/>.
/// </summary>
public class ReportDeadline
{
    public int Year { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByEmail { get; set; }

    /// <summary>20 December of the report's year.</summary>
    public static DateOnly DefaultFor(int year) => new(year, 12, 20);
}

/// <summary>
/// The Ministry's letter asking every province for the year's report ("Công văn số 04/BKH-CN-TĐC ngày 03/01/2023"),
/// entered once by the Ministry; a province's new report of that year cites it in its opening sentence.
/// </summary>
public class ReportRequestLetter
{
    public int Year { get; set; }

    public required string Number { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>"Bộ Khoa học và Công nghệ".</summary>
    public required string Issuer { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByEmail { get; set; }
}
