using Metrology.Core.Instruments;
using Shouldly;

namespace Metrology.UnitTests.Instruments;

public class Group2InstrumentTypeTests
{
    private static Group2InstrumentType Row(DateOnly? from, DateOnly? to) => new()
    {
        Code = "electricity-meter-1p-induction",
        QuantityGroupVi = "Điện",
        QuantityGroupEn = "Electrical",
        NameVi = "Công tơ điện xoay chiều 1 pha kiểu cảm ứng",
        NameEn = "AC electricity meter, single-phase, induction",
        Source = "TT07/2019",
        EffectiveFrom = from,
        EffectiveTo = to,
    };

    [Fact]
    public void A_row_removed_by_circular_03_2024_applies_up_to_14_october_2024_only()
    {
        var row = Row(null, new DateOnly(2024, 10, 14));
        row.IsInForceOn(new DateOnly(2024, 10, 14)).ShouldBeTrue();
        row.IsInForceOn(new DateOnly(2024, 10, 15)).ShouldBeFalse();
    }

    [Fact]
    public void A_row_added_by_a_circular_applies_from_its_effective_date()
    {
        var row = Row(new DateOnly(2024, 10, 15), null);
        row.IsInForceOn(new DateOnly(2024, 10, 14)).ShouldBeFalse();
        row.IsInForceOn(new DateOnly(2024, 10, 15)).ShouldBeTrue();
        row.IsInForceOn(new DateOnly(2030, 1, 1)).ShouldBeTrue();
    }
}
