using Metrology.Core.Instruments;
using Shouldly;

namespace Metrology.UnitTests.Instruments;

/// <summary>
/// The due state of one instrument against today 15/01/2027 and a 30-day window, worked out by hand:
/// the window's last day is 14/02/2027.
/// </summary>
public sealed class DueRulesTests
{
    private static readonly DateOnly Today = new(2027, 1, 15);
    private static readonly DateOnly LastYear = new(2026, 1, 15);

    private static DueState State(DateOnly? due, InstrumentStatus status = InstrumentStatus.InService, string? type = "fuel-dispenser", bool failed = false, DateOnly? verified = null) =>
        DueRules.StateOf(status, type, failed, verified ?? (due is null ? null : LastYear), due, Today, DueRules.DefaultDueSoonDays);

    [Theory]
    [InlineData(2025, 12, 31, DueState.Overdue)]
    [InlineData(2027, 1, 14, DueState.Overdue)]
    [InlineData(2027, 1, 15, DueState.DueSoon)]
    [InlineData(2027, 2, 14, DueState.DueSoon)]
    [InlineData(2027, 2, 15, DueState.Ok)]
    [InlineData(2028, 1, 15, DueState.Ok)]
    public void A_due_date_falls_on_the_side_of_each_boundary_worked_out_by_hand(int year, int month, int day, DueState expected) =>
        State(new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void Never_verified_failed_and_cycle_less_instruments_have_their_own_states()
    {
        State(null).ShouldBe(DueState.NeverVerified);
        State(null, failed: true, verified: LastYear).ShouldBe(DueState.MustNotBeUsed);
        State(null, verified: LastYear).ShouldBe(DueState.Ok);
    }

    [Fact]
    public void Only_in_service_group_2_instruments_can_be_overdue()
    {
        State(new DateOnly(2026, 6, 1), status: InstrumentStatus.OutOfService).ShouldBe(DueState.NotApplicable);
        State(new DateOnly(2026, 6, 1), status: InstrumentStatus.Scrapped).ShouldBe(DueState.NotApplicable);
        State(new DateOnly(2026, 6, 1), type: null).ShouldBe(DueState.NotApplicable);
    }

    [Fact]
    public void A_zero_day_window_leaves_only_today_due_soon()
    {
        DueRules.StateOf(InstrumentStatus.InService, "scale", false, LastYear, Today, Today, 0).ShouldBe(DueState.DueSoon);
        DueRules.StateOf(InstrumentStatus.InService, "scale", false, LastYear, Today.AddDays(1), Today, 0).ShouldBe(DueState.Ok);
    }

    [Theory]
    [InlineData("overdue", DueState.Overdue)]
    [InlineData("DueSoon", DueState.DueSoon)]
    [InlineData(" neverVerified ", DueState.NeverVerified)]
    [InlineData("1", null)]
    [InlineData("late", null)]
    [InlineData(null, null)]
    public void States_parse_by_name_only(string? text, DueState? expected) =>
        DueRules.Parse(text).ShouldBe(expected);
}
