using Metrology.Core.Verification;
using Shouldly;

namespace Metrology.UnitTests.Verification;

/// <summary>When a designation allows a verification, and when a standard counts as in calibration.</summary>
public class DesignationRulesTests
{
    private static Designation Designation(DateOnly? withdrawnOn = null) => new()
    {
        DecisionNumber = "123/QĐ-TĐC",
        Issuer = "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia",
        ValidFrom = new DateOnly(2024, 1, 1),
        ValidUntil = new DateOnly(2026, 12, 31),
        WithdrawnOn = withdrawnOn,
        Scopes = [new DesignationScope { TypeCode = "electricity-meter-1p-electronic", Periodic = true, Reference = true }],
    };

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void A_designation_is_active_from_its_first_to_its_last_day(string date, bool active) =>
        Designation().IsActiveOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(active);

    [Fact]
    public void A_withdrawal_ends_the_designation_on_the_day_of_withdrawal()
    {
        var withdrawn = Designation(withdrawnOn: new DateOnly(2025, 6, 1));

        withdrawn.IsActiveOn(new DateOnly(2025, 5, 31)).ShouldBeTrue();
        withdrawn.IsActiveOn(new DateOnly(2025, 6, 1)).ShouldBeFalse();
    }

    [Fact]
    public void The_scope_allows_only_the_kinds_ticked_for_the_type()
    {
        var designation = Designation();
        var day = new DateOnly(2025, 3, 3);

        designation.Covers("electricity-meter-1p-electronic", VerificationKind.Reference, day).ShouldBeTrue();
        designation.Covers("electricity-meter-1p-electronic", VerificationKind.Periodic, day).ShouldBeTrue();
        designation.Covers("electricity-meter-1p-electronic", VerificationKind.Initial, day).ShouldBeFalse();
        designation.Covers("water-meter-cold-mechanical", VerificationKind.Periodic, day).ShouldBeFalse();
        designation.Covers("electricity-meter-1p-electronic", VerificationKind.Periodic, new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_standard_is_in_calibration_up_to_and_including_its_due_date()
    {
        var standard = new MeasurementStandard { Name = "Bình chuẩn 20 L", Quantity = "Thể tích", CalibrationDueDate = new DateOnly(2026, 1, 10) };

        standard.IsInCalibrationOn(new DateOnly(2026, 1, 10)).ShouldBeTrue();
        standard.IsInCalibrationOn(new DateOnly(2026, 1, 11)).ShouldBeFalse();
        new MeasurementStandard { Name = "Chưa hiệu chuẩn", Quantity = "Khối lượng" }.IsInCalibrationOn(new DateOnly(2020, 1, 1)).ShouldBeFalse();
    }
}
