using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Inspections;

/// <summary>
/// Inspection plans, the overlap flags across agencies and their resolution by the province's coordinator.
/// Shared by the API and the pages. Every query runs through the tenant-filtered context, so another
/// province's plan is simply not there (404).
/// </summary>
public sealed class InspectionPlanService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Everyone who reads plans and flags (design/domain.md, Roles): not labs, not enterprises.</summary>
    public static readonly string[] ReaderRoles =
        [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer, Roles.Inspector];

    /// <summary>An inspector writes the plans of the agency of its account.</summary>
    public static readonly string[] WriterRoles = [Roles.Inspector];

    /// <summary>The province's officer coordinates the agencies and resolves the flags.</summary>
    public static readonly string[] CoordinatorRoles = [Roles.ProvinceOfficer];

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public bool CanWrite => currentUser.IsInRole(WriterRoles) && currentUser.OrganizationId is not null;

    public bool CanResolve => currentUser.IsInRole(CoordinatorRoles);

    public int? OwnAgencyId => currentUser.IsInRole(WriterRoles) ? currentUser.OrganizationId : null;

    public int CurrentYear => DisplayFormat.Today(clock).Year;

    public async Task<IReadOnlyList<InspectionPlanListItem>> ListAsync(int? year, int? agencyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.InspectionPlans.AsNoTracking();
        if (year is { } y)
        {
            rows = rows.Where(p => p.Year == y);
        }

        if (agencyId is { } a)
        {
            rows = rows.Where(p => p.AgencyId == a);
        }

        return await rows.OrderByDescending(p => p.Year).ThenBy(p => p.Agency!.Name).ThenBy(p => p.Id)
            .Select(p => new InspectionPlanListItem(p.Id, p.AgencyId, p.Agency!.Name, p.Year, p.Title, p.Kind, p.Status, p.Targets.Count, p.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<InspectionPlanDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, id, cancellationToken);
    }

    /// <summary>The agencies of the caller's scope, for filters and the statistics.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Agency)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Organisations a plan may target: any of the caller's province except the inspection agencies themselves.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TargetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Agency)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<Outcome<InspectionPlanDto>> CreateAsync(InspectionPlanInput input, CancellationToken cancellationToken = default)
    {
        if (OwnAgencyId is not { } agencyId || currentUser.ProvinceId is not { } provinceId)
        {
            return Outcome<InspectionPlanDto>.Forbidden(text["Inspections.Error.NoAgency"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, provinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<InspectionPlanDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new InspectionPlan
        {
            ProvinceId = provinceId,
            AgencyId = agencyId,
            Title = input.Title!.Trim(),
            Status = InspectionPlanStatus.Draft,
            CreatedAt = now,
        };
        Apply(plan, input, now);
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<InspectionPlanDto>.Ok((await LoadAsync(db, plan.Id, cancellationToken))!);
    }

    /// <summary>Changes a draft plan; targets are matched by organisation so their ids (and any resolutions) survive.</summary>
    public async Task<Outcome<InspectionPlanDto>> UpdateAsync(int id, InspectionPlanInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.InspectionPlans.Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Outcome<InspectionPlanDto>.NotFound();
        }

        if (plan.AgencyId != OwnAgencyId)
        {
            return Outcome<InspectionPlanDto>.Forbidden(text["Inspections.Error.OtherAgency"]);
        }

        if (plan.Status == InspectionPlanStatus.Approved)
        {
            return Outcome<InspectionPlanDto>.Unprocessable("status", text["Inspections.Error.PlanApproved"]);
        }

        var errors = await ValidateAsync(db, input, plan.ProvinceId!.Value, cancellationToken);
        if (errors.Any)
        {
            return Outcome<InspectionPlanDto>.Invalid(errors);
        }

        var removed = plan.Targets.Where(t => input.Targets!.All(n => n.OrganizationId != t.OrganizationId)).Select(t => t.Id).ToList();
        if (removed.Count > 0)
        {
            // Another agency's target merged into one we drop goes back to being its own inspection.
            await db.InspectionTargets.Where(t => t.MergedIntoTargetId != null && removed.Contains(t.MergedIntoTargetId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.MergedIntoTargetId, (int?)null), cancellationToken);
        }

        Apply(plan, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<InspectionPlanDto>.Ok((await LoadAsync(db, plan.Id, cancellationToken))!);
    }

    /// <summary>Records the head's approving decision (number, date, name) in the plan's legal basis and freezes the plan.</summary>
    public async Task<Outcome<InspectionPlanDto>> ApproveAsync(int id, PlanApprovalInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Outcome<InspectionPlanDto>.NotFound();
        }

        if (plan.AgencyId != OwnAgencyId)
        {
            return Outcome<InspectionPlanDto>.Forbidden(text["Inspections.Error.OtherAgency"]);
        }

        if (plan.Status == InspectionPlanStatus.Approved)
        {
            return Outcome<InspectionPlanDto>.Conflict("status", text["Inspections.Error.PlanApproved"]);
        }

        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "decisionNumber", input.DecisionNumber, 100);
        FieldRules.RequireText(errors, text, "approvedBy", input.ApprovedBy, 200);
        if (input.DecisionDate is not { } date)
        {
            errors.Add("decisionDate", text["Error.Required"]);
        }
        else if (date > DisplayFormat.Today(clock))
        {
            errors.Add("decisionDate", text["Inspections.Error.FutureDate"]);
        }

        var line = errors.Any ? string.Empty : text["Inspections.Plan.ApprovalLine", input.DecisionNumber!.Trim(), DisplayFormat.Date(input.DecisionDate), input.ApprovedBy!.Trim()].Value;
        var legalBasis = string.IsNullOrWhiteSpace(plan.LegalBasis) ? line : $"{plan.LegalBasis.TrimEnd()}\n{line}";
        if (!errors.Any && legalBasis.Length > 4000)
        {
            errors.Add("decisionNumber", text["Error.TooLong", 4000]);
        }

        if (errors.Any)
        {
            return Outcome<InspectionPlanDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        plan.LegalBasis = legalBasis;
        plan.Status = InspectionPlanStatus.Approved;
        plan.ApprovedAt = now;
        plan.ApprovedByEmail = currentUser.UserEmail;
        plan.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<InspectionPlanDto>.Ok((await LoadAsync(db, plan.Id, cancellationToken))!);
    }

    /// <summary>All flags of the year in the caller's scope (one query for the targets, one for the resolutions).</summary>
    public async Task<IReadOnlyList<OverlapDto>> OverlapsAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OverlapsAsync(db, year, planId: null, cancellationToken);
    }

    /// <summary>The matrix of the coordination view and the flags; the matrix is built from the same rows as the flags.</summary>
    public async Task<CoordinationView> CoordinationAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await CandidateTargetsAsync(db, year, planId: null, cancellationToken);
        var overlaps = await ToDtosAsync(db, rows, OverlapRules.Find(rows.Select(r => r.Target)), cancellationToken);
        var overlapping = overlaps.Where(o => o.Kind == OverlapKind.SameContentOverlappingPeriod && !o.Resolved)
            .SelectMany(o => new[] { o.First.TargetId, o.Second.TargetId }).ToHashSet();
        var matrix = rows.GroupBy(r => (r.Target.OrganizationId, r.OrganizationName))
            .OrderBy(g => g.Key.OrganizationName, StringComparer.Ordinal)
            .Select(g => new CoordinationRow(g.Key.OrganizationId, g.Key.OrganizationName, Enumerable.Range(1, 12).Select(month =>
            {
                var here = g.Where(r => r.Target.FromMonth <= month && month <= r.Target.ToMonth).ToList();
                var clash = here.Count(r => overlapping.Contains(r.Target.TargetId)) > 1;
                return new CoordinationCell(month, here.Select(r => r.AgencyShortName).Distinct().Order(StringComparer.Ordinal).ToList(), clash);
            }).ToList()))
            .ToList();
        return new CoordinationView(year, matrix, overlaps);
    }

    /// <summary>Records how a coordinator settled one flag: merge, move (validated) or justify (note required).</summary>
    public async Task<Outcome<OverlapDto>> ResolveAsync(OverlapResolutionInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (input.FirstTargetId is null)
        {
            errors.Add("firstTargetId", text["Error.Required"]);
        }

        if (input.SecondTargetId is null)
        {
            errors.Add("secondTargetId", text["Error.Required"]);
        }

        var action = FieldRules.EnumByName<OverlapAction>(input.Action);
        if (action is null)
        {
            errors.Add("action", string.IsNullOrWhiteSpace(input.Action)
                ? text["Error.Required"]
                : text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<OverlapAction>())]);
        }

        FieldRules.OptionalText(errors, text, "note", input.Note, 2000);
        if (action == OverlapAction.Justify && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add("note", text["Inspections.Error.JustifyNote"]);
        }

        if (errors.Any)
        {
            return Outcome<OverlapDto>.Invalid(errors);
        }

        var (firstId, secondId) = input.FirstTargetId < input.SecondTargetId
            ? (input.FirstTargetId!.Value, input.SecondTargetId!.Value)
            : (input.SecondTargetId!.Value, input.FirstTargetId!.Value);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var targets = await db.InspectionTargets.Include(t => t.Plan)
            .Where(t => t.Id == firstId || t.Id == secondId).ToListAsync(cancellationToken);
        var first = targets.FirstOrDefault(t => t.Id == firstId);
        var second = targets.FirstOrDefault(t => t.Id == secondId);
        if (first is null || second is null
            || OverlapRules.Compare(ToOverlapTarget(first), ToOverlapTarget(second)) is not { } pair
            || first.Plan!.Year != second.Plan!.Year)
        {
            return Outcome<OverlapDto>.NotFound();
        }

        var resolutions = await db.OverlapResolutions
            .Where(r => r.FirstTargetId == firstId && r.SecondTargetId == secondId).ToListAsync(cancellationToken);
        if (resolutions.Any(r => OverlapRules.Settles(r.Kind, pair.Kind)))
        {
            return Outcome<OverlapDto>.Conflict("firstTargetId", text["Inspections.Error.AlreadyResolved"]);
        }

        var changed = input.TargetId switch
        {
            null => action == OverlapAction.Merge ? second : null,
            var t when t == firstId => first,
            var t when t == secondId => second,
            _ => null,
        };
        if (action == OverlapAction.Move)
        {
            if (changed is null)
            {
                errors.Add("targetId", input.TargetId is null ? text["Error.Required"] : text["Inspections.Error.TargetNotInPair"]);
            }
            else
            {
                var other = changed == first ? second : first;
                CheckMonths(errors, "fromMonth", "toMonth", input.FromMonth, input.ToMonth);
                if (!errors.Any && OverlapRules.MonthsOverlap(input.FromMonth!.Value, input.ToMonth!.Value, other.FromMonth, other.ToMonth))
                {
                    errors.Add("fromMonth", text["Inspections.Error.MoveStillOverlaps", other.FromMonth, other.ToMonth]);
                }
            }
        }
        else if (action == OverlapAction.Merge && changed is null)
        {
            errors.Add("targetId", text["Inspections.Error.TargetNotInPair"]);
        }

        if (errors.Any)
        {
            return Outcome<OverlapDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (action == OverlapAction.Move)
        {
            changed!.FromMonth = input.FromMonth!.Value;
            changed.ToMonth = input.ToMonth!.Value;
        }
        else if (action == OverlapAction.Merge)
        {
            // The merged target joins the other agency's inspection: one visit, both agencies' content.
            changed!.MergedIntoTargetId = changed == first ? second.Id : first.Id;
        }

        db.OverlapResolutions.Add(new OverlapResolution
        {
            ProvinceId = first.ProvinceId,
            FirstTargetId = firstId,
            SecondTargetId = secondId,
            Kind = pair.Kind,
            Action = action!.Value,
            Note = FieldRules.Blank(input.Note) ?? string.Empty,
            ResolvedByEmail = currentUser.UserEmail,
            ResolvedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        var all = await OverlapsAsync(db, first.Plan.Year, first.PlanId, cancellationToken);
        return Outcome<OverlapDto>.Ok(all.First(o => o.First.TargetId == firstId && o.Second.TargetId == secondId));
    }

    private static async Task<InspectionPlanDto?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var plan = await db.InspectionPlans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                p.AgencyId,
                AgencyName = p.Agency!.Name,
                p.Year,
                p.Title,
                p.Kind,
                p.LegalBasis,
                p.Team,
                p.Status,
                p.ApprovedAt,
                p.ApprovedByEmail,
                p.CreatedAt,
                p.UpdatedAt,
                Targets = p.Targets.OrderBy(t => t.Organization!.Name).ThenBy(t => t.Id)
                    .Select(t => new { t.Id, t.OrganizationId, t.Organization!.Name, t.Content, t.FromMonth, t.ToMonth, t.MergedIntoTargetId })
                    .ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var overlaps = await OverlapsAsync(db, plan.Year, plan.Id, cancellationToken);
        return new InspectionPlanDto(
            plan.Id, plan.AgencyId, plan.AgencyName, plan.Year, plan.Title, plan.Kind, plan.LegalBasis, plan.Team, plan.Status, plan.ApprovedAt,
            plan.ApprovedByEmail,
            plan.Targets.Select(t => new InspectionTargetDto(t.Id, t.OrganizationId, t.Name, ContentFlags.Split(t.Content), t.FromMonth, t.ToMonth, t.MergedIntoTargetId)).ToList(),
            overlaps, plan.CreatedAt, plan.UpdatedAt);
    }

    private sealed record CandidateRow(OverlapTarget Target, string OrganizationName, string AgencyName, string AgencyShortName, string PlanTitle);

    /// <summary>
    /// The targets of the year whose organisation is in two or more agencies' plans: ONE query, the grouping
    /// done by the database (GROUP BY organisation HAVING MIN(agency) &lt;&gt; MAX(agency)), whatever the number of targets.
    /// With <paramref name="planId"/>, only organisations that plan targets.
    /// </summary>
    private static async Task<List<CandidateRow>> CandidateTargetsAsync(AppDbContext db, int year, int? planId, CancellationToken cancellationToken)
    {
        var ofYear = from t in db.InspectionTargets
                     join p in db.InspectionPlans on t.PlanId equals p.Id
                     where p.Year == year
                     select new { t.OrganizationId, p.AgencyId };
        var shared = ofYear.GroupBy(r => r.OrganizationId)
            .Where(g => g.Min(r => r.AgencyId) != g.Max(r => r.AgencyId))
            .Select(g => g.Key);
        var rows = db.InspectionTargets.AsNoTracking()
            .Where(t => t.Plan!.Year == year && shared.Contains(t.OrganizationId));
        if (planId is { } only)
        {
            rows = rows.Where(t => db.InspectionTargets.Any(x => x.PlanId == only && x.OrganizationId == t.OrganizationId));
        }

        var found = await rows
            .Select(t => new
            {
                t.Id,
                t.PlanId,
                t.Plan!.AgencyId,
                t.OrganizationId,
                t.Content,
                t.FromMonth,
                t.ToMonth,
                OrganizationName = t.Organization!.Name,
                AgencyName = t.Plan.Agency!.Name,
                PlanTitle = t.Plan.Title,
            })
            .ToListAsync(cancellationToken);
        return found.Select(r => new CandidateRow(
            new OverlapTarget(r.Id, r.PlanId, r.AgencyId, r.OrganizationId, r.Content, r.FromMonth, r.ToMonth),
            r.OrganizationName, r.AgencyName, AgencyNames.Abbreviate(r.AgencyName), r.PlanTitle)).ToList();
    }

    private static async Task<IReadOnlyList<OverlapDto>> OverlapsAsync(AppDbContext db, int year, int? planId, CancellationToken cancellationToken)
    {
        var rows = await CandidateTargetsAsync(db, year, planId, cancellationToken);
        var pairs = OverlapRules.Find(rows.Select(r => r.Target));
        if (planId is { } only)
        {
            pairs = pairs.Where(p => p.First.PlanId == only || p.Second.PlanId == only).ToList();
        }

        return await ToDtosAsync(db, rows, pairs, cancellationToken);
    }

    /// <summary>Names the pairs and attaches their resolutions (one query for all the year's resolutions).</summary>
    private static async Task<IReadOnlyList<OverlapDto>> ToDtosAsync(
        AppDbContext db, List<CandidateRow> rows, IReadOnlyList<OverlapPair> pairs, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return [];
        }

        var byId = rows.ToDictionary(r => r.Target.TargetId);
        var planIds = rows.Select(r => r.Target.PlanId).Distinct().ToList();
        var resolutions = await db.OverlapResolutions.AsNoTracking()
            .Where(r => db.InspectionTargets.Any(t => t.Id == r.FirstTargetId && planIds.Contains(t.PlanId)))
            .OrderByDescending(r => r.ResolvedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

        OverlapSide Side(OverlapTarget t)
        {
            var row = byId[t.TargetId];
            return new OverlapSide(t.TargetId, t.PlanId, row.PlanTitle, t.AgencyId, row.AgencyName, t.FromMonth, t.ToMonth);
        }

        return pairs.Select(p =>
        {
            var resolution = resolutions.FirstOrDefault(r => r.FirstTargetId == p.First.TargetId && r.SecondTargetId == p.Second.TargetId
                && OverlapRules.Settles(r.Kind, p.Kind));
            return new OverlapDto(
                p.First.OrganizationId, byId[p.First.TargetId].OrganizationName, p.Kind, Side(p.First), Side(p.Second),
                ContentFlags.Split(p.SharedContent),
                resolution is null ? null : new OverlapResolutionDto(resolution.Id, resolution.Action, resolution.Kind, resolution.Note, resolution.ResolvedByEmail, resolution.ResolvedAt));
        }).ToList();
    }

    private static OverlapTarget ToOverlapTarget(InspectionTarget t) =>
        new(t.Id, t.PlanId, t.Plan!.AgencyId, t.OrganizationId, t.Content, t.FromMonth, t.ToMonth);

    private static void Apply(InspectionPlan plan, InspectionPlanInput input, DateTime now)
    {
        plan.Year = input.Year!.Value;
        plan.Title = input.Title!.Trim();
        plan.Kind = FieldRules.EnumByName<InspectionKind>(input.Kind)!.Value;
        plan.LegalBasis = FieldRules.Blank(input.LegalBasis);
        plan.Team = FieldRules.Blank(input.Team);
        plan.UpdatedAt = now;
        var wanted = input.Targets ?? [];
        plan.Targets.RemoveAll(t => wanted.All(n => n.OrganizationId != t.OrganizationId));
        foreach (var target in wanted)
        {
            var row = plan.Targets.FirstOrDefault(t => t.OrganizationId == target.OrganizationId);
            if (row is null)
            {
                row = new InspectionTarget { ProvinceId = plan.ProvinceId, OrganizationId = target.OrganizationId!.Value };
                plan.Targets.Add(row);
            }

            row.Content = ContentFlags.Join(target.Content!.Select(c => FieldRules.EnumByName<InspectionContent>(c)!.Value));
            row.FromMonth = target.FromMonth!.Value;
            row.ToMonth = target.ToMonth!.Value;
        }
    }

    private async Task<FieldErrors> ValidateAsync(AppDbContext db, InspectionPlanInput input, int provinceId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (input.Year is not { } year)
        {
            errors.Add("year", text["Error.Required"]);
        }
        else if (year is < MinYear or > MaxYear)
        {
            errors.Add("year", text["Inspections.Error.Year", MinYear, MaxYear]);
        }

        FieldRules.RequireText(errors, text, "title", input.Title, 500);
        FieldRules.RequiredEnum<InspectionKind>(errors, text, "kind", input.Kind);
        FieldRules.OptionalText(errors, text, "legalBasis", input.LegalBasis, 4000);
        FieldRules.OptionalText(errors, text, "team", input.Team, 1000);

        var targets = input.Targets ?? [];
        var ids = targets.Where(t => t.OrganizationId is not null).Select(t => t.OrganizationId!.Value).Distinct().ToList();
        // One query for all the targets' organisations; another province's are not visible, so "unknown" too.
        var known = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.ProvinceId, o.Kind }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var seen = new HashSet<int>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var prefix = $"targets[{i}]";
            if (target.OrganizationId is not { } organizationId)
            {
                errors.Add($"{prefix}.organizationId", text["Error.Required"]);
            }
            else if (!known.TryGetValue(organizationId, out var organization) || organization.ProvinceId != provinceId)
            {
                errors.Add($"{prefix}.organizationId", text["Inspections.Error.TargetOutsideProvince"]);
            }
            else if (organization.Kind == OrganizationKind.Agency)
            {
                errors.Add($"{prefix}.organizationId", text["Inspections.Error.TargetIsAgency"]);
            }
            else if (!seen.Add(organizationId))
            {
                errors.Add($"{prefix}.organizationId", text["Inspections.Error.DuplicateTarget"]);
            }

            CheckContent(errors, $"{prefix}.content", target.Content);
            CheckMonths(errors, $"{prefix}.fromMonth", $"{prefix}.toMonth", target.FromMonth, target.ToMonth);
        }

        return errors;
    }

    /// <summary>Months 1-12, from &lt;= to: a plan's months always lie in its year, so that is the "period in the year" check.</summary>
    private void CheckMonths(FieldErrors errors, string fromField, string toField, int? from, int? to)
    {
        if (from is null)
        {
            errors.Add(fromField, text["Error.Required"]);
        }
        else if (from is < 1 or > 12)
        {
            errors.Add(fromField, text["Inspections.Error.Month"]);
        }

        if (to is null)
        {
            errors.Add(toField, text["Error.Required"]);
        }
        else if (to is < 1 or > 12)
        {
            errors.Add(toField, text["Inspections.Error.Month"]);
        }
        else if (from is >= 1 and <= 12 && to < from)
        {
            errors.Add(toField, text["Inspections.Error.MonthOrder"]);
        }
    }

    internal void CheckContent(FieldErrors errors, string field, List<string>? content)
    {
        if (content is null || content.Count == 0 || content.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(field, text["Error.Required"]);
        }
        else if (content.Any(c => FieldRules.EnumByName<InspectionContent>(c) is null or InspectionContent.None))
        {
            errors.Add(field, text["Error.Value.Unknown", string.Join(", ", ContentFlags.All)]);
        }
    }

}
