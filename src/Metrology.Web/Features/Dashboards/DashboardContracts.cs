using Metrology.Core.Instruments;
using Metrology.Core.Programme;

namespace Metrology.Web.Features.Dashboards;

/// <summary>
/// A province's dashboard for a year (or the whole country's, for a national user who picks no province).
/// Every figure is an aggregate computed by the database. Cards of the year count the year's records; the
/// cards named in <see cref="CardsShowingToday"/> show the registry as it stands today (its history is not
/// stored), which the page says in words when the year is a past one.
/// </summary>
public sealed record DashboardDto(
    int Year,
    string? ProvinceSlug,
    string? ProvinceName,
    DateOnly Today,
    int InstrumentsInService,
    IReadOnlyList<TypeCountDto> InstrumentsByType,
    IReadOnlyList<DueStateCountDto> InstrumentsByDueState,
    IReadOnlyList<MonthCountDto> VerificationsByMonth,
    IReadOnlyList<MonthCountDto> OverdueTrend,
    IReadOnlyList<OutreachCountDto> OutreachByKind,
    IReadOnlyList<CampaignRateDto> Surveys,
    IReadOnlyList<StateCountDto> AssuranceByState,
    IReadOnlyList<AgencyInspectionsDto> InspectionsByAgency,
    IReadOnlyList<InvestmentYearDto> InvestmentByYear,
    IReadOnlyList<string> CardsShowingToday);

/// <summary>In-service instruments of one Group 2 type; the rest of the types are summed as one "other" row (Code null).</summary>
public sealed record TypeCountDto(string? Code, string Name, int Count);

/// <summary>In-service Group 2 instruments in one due state (valid, due soon, overdue, never verified, must not be used).</summary>
public sealed record DueStateCountDto(DueState State, int Count);

/// <summary>A month (1-12) of a year and a count: verifications recorded, or instruments overdue at the month's end.</summary>
public sealed record MonthCountDto(int Year, int Month, int Count);

public sealed record OutreachCountDto(OutreachKind Kind, int Activities, int Participants);

/// <summary>A survey campaign of the year: targets, submitted responses and the response rate in percent.</summary>
public sealed record CampaignRateDto(int Id, string Title, int Targets, int Submitted, decimal ResponseRate);

/// <summary>Assurance programmes in one state: "notStarted", "inProgress" or "complete".</summary>
public sealed record StateCountDto(string State, int Count);

/// <summary>An agency's inspections started in the year, violations found in them and sanctions imposed (VND).</summary>
public sealed record AgencyInspectionsDto(int AgencyId, string AgencyName, int Inspections, int Violations, long SanctionsVnd);

/// <summary>
/// Investment of one year: committed = total budget of the projects starting that year; disbursed = the
/// amounts disbursed in that year, whatever the project's start.
/// </summary>
public sealed record InvestmentYearDto(int Year, long CommittedVnd, long DisbursedVnd);
