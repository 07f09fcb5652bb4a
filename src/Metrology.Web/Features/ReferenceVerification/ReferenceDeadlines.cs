using Metrology.Core.Verification;

namespace Metrology.Web.Features.ReferenceVerification;

/// <summary>
/// Service-level deadlines of a reference-verification case, in calendar days from the previous step
/// (settings ReferenceVerification:Deadlines:*; design/domain.md says they are configurable). The
/// defaults (5, 10, 5) are this project's choice: the law sets no single figure for every province.
/// </summary>
public sealed record ReferenceDeadlines(int RemovalDays, int VerificationDays, int ConclusionDays)
{
    public const string RemovalStep = "removal";
    public const string VerificationStep = "verification";
    public const string ConclusionStep = "conclusion";

    public static readonly string[] StepNames = [RemovalStep, VerificationStep, ConclusionStep];

    public static ReferenceDeadlines From(IConfiguration configuration) => new(
        configuration.GetValue("ReferenceVerification:Deadlines:RemovalDays", 5),
        configuration.GetValue("ReferenceVerification:Deadlines:VerificationDays", 10),
        configuration.GetValue("ReferenceVerification:Deadlines:ConclusionDays", 5));

    /// <summary>The three steps with due dates and lateness as of <paramref name="today"/>.</summary>
    public IReadOnlyList<ReferenceStepDto> Steps(ReferenceVerificationCase c, DateOnly today)
    {
        var removal = Step(RemovalStep, c.RequestedOn, RemovalDays, c.RemovedAndSealedOn, today);
        var verification = Step(VerificationStep, c.RemovedAndSealedOn, VerificationDays, c.VerifiedOn, today);
        var conclusion = Step(ConclusionStep, c.VerifiedOn, ConclusionDays, c.ConclusionSentOn, today);
        return [removal, verification, conclusion];
    }

    private static ReferenceStepDto Step(string name, DateOnly? previous, int days, DateOnly? done, DateOnly today)
    {
        DateOnly? due = previous?.AddDays(days);
        var late = due is { } d && (done is { } at ? at > d : today > d);
        return new ReferenceStepDto(name, done, due, late);
    }
}
