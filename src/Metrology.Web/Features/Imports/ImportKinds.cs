using Metrology.Core.Accounts;
using Metrology.Core.Imports;

namespace Metrology.Web.Features.Imports;

/// <summary>The kinds of import as the URL names them, and who may import each (design/domain.md, Roles).</summary>
public static class ImportKinds
{
    /// <summary>Whoever may write those records in their scope; another province's job is 404 whatever the role.</summary>
    public static IReadOnlyList<string> WriterRoles(ImportKind kind) => kind switch
    {
        ImportKind.Organizations => [Roles.SystemAdmin, Roles.ProvinceAdmin, Roles.ProvinceOfficer],
        ImportKind.Instruments => [Roles.SystemAdmin, Roles.ProvinceOfficer, Roles.LabOperator],
        ImportKind.Verifications => [Roles.SystemAdmin, Roles.LabOperator],
        ImportKind.InspectionPlans => [Roles.Inspector],
        _ => [],
    };

    /// <summary>Every role that may import something: the page and the job list are theirs.</summary>
    public static readonly string[] AnyWriterRoles = Enum.GetValues<ImportKind>().SelectMany(WriterRoles).Distinct().ToArray();

    public static string Slug(ImportKind kind) => kind switch
    {
        ImportKind.InspectionPlans => "inspection-plans",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"organizations", "inspection-plans" (or the member name in any case); null when unknown.</summary>
    public static ImportKind? FromSlug(string? slug) =>
        Enum.GetValues<ImportKind>().Select(k => (ImportKind?)k).FirstOrDefault(k =>
            string.Equals(Slug(k!.Value), slug, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Value.ToString(), slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The resource key of the kind's name ("Imports.Kind.Organizations").</summary>
    public static string LabelKey(ImportKind kind) => $"Imports.Kind.{kind}";
}
