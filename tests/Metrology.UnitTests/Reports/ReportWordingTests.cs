using Metrology.Core.Reporting;
using Shouldly;

namespace Metrology.UnitTests.Reports;

/// <summary>The report's number forms, with values worked out by hand from the seed report's wording.</summary>
public sealed class ReportWordingTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "01")]
    [InlineData(4, "04")]
    [InlineData(40, "40")]
    [InlineData(58, "58")]
    [InlineData(1234, "1.234")]
    [InlineData(1234567, "1.234.567")]
    public void Counts_take_two_digits_and_Vietnamese_grouping(long value, string expected) =>
        ReportWording.Count(value).ShouldBe(expected);

    [Theory]
    [InlineData(25_616_000_000, "25,616 tỷ đồng")]
    [InlineData(15_200_000_000, "15,2 tỷ đồng")]
    [InlineData(4_000_000_000, "4 tỷ đồng")]
    [InlineData(1_234_567_890_000, "1.234,568 tỷ đồng")]
    [InlineData(850_000_000, "850 triệu đồng")]
    [InlineData(18_500_000, "18,5 triệu đồng")]
    [InlineData(750_000, "750.000 đồng")]
    [InlineData(0, "0 đồng")]
    public void Money_is_written_in_billions_or_millions_with_a_decimal_comma(long vnd, string expected) =>
        ReportWording.Money(vnd).ShouldBe(expected);

    [Theory]
    [InlineData(973, 1000, "97,3%")]
    [InlineData(2, 3, "66,7%")]
    [InlineData(5, 5, "100%")]
    [InlineData(0, 0, "0%")]
    public void Percentages_have_one_decimal_and_a_comma(long part, long whole, string expected) =>
        ReportWording.Percent(part, whole).ShouldBe(expected);

    [Theory]
    [InlineData("Phê duyệt chủ trương đầu tư", "phê duyệt chủ trương đầu tư")]
    [InlineData("UBND tỉnh giao", "UBND tỉnh giao")]
    [InlineData("KH&CN cấp cơ sở", "KH&CN cấp cơ sở")]
    [InlineData("Đầu tư thiết bị", "đầu tư thiết bị")]
    public void A_text_continuing_a_sentence_loses_its_capital_unless_it_starts_with_an_abbreviation(string text, string expected) =>
        ReportWording.Continuing(text).ShouldBe(expected);
}
