using System.Net.Mail;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Infrastructure;

/// <summary>The small checks every form shares: required text, length limits, e-mail and phone shape.</summary>
public static class FieldRules
{
    public static void RequireText(FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, text["Error.Required"]);
        }
        else
        {
            OptionalText(errors, text, field, value, maxLength);
        }
    }

    public static void OptionalText(FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(field, text["Error.TooLong", maxLength]);
        }
    }

    /// <summary>An absolute http or https address, or nothing: other schemes (javascript:, file:, ftp:) could harm or mislead a reader who clicks.</summary>
    public static void OptionalHttpUrl(FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        var url = Blank(value);
        if (url is null)
        {
            return;
        }

        if (url.Length > maxLength)
        {
            errors.Add(field, text["Error.TooLong", maxLength]);
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(field, text["Error.Url.HttpOnly"]);
        }
    }

    public static void OptionalEmail(FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, text["Error.TooLong", maxLength]);
        }
        else if (!IsEmail(trimmed))
        {
            errors.Add(field, text["Error.Email.Format"]);
        }
    }

    public static void OptionalPhone(FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, text["Error.TooLong", maxLength]);
        }
        else if (!trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')'))
        {
            errors.Add(field, text["Error.Phone.Format"]);
        }
    }

    /// <summary>The member named <paramref name="value"/> (any case), or null. By name only: Enum.TryParse would also take "2" or "A, B".</summary>
    public static TEnum? EnumByName<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(k => (TEnum?)k)
            .FirstOrDefault(k => string.Equals(k.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A required choice given by member name: "required" when blank, "use one of ..." naming the members when
    /// unknown (both on <paramref name="field"/>); the member otherwise.
    /// </summary>
    public static TEnum? RequiredEnum<TEnum>(FieldErrors errors, IStringLocalizer text, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, text["Error.Required"]);
            return null;
        }

        return OptionalEnum<TEnum>(errors, text, field, value);
    }

    /// <summary>An optional choice (e.g. a list filter): null when blank; an unknown name is an error naming the members.</summary>
    public static TEnum? OptionalEnum<TEnum>(FieldErrors errors, IStringLocalizer text, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var member = EnumByName<TEnum>(value);
        if (member is null)
        {
            errors.Add(field, text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<TEnum>())]);
        }

        return member;
    }

    /// <summary>Null for blank input, the trimmed text otherwise: optional fields store null, not "".</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The id of the province with this slug, or null with an error on "provinceSlug".</summary>
    /// <summary>
    /// The province a new programme record belongs to: its writer's own, since only provincial users write them
    /// (design/domain.md). Naming another province is an error rather than silently ignored.
    /// </summary>
    public static int? ProvinceOfNewRecord(FieldErrors errors, IStringLocalizer text, CurrentUser user, string? provinceSlug)
    {
        if (user.ProvinceId is not { } own)
        {
            errors.Add("provinceSlug", text["Error.Province.ForRecord"]);
            return null;
        }

        if (Blank(provinceSlug) is { } slug && !string.Equals(slug, user.ProvinceSlug, StringComparison.Ordinal))
        {
            errors.Add("provinceSlug", text["Error.Province.NotYours"]);
        }

        return own;
    }

    public static async Task<int?> ProvinceIdAsync(AppDbContext db, FieldErrors errors, IStringLocalizer text, string slug, CancellationToken cancellationToken)
    {
        var provinceId = await db.Provinces.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (provinceId is null)
        {
            // Echo at most 60 characters of what the client sent.
            errors.Add("provinceSlug", text["Error.Province.Unknown", slug.Length > 60 ? slug[..60] : slug]);
        }

        return provinceId;
    }

    /// <summary>
    /// The organisation <paramref name="id"/> as the caller's scope sees it (another province's is "unknown"),
    /// or null with an error on <paramref name="field"/>: required, unknown, or not a verification body when
    /// <paramref name="mustBeBody"/>.
    /// </summary>
    public static async Task<Organization?> OrganizationAsync(
        AppDbContext db, FieldErrors errors, IStringLocalizer text, string field, int? id, bool mustBeBody, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            errors.Add(field, text["Error.Required"]);
            return null;
        }

        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            errors.Add(field, text["Error.Organization.Unknown"]);
        }
        else if (mustBeBody && organization.Kind != OrganizationKind.VerificationBody)
        {
            errors.Add(field, text["Designation.Error.NotABody"]);
            return null;
        }

        return organization;
    }

    /// <summary>A plain address "local@domain" with no display name or angle brackets.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
