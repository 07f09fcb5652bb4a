namespace Metrology.Web.Features.Home;

/// <summary>
/// The signed-in user's start page: the role it was built for, a title (the organisation's or the province's
/// name) and the figures, each with the list it was counted from.
/// </summary>
public sealed record StartPageDto(string Role, string? Title, DateOnly Today, IReadOnlyList<StartFigure> Figures);

/// <summary>
/// One figure: <see cref="Key"/> names it (a resource key, "Start.Enterprise.Overdue"), <see cref="Value"/> is the
/// count when it is one, <see cref="Label"/> a name that goes with it (a survey's title, a step's name, a type's
/// name), <see cref="Date"/> a deadline or an expiry, and <see cref="Href"/> the filtered list behind it.
/// </summary>
public sealed record StartFigure(string Key, int? Value, string? Href, string? Label = null, DateOnly? Date = null);
