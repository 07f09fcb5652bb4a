using Metrology.Core.Verification;
using Shouldly;

namespace Metrology.UnitTests.Verification;

/// <summary>Lateness of reference-verification steps, worked by hand with deadlines of 5, 10 and 5 days.</summary>
public class ReferenceCaseDeadlineTests
{
    private static readonly ReferenceCaseDeadlines Deadlines = new(5, 10, 5);

    private static ReferenceVerificationCase Case(DateOnly? removed = null, DateOnly? verified = null, DateOnly? concluded = null) => new()
    {
        CaseNumber = "ĐC-2026-001",
        MeterSerial = "CT-123456",
        RequesterName = "Nguyễn Văn An",
        BuyerName = "Nguyễn Văn An",
        SellerName = "Công ty Điện lực Quảng Trị",
        RequestedOn = new DateOnly(2026, 1, 5),
        RemovedAndSealedOn = removed,
        VerifiedOn = verified,
        ConclusionSentOn = concluded,
    };

    [Fact]
    public void A_pending_removal_is_late_only_after_its_due_date()
    {
        // Requested 05/01 + 5 days = due 10/01.
        Deadlines.Steps(Case(), new DateOnly(2026, 1, 10))[0].ShouldBe(new ReferenceCaseStep("removal", null, new DateOnly(2026, 1, 10), false));
        Deadlines.Steps(Case(), new DateOnly(2026, 1, 11))[0].Late.ShouldBeTrue();
    }

    [Fact]
    public void Each_step_is_due_from_the_previous_one_and_late_when_done_after_it()
    {
        // Removal 12/01 (due 10/01: late); verification due 22/01, done 22/01 (on time); conclusion due 27/01, done 28/01 (late).
        var steps = Deadlines.Steps(Case(new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 28)), new DateOnly(2026, 3, 1));

        steps.ShouldBe([
            new ReferenceCaseStep("removal", new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 10), true),
            new ReferenceCaseStep("verification", new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 22), false),
            new ReferenceCaseStep("conclusion", new DateOnly(2026, 1, 28), new DateOnly(2026, 1, 27), true),
        ]);
    }

    [Fact]
    public void A_step_whose_previous_step_is_not_done_has_no_due_date_and_is_not_late()
    {
        var steps = Deadlines.Steps(Case(), new DateOnly(2027, 1, 1));

        steps[1].ShouldBe(new ReferenceCaseStep("verification", null, null, false));
        steps[2].ShouldBe(new ReferenceCaseStep("conclusion", null, null, false));
    }
}
