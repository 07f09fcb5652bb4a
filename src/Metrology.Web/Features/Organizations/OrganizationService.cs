using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Organizations;

/// <summary>
/// The organisation use cases, shared by the API endpoints and the Blazor pages so both enforce the
/// same rules. Every query runs through the tenant-filtered context: another province's rows are
/// simply not there (404), never "forbidden".
/// </summary>
public sealed class OrganizationService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Roles that may create, change and delete organisations (design/domain.md, Roles).</summary>
    public static readonly string[] WriterRoles = [Roles.SystemAdmin, Roles.ProvinceAdmin, Roles.ProvinceOfficer];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public async Task<PagedResult<OrganizationDto>> ListAsync(OrganizationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Organizations.AsNoTracking();
        // Every word must appear, in any order: "do luong dong ha" finds "Đo lường Thử nghiệm Đông Hà".
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(o => EF.Functions.Like(o.SearchText, pattern, "\\"));
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.ProvinceSlug))
        {
            rows = rows.Where(o => o.Province != null && o.Province.Slug == query.ProvinceSlug);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, OrganizationQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await Sort(rows, query.Sort)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedResult<OrganizationDto>(items, total, page, pageSize);
    }

    public async Task<OrganizationDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Outcome<OrganizationDto>> CreateAsync(OrganizationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (provinceId, errors) = await ValidateAsync(db, input, currentProvinceId: null, cancellationToken);
        if (errors.Any)
        {
            return Outcome<OrganizationDto>.Invalid(errors);
        }

        var taxCode = FieldRules.Blank(input.TaxCode);
        if (taxCode is not null && await TaxCodeTakenAsync(db, provinceId, taxCode, exceptId: null, cancellationToken))
        {
            return Outcome<OrganizationDto>.Conflict("taxCode", text["Error.TaxCode.Duplicate", taxCode]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organization = new Organization { Name = input.Name!.Trim(), CreatedAt = now };
        Apply(organization, input, provinceId, now);
        db.Organizations.Add(organization);
        return await SaveAsync(db, organization, taxCode, cancellationToken);
    }

    public async Task<Outcome<OrganizationDto>> UpdateAsync(int id, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return Outcome<OrganizationDto>.NotFound();
        }

        var (provinceId, errors) = await ValidateAsync(db, input, organization.ProvinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<OrganizationDto>.Invalid(errors);
        }

        var taxCode = FieldRules.Blank(input.TaxCode);
        if (taxCode is not null && await TaxCodeTakenAsync(db, provinceId, taxCode, exceptId: id, cancellationToken))
        {
            return Outcome<OrganizationDto>.Conflict("taxCode", text["Error.TaxCode.Duplicate", taxCode]);
        }

        Apply(organization, input, provinceId, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, organization, taxCode, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return Outcome<bool>.NotFound();
        }

        // Users are checked without the tenant filter: a user of any scope pointing here blocks the delete.
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.OrganizationId == id, cancellationToken))
        {
            return Outcome<bool>.Conflict("id", text["Error.Organization.InUse"]);
        }

        db.Organizations.Remove(organization);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private async Task<Outcome<OrganizationDto>> SaveAsync(AppDbContext db, Organization organization, string? taxCode, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (taxCode is not null)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return Outcome<OrganizationDto>.Conflict("taxCode", text["Error.TaxCode.Duplicate", taxCode]);
        }

        var saved = await db.Organizations.AsNoTracking().Where(o => o.Id == organization.Id).Select(ToDto).FirstAsync(cancellationToken);
        return Outcome<OrganizationDto>.Ok(saved);
    }

    private static void Apply(Organization organization, OrganizationInput input, int? provinceId, DateTime now)
    {
        organization.Name = input.Name!.Trim();
        organization.Kind = FieldRules.EnumByName<OrganizationKind>(input.Kind)!.Value;
        organization.TaxCode = FieldRules.Blank(input.TaxCode);
        organization.Address = FieldRules.Blank(input.Address);
        organization.Phone = FieldRules.Blank(input.Phone);
        organization.Email = FieldRules.Blank(input.Email);
        organization.ProvinceId = provinceId;
        organization.UpdatedAt = now;
        organization.RefreshSearchText();
    }

    /// <param name="currentProvinceId">On update, the organisation's province, kept when a national user sends no province.</param>
    private async Task<(int? ProvinceId, FieldErrors Errors)> ValidateAsync(AppDbContext db, OrganizationInput input, int? currentProvinceId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "name", input.Name, Organization.NameMaxLength);
        OrganizationKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", text["Error.Required"]);
        }
        else if (FieldRules.EnumByName<OrganizationKind>(input.Kind) is { } parsed)
        {
            kind = parsed;
        }
        else
        {
            errors.Add("kind", text["Error.Kind.Unknown", string.Join(", ", Enum.GetNames<OrganizationKind>())]);
        }

        var taxCode = FieldRules.Blank(input.TaxCode);
        var problem = TaxCode.Check(taxCode);
        if (problem == TaxCodeProblem.Empty)
        {
            if (kind == OrganizationKind.Enterprise)
            {
                errors.Add("taxCode", text["Error.TaxCode.Empty"]);
            }
        }
        else if (taxCode!.Length > TaxCode.MaxLength)
        {
            errors.Add("taxCode", text["Error.TaxCode.Format"]);
        }
        else if (problem != TaxCodeProblem.None)
        {
            errors.Add("taxCode", text[$"Error.TaxCode.{problem}"]);
        }

        FieldRules.OptionalText(errors, text, "address", input.Address, Organization.AddressMaxLength);
        FieldRules.OptionalPhone(errors, text, "phone", input.Phone, Organization.PhoneMaxLength);
        FieldRules.OptionalEmail(errors, text, "email", input.Email, Organization.EmailMaxLength);

        int? provinceId = currentProvinceId;
        if (currentUser.ProvinceId is { } ownProvince)
        {
            provinceId = ownProvince;
            var slug = FieldRules.Blank(input.ProvinceSlug);
            if (slug is not null && !string.Equals(slug, currentUser.ProvinceSlug, StringComparison.Ordinal))
            {
                errors.Add("provinceSlug", text["Error.Province.NotYours"]);
            }
        }
        else if (FieldRules.Blank(input.ProvinceSlug) is { } slug)
        {
            provinceId = await FieldRules.ProvinceIdAsync(db, errors, text, slug, cancellationToken);
        }

        return (provinceId, errors);
    }

    private static async Task<bool> TaxCodeTakenAsync(AppDbContext db, int? provinceId, string taxCode, int? exceptId, CancellationToken cancellationToken) =>
        await db.Organizations.IgnoreQueryFilters()
            .AnyAsync(o => o.ProvinceId == provinceId && o.TaxCode == taxCode && o.Id != exceptId, cancellationToken);

    private static IQueryable<Organization> Sort(IQueryable<Organization> rows, string? sort) => sort switch
    {
        "-name" => rows.OrderByDescending(o => o.Name).ThenByDescending(o => o.Id),
        "kind" => rows.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Id),
        "-kind" => rows.OrderByDescending(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Id),
        "taxCode" => rows.OrderBy(o => o.TaxCode).ThenBy(o => o.Id),
        "-taxCode" => rows.OrderByDescending(o => o.TaxCode).ThenBy(o => o.Id),
        "createdAt" => rows.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id),
        "-createdAt" => rows.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id),
        _ => rows.OrderBy(o => o.Name).ThenBy(o => o.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<Organization, OrganizationDto>> ToDto = o => new OrganizationDto(
        o.Id, o.Name, o.Kind, o.TaxCode, o.Address, o.Phone, o.Email,
        o.Province == null ? null : o.Province.Slug,
        o.Province == null ? null : o.Province.NameVi,
        o.CreatedAt, o.UpdatedAt);
}
