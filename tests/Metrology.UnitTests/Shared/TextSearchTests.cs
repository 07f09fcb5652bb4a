using Metrology.Core.Shared;
using Shouldly;

namespace Metrology.UnitTests.Shared;

public class TextSearchTests
{
    [Theory]
    [InlineData("Quảng Trị", "quang tri")]
    [InlineData("ĐIỆN LỰC Đông Hà", "dien luc dong ha")]
    [InlineData("Công ty Cổ phần Cà phê", "cong ty co phan ca phe")]
    [InlineData("  Thừa   Thiên\tHuế ", "thua thien hue")]
    [InlineData("Hòa Bình", "hoa binh")]
    public void Folds_vietnamese_to_plain_lowercase(string text, string expected) => TextSearch.Fold(text).ShouldBe(expected);

    [Fact]
    public void Precomposed_and_decomposed_input_fold_alike()
    {
        var precomposed = "Trị";
        var decomposed = precomposed.Normalize(System.Text.NormalizationForm.FormD);
        TextSearch.Fold(decomposed).ShouldBe(TextSearch.Fold(precomposed));
    }

    [Fact]
    public void Null_and_blank_fold_to_empty() => TextSearch.Fold(null).ShouldBe(string.Empty);

    [Fact]
    public void Like_wildcards_typed_by_a_user_are_escaped() =>
        TextSearch.LikeContainsPattern("50%_off").ShouldBe("%50\\%\\_off%");
}
