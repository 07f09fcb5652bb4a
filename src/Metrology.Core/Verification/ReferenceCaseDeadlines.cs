namespace Metrology.Core.Verification;

/// <summary>One step of a reference-verification case: done on <see cref="Date"/>, due by <see cref="DueDate"/>.</summary>
public sealed record ReferenceCaseStep(string Step, DateOnly? Date, DateOnly? DueDate, bool Late);

/// <summary>
/// Service-level deadlines of a reference-verification case, in calendar days from the previous step
/// (the request for the removal). A step is due only once the previous one is done; it is late when
/// done after its due date, or still pending with the due date past.
/// </summary>
public sealed record ReferenceCaseDeadlines(int RemovalDays, int VerificationDays, int ConclusionDays)
{
    public const string RemovalStep = "removal";
    public const string VerificationStep = "verification";
    public const string ConclusionStep = "conclusion";

    public static readonly IReadOnlyList<string> StepNames = [RemovalStep, VerificationStep, ConclusionStep];

    /// <summary>The three steps with due dates and lateness as of <paramref name="today"/>.</summary>
    public IReadOnlyList<ReferenceCaseStep> Steps(ReferenceVerificationCase c, DateOnly today) =>
    [
        Step(RemovalStep, c.RequestedOn, RemovalDays, c.RemovedAndSealedOn, today),
        Step(VerificationStep, c.RemovedAndSealedOn, VerificationDays, c.VerifiedOn, today),
        Step(ConclusionStep, c.VerifiedOn, ConclusionDays, c.ConclusionSentOn, today),
    ];

    private static ReferenceCaseStep Step(string name, DateOnly? previous, int days, DateOnly? done, DateOnly today)
    {
        DateOnly? due = previous?.AddDays(days);
        var late = due is { } d && (done is { } at ? at > d : today > d);
        return new ReferenceCaseStep(name, done, due, late);
    }
}
