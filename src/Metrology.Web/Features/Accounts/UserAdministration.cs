using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Accounts;

public sealed class UserInput
{
    public string? Email { get; set; }

    /// <summary>Required on create; on update, a non-empty value resets the password.</summary>
    public string? Password { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }

    public string? ProvinceSlug { get; set; }

    public int? OrganizationId { get; set; }

    /// <summary>On update: true locks the account indefinitely, false unlocks it.</summary>
    public bool? Locked { get; set; }
}

public sealed record UserDto(
    string Id, string Email, string? FullName, string Role, string? ProvinceSlug, string? ProvinceName,
    int? OrganizationId, string? OrganizationName, DateTimeOffset? LockoutEnd, DateTime CreatedAt)
{
    public bool Locked => LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
}

/// <summary>
/// User management for SystemAdmin (any user) and ProvinceAdmin (users of their own province, never
/// national roles). Shared by /api/v1/admin/users and the admin pages.
/// </summary>
public sealed class UserAdministration(
    UserManager<AppUser> userManager,
    AppDbContext db,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public static readonly string[] AdminRoles = [Roles.SystemAdmin, Roles.ProvinceAdmin];

    public async Task<PagedResult<UserDto>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var rows = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            rows = rows.Where(u => u.NormalizedEmail!.Contains(term) || (u.FullName != null && u.FullName.Contains(search.Trim())));
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var total = await rows.CountAsync(cancellationToken);
        var items = await Project(rows.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedResult<UserDto>(items, total, page, pageSize);
    }

    public Task<UserDto?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Project(db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<UserDto>> CreateAsync(UserInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "email", input.Email, 256);
        if (!errors.Any && !FieldRules.IsEmail(input.Email!.Trim()))
        {
            errors.Add("email", text["Error.Email.Format"]);
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", text["Error.Required"]);
        }

        var scope = await ValidateScopeAsync(input, errors, cancellationToken);
        if (errors.Any)
        {
            return Outcome<UserDto>.Invalid(errors);
        }

        var email = input.Email!.Trim();
        var normalizedEmail = userManager.NormalizeEmail(email);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return Outcome<UserDto>.Conflict("email", text["Error.Email.Taken", email]);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = FieldRules.Blank(input.FullName),
            Role = scope.Role,
            ProvinceId = scope.ProvinceId,
            OrganizationId = scope.OrganizationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };

        // The user row, its role and its audit lines commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Outcome<UserDto>.Invalid(IdentityErrors(created));
        }

        var roleAdded = await userManager.AddToRoleAsync(user, scope.Role);
        if (!roleAdded.Succeeded)
        {
            return Outcome<UserDto>.Invalid(IdentityErrors(roleAdded));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<UserDto>.Ok((await GetAsync(user.Id, cancellationToken))!);
    }

    public async Task<Outcome<UserDto>> UpdateAsync(string id, UserInput input, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Outcome<UserDto>.NotFound();
        }

        var errors = new FieldErrors();
        var scope = await ValidateScopeAsync(input, errors, cancellationToken);
        FieldRules.OptionalText(errors, text, "fullName", input.FullName, AppUser.FullNameMaxLength);
        if (errors.Any)
        {
            return Outcome<UserDto>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!string.IsNullOrEmpty(input.Password))
        {
            var validation = await ValidatePasswordAsync(user, input.Password);
            if (validation is not null)
            {
                return Outcome<UserDto>.Invalid(validation);
            }

            user.PasswordHash = userManager.PasswordHasher.HashPassword(user, input.Password);
        }

        if (!string.Equals(user.Role, scope.Role, StringComparison.Ordinal))
        {
            await userManager.RemoveFromRolesAsync(user, await userManager.GetRolesAsync(user));
            await userManager.AddToRoleAsync(user, scope.Role);
        }

        user.FullName = FieldRules.Blank(input.FullName) ?? user.FullName;
        user.Role = scope.Role;
        user.ProvinceId = scope.ProvinceId;
        user.OrganizationId = scope.OrganizationId;
        if (input.Locked is { } locked)
        {
            user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
            user.AccessFailedCount = 0;
        }

        // A new security stamp signs the user out everywhere, so new rights or a lock apply at once.
        var updated = await userManager.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Outcome<UserDto>.Invalid(IdentityErrors(updated));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<UserDto>.Ok((await GetAsync(user.Id, cancellationToken))!);
    }

    private async Task<FieldErrors?> ValidatePasswordAsync(AppUser user, string password)
    {
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, password);
            if (!result.Succeeded)
            {
                return IdentityErrors(result);
            }
        }

        return null;
    }

    private sealed record Scope(string Role, int? ProvinceId, int? OrganizationId);

    private async Task<Scope> ValidateScopeAsync(UserInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var role = Roles.Canonical(input.Role);
        if (role is null)
        {
            errors.Add("role", string.IsNullOrWhiteSpace(input.Role) ? text["Error.Required"] : text["Error.Role.Unknown", string.Join(", ", Roles.All)]);
            return new Scope(string.Empty, null, null);
        }

        var actingAsSystemAdmin = currentUser.IsInRole(Roles.SystemAdmin);
        if (!actingAsSystemAdmin && Roles.IsNational(role))
        {
            errors.Add("role", text["Error.Role.NotAllowed"]);
        }

        int? provinceId = null;
        var slug = FieldRules.Blank(input.ProvinceSlug);
        if (Roles.IsNational(role))
        {
            if (slug is not null)
            {
                errors.Add("provinceSlug", text["Error.Province.NotForRole"]);
            }
        }
        else if (!actingAsSystemAdmin)
        {
            provinceId = currentUser.ProvinceId;
            if (slug is not null && !string.Equals(slug, currentUser.ProvinceSlug, StringComparison.Ordinal))
            {
                errors.Add("provinceSlug", text["Error.Province.NotYours"]);
            }
        }
        else if (slug is null)
        {
            errors.Add("provinceSlug", text["Error.Province.Required"]);
        }
        else
        {
            provinceId = await FieldRules.ProvinceIdAsync(db, errors, text, slug, cancellationToken);
        }

        int? organizationId = null;
        // An inspector may be attached to its agency (inspection plans and records are written per agency).
        if (Roles.NeedsOrganization(role) || (role == Roles.Inspector && input.OrganizationId is not null))
        {
            var expectedKind = role switch
            {
                Roles.LabOperator => OrganizationKind.VerificationBody,
                Roles.Inspector => OrganizationKind.Agency,
                _ => OrganizationKind.Enterprise,
            };
            if (input.OrganizationId is not { } orgId)
            {
                errors.Add("organizationId", text["Error.Organization.Required"]);
            }
            else
            {
                var organization = await db.Organizations.Where(o => o.Id == orgId)
                    .Select(o => new { o.Kind, o.ProvinceId }).FirstOrDefaultAsync(cancellationToken);
                if (organization is null || (provinceId is not null && organization.ProvinceId != provinceId))
                {
                    errors.Add("organizationId", text["Error.Organization.Unknown"]);
                }
                else if (organization.Kind != expectedKind)
                {
                    errors.Add("organizationId", text["Error.Organization.WrongKind", text[$"Kind.{expectedKind}"]]);
                }
                else
                {
                    organizationId = orgId;
                }
            }
        }
        else if (input.OrganizationId is not null)
        {
            errors.Add("organizationId", text["Error.Organization.NotForRole"]);
        }

        return new Scope(role, provinceId, organizationId);
    }

    private FieldErrors IdentityErrors(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            if (error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                errors.Add("password", $"{text["Error.Password.Weak"]} ({error.Description})");
            }
            else if (error.Code is "DuplicateEmail" or "DuplicateUserName")
            {
                errors.Add("email", text["Error.Email.Taken", error.Description]);
            }
            else
            {
                errors.Add(error.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user", error.Description);
            }
        }

        return errors;
    }

    private static IQueryable<UserDto> Project(IQueryable<AppUser> users) => users.Select(u => new UserDto(
        u.Id, u.Email!, u.FullName, u.Role,
        u.Province == null ? null : u.Province.Slug,
        u.Province == null ? null : u.Province.NameVi,
        u.OrganizationId,
        u.Organization == null ? null : u.Organization.Name,
        u.LockoutEnd,
        u.CreatedAt));
}
