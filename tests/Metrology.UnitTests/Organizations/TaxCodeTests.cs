using Metrology.Core.Organizations;
using Shouldly;

namespace Metrology.UnitTests.Organizations;

public class TaxCodeTests
{
    // The three codes design/domain.md cites as valid.
    [Theory]
    [InlineData("0300588569")]
    [InlineData("0100109106")]
    [InlineData("0101248141")]
    public void Published_valid_codes_pass(string code) => TaxCode.Check(code).ShouldBe(TaxCodeProblem.None);

    [Fact]
    public void Check_digit_worked_by_hand()
    {
        // 0300588569: 31*0 + 29*3 + 23*0 + 19*0 + 17*5 + 13*8 + 7*8 + 5*5 + 3*6 = 87 + 85 + 104 + 56 + 25 + 18 = 375;
        // 375 mod 11 = 1; 10 - 1 = 9, the tenth digit.
        TaxCode.CheckDigitOf("030058856").ShouldBe(9);
    }

    [Fact]
    public void A_wrong_check_digit_is_named_as_such() => TaxCode.Check("0300588568").ShouldBe(TaxCodeProblem.CheckDigit);

    [Fact]
    public void Nine_digits_whose_check_would_be_ten_have_no_valid_code()
    {
        // 000000000: sum 0, 0 mod 11 = 0, 10 - 0 = 10: the rule yields no digit, so no 000000000x is valid.
        // 100000001: 31 + 3 = 34, 34 mod 11 = 1, 10 - 1 = 9: valid with check digit 9.
        TaxCode.CheckDigitOf("000000000").ShouldBeNull();
        TaxCode.Check("0000000000").ShouldBe(TaxCodeProblem.CheckDigit);
        TaxCode.CheckDigitOf("100000001").ShouldBe(9);
    }

    [Theory]
    [InlineData("0100109106-001")]
    [InlineData("0300588569-012")]
    public void Branch_suffix_is_accepted_on_a_valid_main_code(string code) => TaxCode.Check(code).ShouldBe(TaxCodeProblem.None);

    [Theory]
    [InlineData("0100109105-001", TaxCodeProblem.CheckDigit)]
    [InlineData("0100109106-000", TaxCodeProblem.Format)]
    [InlineData("0100109106-01", TaxCodeProblem.Format)]
    [InlineData("0100109106_001", TaxCodeProblem.Format)]
    public void Branch_suffix_rules(string code, TaxCodeProblem expected) => TaxCode.Check(code).ShouldBe(expected);

    [Fact]
    public void A_twelve_digit_citizen_id_is_checked_for_format_only() => TaxCode.Check("045204000123").ShouldBe(TaxCodeProblem.None);

    [Theory]
    [InlineData("12345")]
    [InlineData("03005885690")]
    [InlineData("030058856X")]
    [InlineData("０３００５８８５６９")]
    [InlineData("04520400012A")]
    public void Other_shapes_are_format_errors(string code) => TaxCode.Check(code).ShouldBe(TaxCodeProblem.Format);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_is_reported_as_empty(string? code) => TaxCode.Check(code).ShouldBe(TaxCodeProblem.Empty);

    [Fact]
    public void Surrounding_spaces_are_ignored() => TaxCode.Check(" 0300588569 ").ShouldBe(TaxCodeProblem.None);
}
