using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Metrology.IntegrationTests.Reports;

/// <summary>
/// The app's pages by route, to check a link the app writes (a report figure's source): it must open a page, and each
/// filter in its query must be one that page reads ([SupplyParameterFromQuery]); a filter no page reads would show
/// the reader every record instead of the figure's.
/// </summary>
internal static partial class PageLinks
{
    private static readonly List<(Regex Route, string Template, Type Page)> Pages = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Route(r.Template), r.Template, t)))
        .ToList();

    /// <summary>The page the link opens (a literal route before one with parameters) and the query keys it reads.</summary>
    public static (string Template, IReadOnlyCollection<string> Reads) Resolve(string link)
    {
        var uri = new Uri(new Uri("http://app"), link);
        var page = Pages.Where(p => p.Route.IsMatch(uri.AbsolutePath)).OrderBy(p => p.Template.Count(c => c == '{')).FirstOrDefault();
        page.Page.ShouldNotBeNull($"No page has the route of {link}");
        var reads = page.Page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (p.GetCustomAttribute<SupplyParameterFromQueryAttribute>(), p.Name))
            .Where(p => p.Item1 is not null)
            .Select(p => p.Item1!.Name ?? p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (page.Template, reads);
    }

    public static void ShouldOpenAPageReadingItsFilters(string link)
    {
        var (template, reads) = Resolve(link);
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://app"), link).Query);
        foreach (var key in query.Keys)
        {
            reads.ShouldContain(key, $"{template} does not read \"{key}\" of {link}");
        }
    }

    private static Regex Route(string template) =>
        new("^" + Parameter().Replace(template.TrimEnd('/'), "[^/]+") + "/?$", RegexOptions.IgnoreCase);

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex Parameter();
}
