using Metrology.Core.Reporting;

namespace Metrology.Web.Features.NationalRollup;

/// <summary>Where a province (or one of its former units) stands for the year, as the Ministry sees it.</summary>
public static class RollupStatus
{
    /// <summary>Every expected report sent, all by the deadline.</summary>
    public const string OnTime = "onTime";

    /// <summary>Every expected report sent, at least one after the deadline.</summary>
    public const string Late = "late";

    /// <summary>Some of the former units' reports sent, not all (years before the merger only).</summary>
    public const string Partial = "partial";

    /// <summary>No report sent: a draft, submitted or approved report is still missing for the Ministry.</summary>
    public const string Missing = "missing";
}

/// <summary>
/// The national roll-up of one year: completeness (sent / expected) and timeliness (sent by the deadline /
/// expected) as fractions between 0 and 1, and the key indicators of the sent reports summed.
/// </summary>
public sealed record RollupDto(
    int Year,
    DateOnly Deadline,
    bool DeadlineConfigured,
    bool ByFormerUnits,
    int Expected,
    int Sent,
    int OnTime,
    int Late,
    int Missing,
    decimal Completeness,
    decimal Timeliness,
    IReadOnlyList<IndicatorSumDto> Indicators,
    IReadOnlyList<RollupProvinceDto> Provinces);

/// <summary>
/// One province's row. <see cref="ReportId"/>, <see cref="SentAt"/> and <see cref="OnTime"/> describe its single
/// report (null when it has several former units: see <see cref="Units"/>).
/// </summary>
public sealed record RollupProvinceDto(
    string Slug,
    string Name,
    string Status,
    int Expected,
    int Sent,
    int OnTime,
    int Late,
    int Missing,
    int? ReportId,
    DateTime? SentAt,
    bool? IsOnTime,
    string? ReportLink,
    IReadOnlyList<RollupUnitDto> Units,
    IReadOnlyList<IndicatorSumDto> Indicators);

/// <summary>One expected report: a former unit before the merger, the province itself from 2025.</summary>
public sealed record RollupUnitDto(string Unit, string Status, int? ReportId, string? ReportStatus, DateTime? SentAt, bool? IsOnTime, string? ReportLink);

/// <summary>An indicator summed over sent reports: the year's figure and the cumulative figure at the year's end.</summary>
public sealed record IndicatorSumDto(KeyIndicator Indicator, decimal Year, decimal Cumulative);

/// <summary>Body of PUT /api/v1/rollup/deadlines/{year}.</summary>
public sealed record DeadlineInput(DateOnly? DueOn);

public sealed record DeadlineDto(int Year, DateOnly DueOn, bool Configured, DateTime? UpdatedAt, string? UpdatedByEmail);

/// <summary>Body of PUT /api/v1/rollup/request-letters/{year}: the Ministry's letter asking for the year's reports.</summary>
public sealed record RequestLetterInput(string? Number, DateOnly? IssuedOn, string? Issuer);

public sealed record RequestLetterDto(int Year, string Number, DateOnly? IssuedOn, string Issuer, DateTime UpdatedAt, string? UpdatedByEmail);

/// <summary>Body of PUT /api/v1/rollup/targets: a national target for an indicator by a year (replaces that pair's value).</summary>
public sealed record TargetInput(string? Indicator, int? TargetYear, decimal? Value, string? Source);

public sealed record TargetDto(int Id, KeyIndicator Indicator, string Label, int TargetYear, decimal Value, string? Source, DateTime UpdatedAt, string? UpdatedByEmail);
