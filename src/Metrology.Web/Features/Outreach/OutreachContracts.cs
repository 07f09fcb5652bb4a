using Metrology.Core.Programme;

namespace Metrology.Web.Features.Outreach;

/// <summary>What a client sends to record or change an outreach activity. Kind is text so an unknown value names "kind".</summary>
public sealed class OutreachInput
{
    public string? Kind { get; set; }

    public DateOnly? HeldOn { get; set; }

    public string? Title { get; set; }

    /// <summary>The newspaper or broadcaster (a media outlet of the province): required for articles and broadcasts.</summary>
    public int? OutletId { get; set; }

    public string? Link { get; set; }

    public string? Topic { get; set; }

    public int? Participants { get; set; }

    /// <summary>Enterprises of the province known to have been reached.</summary>
    public List<int>? EnterpriseIds { get; set; }

    /// <summary>The figure the organiser declared ("more than 40"); at least the number linked, which it defaults to.</summary>
    public int? EnterprisesReachedCount { get; set; }

    public string? Notes { get; set; }

    /// <summary>Ignored for users bound to a province; required for a national user recording an activity.</summary>
    public string? ProvinceSlug { get; set; }
}

public sealed record OutreachEnterpriseDto(int Id, string Name);

public sealed record OutreachDto(
    int Id,
    OutreachKind Kind,
    DateOnly HeldOn,
    string Title,
    int? OutletId,
    string? OutletName,
    string? Link,
    string? Topic,
    int? Participants,
    int? EnterprisesReachedCount,
    string? Notes,
    string? ProvinceName,
    IReadOnlyList<OutreachEnterpriseDto> Enterprises,
    DateTime UpdatedAt);

/// <summary>List filters: kind, calendar year, and a diacritic-insensitive search of title and topic.</summary>
public sealed record OutreachQuery(OutreachKind? Kind = null, int? Year = null, string? Search = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}

/// <summary>How many activities of one kind: in the selected year, and cumulatively from <see cref="OutreachSummaryDto.Since"/> to the end of that year.</summary>
public sealed record OutreachKindCount(OutreachKind Kind, int Year, int Cumulative);

public sealed record OutreachSummaryDto(int Year, int Since, IReadOnlyList<OutreachKindCount> Kinds);

public sealed record OutreachOption(int Id, string Name);
