using Metrology.Web.Features.Imports;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Metrology.UnitTests.Imports;

/// <summary>At start-up the server deletes the error runs a dead import left behind, never a live import's.</summary>
public sealed class ImportStorageTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "import-storage-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Scratch_files_untouched_for_a_day_are_deleted_and_recent_ones_kept()
    {
        var storage = Storage();
        var now = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        Directory.CreateDirectory(storage.ScratchDirectory);
        var abandoned = Path.Combine(storage.ScratchDirectory, "abandoned.errors");
        var live = Path.Combine(storage.ScratchDirectory, "live.errors");
        File.WriteAllText(abandoned, "3\tx");
        File.WriteAllText(live, "5\ty");
        File.SetLastWriteTimeUtc(abandoned, now.AddDays(-1).AddMinutes(-1));
        File.SetLastWriteTimeUtc(live, now.AddHours(-23));

        storage.DeleteStaleScratchFiles(now).ShouldBe(1);

        File.Exists(abandoned).ShouldBeFalse();
        File.Exists(live).ShouldBeTrue();
    }

    [Fact]
    public void No_scratch_directory_means_nothing_to_delete() => Storage().DeleteStaleScratchFiles(DateTime.UtcNow).ShouldBe(0);

    private ImportStorage Storage() =>
        new ImportStorage(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build());

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
