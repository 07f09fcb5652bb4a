using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Metrology.Web.Features.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports.InspectionPlans;

/// <summary>
/// Inspection plans, one row per target: rows with the same year and title form one plan of the importing
/// inspector's agency (new plans are drafts). Natural key: the plan (agency, year, title) and the target
/// organisation, so a target already in the plan is unchanged. An approved plan takes no new targets, as in
/// the form. From the command line there is no inspector: the agency's tax code column names the agency.
/// </summary>
public sealed class InspectionPlanImportHandler(IDbContextFactory<AppDbContext> dbFactory, ImportText text, TimeProvider clock)
    : ImportHandlerBase<(int Agency, int Year, string Title, int OrganizationId), InspectionTarget>(dbFactory, text, clock)
{
    private int? ownAgencyId;
    private Dictionary<string, int> agencyByTaxCode = [];
    private Dictionary<string, int> organizationByTaxCode = [];
    private HashSet<int> agencies = [];
    private Dictionary<(int Agency, int Year, string Title), (int Id, InspectionPlanStatus Status)> existingPlans = [];
    private HashSet<(int PlanId, int OrganizationId)> existingTargets = [];
    private readonly Dictionary<(int Agency, int Year, string Title), (InspectionKind Kind, int Row)> kindOfPlan = [];
    private readonly Dictionary<(int Agency, int Year, string Title), InspectionPlan> newPlans = [];
    private ChoiceLabels<InspectionKind>? kinds;
    private ChoiceLabels<InspectionContent>? contents;

    public override ImportKind Kind => ImportKind.InspectionPlans;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("agencyTaxCode", "Mã số thuế cơ quan", "Agency tax code", false,
            "Để trống: cơ quan của người nhập. Nếu ghi, phải là mã số thuế của cơ quan đó (bắt buộc khi nhập bằng dòng lệnh).",
            "Empty: the importing inspector's agency. When given it must be that agency's tax code (required from the command line).",
            "3200987653", ["Cơ quan", "Agency"]),
        new("year", "Năm", "Year", true, "Năm của kế hoạch, ví dụ 2025.", "The plan's year, e.g. 2025.", "2025", ["Năm kế hoạch"]),
        new("planTitle", "Tên kế hoạch", "Plan title", true,
            "Các dòng cùng năm và cùng tên thuộc một kế hoạch. Tối đa 500 ký tự.", "Rows with the same year and title belong to one plan. At most 500 characters.",
            "Kế hoạch kiểm tra đo lường năm 2025", ["Kế hoạch", "Plan"]),
        new("kind", "Hình thức", "Kind", true, "Thanh tra hoặc Kiểm tra; giống nhau trong một kế hoạch.", "Inspection or Check; the same within a plan.", "Kiểm tra", ["Loại", "Loại hình"]),
        new("targetTaxCode", "Mã số thuế đối tượng", "Target tax code", true,
            "Mã số thuế của tổ chức được kiểm tra; phải có trong danh sách tổ chức của tỉnh và không phải cơ quan quản lý.",
            "Tax code of the organisation inspected; one of the province's organisations, not an agency.",
            "3200123452", ["Đối tượng", "Target"]),
        new("content", "Nội dung", "Content", true,
            "Một hoặc nhiều nội dung, cách nhau bằng dấu chấm phẩy: Phương tiện đo nhóm 2; Hàng đóng gói sẵn; Chất lượng xăng dầu; ...",
            "One or more contents separated by semicolons: Group 2 instruments; Prepackaged goods; Fuel quality; ...",
            "Phương tiện đo nhóm 2; Chất lượng xăng dầu", ["Nội dung kiểm tra"]),
        new("fromMonth", "Từ tháng", "From month", true, "1 đến 12.", "1 to 12.", "3", ["Tháng bắt đầu"]),
        new("toMonth", "Đến tháng", "To month", true, "1 đến 12, không trước tháng bắt đầu.", "1 to 12, not before the from month.", "4", ["Tháng kết thúc"]),
    ];

    protected override string KeyColumn => "targetTaxCode";

    public override async Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var targets = db.InspectionTargets.IgnoreQueryFilters().Where(t => t.ImportJobId == job.Id);
        var plans = db.InspectionPlans.IgnoreQueryFilters().Where(p => p.ImportJobId == job.Id);
        // Records, overlap resolutions and merges refer to targets and plans; approval makes a plan official.
        var referenced = await db.InspectionRecords.IgnoreQueryFilters().AnyAsync(r => plans.Any(p => p.Id == r.PlanId) || targets.Any(t => t.Id == r.TargetId), cancellationToken)
            || await db.OverlapResolutions.IgnoreQueryFilters().AnyAsync(o => targets.Any(t => t.Id == o.FirstTargetId || t.Id == o.SecondTargetId), cancellationToken)
            || await db.InspectionTargets.IgnoreQueryFilters().AnyAsync(x => x.MergedIntoTargetId != null && targets.Any(t => t.Id == x.MergedIntoTargetId), cancellationToken)
            || await plans.AnyAsync(p => p.Status == InspectionPlanStatus.Approved, cancellationToken)
            || await db.InspectionTargets.IgnoreQueryFilters().AnyAsync(x => x.ImportJobId != job.Id && plans.Any(p => p.Id == x.PlanId), cancellationToken);
        if (referenced)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await targets.ExecuteDeleteAsync(cancellationToken);
        await plans.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    protected override async Task PrepareAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        var province = context.ProvinceId;
        var organizations = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.ProvinceId == province)
            .Select(o => new { o.Id, o.TaxCode, o.Kind })
            .ToListAsync(cancellationToken);
        // An agency may have no tax code on record (the inspector's own is then found by the account alone).
        organizationByTaxCode = organizations.Where(o => o.TaxCode != null).ToDictionary(o => o.TaxCode!, o => o.Id, StringComparer.Ordinal);
        agencies = organizations.Where(o => o.Kind == OrganizationKind.Agency).Select(o => o.Id).ToHashSet();
        agencyByTaxCode = organizations.Where(o => o.Kind == OrganizationKind.Agency && o.TaxCode != null)
            .ToDictionary(o => o.TaxCode!, o => o.Id, StringComparer.Ordinal);
        ownAgencyId = await db.Users.IgnoreQueryFilters()
            .Where(u => u.Email == context.Job.CreatedByEmail && u.OrganizationId != null)
            .Select(u => u.OrganizationId)
            .FirstOrDefaultAsync(cancellationToken);
        if (ownAgencyId is { } own && !agencies.Contains(own))
        {
            ownAgencyId = null;
        }

        var plans = await db.InspectionPlans.IgnoreQueryFilters().Where(p => p.ProvinceId == province)
            .Select(p => new { p.Id, p.AgencyId, p.Year, p.Title, p.Status })
            .ToListAsync(cancellationToken);
        existingPlans = plans.ToDictionary(p => (p.AgencyId, p.Year, p.Title), p => (p.Id, p.Status));
        existingTargets = (await db.InspectionTargets.IgnoreQueryFilters().Where(t => t.ProvinceId == province)
            .Select(t => new { t.PlanId, t.OrganizationId })
            .ToListAsync(cancellationToken)).Select(t => (t.PlanId, t.OrganizationId)).ToHashSet();
        kinds = new ChoiceLabels<InspectionKind>(Text, "Inspections.Kind.");
        contents = new ChoiceLabels<InspectionContent>(Text, "Inspections.Content.", ContentFlags.All);
    }

    protected override ((int Agency, int Year, string Title, int OrganizationId) Key, InspectionTarget Entity)? Check(RowCheck row, ImportContext context)
    {
        var agencyId = Agency(row);
        var year = row.WholeNumber("year", InspectionPlanService.MinYear, InspectionPlanService.MaxYear, required: true);
        var title = row.Text("planTitle", 500, required: true);
        var kind = row.Choice("kind", kinds!, required: true);
        var targetId = Target(row);
        var content = Content(row);
        var from = row.WholeNumber("fromMonth", 1, 12, required: true);
        var to = row.WholeNumber("toMonth", 1, 12, required: true);
        if (from is not null && to is not null && to < from)
        {
            row.Fail("toMonth", "Inspections.Error.MonthOrder");
        }

        if (!row.IsValid)
        {
            return null;
        }

        var planKey = (agencyId!.Value, year!.Value, title!);
        if (kindOfPlan.TryGetValue(planKey, out var first) && first.Kind != kind && first.Row != row.Row.RowNumber)
        {
            row.Fail("kind", "Imports.Error.PlanKindDiffers", first.Row);
            return null;
        }

        kindOfPlan.TryAdd(planKey, (kind!.Value, row.Row.RowNumber));
        var target = new InspectionTarget
        {
            ProvinceId = context.ProvinceId,
            OrganizationId = targetId!.Value,
            Content = content!.Value,
            FromMonth = from!.Value,
            ToMonth = to!.Value,
            ImportJobId = context.Job.Id,
        };
        if (existingPlans.TryGetValue(planKey, out var plan))
        {
            if (plan.Status == InspectionPlanStatus.Approved && !existingTargets.Contains((plan.Id, targetId.Value)))
            {
                row.Fail("planTitle", "Inspections.Error.PlanApproved");
                return null;
            }

            target.PlanId = plan.Id;
        }
        else
        {
            if (!newPlans.TryGetValue(planKey, out var newPlan))
            {
                var now = Now;
                newPlans[planKey] = newPlan = new InspectionPlan
                {
                    ProvinceId = context.ProvinceId,
                    AgencyId = agencyId.Value,
                    Year = year.Value,
                    Title = title!,
                    Kind = kind.Value,
                    Status = InspectionPlanStatus.Draft,
                    ImportJobId = context.Job.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
            }

            target.Plan = newPlan;
        }

        return ((agencyId.Value, year.Value, title!, targetId.Value), target);
    }

    protected override bool Exists((int Agency, int Year, string Title, int OrganizationId) key) =>
        existingPlans.TryGetValue((key.Agency, key.Year, key.Title), out var plan) && existingTargets.Contains((plan.Id, key.OrganizationId));

    /// <summary>A plan saved in an earlier batch of this transaction is referred to by id; the tracker was cleared since.</summary>
    protected override void Add(AppDbContext db, InspectionTarget entity)
    {
        if (entity.Plan is { Id: > 0 } saved)
        {
            entity.PlanId = saved.Id;
            entity.Plan = null;
        }

        db.InspectionTargets.Add(entity);
    }

    private int? Agency(RowCheck row)
    {
        var taxCode = row.TaxCodeValue("agencyTaxCode", required: ownAgencyId is null);
        if (taxCode is null)
        {
            return ownAgencyId;
        }

        if (!agencyByTaxCode.TryGetValue(taxCode, out var agencyId))
        {
            row.Fail("agencyTaxCode", "Imports.Error.AgencyUnknown");
            return null;
        }

        if (ownAgencyId is { } own && own != agencyId)
        {
            row.Fail("agencyTaxCode", "Inspections.Error.OtherAgency");
            return null;
        }

        return agencyId;
    }

    private int? Target(RowCheck row)
    {
        var taxCode = row.TaxCodeValue("targetTaxCode", required: true);
        if (taxCode is null)
        {
            return null;
        }

        if (!organizationByTaxCode.TryGetValue(taxCode, out var id))
        {
            row.Fail("targetTaxCode", "Imports.Error.OrganizationUnknown");
            return null;
        }

        if (agencies.Contains(id))
        {
            row.Fail("targetTaxCode", "Inspections.Error.TargetIsAgency");
            return null;
        }

        return id;
    }

    private InspectionContent? Content(RowCheck row)
    {
        var value = row.Value("content");
        if (value is null)
        {
            row.Fail("content", "Error.Required");
            return null;
        }

        var content = InspectionContent.None;
        foreach (var part in value.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ImportValues.Choice(part, contents!) is not { } member)
            {
                // Reported like any unknown choice, naming the labels allowed.
                row.Choice("content", contents!, required: true);
                return null;
            }

            content |= member;
        }

        return content == InspectionContent.None ? null : content;
    }
}
