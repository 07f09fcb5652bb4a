using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Investments;

/// <summary>
/// Equipment bought for the province (usually by an investment project). design/domain.md, Roles,
/// "standards, equipment": the ProvinceOfficer writes the province's; a LabOperator reads the province's and
/// writes only what its own body holds; the Inspector reads (inspection equipment is flagged ForInspection).
/// </summary>
public sealed class EquipmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer, Roles.LabOperator];

    public static readonly string[] ReaderRoles = [.. WriterRoles, Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.Inspector];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public bool IsLabOperator => currentUser.IsInRole(Roles.LabOperator);

    /// <summary>Whether the user may change this row: an officer any in scope, a lab only what its body holds.</summary>
    public bool CanChange(EquipmentDto equipment) =>
        currentUser.IsInRole(Roles.ProvinceOfficer) || (IsLabOperator && equipment.HolderId is not null && equipment.HolderId == currentUser.OrganizationId);

    public async Task<PagedResult<EquipmentDto>> ListAsync(EquipmentQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Equipment.AsNoTracking();
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
        }

        if (query.ProjectId is { } projectId)
        {
            rows = rows.Where(e => e.ProjectId == projectId);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(e => e.Status == status);
        }

        if (query.HolderId is { } holderId)
        {
            rows = rows.Where(e => e.HolderId == holderId);
        }

        if (query.ForInspection is { } forInspection)
        {
            rows = rows.Where(e => e.ForInspection == forInspection);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, EquipmentQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await Project(db, rows.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<EquipmentDto>(items, total, page, pageSize);
    }

    public async Task<EquipmentDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.Equipment.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Outcome<EquipmentDto>> CreateAsync(EquipmentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<EquipmentDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var equipment = new Equipment { Name = input.Name!.Trim(), ProvinceId = currentUser.ProvinceId, CreatedAt = now };
        Apply(equipment, input, now);
        db.Equipment.Add(equipment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<EquipmentDto>.Ok((await GetAsync(equipment.Id, cancellationToken))!);
    }

    public async Task<Outcome<EquipmentDto>> UpdateAsync(int id, EquipmentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var equipment = await db.Equipment.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (equipment is null)
        {
            return Outcome<EquipmentDto>.NotFound();
        }

        // The lab reads the province's equipment, so another body's row exists for it: changing it is forbidden, not unknown.
        if (IsLabOperator && equipment.HolderId != currentUser.OrganizationId)
        {
            return Outcome<EquipmentDto>.Forbidden(text["Equipment.Error.NotYours"]);
        }

        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<EquipmentDto>.Invalid(errors);
        }

        Apply(equipment, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<EquipmentDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>Choices for the form and the filters: projects with their components, and holders (the lab: only itself).</summary>
    public async Task<EquipmentChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var projects = await db.InvestmentProjects.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Name)
            .Select(p => new PickOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        var components = await db.Set<ProjectComponent>().AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new ComponentOption(c.Id, c.ProjectId, c.Name)).ToListAsync(cancellationToken);
        var holders = db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Enterprise);
        if (IsLabOperator)
        {
            var own = currentUser.OrganizationId ?? -1;
            holders = holders.Where(o => o.Id == own);
        }

        var holderList = await holders.OrderBy(o => o.Name).Select(o => new PickOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new EquipmentChoices(projects, components, holderList);
    }

    private async Task<FieldErrors> ValidateAsync(AppDbContext db, EquipmentInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "name", input.Name, 500);
        FieldRules.OptionalText(errors, text, "location", input.Location, 300);
        if (input.Quantity is null)
        {
            errors.Add("quantity", text["Error.Required"]);
        }
        else if (input.Quantity <= 0 || input.Quantity > 1_000_000)
        {
            errors.Add("quantity", text["Investments.Error.Quantity"]);
        }

        if (input.Value is null)
        {
            errors.Add("value", text["Error.Required"]);
        }
        else if (input.Value < 0 || input.Value > InvestmentService.MaxMoney)
        {
            errors.Add("value", text["Investments.Error.Money", DisplayFormat.Vnd(InvestmentService.MaxMoney)]);
        }

        if (input.DeliveredOn is { } delivered && delivered > DisplayFormat.Today(clock))
        {
            errors.Add("deliveredOn", text["Equipment.Error.DeliveredInFuture"]);
        }

        FieldRules.RequiredEnum<EquipmentStatus>(errors, text, "status", input.Status);

        if (input.ProjectId is { } projectId && !await db.InvestmentProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            errors.Add("projectId", text["Equipment.Error.ProjectUnknown"]);
        }

        if (input.ComponentId is { } componentId)
        {
            if (input.ProjectId is null)
            {
                errors.Add("componentId", text["Equipment.Error.ComponentWithoutProject"]);
            }
            else if (!await db.Set<ProjectComponent>().AnyAsync(c => c.Id == componentId && c.ProjectId == input.ProjectId, cancellationToken))
            {
                errors.Add("componentId", text["Equipment.Error.ComponentNotOfProject"]);
            }
        }

        if (IsLabOperator)
        {
            // A lab records only what its own body holds, whatever holder it sends.
            input.HolderId = currentUser.OrganizationId;
        }

        if (input.HolderId is { } holderId && !await db.Organizations.AnyAsync(o => o.Id == holderId, cancellationToken))
        {
            errors.Add("holderId", text["Error.Organization.Unknown"]);
        }

        return errors;
    }

    private static void Apply(Equipment equipment, EquipmentInput input, DateTime now)
    {
        equipment.ProjectId = input.ProjectId;
        equipment.ComponentId = input.ComponentId;
        equipment.Name = input.Name!.Trim();
        equipment.Quantity = input.Quantity!.Value;
        equipment.Value = input.Value!.Value;
        equipment.DeliveredOn = input.DeliveredOn;
        equipment.Location = FieldRules.Blank(input.Location);
        equipment.HolderId = input.HolderId;
        equipment.Status = FieldRules.EnumByName<EquipmentStatus>(input.Status)!.Value;
        equipment.ForInspection = input.ForInspection;
        equipment.UpdatedAt = now;
        equipment.RefreshSearchText();
    }

    private static IQueryable<EquipmentDto> Project(AppDbContext db, IQueryable<Equipment> rows) => rows.Select(e => new EquipmentDto(
        e.Id,
        e.ProjectId,
        e.Project == null ? null : e.Project.Name,
        e.ComponentId,
        db.Set<ProjectComponent>().Where(c => c.Id == e.ComponentId).Select(c => c.Name).FirstOrDefault(),
        e.Name,
        e.Quantity,
        e.Value,
        e.DeliveredOn,
        e.Location,
        e.HolderId,
        e.Holder == null ? null : e.Holder.Name,
        e.Status,
        e.ForInspection,
        db.Provinces.Where(v => v.Id == e.ProvinceId).Select(v => v.Slug).FirstOrDefault(),
        e.CreatedAt,
        e.UpdatedAt));
}

public sealed record ComponentOption(int Id, int ProjectId, string Name);

public sealed record EquipmentChoices(List<PickOption> Projects, List<ComponentOption> Components, List<PickOption> Holders);
