using Metrology.Core.Shared;
using Shouldly;

namespace Metrology.UnitTests.Shared;

public class NumberTextTests
{
    [Theory]
    [InlineData("20,004", "20.004")]
    [InlineData("100,30", "100.30")]
    [InlineData("0.004", "0.004")]
    [InlineData("20.5", "20.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("-0,25", "-0.25")]
    [InlineData(",5", "0.5")]
    [InlineData("5.000.000", "5000000")]
    [InlineData("12", "12")]
    public void Measurement_reads_the_one_possible_value(string typed, string invariant)
    {
        var parsed = NumberText.Parse(typed, NumberStyle.Measurement);
        parsed.Reading.ShouldBe(NumberReading.Ok);
        // Same digits, same scale: "100,30" stays 100.30, not 100.3.
        parsed.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(invariant);
    }

    [Fact]
    public void A_dot_before_three_digits_in_a_measurement_is_asked_about()
    {
        var parsed = NumberText.Parse("20.004", NumberStyle.Measurement);
        parsed.Reading.ShouldBe(NumberReading.Ambiguous);
        parsed.Value.ShouldBe(20.004m);
        parsed.Alternative.ShouldBe(20004m);
        NumberText.ParseStrict("20.004", NumberStyle.Measurement).Problem.ShouldBe(NumberProblem.Ambiguous);
    }

    [Theory]
    [InlineData("5.000.000", 5_000_000)]
    [InlineData("5 000 000", 5_000_000)]
    [InlineData("5,000,000", 5_000_000)]
    [InlineData("20.004", 20_004)]
    [InlineData("25616000000", 25_616_000_000)]
    public void Whole_numbers_accept_unambiguous_grouping(string typed, long expected) =>
        NumberText.Parse(typed, NumberStyle.Whole).Value.ShouldBe(expected);

    [Theory]
    [InlineData("12abc", NumberStyle.Measurement, NumberProblem.NotANumber)]
    [InlineData("1,2,3", NumberStyle.Measurement, NumberProblem.TwoDecimalMarks)]
    [InlineData("1.2.3", NumberStyle.Whole, NumberProblem.TwoDecimalMarks)]
    [InlineData("1.234,5,6", NumberStyle.Measurement, NumberProblem.TwoDecimalMarks)]
    [InlineData("5,5", NumberStyle.Whole, NumberProblem.NotWhole)]
    [InlineData("20.", NumberStyle.Measurement, NumberProblem.NotANumber)]
    [InlineData("-", NumberStyle.Measurement, NumberProblem.NotANumber)]
    [InlineData("12 34", NumberStyle.Whole, NumberProblem.NotANumber)]
    public void Impossible_numbers_are_refused_with_the_reason(string typed, NumberStyle style, NumberProblem problem)
    {
        var parsed = NumberText.Parse(typed, style);
        parsed.Reading.ShouldBe(NumberReading.Invalid);
        parsed.Problem.ShouldBe(problem);
    }

    [Fact]
    public void Out_of_range_is_refused_and_blank_is_empty()
    {
        NumberText.Parse("-1", NumberStyle.Whole, min: 0).Problem.ShouldBe(NumberProblem.OutOfRange);
        NumberText.Parse("101", NumberStyle.Measurement, max: 100).Problem.ShouldBe(NumberProblem.OutOfRange);
        NumberText.Parse("  ", NumberStyle.Measurement).Reading.ShouldBe(NumberReading.Empty);
    }

    [Theory]
    [InlineData("100.30", "100,30")]
    [InlineData("20004", "20.004")]
    [InlineData("1234567.5", "1.234.567,5")]
    [InlineData("-0.005", "-0,005")]
    public void Formats_as_stored_with_grouping_and_every_typed_decimal(string invariant, string shown) =>
        NumberText.Format(decimal.Parse(invariant, System.Globalization.CultureInfo.InvariantCulture), NumberText.Vietnamese).ShouldBe(shown);

    [Theory]
    [InlineData("QT25-0000009", "qt250000009")]
    [InlineData("000123/2026/GCNKĐ", "0001232026gcnkd")]
    [InlineData(" qt25 0000009 ", "qt250000009")]
    [InlineData("tem_ĐL.01", "temdl01")]
    public void Certificate_keys_ignore_case_d_and_separators(string typed, string key) => TextSearch.CompactKey(typed).ShouldBe(key);
}
