namespace Metrology.Core.Verification;

/// <summary>
/// The ILAC-G8:09/2019 decision rules for a calibration point, in decimal arithmetic so a value on a
/// limit (0.1 + 0.2 against 0.3) is judged on the limit, not a binary rounding error beside it.
/// Simple acceptance (w = 0) gives a binary statement; the guard band w = U gives ILAC-G8's
/// non-binary statement: pass, conditional pass, conditional fail, fail.
/// </summary>
public static class ConformityDecision
{
    /// <summary>The error of indication: what the instrument showed minus the reference (nominal) value.</summary>
    public static decimal Error(decimal nominal, decimal indication) => indication - nominal;

    /// <summary>
    /// The statement for one point with error <paramref name="error"/>, maximum permissible error
    /// ± <paramref name="tolerance"/> and expanded uncertainty <paramref name="expandedUncertainty"/>.
    /// No tolerance or rule None: no statement. Invalid inputs are a caller's bug (validate first with
    /// <see cref="IsValidUncertainty"/>, <see cref="IsValidCoverageFactor"/>, <see cref="IsValidTolerance"/>).
    /// </summary>
    public static Conformity Decide(decimal error, decimal? tolerance, decimal expandedUncertainty, DecisionRule rule)
    {
        if (!IsValidUncertainty(expandedUncertainty))
        {
            throw new ArgumentOutOfRangeException(nameof(expandedUncertainty), expandedUncertainty, "U must be zero or more.");
        }

        if (tolerance is not { } t || rule == DecisionRule.None)
        {
            return Conformity.NotStated;
        }

        if (!IsValidTolerance(t))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), t, "The tolerance must be more than zero.");
        }

        var magnitude = Math.Abs(error);
        if (rule == DecisionRule.SimpleAcceptance)
        {
            return magnitude <= t ? Conformity.Pass : Conformity.Fail;
        }

        // Guard band w = U: the acceptance limit is T - U, the rejection limit T + U.
        var u = expandedUncertainty;
        return magnitude <= t - u ? Conformity.Pass
            : magnitude <= t ? Conformity.ConditionalPass
            : magnitude <= t + u ? Conformity.ConditionalFail
            : Conformity.Fail;
    }

    /// <summary>
    /// The calibration's overall statement: the worst point decides (fail, then conditional fail, then
    /// conditional pass); points without a statement do not count; none stated at all gives NotStated.
    /// </summary>
    public static Conformity Overall(IEnumerable<Conformity> points)
    {
        var stated = points.Where(p => p != Conformity.NotStated).ToList();
        if (stated.Count == 0)
        {
            return Conformity.NotStated;
        }

        return stated.Contains(Conformity.Fail) ? Conformity.Fail
            : stated.Contains(Conformity.ConditionalFail) ? Conformity.ConditionalFail
            : stated.Contains(Conformity.ConditionalPass) ? Conformity.ConditionalPass
            : Conformity.Pass;
    }

    public static bool IsValidUncertainty(decimal expandedUncertainty) => expandedUncertainty >= 0;

    /// <summary>k is usually 2 (about 95 % coverage); it must be positive to mean anything.</summary>
    public static bool IsValidCoverageFactor(decimal coverageFactor) => coverageFactor > 0;

    public static bool IsValidTolerance(decimal tolerance) => tolerance > 0;
}
