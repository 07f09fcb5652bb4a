using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Programme;
using Metrology.Web.Features.Documents;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Plans;

/// <summary>
/// The department's annual plans, their tasks and progress notes: use cases shared by the API and the pages.
/// Every query runs through the tenant-filtered context, so another province's plan is simply not found (404).
/// Tasks and notes are always reached through their plan or task, never by id alone across provinces.
/// </summary>
public sealed class PlanService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>design/domain.md, Roles, "programme records": the province officer writes; national roles read.</summary>
    public static readonly string[] WriterRoles = DocumentService.WriterRoles;

    public static readonly string[] ReaderRoles = DocumentService.ReaderRoles;

    /// <summary>Decision 996/QĐ-TTg, which the plans carry out, dates from 2018: no plan is older.</summary>
    public const int FirstYear = 2018;

    public const int TitleMaxLength = 500;
    public const int OwnerMaxLength = 300;
    public const int NoteMaxLength = 4000;
    public const int UrlMaxLength = 1000;

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public bool IsNational => currentUser.ProvinceId is null;

    public DateOnly Today => DisplayFormat.Today(clock);

    /// <summary>
    /// A task's deadline may fall in the plan's year or in the year either side (a 2022 plan may finish work
    /// started in 2021 or set a deadline in early 2023); anything further is a typing mistake.
    /// </summary>
    public static (DateOnly From, DateOnly To) DeadlineRange(int planYear) => (new DateOnly(planYear - 1, 1, 1), new DateOnly(planYear + 1, 12, 31));

    public async Task<IReadOnlyList<PlanSummaryDto>> ListPlansAsync(int? year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AnnualPlans.AsNoTracking();
        if (year is { } y)
        {
            rows = rows.Where(p => p.Year == y);
        }

        return await Summaries(db, rows.OrderByDescending(p => p.Year).ThenBy(p => p.Title).ThenBy(p => p.Id), Today).ToListAsync(cancellationToken);
    }

    /// <summary>The plan and all its tasks in two queries, whatever the number of tasks (the board and the list).</summary>
    public async Task<PlanDto?> GetPlanAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var plan = await Summaries(db, db.AnnualPlans.AsNoTracking().Where(p => p.Id == id), today).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var tasks = await TaskRows(db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Deadline).ThenBy(t => t.Id), today)
            .ToListAsync(cancellationToken);
        return new PlanDto(plan, tasks);
    }

    public async Task<IReadOnlyList<PlanTaskDto>?> ListTasksAsync(int planId, string? sort, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.AnnualPlans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return null;
        }

        var rows = db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId);
        rows = sort switch
        {
            "-deadline" => rows.OrderByDescending(t => t.Deadline).ThenBy(t => t.Id),
            "title" => rows.OrderBy(t => t.Title).ThenBy(t => t.Id),
            "status" => rows.OrderBy(t => t.Status).ThenBy(t => t.Deadline).ThenBy(t => t.Id),
            "progress" => rows.OrderBy(t => t.ProgressPercent).ThenBy(t => t.Id),
            "-progress" => rows.OrderByDescending(t => t.ProgressPercent).ThenBy(t => t.Id),
            "owner" => rows.OrderBy(t => t.OwnerName).ThenBy(t => t.Id),
            _ => rows.OrderBy(t => t.Deadline).ThenBy(t => t.Id),
        };
        return await TaskRows(rows, Today).ToListAsync(cancellationToken);
    }

    public async Task<PlanTaskDto?> GetTaskAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TaskRows(db.PlanTasks.AsNoTracking().Where(t => t.Id == id), Today).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Overdue tasks of every plan in the caller's scope, for the home page's notice.</summary>
    public async Task<int> OverdueTaskCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        return await db.PlanTasks.CountAsync(
            t => t.Deadline < today && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress), cancellationToken);
    }

    /// <summary>The directive documents a plan or task of <paramref name="provinceId"/> may point at (all visible ones when null).</summary>
    public async Task<IReadOnlyList<PlanDocumentOption>> DocumentsAsync(int? provinceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.DirectiveDocuments.AsNoTracking();
        if (provinceId is not null)
        {
            rows = rows.Where(d => d.ProvinceId == provinceId);
        }

        return await rows.OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Number)
            .Select(d => new PlanDocumentOption(d.Id, d.Number, d.Subject, d.ProvinceId)).ToListAsync(cancellationToken);
    }

    public async Task<int?> PlanProvinceIdAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnnualPlans.Where(p => p.Id == planId).Select(p => p.ProvinceId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Outcome<PlanSummaryDto>> CreatePlanAsync(PlanInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        var provinceId = FieldRules.ProvinceOfNewRecord(errors, text, currentUser, input.ProvinceSlug);
        await ValidatePlanAsync(db, errors, input, provinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<PlanSummaryDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new AnnualPlan { ProvinceId = provinceId, Title = input.Title!.Trim(), CreatedAt = now };
        ApplyPlan(plan, input, now);
        db.AnnualPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanSummaryDto>.Ok(await Summaries(db, db.AnnualPlans.AsNoTracking().Where(p => p.Id == plan.Id), Today).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<PlanSummaryDto>> UpdatePlanAsync(int id, PlanInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.AnnualPlans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Outcome<PlanSummaryDto>.NotFound();
        }

        var errors = new FieldErrors();
        await ValidatePlanAsync(db, errors, input, plan.ProvinceId, cancellationToken);
        if (input.Year is { } year && year != plan.Year && !errors.Any)
        {
            // Moving the plan to another year must not leave its tasks' deadlines outside the allowed range.
            var (from, to) = DeadlineRange(year);
            if (await db.PlanTasks.AnyAsync(t => t.PlanId == id && (t.Deadline < from || t.Deadline > to), cancellationToken))
            {
                errors.Add("year", text["Plans.Error.YearStrandsTasks", DisplayFormat.Date(from), DisplayFormat.Date(to)]);
            }
        }

        if (errors.Any)
        {
            return Outcome<PlanSummaryDto>.Invalid(errors);
        }

        ApplyPlan(plan, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanSummaryDto>.Ok(await Summaries(db, db.AnnualPlans.AsNoTracking().Where(p => p.Id == plan.Id), Today).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<PlanTaskDto>> AddTaskAsync(int planId, PlanTaskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Outcome<PlanTaskDto>.NotFound();
        }

        var errors = new FieldErrors();
        var status = await ValidateTaskAsync(db, errors, input, plan, cancellationToken);
        if (errors.Any)
        {
            return Outcome<PlanTaskDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = new PlanTask { ProvinceId = plan.ProvinceId, PlanId = plan.Id, Title = string.Empty, OwnerName = string.Empty, CreatedAt = now };
        ApplyTask(task, input, status, now);
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanTaskDto>.Ok(await TaskRows(db.PlanTasks.AsNoTracking().Where(t => t.Id == task.Id), Today).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<PlanTaskDto>> UpdateTaskAsync(int id, PlanTaskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.Include(t => t.Plan).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task?.Plan is null)
        {
            return Outcome<PlanTaskDto>.NotFound();
        }

        var errors = new FieldErrors();
        var status = await ValidateTaskAsync(db, errors, input, task.Plan, cancellationToken);
        if (errors.Any)
        {
            return Outcome<PlanTaskDto>.Invalid(errors);
        }

        ApplyTask(task, input, status, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanTaskDto>.Ok(await TaskRows(db.PlanTasks.AsNoTracking().Where(t => t.Id == task.Id), Today).FirstAsync(cancellationToken));
    }

    /// <summary>Moves a card to another column; Done needs the completion date and sets the progress to 100 %.</summary>
    public async Task<Outcome<PlanTaskDto>> MoveTaskAsync(int id, PlanTaskMoveInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Outcome<PlanTaskDto>.NotFound();
        }

        var errors = new FieldErrors();
        var status = ParseStatus(errors, input.Status, required: true);
        if (status == PlanTaskStatus.Done)
        {
            CheckCompletedOn(errors, input.CompletedOn);
        }

        if (errors.Any)
        {
            return Outcome<PlanTaskDto>.Invalid(errors);
        }

        task.Status = status!.Value;
        task.CompletedOn = status == PlanTaskStatus.Done ? input.CompletedOn : null;
        if (status == PlanTaskStatus.Done)
        {
            task.ProgressPercent = 100;
        }

        task.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanTaskDto>.Ok(await TaskRows(db.PlanTasks.AsNoTracking().Where(t => t.Id == task.Id), Today).FirstAsync(cancellationToken));
    }

    /// <summary>The task's notes, newest first; null when the task is not in the caller's scope.</summary>
    public async Task<IReadOnlyList<PlanTaskNoteDto>?> ListNotesAsync(int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.PlanTasks.AnyAsync(t => t.Id == taskId, cancellationToken))
        {
            return null;
        }

        // Reached through the task: a note's own province filter alone would not stop a guessed task id.
        return await db.PlanTasks.Where(t => t.Id == taskId).SelectMany(t => t.Notes)
            .OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.Id)
            .Select(n => new PlanTaskNoteDto(n.Id, n.TaskId, n.WrittenOn, n.Text, n.EvidenceUrl, n.AuthorEmail, n.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<PlanTaskNoteDto>> AddNoteAsync(int taskId, PlanTaskNoteInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Outcome<PlanTaskNoteDto>.NotFound();
        }

        var errors = new FieldErrors();
        var today = Today;
        FieldRules.RequireText(errors, text, "text", input.Text, NoteMaxLength);
        if (input.WrittenOn > today)
        {
            errors.Add("writtenOn", text["Plans.Error.FutureDate"]);
        }

        FieldRules.OptionalHttpUrl(errors, text, "evidenceUrl", input.EvidenceUrl, UrlMaxLength);
        if (errors.Any)
        {
            return Outcome<PlanTaskNoteDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = new PlanTaskNote
        {
            ProvinceId = task.ProvinceId,
            TaskId = task.Id,
            WrittenOn = input.WrittenOn ?? today,
            Text = input.Text!.Trim(),
            EvidenceUrl = FieldRules.Blank(input.EvidenceUrl),
            AuthorEmail = currentUser.UserEmail,
            CreatedAt = now,
        };
        task.Notes.Add(note);
        // A note is progress: the task shows as changed in the list.
        task.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PlanTaskNoteDto>.Ok(new PlanTaskNoteDto(note.Id, note.TaskId, note.WrittenOn, note.Text, note.EvidenceUrl, note.AuthorEmail, note.CreatedAt));
    }

    private static IQueryable<PlanSummaryDto> Summaries(AppDbContext db, IQueryable<AnnualPlan> plans, DateOnly today) =>
        // Overdue is PlanTask.IsOverdueOn written out so the database counts it.
        plans.Select(p => new PlanSummaryDto(
            p.Id,
            p.Year,
            p.Title,
            p.DocumentId,
            p.Document == null ? null : p.Document.Number,
            db.Provinces.Where(r => r.Id == p.ProvinceId).Select(r => r.NameVi).FirstOrDefault(),
            p.Tasks.Count,
            p.Tasks.Count(t => t.Status == PlanTaskStatus.Done),
            p.Tasks.Count(t => t.Deadline < today && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress))));

    private static IQueryable<PlanTaskDto> TaskRows(IQueryable<PlanTask> tasks, DateOnly today) =>
        tasks.Select(t => new PlanTaskDto(
            t.Id,
            t.PlanId,
            t.Title,
            t.Area,
            t.OwnerName,
            t.Deadline,
            t.Status,
            t.ProgressPercent,
            t.CompletedOn,
            t.SourceDocumentId,
            t.SourceDocument == null ? null : t.SourceDocument.Number,
            t.Deadline < today && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress),
            t.Notes.Count,
            t.UpdatedAt));

    private async Task ValidatePlanAsync(AppDbContext db, FieldErrors errors, PlanInput input, int? provinceId, CancellationToken cancellationToken)
    {
        var lastYear = Today.Year + 1;
        if (input.Year is null)
        {
            errors.Add("year", text["Error.Required"]);
        }
        else if (input.Year < FirstYear || input.Year > lastYear)
        {
            errors.Add("year", text["Plans.Error.Year", FirstYear, lastYear]);
        }

        FieldRules.RequireText(errors, text, "title", input.Title, TitleMaxLength);
        await CheckDocumentAsync(db, errors, "documentId", input.DocumentId, provinceId, cancellationToken);
    }

    /// <returns>The status the task will have, or null when the input is invalid.</returns>
    private async Task<PlanTaskStatus?> ValidateTaskAsync(AppDbContext db, FieldErrors errors, PlanTaskInput input, AnnualPlan plan, CancellationToken cancellationToken)
    {
        FieldRules.RequireText(errors, text, "title", input.Title, TitleMaxLength);
        FieldRules.RequireText(errors, text, "ownerName", input.OwnerName, OwnerMaxLength);
        FieldRules.RequiredEnum<ProgrammeArea>(errors, text, "area", input.Area);

        if (input.Deadline is not { } deadline)
        {
            errors.Add("deadline", text["Error.Required"]);
        }
        else
        {
            var (from, to) = DeadlineRange(plan.Year);
            if (deadline < from || deadline > to)
            {
                errors.Add("deadline", text["Plans.Error.Deadline", DisplayFormat.Date(from), DisplayFormat.Date(to), plan.Year]);
            }
        }

        var status = ParseStatus(errors, input.Status, required: false);
        if (input.ProgressPercent is < 0 or > 100)
        {
            errors.Add("progressPercent", text["Plans.Error.Progress"]);
        }

        if (status == PlanTaskStatus.Done)
        {
            CheckCompletedOn(errors, input.CompletedOn);
        }

        await CheckDocumentAsync(db, errors, "sourceDocumentId", input.SourceDocumentId, plan.ProvinceId, cancellationToken);
        return status;
    }

    private PlanTaskStatus? ParseStatus(FieldErrors errors, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add("status", text["Error.Required"]);
                return null;
            }

            return PlanTaskStatus.NotStarted;
        }

        var status = FieldRules.EnumByName<PlanTaskStatus>(value);
        if (status is null)
        {
            errors.Add("status", text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<PlanTaskStatus>())]);
        }

        return status;
    }

    private void CheckCompletedOn(FieldErrors errors, DateOnly? completedOn)
    {
        if (completedOn is null)
        {
            errors.Add("completedOn", text["Plans.Error.CompletedOnRequired"]);
        }
        else if (completedOn > Today)
        {
            errors.Add("completedOn", text["Plans.Error.FutureDate"]);
        }
    }

    /// <summary>An optional document must be visible to the caller and belong to the plan's province.</summary>
    private async Task CheckDocumentAsync(AppDbContext db, FieldErrors errors, string field, int? documentId, int? provinceId, CancellationToken cancellationToken)
    {
        if (documentId is { } id && !await db.DirectiveDocuments.AnyAsync(d => d.Id == id && d.ProvinceId == provinceId, cancellationToken))
        {
            errors.Add(field, text["Plans.Error.DocumentUnknown"]);
        }
    }

    private static void ApplyPlan(AnnualPlan plan, PlanInput input, DateTime now)
    {
        plan.Year = input.Year!.Value;
        plan.Title = input.Title!.Trim();
        plan.DocumentId = input.DocumentId;
        plan.UpdatedAt = now;
    }

    private static void ApplyTask(PlanTask task, PlanTaskInput input, PlanTaskStatus? status, DateTime now)
    {
        task.Title = input.Title!.Trim();
        task.Area = FieldRules.EnumByName<ProgrammeArea>(input.Area)!.Value;
        task.OwnerName = input.OwnerName!.Trim();
        task.Deadline = input.Deadline!.Value;
        task.Status = status!.Value;
        // A finished task is 100 % done whatever was typed; the date is kept only for Done (cleared otherwise).
        task.ProgressPercent = task.Status == PlanTaskStatus.Done ? 100 : input.ProgressPercent ?? 0;
        task.CompletedOn = task.Status == PlanTaskStatus.Done ? input.CompletedOn : null;
        task.SourceDocumentId = input.SourceDocumentId;
        task.UpdatedAt = now;
    }
}
