using Metrology.Web.Features.Imports;
using Shouldly;

namespace Metrology.UnitTests.Imports;

public class ImportValuesTests
{
    [Theory]
    [InlineData("05/01/2022", 2022, 1, 5)]
    [InlineData("5/1/2022", 2022, 1, 5)]
    [InlineData("2022-01-05", 2022, 1, 5)]
    [InlineData(" 31/12/2021 ", 2021, 12, 31)]
    [InlineData("2022-01-05 00:00:00", 2022, 1, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Dates_are_read_day_first_or_iso(string text, int year, int month, int day) =>
        ImportValues.Date(text).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void Excel_serial_numbers_count_days_from_30_12_1899()
    {
        // 01/01/2022 is 44,562 days after 30/12/1899: 122 years of 365 days (44,530) plus 30 leap days
        // (1904..2020) plus the 2 days from 30/12/1899 to 01/01/1900 = 44,562.
        ImportValues.Date("44562").ShouldBe(new DateOnly(2022, 1, 1));
        ImportValues.Date("44566").ShouldBe(new DateOnly(2022, 1, 5));
        // A time of day in the fraction does not move the date.
        ImportValues.Date("44566.75").ShouldBe(new DateOnly(2022, 1, 5));
        // 61 is 01/03/1900, the first serial after Excel's fictitious 29/02/1900.
        ImportValues.Date("61").ShouldBe(new DateOnly(1900, 3, 1));
    }

    [Theory]
    [InlineData("30/02/2022")]
    [InlineData("2022/13/01")]
    [InlineData("hôm qua")]
    [InlineData("60")]
    [InlineData("")]
    public void Impossible_dates_and_text_are_none(string text) => ImportValues.Date(text).ShouldBeNull();

    [Theory]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("2,5", 2.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("-0,75", -0.75)]
    [InlineData("25616000000", 25616000000)]
    public void Numbers_take_a_decimal_comma_or_point_and_thousands_separators(string text, double expected) =>
        ImportValues.Number(text).ShouldBe((decimal)expected);

    [Theory]
    [InlineData("1,2,3.4,5")]
    [InlineData("12a")]
    [InlineData("1.2.3,4.5")]
    public void Malformed_numbers_are_none(string text) => ImportValues.Number(text).ShouldBeNull();

    [Theory]
    [InlineData("2025", 2025L)]
    [InlineData("1.234", 1234L)]
    [InlineData("1 234", 1234L)]
    [InlineData("12.0", 12L)]
    [InlineData("-7", -7L)]
    public void Whole_numbers_accept_grouping_and_xlsx_number_cells(string text, long expected) =>
        ImportValues.WholeNumber(text).ShouldBe(expected);

    [Theory]
    [InlineData("12,5")]
    [InlineData("3 tháng")]
    public void Fractions_and_words_are_not_whole_numbers(string text) => ImportValues.WholeNumber(text).ShouldBeNull();

    [Fact]
    public void Choices_match_labels_in_either_language_without_case_diacritics_or_spaces()
    {
        var labels = new Dictionary<string, DayOfWeek>
        {
            [ImportValues.Key("Thứ Hai")] = DayOfWeek.Monday,
            [ImportValues.Key("Chủ nhật")] = DayOfWeek.Sunday,
        };

        ImportValues.Choice("thu hai", labels).ShouldBe(DayOfWeek.Monday);
        ImportValues.Choice("CHỦ NHẬT", labels).ShouldBe(DayOfWeek.Sunday);
        ImportValues.Choice("Chu  nhat", labels).ShouldBe(DayOfWeek.Sunday);
        // The member name works too.
        ImportValues.Choice("tuesday", labels).ShouldBe(DayOfWeek.Tuesday);
        ImportValues.Choice("Thứ Mười", labels).ShouldBeNull();
    }

    [Theory]
    [InlineData("'0300588569", "0300588569")]
    [InlineData(" 0300 588 569 ", "0300588569")]
    [InlineData("0300588569-001", "0300588569-001")]
    public void Tax_codes_lose_the_excel_text_apostrophe_and_spaces(string text, string expected) =>
        ImportValues.TaxCodeText(text).ShouldBe(expected);
}
