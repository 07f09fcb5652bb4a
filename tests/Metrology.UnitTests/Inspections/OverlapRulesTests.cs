using Metrology.Core.Inspections;
using Shouldly;

namespace Metrology.UnitTests.Inspections;

/// <summary>The coordination rule of Directive 20/CT-TTg on hand-made pairs of targets.</summary>
public class OverlapRulesTests
{
    private const InspectionContent Group2 = InspectionContent.Group2Instruments;
    private const InspectionContent Fuel = InspectionContent.FuelQuality;

    private static OverlapTarget T(int id, int agency, int organization, InspectionContent content, int from, int to) =>
        new(id, PlanId: agency * 100, agency, organization, content, from, to);

    [Theory]
    [InlineData(3, 5, 5, 7, true)]
    [InlineData(3, 4, 5, 6, false)]
    [InlineData(1, 12, 6, 6, true)]
    [InlineData(7, 7, 7, 7, true)]
    [InlineData(8, 9, 3, 7, false)]
    public void Month_ranges_are_inclusive_and_adjacent_months_do_not_overlap(int fromA, int toA, int fromB, int toB, bool overlap) =>
        OverlapRules.MonthsOverlap(fromA, toA, fromB, toB).ShouldBe(overlap);

    [Fact]
    public void Same_content_in_overlapping_months_is_the_stronger_flag_with_the_shared_content()
    {
        var pair = OverlapRules.Compare(T(20, 2, 9, Group2 | InspectionContent.PrepackagedGoods, 5, 6), T(10, 1, 9, Group2 | Fuel, 3, 5)).ShouldNotBeNull();

        pair.Kind.ShouldBe(OverlapKind.SameContentOverlappingPeriod);
        pair.SharedContent.ShouldBe(Group2);
        pair.First.TargetId.ShouldBe(10, "the lower id comes first");
        pair.Second.TargetId.ShouldBe(20);
    }

    [Fact]
    public void Different_content_in_the_same_months_is_only_the_same_year_flag() =>
        OverlapRules.Compare(T(1, 1, 9, Group2, 3, 4), T(2, 2, 9, Fuel, 3, 4)).ShouldNotBeNull().Kind.ShouldBe(OverlapKind.SameYear);

    [Fact]
    public void Same_content_in_adjacent_months_is_only_the_same_year_flag() =>
        OverlapRules.Compare(T(1, 1, 9, Group2, 3, 4), T(2, 2, 9, Group2, 5, 6)).ShouldNotBeNull().Kind.ShouldBe(OverlapKind.SameYear);

    [Fact]
    public void Different_organisations_or_the_same_agency_raise_no_flag()
    {
        OverlapRules.Compare(T(1, 1, 9, Group2, 3, 4), T(2, 2, 8, Group2, 3, 4)).ShouldBeNull();
        OverlapRules.Compare(T(1, 1, 9, Group2, 3, 4), T(2, 1, 9, Group2, 3, 4)).ShouldBeNull();
    }

    [Fact]
    public void Three_agencies_on_one_organisation_give_three_pairs_and_a_lone_target_none()
    {
        var pairs = OverlapRules.Find([T(1, 1, 9, Group2, 1, 2), T(2, 2, 9, Group2, 2, 3), T(3, 3, 9, Fuel, 2, 2), T(4, 1, 7, Group2, 1, 12)]);

        pairs.Select(p => (p.First.TargetId, p.Second.TargetId, p.Kind)).ShouldBe(
        [
            (1, 2, OverlapKind.SameContentOverlappingPeriod),
            (1, 3, OverlapKind.SameYear),
            (2, 3, OverlapKind.SameYear),
        ]);
    }

    [Theory]
    [InlineData(OverlapKind.SameYear, OverlapKind.SameYear, true)]
    [InlineData(OverlapKind.SameContentOverlappingPeriod, OverlapKind.SameYear, true)]
    [InlineData(OverlapKind.SameYear, OverlapKind.SameContentOverlappingPeriod, false)]
    public void A_resolution_settles_its_kind_and_a_stronger_one_settles_the_weaker(OverlapKind resolved, OverlapKind current, bool settles) =>
        OverlapRules.Settles(resolved, current).ShouldBe(settles);
}
