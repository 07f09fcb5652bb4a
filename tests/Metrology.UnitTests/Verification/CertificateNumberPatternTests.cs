using Metrology.Core.Verification;
using Shouldly;

namespace Metrology.UnitTests.Verification;

public class CertificateNumberPatternTests
{
    [Fact]
    public void Formats_the_yearly_sequence_with_its_padding()
    {
        CertificateNumberPattern.Format("{seq:000000}/{yyyy}/GCNKĐ", 2026, 42).ShouldBe("000042/2026/GCNKĐ");
        CertificateNumberPattern.Format("QT{seq}-{yyyy}", 2027, 1234).ShouldBe("QT1234-2027");
    }

    [Fact]
    public void Reads_the_sequence_back_only_from_numbers_of_that_year()
    {
        CertificateNumberPattern.SequenceOf("{seq:000000}/{yyyy}/GCNKĐ", 2026, "000042/2026/GCNKĐ").ShouldBe(42);
        CertificateNumberPattern.SequenceOf("{seq:000000}/{yyyy}/GCNKĐ", 2026, "000042/2025/GCNKĐ").ShouldBeNull();
        CertificateNumberPattern.SequenceOf("{seq:000000}/{yyyy}/GCNKĐ", 2026, "QT-42").ShouldBeNull();
    }

    [Theory]
    [InlineData("{seq:000000}/{yyyy}/GCNKĐ", CertificatePatternProblem.None)]
    [InlineData("GCN/{yyyy}", CertificatePatternProblem.NoSequence)]
    [InlineData("{seq}/GCNKĐ", CertificatePatternProblem.NoYear)]
    [InlineData("{seq}-{seq}/{yyyy}", CertificatePatternProblem.TwoSequences)]
    [InlineData("{seq}/{yy}", CertificatePatternProblem.UnknownToken)]
    [InlineData("{seq}/{yyyy}/{", CertificatePatternProblem.UnknownToken)]
    public void Refuses_patterns_that_could_repeat_a_number(string pattern, CertificatePatternProblem problem) =>
        CertificateNumberPattern.Check(pattern).ShouldBe(problem);

    [Fact]
    public void Refuses_patterns_whose_numbers_would_not_fit() =>
        CertificateNumberPattern.Check("{seq}/{yyyy}/" + new string('X', 50)).ShouldBe(CertificatePatternProblem.TooLong);
}
