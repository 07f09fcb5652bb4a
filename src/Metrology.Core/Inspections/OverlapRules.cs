namespace Metrology.Core.Inspections;

/// <summary>One plan target as the overlap rule needs it: whose plan, which organisation, what and when.</summary>
public sealed record OverlapTarget(
    int TargetId, int PlanId, int AgencyId, int OrganizationId, InspectionContent Content, int FromMonth, int ToMonth);

/// <summary>Two targets of different agencies' plans for the same organisation (first id &lt; second id).</summary>
public sealed record OverlapPair(OverlapTarget First, OverlapTarget Second, OverlapKind Kind, InspectionContent SharedContent);

/// <summary>
/// The coordination rule of Directive 20/CT-TTg (design/domain.md): an organisation is inspected at most once a
/// year, so two agencies planning the same organisation in a year is a flag (kind a); when they also share a
/// content in overlapping months it is the stronger flag (kind b). One flag per pair of targets, the stronger kind.
/// </summary>
public static class OverlapRules
{
    /// <summary>Month ranges are inclusive: 3-5 and 5-7 overlap (May), 3-4 and 5-6 do not (adjacent).</summary>
    public static bool MonthsOverlap(int fromA, int toA, int fromB, int toB) => fromA <= toB && fromB <= toA;

    /// <summary>The flags among <paramref name="targets"/> (all of one province and year), ordered by organisation then ids.</summary>
    public static IReadOnlyList<OverlapPair> Find(IEnumerable<OverlapTarget> targets)
    {
        var pairs = new List<OverlapPair>();
        foreach (var group in targets.GroupBy(t => t.OrganizationId).OrderBy(g => g.Key))
        {
            var ordered = group.OrderBy(t => t.TargetId).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    if (Compare(ordered[i], ordered[j]) is { } pair)
                    {
                        pairs.Add(pair);
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>The flag between two targets, or null when there is none (same agency: one agency's own plans are its business).</summary>
    public static OverlapPair? Compare(OverlapTarget a, OverlapTarget b)
    {
        if (a.OrganizationId != b.OrganizationId || a.AgencyId == b.AgencyId || a.TargetId == b.TargetId)
        {
            return null;
        }

        var (first, second) = a.TargetId < b.TargetId ? (a, b) : (b, a);
        var shared = first.Content & second.Content;
        var kind = shared != InspectionContent.None && MonthsOverlap(first.FromMonth, first.ToMonth, second.FromMonth, second.ToMonth)
            ? OverlapKind.SameContentOverlappingPeriod
            : OverlapKind.SameYear;
        return new OverlapPair(first, second, kind, shared);
    }

    /// <summary>
    /// Whether a recorded resolution still settles the flag: the same kind, or a resolution of the stronger kind
    /// (a move takes a "same content, overlapping months" flag down to "same year", which the move settled too).
    /// </summary>
    public static bool Settles(OverlapKind resolved, OverlapKind current) =>
        resolved == current || resolved == OverlapKind.SameContentOverlappingPeriod;
}
