using Metrology.Web.Features.Imports;
using Shouldly;

namespace Metrology.UnitTests.Imports;

/// <summary>A file's natural keys are compared by fingerprint: the same key always matches, different keys never do.</summary>
public sealed class ImportKeysTests
{
    [Fact]
    public void The_same_key_read_twice_has_the_same_fingerprint()
    {
        string serial = string.Concat("TS-2021-", "00417");
        ImportKeys.Fingerprint(("fuel-dispenser", "Tatsuno", serial))
            .ShouldBe(ImportKeys.Fingerprint(("fuel-dispenser", "Tatsuno", "TS-2021-00417")));
        ImportKeys.Fingerprint("3100725051").ShouldBe(ImportKeys.Fingerprint("3100725051"));
    }

    [Fact]
    public void Keys_that_would_read_alike_joined_as_text_differ()
    {
        // The members are hashed with their lengths, so moving a comma or a space between them changes the key.
        ImportKeys.Fingerprint(((string?)"water-meter", "Itron, Inc", "A1"))
            .ShouldNotBe(ImportKeys.Fingerprint(((string?)"water-meter, Itron", "Inc", "A1")));
        ImportKeys.Fingerprint(((string?)null, "Tatsuno", "A1")).ShouldNotBe(ImportKeys.Fingerprint(((string?)string.Empty, "Tatsuno", "A1")));
        ImportKeys.Fingerprint((12, 2026, "Kế hoạch", 3)).ShouldNotBe(ImportKeys.Fingerprint((1, 22026, "Kế hoạch", 3)));
        ImportKeys.Fingerprint(("fuel-dispenser", "Tatsuno", "A1")).ShouldNotBe(ImportKeys.Fingerprint(("fuel-dispenser", "Tatsuno", "a1")));
    }
}
