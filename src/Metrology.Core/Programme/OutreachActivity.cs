using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

public enum OutreachKind
{
    Article,
    Broadcast,
    Class,
    Workshop,
    StaffTraining,
}

/// <summary>
/// A communication activity: a newspaper article, a broadcast, a class, a workshop or a staff training.
/// Enterprises reached are linked when known; <see cref="EnterprisesReachedCount"/> holds the figure the
/// organiser reported (e.g. "more than 40") when not every one is on record.
/// </summary>
public class OutreachActivity : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public OutreachKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Title { get; set; }

    /// <summary>The newspaper or broadcaster, for articles and broadcasts.</summary>
    public int? OutletId { get; set; }

    public Organization? Outlet { get; set; }

    public string? Link { get; set; }

    public string? Topic { get; set; }

    public int? Participants { get; set; }

    public int? EnterprisesReachedCount { get; set; }

    public string? Notes { get; set; }

    public List<OutreachEnterprise> EnterprisesReached { get; set; } = [];

    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold($"{Title} {Topic}");
}

/// <summary>An enterprise known to have been reached by an outreach activity.</summary>
public class OutreachEnterprise : IAudited
{
    public int OutreachId { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }
}
