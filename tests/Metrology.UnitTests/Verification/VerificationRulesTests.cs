using Metrology.Core.Verification;
using Shouldly;

namespace Metrology.UnitTests.Verification;

public class VerificationRulesTests
{
    [Theory]
    // Worked by hand: the day is kept, or clamped to the month's last day.
    [InlineData("2022-01-31", 1, "2022-02-28")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2023-08-31", 6, "2024-02-29")]
    [InlineData("2022-03-15", 12, "2023-03-15")]
    [InlineData("2021-12-31", 18, "2023-06-30")]
    [InlineData("2020-02-29", 60, "2025-02-28")]
    public void Next_due_date_is_the_date_plus_the_cycle_in_calendar_months(string date, int cycle, string expected) =>
        VerificationRules.NextDueDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), cycle)
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_type_without_a_cycle_has_no_due_date() =>
        VerificationRules.NextDueDate(new DateOnly(2022, 1, 31), null).ShouldBeNull();

    private static Designation Designation(DateOnly from, DateOnly until, DateOnly? withdrawn = null) => new()
    {
        DecisionNumber = "1/QĐ-TĐC",
        Issuer = "Tổng cục",
        ValidFrom = from,
        ValidUntil = until,
        WithdrawnOn = withdrawn,
        Scopes = [new DesignationScope { TypeCode = "fuel-dispenser", Initial = true, Periodic = true }],
    };

    [Fact]
    public void A_designation_in_force_covering_type_and_kind_allows_the_verification_on_its_first_and_last_day()
    {
        var designations = new[] { Designation(new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31)) };

        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.Periodic, new DateOnly(2020, 1, 1)).ShouldBe(DesignationProblem.None);
        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.Initial, new DateOnly(2024, 12, 31)).ShouldBe(DesignationProblem.None);
    }

    [Fact]
    public void Each_refusal_says_which_rule_failed()
    {
        var designations = new[] { Designation(new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31), withdrawn: new DateOnly(2023, 7, 1)) };

        VerificationRules.CheckDesignation(designations, "taximeter", VerificationKind.Periodic, new DateOnly(2022, 1, 1)).ShouldBe(DesignationProblem.NoDesignationForType);
        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.Periodic, new DateOnly(2025, 1, 1)).ShouldBe(DesignationProblem.NotActiveOnDate);
        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.Periodic, new DateOnly(2019, 12, 31)).ShouldBe(DesignationProblem.NotActiveOnDate);
        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.Periodic, new DateOnly(2023, 7, 1)).ShouldBe(DesignationProblem.NotActiveOnDate);
        VerificationRules.CheckDesignation(designations, "fuel-dispenser", VerificationKind.AfterRepair, new DateOnly(2022, 1, 1)).ShouldBe(DesignationProblem.KindNotInScope);
        VerificationRules.CheckDesignation([], "fuel-dispenser", VerificationKind.Periodic, new DateOnly(2022, 1, 1)).ShouldBe(DesignationProblem.NoDesignationForType);
    }

    [Fact]
    public void A_standard_is_in_calibration_up_to_and_including_its_due_date()
    {
        VerificationRules.WasInCalibration(new DateOnly(2022, 5, 10), new DateOnly(2022, 5, 10)).ShouldBeTrue();
        VerificationRules.WasInCalibration(new DateOnly(2022, 5, 9), new DateOnly(2022, 5, 10)).ShouldBeFalse();
        VerificationRules.WasInCalibration(null, new DateOnly(2022, 5, 10)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("AB12345678", "******5678")]
    [InlineData("12345", "*2345")]
    [InlineData("1234", "1234")]
    public void The_public_search_shows_only_the_last_four_characters_of_a_serial(string serial, string shown) =>
        VerificationRules.MaskSerial(serial).ShouldBe(shown);

    [Fact]
    public void A_certificate_token_carries_at_least_128_random_bits_in_url_safe_characters()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => Certificate.NewToken()).ToList();

        // 27 base64url characters carry 27 * 6 = 162 bits, of which 160 are random (20 bytes).
        (Certificate.TokenBytes * 8).ShouldBeGreaterThanOrEqualTo(128);
        tokens.ShouldAllBe(t => t.Length == 27 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        tokens.Distinct(StringComparer.Ordinal).Count().ShouldBe(1000);
    }

    [Fact]
    public void A_certificate_is_valid_through_its_last_day_expired_after_and_revoked_whatever_the_date()
    {
        var certificate = new Certificate { Number = "1", PublicToken = "t", SignerName = "s", ValidUntil = new DateOnly(2025, 1, 31) };

        certificate.StatusOn(new DateOnly(2025, 1, 31)).ShouldBe(CertificateStatus.Valid);
        certificate.StatusOn(new DateOnly(2025, 2, 1)).ShouldBe(CertificateStatus.Expired);
        certificate.RevokedAt = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        certificate.StatusOn(new DateOnly(2024, 1, 1)).ShouldBe(CertificateStatus.Revoked);
    }
}
