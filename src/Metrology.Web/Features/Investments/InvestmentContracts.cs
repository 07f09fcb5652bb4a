using Metrology.Core.Programme;

namespace Metrology.Web.Features.Investments;

/// <summary>What a client sends to record or change an investment project, its components included.</summary>
public sealed class ProjectInput
{
    public string? Name { get; set; }

    public int? InvestorId { get; set; }

    public int? PolicyDocumentId { get; set; }

    public int? FeasibilityDocumentId { get; set; }

    public long? TotalBudget { get; set; }

    public int? StartYear { get; set; }

    public int? EndYear { get; set; }

    public string? Status { get; set; }

    public string? Notes { get; set; }

    /// <summary>The whole list: on update, a component with an id is changed, one without is added, a missing one removed.</summary>
    public List<ComponentInput> Components { get; set; } = [];
}

public sealed class ComponentInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public int? Quantity { get; set; }

    public string? Unit { get; set; }

    public long? Budget { get; set; }
}

/// <summary>
/// Money paid out in one year. When it takes the cumulative total above the budget the API answers 422
/// unless <see cref="OverBudgetReason"/> says why (adjusted decision, price change...).
/// </summary>
public sealed class DisbursementInput
{
    public int? Year { get; set; }

    public long? Amount { get; set; }

    public string? OverBudgetReason { get; set; }
}

public sealed record ComponentDto(int Id, string Name, int Quantity, string Unit, long? Budget);

/// <summary>One year's disbursement with the running total up to and including that year.</summary>
public sealed record DisbursementDto(int Year, long Amount, long Cumulative, string? OverBudgetReason);

public sealed record ProjectEquipmentDto(int Id, string Name, int Quantity, long Value, DateOnly? DeliveredOn, EquipmentStatus Status, string? HolderName);

public sealed record DocumentRefDto(int Id, string Number, DateOnly IssuedOn, string Subject);

/// <summary>A project in a list: the money figures the department reports (disbursed and its share of the budget).</summary>
public sealed record ProjectSummaryDto(
    int Id,
    string Name,
    string? InvestorName,
    long TotalBudget,
    int StartYear,
    int EndYear,
    InvestmentProjectStatus Status,
    long Disbursed,
    decimal PercentDisbursed,
    string? ProvinceSlug);

public sealed record ProjectDto(
    int Id,
    string Name,
    int? InvestorId,
    string? InvestorName,
    DocumentRefDto? PolicyDocument,
    DocumentRefDto? FeasibilityDocument,
    long TotalBudget,
    int StartYear,
    int EndYear,
    InvestmentProjectStatus Status,
    string? Notes,
    long Disbursed,
    long Remaining,
    decimal PercentDisbursed,
    IReadOnlyList<ComponentDto> Components,
    IReadOnlyList<DisbursementDto> Disbursements,
    IReadOnlyList<ProjectEquipmentDto> Equipment,
    string? ProvinceSlug,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ProjectQuery(string? Search = null, InvestmentProjectStatus? Status = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}

/// <summary>A choice in a form: an organisation, a directive document, a project or a component.</summary>
public sealed record PickOption(int Id, string Label);

/// <summary>What a client sends to record or change a piece of equipment.</summary>
public sealed class EquipmentInput
{
    public int? ProjectId { get; set; }

    public int? ComponentId { get; set; }

    public string? Name { get; set; }

    public int? Quantity { get; set; }

    public long? Value { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public string? Location { get; set; }

    public int? HolderId { get; set; }

    public string? Status { get; set; }

    public bool ForInspection { get; set; }
}

public sealed record EquipmentDto(
    int Id,
    int? ProjectId,
    string? ProjectName,
    int? ComponentId,
    string? ComponentName,
    string Name,
    int Quantity,
    long Value,
    DateOnly? DeliveredOn,
    string? Location,
    int? HolderId,
    string? HolderName,
    EquipmentStatus Status,
    bool ForInspection,
    string? ProvinceSlug,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record EquipmentQuery(
    string? Search = null,
    int? ProjectId = null,
    EquipmentStatus? Status = null,
    int? HolderId = null,
    bool? ForInspection = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
