using System.Text.Json;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Features.Investments;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Assurance;

/// <summary>
/// Measurement assurance programmes (Decision 510/QĐ-BKHCN; ISO 10012) per enterprise and their steps.
/// The context filters programmes and steps by province and, for an EnterpriseUser, by its own organisation:
/// another enterprise's programme does not exist for it (404). The ProvinceOfficer writes everything; the
/// enterprise records the progress and evidence of its own steps only.
/// </summary>
public sealed class AssuranceService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> text)
{
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer];

    /// <summary>The enterprise records its own steps' progress and evidence (domain.md: "W own MAP evidence").</summary>
    public static readonly string[] StepWriterRoles = [Roles.ProvinceOfficer, Roles.EnterpriseUser];

    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer, Roles.Inspector, Roles.EnterpriseUser];

    /// <summary>Who may change the default step list: it is configuration of the province (or, nationally, of all).</summary>
    public static readonly string[] StepListEditorRoles = [Roles.SystemAdmin, Roles.ProvinceAdmin];

    public const string DefaultStepsKey = "assurance-default-steps";
    public const int MaxSteps = 30;
    public const int StepNameMaxLength = 300;

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public bool CanWriteSteps => currentUser.IsInRole(StepWriterRoles);

    public bool CanEditStepList => currentUser.IsInRole(StepListEditorRoles);

    public async Task<PagedResult<ProgrammeSummaryDto>> ListAsync(ProgrammeQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AssuranceProgrammes.AsNoTracking();
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(p => EF.Functions.Like(p.Enterprise!.SearchText, pattern, "\\"));
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(p => p.Kind == kind);
        }

        rows = query.State switch
        {
            ProgrammeStates.Complete => rows.Where(p => p.CompletedOn != null),
            ProgrammeStates.InProgress => rows.Where(p => p.CompletedOn == null && p.Steps.Any(s => s.Status != AssuranceStepStatus.NotStarted)),
            ProgrammeStates.NotStarted => rows.Where(p => p.CompletedOn == null && !p.Steps.Any(s => s.Status != AssuranceStepStatus.NotStarted)),
            _ => rows,
        };

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, ProgrammeQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await Summaries(rows.OrderByDescending(p => p.StartedOn).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new PagedResult<ProgrammeSummaryDto>(items, total, page, pageSize);
    }

    /// <summary>
    /// The province view in one query: every programme of the scope with its step counts (correlated counts in SQL),
    /// then the tallies by kind and state. Bounded whatever the number of programmes.
    /// </summary>
    public async Task<ProvinceProgressDto> ProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await Summaries(db.AssuranceProgrammes.AsNoTracking().OrderBy(p => p.Enterprise!.Name).ThenBy(p => p.Id), cancellationToken);
        return new ProvinceProgressDto(
            all.Count,
            all.Count(p => p.Kind == AssuranceProgrammeKind.Pilot),
            all.Count(p => p.Kind == AssuranceProgrammeKind.Replicated),
            all.Count(p => p.State == ProgrammeStates.NotStarted),
            all.Count(p => p.State == ProgrammeStates.InProgress),
            all.Count(p => p.State == ProgrammeStates.Complete),
            all);
    }

    public async Task<ProgrammeDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.AssuranceProgrammes.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            Programme = p,
            EnterpriseName = p.Enterprise!.Name,
            TaskTitle = p.ScienceTask == null ? null : p.ScienceTask.Title,
            Steps = p.Steps.OrderBy(s => s.Position).ThenBy(s => s.Id).ToList(),
            ProvinceSlug = db.Provinces.Where(v => v.Id == p.ProvinceId).Select(v => v.Slug).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var p = row.Programme;
        var done = row.Steps.Count(s => s.Status == AssuranceStepStatus.Done);
        var begun = row.Steps.Count(s => s.Status != AssuranceStepStatus.NotStarted);
        return new ProgrammeDto(
            p.Id, p.EnterpriseId, row.EnterpriseName, p.Kind, p.ScienceTaskId, row.TaskTitle, p.StartedOn, p.CompletedOn, p.Notes,
            row.Steps.Count, done, InvestmentService.Percent(done, row.Steps.Count), ProgrammeStates.Of(p.CompletedOn, begun),
            [.. row.Steps.Select(s => new StepDto(s.Id, s.Position, s.Name, s.Status, s.StartedOn, s.CompletedOn, s.EvidenceNote, s.UpdatedAt))],
            row.ProvinceSlug, p.CreatedAt, p.UpdatedAt);
    }

    public async Task<Outcome<ProgrammeDto>> CreateAsync(ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        Organization? enterprise = null;
        if (input.EnterpriseId is null)
        {
            errors.Add("enterpriseId", text["Error.Required"]);
        }
        else
        {
            enterprise = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.EnterpriseId, cancellationToken);
            if (enterprise is null)
            {
                errors.Add("enterpriseId", text["Error.Organization.Unknown"]);
            }
            else if (enterprise.Kind != OrganizationKind.Enterprise)
            {
                errors.Add("enterpriseId", text["Assurance.Error.NotAnEnterprise"]);
            }
        }

        await ValidateProgrammeAsync(db, input, errors, cancellationToken);
        if (input.CompletedOn is not null)
        {
            errors.Add("completedOn", text["Assurance.Error.CompletedBeforeSteps"]);
        }

        if (errors.Any)
        {
            return Outcome<ProgrammeDto>.Invalid(errors);
        }

        // One running programme per enterprise: a replication after a finished pilot is fine, two at once is a slip.
        if (await db.AssuranceProgrammes.AnyAsync(p => p.EnterpriseId == enterprise!.Id && p.CompletedOn == null, cancellationToken))
        {
            return Outcome<ProgrammeDto>.Conflict("enterpriseId", text["Assurance.Error.AlreadyRunning", enterprise!.Name]);
        }

        var steps = await DefaultStepsAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var programme = new AssuranceProgramme
        {
            ProvinceId = enterprise!.ProvinceId,
            EnterpriseId = enterprise.Id,
            CreatedAt = now,
        };
        Apply(programme, input, now);
        programme.Steps.AddRange(steps.Steps.Select((name, i) => new AssuranceStep
        {
            ProvinceId = enterprise.ProvinceId,
            Position = i + 1,
            Name = name,
            Status = AssuranceStepStatus.NotStarted,
            UpdatedAt = now,
        }));
        db.AssuranceProgrammes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProgrammeDto>.Ok((await GetAsync(programme.Id, cancellationToken))!);
    }

    public async Task<Outcome<ProgrammeDto>> UpdateAsync(int id, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.AssuranceProgrammes.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return Outcome<ProgrammeDto>.NotFound();
        }

        var errors = new FieldErrors();
        await ValidateProgrammeAsync(db, input, errors, cancellationToken);
        var allDone = programme.Steps.Count > 0 && programme.Steps.All(s => s.Status == AssuranceStepStatus.Done);
        if (allDone && input.CompletedOn is null)
        {
            errors.Add("completedOn", text["Assurance.Error.CompletedRequired"]);
        }
        else if (!allDone && input.CompletedOn is not null)
        {
            errors.Add("completedOn", text["Assurance.Error.CompletedBeforeSteps"]);
        }
        else if (input.CompletedOn is { } completed)
        {
            var lastStep = programme.Steps.Max(s => s.CompletedOn);
            if (completed > DisplayFormat.Today(clock))
            {
                errors.Add("completedOn", text["Assurance.Error.DateInFuture"]);
            }
            else if (input.StartedOn is { } started && completed < started || lastStep is { } last && completed < last)
            {
                errors.Add("completedOn", text["Assurance.Error.CompletedTooEarly"]);
            }
        }

        if (input.StartedOn is { } start && programme.Steps.Any(s => s.StartedOn < start))
        {
            errors.Add("startedOn", text["Assurance.Error.StepsBeforeStart"]);
        }

        if (errors.Any)
        {
            return Outcome<ProgrammeDto>.Invalid(errors);
        }

        Apply(programme, input, clock.GetUtcNow().UtcDateTime);
        programme.CompletedOn = input.CompletedOn;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProgrammeDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>
    /// Records a step's status, dates and evidence. When every step is done the programme is complete on the
    /// last step's completion date; reopening a step reopens the programme.
    /// </summary>
    public async Task<Outcome<ProgrammeDto>> UpdateStepAsync(int programmeId, int stepId, StepInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Through the parent: the programme's filter is what limits an enterprise user to its own.
        var programme = await db.AssuranceProgrammes.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        var step = programme?.Steps.FirstOrDefault(s => s.Id == stepId);
        if (programme is null || step is null)
        {
            return Outcome<ProgrammeDto>.NotFound();
        }

        var errors = new FieldErrors();
        var today = DisplayFormat.Today(clock);
        var status = FieldRules.RequiredEnum<AssuranceStepStatus>(errors, text, "status", input.Status);

        if (input.StartedOn is { } started)
        {
            if (started > today)
            {
                errors.Add("startedOn", text["Assurance.Error.DateInFuture"]);
            }
            else if (started < programme.StartedOn)
            {
                errors.Add("startedOn", text["Assurance.Error.StepBeforeProgramme", DisplayFormat.Date(programme.StartedOn)]);
            }
            else if (status == AssuranceStepStatus.NotStarted)
            {
                errors.Add("startedOn", text["Assurance.Error.NotStartedHasDate"]);
            }
        }
        else if (status is AssuranceStepStatus.InProgress or AssuranceStepStatus.Done)
        {
            errors.Add("startedOn", text["Assurance.Error.StartedRequired"]);
        }

        if (input.CompletedOn is { } completed)
        {
            if (status != AssuranceStepStatus.Done)
            {
                errors.Add("completedOn", text["Assurance.Error.CompletedNotDone"]);
            }
            else if (input.StartedOn is null)
            {
                errors.Add("completedOn", text["Assurance.Error.CompletedNeedsStarted"]);
            }
            else if (completed < input.StartedOn)
            {
                errors.Add("completedOn", text["Assurance.Error.CompletedBeforeStarted"]);
            }
            else if (completed > today)
            {
                errors.Add("completedOn", text["Assurance.Error.DateInFuture"]);
            }
        }
        else if (status == AssuranceStepStatus.Done)
        {
            errors.Add("completedOn", text["Assurance.Error.DoneNeedsCompleted"]);
        }

        FieldRules.OptionalText(errors, text, "evidenceNote", input.EvidenceNote, 4000);
        if (errors.Any)
        {
            return Outcome<ProgrammeDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        step.Status = status!.Value;
        step.StartedOn = input.StartedOn;
        step.CompletedOn = input.CompletedOn;
        step.EvidenceNote = FieldRules.Blank(input.EvidenceNote);
        step.UpdatedAt = now;
        programme.CompletedOn = programme.Steps.All(s => s.Status == AssuranceStepStatus.Done) ? programme.Steps.Max(s => s.CompletedOn) : null;
        programme.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProgrammeDto>.Ok((await GetAsync(programmeId, cancellationToken))!);
    }

    /// <summary>The step list in force for the caller: its province's, else the national one, else configuration.</summary>
    public async Task<DefaultStepsDto> DefaultStepsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DefaultStepsAsync(db, cancellationToken);
    }

    /// <summary>A ProvinceAdmin sets its province's list; the SystemAdmin sets the national one that provinces fall back to.</summary>
    public async Task<Outcome<DefaultStepsDto>> SetDefaultStepsAsync(DefaultStepsInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var steps = input.Steps ?? [];
        if (steps.Count == 0)
        {
            errors.Add("steps", text["Assurance.Error.NoSteps"]);
        }
        else if (steps.Count > MaxSteps)
        {
            errors.Add("steps", text["Assurance.Error.TooManySteps", MaxSteps]);
        }
        else
        {
            for (var i = 0; i < steps.Count; i++)
            {
                FieldRules.RequireText(errors, text, $"steps[{i}]", steps[i], StepNameMaxLength);
            }

            var names = steps.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList();
            if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
            {
                errors.Add("steps", text["Assurance.Error.DuplicateStep"]);
            }
        }

        var json = errors.Any ? string.Empty : JsonSerializer.Serialize(steps.Select(s => s!.Trim()).ToList());
        if (!errors.Any && json.Length > 2000)
        {
            // The setting row holds at most 2000 characters.
            errors.Add("steps", text["Assurance.Error.StepListTooLong"]);
        }

        if (errors.Any)
        {
            return Outcome<DefaultStepsDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = currentUser.ProvinceId is { } provinceId ? $"{DefaultStepsKey}:{provinceId}" : DefaultStepsKey;
        var row = await db.AppSettings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            db.AppSettings.Add(new AppSetting { Key = key, Value = json });
        }
        else
        {
            row.Value = json;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DefaultStepsDto>.Ok(await DefaultStepsAsync(db, cancellationToken));
    }

    /// <summary>Enterprises of the scope that may start a programme, and the S&amp;T tasks that may fund one.</summary>
    public async Task<(List<ProgrammeChoice> Enterprises, List<ProgrammeChoice> Tasks)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var enterprises = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Enterprise)
            .OrderBy(o => o.Name).Select(o => new ProgrammeChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        var tasks = await db.ScienceTasks.AsNoTracking().OrderByDescending(t => t.StartOn).ThenBy(t => t.Id)
            .Select(t => new ProgrammeChoice(t.Id, t.Title)).ToListAsync(cancellationToken);
        return (enterprises, tasks);
    }

    private async Task<DefaultStepsDto> DefaultStepsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var provinceKey = currentUser.ProvinceId is { } provinceId ? $"{DefaultStepsKey}:{provinceId}" : null;
        var rows = await db.AppSettings.AsNoTracking().Where(s => s.Key == DefaultStepsKey || s.Key == provinceKey).ToListAsync(cancellationToken);
        if (rows.FirstOrDefault(r => r.Key == provinceKey) is { } own)
        {
            return new DefaultStepsDto(JsonSerializer.Deserialize<List<string>>(own.Value) ?? [], "province");
        }

        if (rows.FirstOrDefault(r => r.Key == DefaultStepsKey) is { } national)
        {
            return new DefaultStepsDto(JsonSerializer.Deserialize<List<string>>(national.Value) ?? [], "national");
        }

        return new DefaultStepsDto(configuration.GetSection("Assurance:DefaultSteps").Get<List<string>>() ?? [], "configuration");
    }

    private async Task ValidateProgrammeAsync(AppDbContext db, ProgrammeInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        FieldRules.RequiredEnum<AssuranceProgrammeKind>(errors, text, "kind", input.Kind);

        if (input.StartedOn is null)
        {
            errors.Add("startedOn", text["Error.Required"]);
        }
        else if (input.StartedOn > DisplayFormat.Today(clock))
        {
            errors.Add("startedOn", text["Assurance.Error.DateInFuture"]);
        }

        if (input.ScienceTaskId is { } taskId && !await db.ScienceTasks.AnyAsync(t => t.Id == taskId, cancellationToken))
        {
            errors.Add("scienceTaskId", text["Assurance.Error.TaskUnknown"]);
        }

        FieldRules.OptionalText(errors, text, "notes", input.Notes, 4000);
    }

    private static void Apply(AssuranceProgramme programme, ProgrammeInput input, DateTime now)
    {
        programme.Kind = FieldRules.EnumByName<AssuranceProgrammeKind>(input.Kind)!.Value;
        programme.ScienceTaskId = input.ScienceTaskId;
        programme.StartedOn = input.StartedOn!.Value;
        programme.Notes = FieldRules.Blank(input.Notes);
        programme.UpdatedAt = now;
    }

    private static async Task<List<ProgrammeSummaryDto>> Summaries(IQueryable<AssuranceProgramme> rows, CancellationToken cancellationToken)
    {
        var list = await rows.Select(p => new
        {
            p.Id,
            p.EnterpriseId,
            EnterpriseName = p.Enterprise!.Name,
            p.Kind,
            p.ScienceTaskId,
            TaskTitle = p.ScienceTask == null ? null : p.ScienceTask.Title,
            p.StartedOn,
            p.CompletedOn,
            Steps = p.Steps.Count,
            Done = p.Steps.Count(s => s.Status == AssuranceStepStatus.Done),
            Begun = p.Steps.Count(s => s.Status != AssuranceStepStatus.NotStarted),
        }).ToListAsync(cancellationToken);
        return [.. list.Select(p => new ProgrammeSummaryDto(
            p.Id, p.EnterpriseId, p.EnterpriseName, p.Kind, p.ScienceTaskId, p.TaskTitle, p.StartedOn, p.CompletedOn,
            p.Steps, p.Done, InvestmentService.Percent(p.Done, p.Steps), ProgrammeStates.Of(p.CompletedOn, p.Begun)))];
    }
}
