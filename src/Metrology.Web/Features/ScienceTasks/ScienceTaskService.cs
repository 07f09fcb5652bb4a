using Metrology.Core.Attachments;
using Metrology.Core.Data;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Features.Attachments;
using Metrology.Web.Features.Documents;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.ScienceTasks;

/// <summary>
/// S&amp;T tasks (nhiệm vụ KH&amp;CN) of the province, shared by the API and the pages. Same roles as the
/// directive documents; another province's task is not found.
/// </summary>
public sealed class ScienceTaskService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    AttachmentStore store,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// No provincial S&amp;T task comes near 1,000 billion đồng (the whole Programme 996 investment in a province is
    /// tens of billions): a larger figure is a slip of the keyboard (extra zeros), refused.
    /// </summary>
    public const long MaxBudget = 1_000_000_000_000;

    public bool CanWrite => currentUser.IsInRole(DocumentService.WriterRoles);

    public async Task<ScienceTaskPage> ListAsync(ScienceTaskQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.ScienceTasks.AsNoTracking();
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(t => EF.Functions.Like(t.SearchText, pattern, "\\"));
        }

        if (query.Level is { } level)
        {
            rows = rows.Where(t => t.Level == level);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(t => t.Status == status);
        }

        if (query.Year is { } year and >= 1 and <= 9998)
        {
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = new DateOnly(year, 12, 31);
            rows = rows.Where(t => t.StartOn <= yearEnd && t.EndOn >= yearStart);
        }

        var total = await rows.CountAsync(cancellationToken);
        var budgetTotal = total == 0 ? 0 : await rows.SumAsync(t => t.Budget, cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, ScienceTaskQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await rows
            .OrderByDescending(t => t.StartOn).ThenByDescending(t => t.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new ScienceTaskPage(items, total, page, pageSize, budgetTotal);
    }

    public async Task<ScienceTaskDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScienceTasks.AsNoTracking().Where(t => t.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The organisations that may host a task: those of the user's scope, by name.</summary>
    public async Task<List<(int Id, string Name)>> HostOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Organizations.AsNoTracking().Where(o => o.ProvinceId != null)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<Outcome<ScienceTaskDto>> CreateAsync(ScienceTaskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (provinceId, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ScienceTaskDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = new ScienceTask { Title = string.Empty, CreatedAt = now };
        Apply(task, input, provinceId, now);
        db.ScienceTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ScienceTaskDto>.Ok(await db.ScienceTasks.AsNoTracking().Where(t => t.Id == task.Id).Select(ToDto).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<ScienceTaskDto>> UpdateAsync(int id, ScienceTaskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.ScienceTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Outcome<ScienceTaskDto>.NotFound();
        }

        var (provinceId, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ScienceTaskDto>.Invalid(errors);
        }

        Apply(task, input, provinceId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ScienceTaskDto>.Ok(await db.ScienceTasks.AsNoTracking().Where(t => t.Id == id).Select(ToDto).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.ScienceTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Outcome<bool>.NotFound();
        }

        // An assurance programme run under the task would lose its funding record: refuse.
        if (await db.AssuranceProgrammes.IgnoreQueryFilters().AnyAsync(p => p.ScienceTaskId == id, cancellationToken))
        {
            return Outcome<bool>.Conflict("id", text["ScienceTasks.Error.InUse"]);
        }

        var attachments = await db.Attachments.Where(a => a.Target == AttachmentTarget.ScienceTask && a.TargetId == id).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        db.ScienceTasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteUnreferencedAsync(db, attachments.Select(a => a.Sha256), cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private static void Apply(ScienceTask task, ScienceTaskInput input, int? provinceId, DateTime now)
    {
        task.Level = FieldRules.EnumByName<ScienceTaskLevel>(input.Level)!.Value;
        task.Title = input.Title!.Trim();
        task.Area = FieldRules.EnumByName<ProgrammeArea>(input.Area)!.Value;
        task.HostOrganizationId = input.HostOrganizationId!.Value;
        task.ApprovalDocumentId = input.ApprovalDocumentId;
        task.Budget = input.Budget!.Value;
        task.StartOn = input.StartOn!.Value;
        task.EndOn = input.EndOn!.Value;
        task.Status = FieldRules.EnumByName<ScienceTaskStatus>(input.Status)!.Value;
        task.Outputs = FieldRules.Blank(input.Outputs);
        task.ProvinceId = provinceId;
        task.UpdatedAt = now;
        task.RefreshSearchText();
    }

    private async Task<(int? ProvinceId, FieldErrors Errors)> ValidateAsync(AppDbContext db, ScienceTaskInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequiredEnum<ScienceTaskLevel>(errors, text, "level", input.Level);
        FieldRules.RequiredEnum<ProgrammeArea>(errors, text, "area", input.Area);
        FieldRules.RequiredEnum<ScienceTaskStatus>(errors, text, "status", input.Status);
        FieldRules.RequireText(errors, text, "title", input.Title, 500);
        FieldRules.OptionalText(errors, text, "outputs", input.Outputs, 4000);

        if (input.Budget is not { } budget)
        {
            errors.Add("budget", text["Error.Required"]);
        }
        else if (budget <= 0)
        {
            errors.Add("budget", text["ScienceTasks.Error.BudgetPositive"]);
        }
        else if (budget > MaxBudget)
        {
            errors.Add("budget", text["ScienceTasks.Error.BudgetAbsurd", MaxBudget.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))]);
        }

        if (input.StartOn is null)
        {
            errors.Add("startOn", text["Error.Required"]);
        }

        if (input.EndOn is null)
        {
            errors.Add("endOn", text["Error.Required"]);
        }
        else if (input.StartOn is { } start && input.EndOn < start)
        {
            errors.Add("endOn", text["ScienceTasks.Error.EndBeforeStart"]);
        }

        // The host is an organisation the user can see: another province's is "unknown", as if absent.
        var host = await FieldRules.OrganizationAsync(db, errors, text, "hostOrganizationId", input.HostOrganizationId, mustBeBody: false, cancellationToken);
        int? provinceId = currentUser.ProvinceId ?? host?.ProvinceId;
        if (host is not null && host.ProvinceId is null)
        {
            errors.Add("hostOrganizationId", text["ScienceTasks.Error.HostWithoutProvince"]);
        }

        if (input.ApprovalDocumentId is { } documentId)
        {
            var documentProvince = await db.DirectiveDocuments.Where(d => d.Id == documentId).Select(d => new { d.ProvinceId }).FirstOrDefaultAsync(cancellationToken);
            if (documentProvince is null || (provinceId is not null && documentProvince.ProvinceId != provinceId))
            {
                errors.Add("approvalDocumentId", text["ScienceTasks.Error.DocumentUnknown"]);
            }
        }

        return (provinceId, errors);
    }


    private static readonly System.Linq.Expressions.Expression<Func<ScienceTask, ScienceTaskDto>> ToDto = t => new ScienceTaskDto(
        t.Id, t.Level, t.Title, t.Area, t.HostOrganizationId,
        t.HostOrganization == null ? string.Empty : t.HostOrganization.Name,
        t.ApprovalDocumentId,
        t.ApprovalDocument == null ? null : t.ApprovalDocument.Type,
        t.ApprovalDocument == null ? null : t.ApprovalDocument.Number,
        t.ApprovalDocument == null ? null : t.ApprovalDocument.IssuedOn,
        t.Budget, t.StartOn, t.EndOn, t.Status, t.Outputs, t.ProvinceId, t.CreatedAt, t.UpdatedAt);
}
