using System.Globalization;
using Metrology.Core.Imports;
using Metrology.Web.Features.Imports;
using Shouldly;

namespace Metrology.UnitTests.Imports;

/// <summary>
/// The errors of a job spill to run files past <see cref="ImportErrorLog.RunLength"/> and come back merged in
/// row order, each row's messages in the order reported: the error file is the same whatever the count.
/// </summary>
public sealed class ImportErrorLogTests : IDisposable
{
    private static readonly ImportColumn[] Columns =
    [
        new("taxCode", "Mã số thuế", "Tax code", true, string.Empty, string.Empty, string.Empty, []),
        new("name", "Tên tổ chức", "Name", true, string.Empty, string.Empty, string.Empty, []),
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "import-error-log-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_few_errors_stay_in_memory_and_come_back_by_row_with_the_header_named()
    {
        using var log = new ImportErrorLog(Columns, directory);

        log.Add(new ImportCellError(7, "name", null, "Bắt buộc.", "Required."));
        log.Add(new ImportCellError(3, "taxCode", "123", "Sai.", "Wrong."));
        log.Add(new ImportCellError(7, "taxCode", "x", "Sai.", "Wrong."));
        log.Add(new ImportCellError(5, "other", "x", "Lạ.", "Odd."));

        log.RunCount.ShouldBe(0);
        log.RowCount.ShouldBe(3);
        log.First.Select(e => e.RowNumber).ShouldBe([7, 3, 7, 5]);
        log.MessagesByRow().ShouldBe(
        [
            (3, "Mã số thuế: Sai. (Wrong.)"),
            (5, "other: Lạ. (Odd.)"),
            (7, "Tên tổ chức: Bắt buộc. (Required.); Mã số thuế: Sai. (Wrong.)"),
        ]);
    }

    [Fact]
    public void Many_errors_reported_out_of_order_spill_to_runs_and_merge_back_in_row_order_then_the_runs_are_deleted()
    {
        const int rows = 25_000;
        var log = new ImportErrorLog(Columns, directory);

        // Two passes, as a handler that checks cells first and duplicates later would report them: every row
        // gets a tax-code error in reverse order, then every third row a name error.
        for (var row = rows + 1; row >= 2; row--)
        {
            log.Add(new ImportCellError(row, "taxCode", null, $"Sai {row}.", "Wrong."));
        }

        for (var row = 2; row <= rows + 1; row += 3)
        {
            log.Add(new ImportCellError(row, "name", null, "Trùng.", "Duplicate."));
        }

        var merged = log.MessagesByRow().ToList();

        log.RunCount.ShouldBe((rows + (rows / 3) + 1) / ImportErrorLog.RunLength);
        log.RowCount.ShouldBe(rows);
        log.First.Count.ShouldBe(ImportRowError.StoredPerJob);
        merged.Select(m => m.Row).ShouldBe(Enumerable.Range(2, rows));
        merged[0].Message.ShouldBe("Mã số thuế: Sai 2. (Wrong.); Tên tổ chức: Trùng. (Duplicate.)");
        merged[1].Message.ShouldBe("Mã số thuế: Sai 3. (Wrong.)");
        merged[^1].Message.ShouldBe(string.Create(CultureInfo.InvariantCulture, $"Mã số thuế: Sai {rows + 1}. (Wrong.); Tên tổ chức: Trùng. (Duplicate.)"));
        Directory.GetFiles(directory).Length.ShouldBe(log.RunCount);
        log.Dispose();
        Directory.GetFiles(directory).ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
