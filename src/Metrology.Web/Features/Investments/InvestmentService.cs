using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Investments;

/// <summary>
/// Public investment projects: approving documents, budget, components and yearly disbursements. Shared by
/// the API and the pages. The context's province filter scopes every read, so another province's project is
/// simply not found (404).
/// </summary>
public sealed class InvestmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>design/domain.md, Roles: programme records are W prov for the ProvinceOfficer only.</summary>
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer];

    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer, Roles.Inspector];

    /// <summary>100 000 billion VND: far above any provincial project, low enough to catch a typing slip of extra zeros.</summary>
    public const long MaxMoney = 100_000_000_000_000L;

    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const int MaxComponents = 100;

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public async Task<PagedResult<ProjectSummaryDto>> ListAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.InvestmentProjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // The model keeps no folded search column for projects; a province has a handful of them, so the
            // names are folded here (one bounded query) and the matching ids filter the page query.
            var words = TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var names = await rows.Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
            var matching = names.Where(n => words.All(w => TextSearch.Fold(n.Name).Contains(w, StringComparison.Ordinal))).Select(n => n.Id).ToList();
            rows = rows.Where(p => matching.Contains(p.Id));
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(p => p.Status == status);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, ProjectQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await rows.OrderByDescending(p => p.StartYear).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id,
                p.Name,
                InvestorName = p.Investor == null ? null : p.Investor.Name,
                p.TotalBudget,
                p.StartYear,
                p.EndYear,
                p.Status,
                Disbursed = p.Disbursements.Sum(d => (long?)d.Amount) ?? 0,
                ProvinceSlug = db.Provinces.Where(v => v.Id == p.ProvinceId).Select(v => v.Slug).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<ProjectSummaryDto>(
            [.. items.Select(p => new ProjectSummaryDto(p.Id, p.Name, p.InvestorName, p.TotalBudget, p.StartYear, p.EndYear, p.Status, p.Disbursed, Percent(p.Disbursed, p.TotalBudget), p.ProvinceSlug))],
            total, page, pageSize);
    }

    public async Task<ProjectDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, id, cancellationToken);
    }

    public async Task<Outcome<ProjectDto>> CreateAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, existing: null, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ProjectDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new InvestmentProject { Name = input.Name!.Trim(), ProvinceId = currentUser.ProvinceId, CreatedAt = now };
        Apply(project, input, now);
        db.InvestmentProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProjectDto>.Ok((await ReadAsync(db, project.Id, cancellationToken))!);
    }

    public async Task<Outcome<ProjectDto>> UpdateAsync(int id, ProjectInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.InvestmentProjects.Include(p => p.Components).Include(p => p.Disbursements).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return Outcome<ProjectDto>.NotFound();
        }

        var errors = await ValidateAsync(db, input, project, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ProjectDto>.Invalid(errors);
        }

        Apply(project, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProjectDto>.Ok((await ReadAsync(db, id, cancellationToken))!);
    }

    /// <summary>Records a year's disbursement (one row per year: a second one for the same year is a 409).</summary>
    public Task<Outcome<ProjectDto>> AddDisbursementAsync(int projectId, DisbursementInput input, CancellationToken cancellationToken = default) =>
        SaveDisbursementAsync(projectId, input.Year, input, isNew: true, cancellationToken);

    /// <summary>Changes the amount (or reason) of the disbursement of <paramref name="year"/>.</summary>
    public Task<Outcome<ProjectDto>> ChangeDisbursementAsync(int projectId, int year, DisbursementInput input, CancellationToken cancellationToken = default) =>
        SaveDisbursementAsync(projectId, year, input, isNew: false, cancellationToken);

    public async Task<Outcome<ProjectDto>> RemoveDisbursementAsync(int projectId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.InvestmentProjects.Include(p => p.Disbursements).FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        var row = project?.Disbursements.FirstOrDefault(d => d.Year == year);
        if (project is null || row is null)
        {
            return Outcome<ProjectDto>.NotFound();
        }

        project.Disbursements.Remove(row);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ProjectDto>.Ok((await ReadAsync(db, projectId, cancellationToken))!);
    }

    /// <summary>The organisations and directive documents of the user's scope, for the project form.</summary>
    public async Task<(List<PickOption> Organizations, List<PickOption> Documents)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != Core.Organizations.OrganizationKind.Enterprise)
            .OrderBy(o => o.Name).Select(o => new PickOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        var documents = await db.DirectiveDocuments.AsNoTracking()
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new PickOption(d.Id, d.Number + " – " + d.Subject)).ToListAsync(cancellationToken);
        return (organizations, documents);
    }

    public static decimal Percent(long part, long whole) =>
        whole <= 0 ? 0 : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private async Task<Outcome<ProjectDto>> SaveDisbursementAsync(int projectId, int? year, DisbursementInput input, bool isNew, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.InvestmentProjects.Include(p => p.Disbursements).FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return Outcome<ProjectDto>.NotFound();
        }

        var existing = year is { } y ? project.Disbursements.FirstOrDefault(d => d.Year == y) : null;
        if (!isNew && existing is null)
        {
            return Outcome<ProjectDto>.NotFound();
        }

        var errors = new FieldErrors();
        if (year is null)
        {
            errors.Add("year", text["Error.Required"]);
        }
        else if (year < project.StartYear - 1 || year > project.EndYear + 1)
        {
            // A year before or after the project can still see money (advance payment, final settlement); further is a slip.
            errors.Add("year", text["Investments.Error.DisbursementYear", project.StartYear - 1, project.EndYear + 1]);
        }

        Money(errors, "amount", input.Amount, required: true);
        FieldRules.OptionalText(errors, text, "overBudgetReason", input.OverBudgetReason, 1000);
        if (errors.Any)
        {
            return Outcome<ProjectDto>.Invalid(errors);
        }

        if (isNew && existing is not null)
        {
            return Outcome<ProjectDto>.Conflict("year", text["Investments.Error.DisbursementYearTaken", year!.Value]);
        }

        var amount = input.Amount!.Value;
        var cumulative = project.Disbursements.Where(d => d.Year != year).Sum(d => d.Amount) + amount;
        var reason = FieldRules.Blank(input.OverBudgetReason);
        if (cumulative > project.TotalBudget && reason is null)
        {
            // A warning, not a refusal: an adjusted decision may have raised the budget. The officer confirms with a reason.
            return Outcome<ProjectDto>.Unprocessable("overBudgetReason",
                text["Investments.Error.OverBudget", DisplayMoney(cumulative), DisplayMoney(project.TotalBudget), DisplayMoney(cumulative - project.TotalBudget)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            existing = new Disbursement { ProvinceId = project.ProvinceId, Year = year!.Value, CreatedAt = now };
            project.Disbursements.Add(existing);
        }

        existing.Amount = amount;
        existing.OverBudgetReason = cumulative > project.TotalBudget ? reason : null;
        project.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two requests raced past the check; the unique (project, year) index caught the second one.
            return Outcome<ProjectDto>.Conflict("year", text["Investments.Error.DisbursementYearTaken", year!.Value]);
        }

        return Outcome<ProjectDto>.Ok((await ReadAsync(db, projectId, cancellationToken))!);
    }

    private static string DisplayMoney(long amount) => DisplayFormat.Vnd(amount);

    private async Task<FieldErrors> ValidateAsync(AppDbContext db, ProjectInput input, InvestmentProject? existing, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "name", input.Name, 500);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, 4000);
        Money(errors, "totalBudget", input.TotalBudget, required: true);
        Year(errors, "startYear", input.StartYear);
        Year(errors, "endYear", input.EndYear);
        if (input.StartYear is { } start && input.EndYear is { } end && end < start)
        {
            errors.Add("endYear", text["Investments.Error.EndBeforeStart"]);
        }

        FieldRules.RequiredEnum<InvestmentProjectStatus>(errors, text, "status", input.Status);

        if (input.InvestorId is { } investorId && !await db.Organizations.AnyAsync(o => o.Id == investorId, cancellationToken))
        {
            errors.Add("investorId", text["Error.Organization.Unknown"]);
        }

        // The context filters documents by province: another province's decision is as unknown as a made-up id.
        foreach (var (field, documentId) in new[] { ("policyDocumentId", input.PolicyDocumentId), ("feasibilityDocumentId", input.FeasibilityDocumentId) })
        {
            if (documentId is { } docId && !await db.DirectiveDocuments.AnyAsync(d => d.Id == docId, cancellationToken))
            {
                errors.Add(field, text["Investments.Error.DocumentUnknown"]);
            }
        }

        var components = input.Components ?? [];
        if (components.Count > MaxComponents)
        {
            errors.Add("components", text["Investments.Error.TooManyComponents", MaxComponents]);
            return errors;
        }

        var knownIds = existing?.Components.Select(c => c.Id).ToHashSet() ?? [];
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var prefix = $"components[{i}]";
            FieldRules.RequireText(errors, text, $"{prefix}.name", c.Name, 500);
            FieldRules.RequireText(errors, text, $"{prefix}.unit", c.Unit, 50);
            if (c.Quantity is null)
            {
                errors.Add($"{prefix}.quantity", text["Error.Required"]);
            }
            else if (c.Quantity <= 0 || c.Quantity > 1_000_000)
            {
                errors.Add($"{prefix}.quantity", text["Investments.Error.Quantity"]);
            }

            Money(errors, $"{prefix}.budget", c.Budget, required: false);
            if (c.Id is { } componentId && !knownIds.Contains(componentId))
            {
                errors.Add($"{prefix}.id", text["Investments.Error.ComponentUnknown"]);
            }
        }

        // Saturating sum: thousands of absurd budgets must not overflow into a small number.
        var componentTotal = components.Where(c => c.Budget is > 0 and <= MaxMoney).Aggregate(0L, (sum, c) => Math.Min(sum + c.Budget!.Value, long.MaxValue / 2));
        if (input.TotalBudget is > 0 and <= MaxMoney && componentTotal > input.TotalBudget)
        {
            errors.Add("components", text["Investments.Error.ComponentsAboveTotal", DisplayMoney(componentTotal), DisplayMoney(input.TotalBudget.Value)]);
        }

        if (existing is not null)
        {
            var kept = components.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
            var removed = existing.Components.Where(c => !kept.Contains(c.Id)).Select(c => c.Id).ToList();
            if (removed.Count > 0 && await db.Equipment.AnyAsync(e => e.ComponentId != null && removed.Contains(e.ComponentId.Value), cancellationToken))
            {
                errors.Add("components", text["Investments.Error.ComponentInUse"]);
            }

            if (input.StartYear is { } s && input.EndYear is { } e && existing.Disbursements.Any(d => d.Year < s - 1 || d.Year > e + 1))
            {
                errors.Add("startYear", text["Investments.Error.YearsExcludeDisbursements"]);
            }
        }

        return errors;
    }

    private void Money(FieldErrors errors, string field, long? amount, bool required)
    {
        if (amount is null)
        {
            if (required)
            {
                errors.Add(field, text["Error.Required"]);
            }
        }
        else if (amount <= 0 || amount > MaxMoney)
        {
            errors.Add(field, text["Investments.Error.Money", DisplayMoney(MaxMoney)]);
        }
    }

    private void Year(FieldErrors errors, string field, int? year)
    {
        if (year is null)
        {
            errors.Add(field, text["Error.Required"]);
        }
        else if (year < MinYear || year > MaxYear)
        {
            errors.Add(field, text["Investments.Error.Year", MinYear, MaxYear]);
        }
    }

    private static void Apply(InvestmentProject project, ProjectInput input, DateTime now)
    {
        project.Name = input.Name!.Trim();
        project.InvestorId = input.InvestorId;
        project.PolicyDocumentId = input.PolicyDocumentId;
        project.FeasibilityDocumentId = input.FeasibilityDocumentId;
        project.TotalBudget = input.TotalBudget!.Value;
        project.StartYear = input.StartYear!.Value;
        project.EndYear = input.EndYear!.Value;
        project.Status = FieldRules.EnumByName<InvestmentProjectStatus>(input.Status)!.Value;
        project.Notes = FieldRules.Blank(input.Notes);
        project.UpdatedAt = now;

        var components = input.Components ?? [];
        var kept = components.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        project.Components.RemoveAll(c => !kept.Contains(c.Id));
        foreach (var c in components)
        {
            var row = c.Id is { } id ? project.Components.First(x => x.Id == id) : null;
            if (row is null)
            {
                row = new ProjectComponent { Name = c.Name!.Trim(), Unit = c.Unit!.Trim(), ProvinceId = project.ProvinceId };
                project.Components.Add(row);
            }

            row.Name = c.Name!.Trim();
            row.Unit = c.Unit!.Trim();
            row.Quantity = c.Quantity!.Value;
            row.Budget = c.Budget;
        }
    }

    private static async Task<ProjectDto?> ReadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var row = await db.InvestmentProjects.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            Project = p,
            InvestorName = p.Investor == null ? null : p.Investor.Name,
            Policy = p.PolicyDocument == null ? null : new DocumentRefDto(p.PolicyDocument.Id, p.PolicyDocument.Number, p.PolicyDocument.IssuedOn, p.PolicyDocument.Subject),
            Feasibility = p.FeasibilityDocument == null ? null : new DocumentRefDto(p.FeasibilityDocument.Id, p.FeasibilityDocument.Number, p.FeasibilityDocument.IssuedOn, p.FeasibilityDocument.Subject),
            Components = p.Components.OrderBy(c => c.Id).Select(c => new ComponentDto(c.Id, c.Name, c.Quantity, c.Unit, c.Budget)).ToList(),
            Disbursements = p.Disbursements.OrderBy(d => d.Year).Select(d => new { d.Year, d.Amount, d.OverBudgetReason }).ToList(),
            ProvinceSlug = db.Provinces.Where(v => v.Id == p.ProvinceId).Select(v => v.Slug).FirstOrDefault(),
        }).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var equipment = await db.Equipment.AsNoTracking().Where(e => e.ProjectId == id).OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new ProjectEquipmentDto(e.Id, e.Name, e.Quantity, e.Value, e.DeliveredOn, e.Status, e.Holder == null ? null : e.Holder.Name))
            .ToListAsync(cancellationToken);
        var p = row.Project;
        long running = 0;
        var disbursements = row.Disbursements.Select(d => new DisbursementDto(d.Year, d.Amount, running += d.Amount, d.OverBudgetReason)).ToList();
        var disbursed = running;
        return new ProjectDto(
            p.Id, p.Name, p.InvestorId, row.InvestorName, row.Policy, row.Feasibility, p.TotalBudget, p.StartYear, p.EndYear, p.Status, p.Notes,
            disbursed, p.TotalBudget - disbursed, Percent(disbursed, p.TotalBudget), row.Components, disbursements, equipment, row.ProvinceSlug,
            p.CreatedAt, p.UpdatedAt);
    }
}
