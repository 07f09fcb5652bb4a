using Metrology.Core.Verification;
using Shouldly;

namespace Metrology.UnitTests.Verification;

/// <summary>ILAC-G8:09/2019 decision rules, with limits worked out by hand: T = 0.5, U = 0.2 gives T - U = 0.3 and T + U = 0.7.</summary>
public class ConformityDecisionTests
{
    [Theory]
    [InlineData("0", "Pass")]
    [InlineData("0.3", "Pass")]
    [InlineData("0.31", "ConditionalPass")]
    [InlineData("0.5", "ConditionalPass")]
    [InlineData("0.6", "ConditionalFail")]
    [InlineData("0.7", "ConditionalFail")]
    [InlineData("0.71", "Fail")]
    [InlineData("-0.3", "Pass")]
    [InlineData("-0.45", "ConditionalPass")]
    [InlineData("-0.51", "ConditionalFail")]
    [InlineData("-0.8", "Fail")]
    public void Guard_band_w_equals_U_gives_the_non_binary_statement(string error, string expected) =>
        ConformityDecision.Decide(decimal.Parse(error, System.Globalization.CultureInfo.InvariantCulture), 0.5m, 0.2m, DecisionRule.GuardBand)
            .ShouldBe(Enum.Parse<Conformity>(expected));

    [Theory]
    [InlineData("0.5", "Pass")]
    [InlineData("-0.5", "Pass")]
    [InlineData("0.5000000001", "Fail")]
    [InlineData("-0.6", "Fail")]
    public void Simple_acceptance_ignores_the_uncertainty(string error, string expected) =>
        ConformityDecision.Decide(decimal.Parse(error, System.Globalization.CultureInfo.InvariantCulture), 0.5m, 0.2m, DecisionRule.SimpleAcceptance)
            .ShouldBe(Enum.Parse<Conformity>(expected));

    [Fact]
    public void Without_a_tolerance_or_a_rule_no_conformity_is_stated()
    {
        ConformityDecision.Decide(5m, null, 0.2m, DecisionRule.GuardBand).ShouldBe(Conformity.NotStated);
        ConformityDecision.Decide(5m, 0.5m, 0.2m, DecisionRule.None).ShouldBe(Conformity.NotStated);
    }

    [Fact]
    public void With_U_larger_than_T_a_zero_error_is_only_a_conditional_pass()
    {
        // T - U = -0.1: no error can be inside it, so the best a point gets is a conditional pass.
        ConformityDecision.Decide(0m, 0.5m, 0.6m, DecisionRule.GuardBand).ShouldBe(Conformity.ConditionalPass);
    }

    [Fact]
    public void Error_is_indication_minus_nominal() =>
        ConformityDecision.Error(nominal: 20m, indication: 19.94m).ShouldBe(-0.06m);

    [Fact]
    public void Decimal_arithmetic_judges_a_value_on_the_limit_as_on_the_limit()
    {
        // A reading 0.1 + 0.2 above nominal is an error of exactly 0.3 = T - U: a pass. In binary floating
        // point 0.1 + 0.2 is 0.30000000000000004, beyond the limit, and the point would wrongly be conditional.
        double tenth = 0.1, fifth = 0.2;
        (tenth + fifth > 0.3).ShouldBeTrue();
        var error = ConformityDecision.Error(nominal: 100m, indication: 100m + 0.1m + 0.2m);
        error.ShouldBe(0.3m);
        ConformityDecision.Decide(error, 0.5m, 0.2m, DecisionRule.GuardBand).ShouldBe(Conformity.Pass);
    }

    [Fact]
    public void Overall_is_the_worst_stated_point()
    {
        ConformityDecision.Overall([Conformity.Pass, Conformity.ConditionalPass, Conformity.Pass]).ShouldBe(Conformity.ConditionalPass);
        ConformityDecision.Overall([Conformity.ConditionalPass, Conformity.ConditionalFail]).ShouldBe(Conformity.ConditionalFail);
        ConformityDecision.Overall([Conformity.ConditionalFail, Conformity.Fail, Conformity.Pass]).ShouldBe(Conformity.Fail);
        ConformityDecision.Overall([Conformity.Pass, Conformity.NotStated]).ShouldBe(Conformity.Pass);
        ConformityDecision.Overall([Conformity.NotStated, Conformity.NotStated]).ShouldBe(Conformity.NotStated);
        ConformityDecision.Overall([]).ShouldBe(Conformity.NotStated);
    }

    [Fact]
    public void Invalid_inputs_are_refused()
    {
        ConformityDecision.IsValidUncertainty(0m).ShouldBeTrue();
        ConformityDecision.IsValidUncertainty(-0.01m).ShouldBeFalse();
        ConformityDecision.IsValidCoverageFactor(2m).ShouldBeTrue();
        ConformityDecision.IsValidCoverageFactor(0m).ShouldBeFalse();
        ConformityDecision.IsValidTolerance(0m).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => ConformityDecision.Decide(0m, 0.5m, -0.1m, DecisionRule.GuardBand));
        Should.Throw<ArgumentOutOfRangeException>(() => ConformityDecision.Decide(0m, 0m, 0.1m, DecisionRule.GuardBand));
    }
}
