using System.Text;
using Metrology.Core.Shared;

namespace Metrology.Web.Features.Inspections;

/// <summary>Short names for the coordination matrix, where a cell holds several agencies.</summary>
public static class AgencyNames
{
    /// <summary>
    /// Initials of the words but "và": "Thanh tra Sở Khoa học và Công nghệ Quảng Trị" gives "TTSKHCNQT"; enough to
    /// tell a province's few agencies apart in a cell (the full name is in the cell's tooltip).
    /// </summary>
    public static string Abbreviate(string name)
    {
        var folded = TextSearch.Fold(name);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = new StringBuilder();
        foreach (var word in words.Where(w => w != "va"))
        {
            initials.Append(char.ToUpperInvariant(word[0]));
        }

        var text = initials.ToString();
        return text.Length > 10 ? text[..10] : text;
    }
}
