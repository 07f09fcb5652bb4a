using Metrology.Core.Programme;

namespace Metrology.Web.Features.Assurance;

/// <summary>What an officer sends to start a programme (steps are copied from the default list) or change it.</summary>
public sealed class ProgrammeInput
{
    /// <summary>Only read on creation: a programme stays with its enterprise.</summary>
    public int? EnterpriseId { get; set; }

    public string? Kind { get; set; }

    public int? ScienceTaskId { get; set; }

    public DateOnly? StartedOn { get; set; }

    /// <summary>Only on change: allowed, and then required, once every step is done.</summary>
    public DateOnly? CompletedOn { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A step's progress, as the officer or the enterprise itself records it.</summary>
public sealed class StepInput
{
    public string? Status { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? EvidenceNote { get; set; }
}

/// <summary>The configurable default step list copied into each new programme.</summary>
public sealed class DefaultStepsInput
{
    public List<string?>? Steps { get; set; }
}

/// <summary>The list in force for the caller, and where it comes from: "province", "national" or "configuration".</summary>
public sealed record DefaultStepsDto(IReadOnlyList<string> Steps, string Source);

/// <summary>"notStarted" (no step begun), "inProgress", or "complete" (every step done, completion date set).</summary>
public static class ProgrammeStates
{
    public const string NotStarted = "notStarted";
    public const string InProgress = "inProgress";
    public const string Complete = "complete";

    public static readonly string[] All = [NotStarted, InProgress, Complete];

    public static string Of(DateOnly? completedOn, int begun) =>
        completedOn is not null ? Complete : begun > 0 ? InProgress : NotStarted;
}

public sealed record ProgrammeSummaryDto(
    int Id,
    int EnterpriseId,
    string EnterpriseName,
    AssuranceProgrammeKind Kind,
    int? ScienceTaskId,
    string? ScienceTaskTitle,
    DateOnly StartedOn,
    DateOnly? CompletedOn,
    int StepCount,
    int StepsDone,
    decimal PercentDone,
    string State);

public sealed record StepDto(int Id, int Position, string Name, AssuranceStepStatus Status, DateOnly? StartedOn, DateOnly? CompletedOn, string? EvidenceNote, DateTime UpdatedAt);

public sealed record ProgrammeDto(
    int Id,
    int EnterpriseId,
    string EnterpriseName,
    AssuranceProgrammeKind Kind,
    int? ScienceTaskId,
    string? ScienceTaskTitle,
    DateOnly StartedOn,
    DateOnly? CompletedOn,
    string? Notes,
    int StepCount,
    int StepsDone,
    decimal PercentDone,
    string State,
    IReadOnlyList<StepDto> Steps,
    string? ProvinceSlug,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The province view: how many pilots and replications, how far each enterprise is.</summary>
public sealed record ProvinceProgressDto(
    int Programmes,
    int Pilot,
    int Replicated,
    int NotStarted,
    int InProgress,
    int Complete,
    IReadOnlyList<ProgrammeSummaryDto> Enterprises);

public sealed record ProgrammeQuery(string? Search = null, AssuranceProgrammeKind? Kind = null, string? State = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}

public sealed record ProgrammeChoice(int Id, string Label);
