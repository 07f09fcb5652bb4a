using Metrology.Core.Auditing;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

public enum InvestmentProjectStatus
{
    Preparing,
    Approved,
    InProgress,
    Completed,
}

/// <summary>
/// A public investment project, e.g. "measurement-testing and biotechnology equipment (phase 1)": approved in
/// policy by a resolution and in feasibility by a decision, with a total budget, components and yearly
/// disbursements. Money in VND.
/// </summary>
public class InvestmentProject : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public required string Name { get; set; }

    /// <summary>The investor (chủ đầu tư), usually the department.</summary>
    public int? InvestorId { get; set; }

    public Organization? Investor { get; set; }

    /// <summary>The investment-policy approval, e.g. Resolution 99/2020/NQ-HĐND.</summary>
    public int? PolicyDocumentId { get; set; }

    public DirectiveDocument? PolicyDocument { get; set; }

    /// <summary>The feasibility-study approval, e.g. Decision 1338/QĐ-UBND.</summary>
    public int? FeasibilityDocumentId { get; set; }

    public DirectiveDocument? FeasibilityDocument { get; set; }

    public long TotalBudget { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public InvestmentProjectStatus Status { get; set; }

    public string? Notes { get; set; }

    public List<ProjectComponent> Components { get; set; } = [];

    public List<Disbursement> Disbursements { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A component of a project, e.g. "58 bộ thiết bị đo lường, thử nghiệm".</summary>
public class ProjectComponent : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int ProjectId { get; set; }

    public required string Name { get; set; }

    public int Quantity { get; set; }

    /// <summary>The counting unit as written in the decision: "bộ", "thiết bị"...</summary>
    public required string Unit { get; set; }

    public long? Budget { get; set; }
}

/// <summary>Money paid out in one year. Above the remaining budget is allowed only with a recorded reason.</summary>
public class Disbursement : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int ProjectId { get; set; }

    public int Year { get; set; }

    public long Amount { get; set; }

    /// <summary>Why the total now exceeds the budget (adjusted decision, price change...); required then.</summary>
    public string? OverBudgetReason { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum EquipmentStatus
{
    Ordered,
    Delivered,
    InUse,
    UnderRepair,
    Retired,
}

/// <summary>
/// A set or device bought (usually by an investment project): what, how many, its value, when delivered,
/// where it is and its state. <see cref="ForInspection"/> marks equipment used by inspectors
/// (volume standards, octane testers), which the report's section 2.3 names.
/// </summary>
public class Equipment : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int? ProjectId { get; set; }

    public InvestmentProject? Project { get; set; }

    public int? ComponentId { get; set; }

    public required string Name { get; set; }

    public int Quantity { get; set; }

    public long Value { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public string? Location { get; set; }

    /// <summary>The organisation that keeps and uses it (e.g. the Technical Centre).</summary>
    public int? HolderId { get; set; }

    public Organization? Holder { get; set; }

    public EquipmentStatus Status { get; set; }

    public bool ForInspection { get; set; }

    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold($"{Name} {Location}");
}
