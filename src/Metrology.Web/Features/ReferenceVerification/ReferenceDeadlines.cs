using Metrology.Core.Verification;

namespace Metrology.Web.Features.ReferenceVerification;

/// <summary>
/// Reads the deadlines from settings ReferenceVerification:Deadlines:* (design/domain.md: configurable).
/// The defaults (5 days to removal and sealing, 10 to verification, 5 to the conclusion) are this
/// project's choice: the law sets no single figure for every province.
/// </summary>
public static class ReferenceDeadlines
{
    public static ReferenceCaseDeadlines From(IConfiguration configuration) => new(
        configuration.GetValue("ReferenceVerification:Deadlines:RemovalDays", 5),
        configuration.GetValue("ReferenceVerification:Deadlines:VerificationDays", 10),
        configuration.GetValue("ReferenceVerification:Deadlines:ConclusionDays", 5));
}
