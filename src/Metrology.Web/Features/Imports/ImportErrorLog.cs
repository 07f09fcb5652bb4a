using System.Collections;
using System.Text;
using Metrology.Core.Imports;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Every cell error of one job, with memory that stays flat however many there are: errors are held in
/// memory up to <see cref="RunLength"/>, then sorted by row and spilled to a temporary file (a "run"); the
/// error file is built from a merge of the runs in row order. A million bad rows thus cost a few files on
/// disk, not millions of objects. The first <see cref="ImportRowError.StoredPerJob"/> errors are kept for
/// the job's result page, and the rows in error are counted with one bit per row.
/// </summary>
public sealed class ImportErrorLog : IDisposable
{
    /// <summary>Errors held in memory before they are sorted and written to a run file (a few MB).</summary>
    public const int RunLength = 20_000;

    private readonly Dictionary<string, string> headers;
    private readonly string directory;
    private readonly List<Entry> buffer = [];
    private readonly List<string> runs = [];
    private readonly BitArray rows = new(1024);
    private long sequence;

    /// <param name="columns">The kind's columns: messages name the Vietnamese header of the cell.</param>
    /// <param name="directory">Where the run files go (deleted with this log).</param>
    public ImportErrorLog(IReadOnlyList<ImportColumn> columns, string directory)
    {
        headers = columns.ToDictionary(c => c.Key, c => c.HeaderVi, StringComparer.Ordinal);
        this.directory = directory;
    }

    public List<ImportCellError> First { get; } = [];

    /// <summary>How many rows have at least one error.</summary>
    public int RowCount { get; private set; }

    /// <summary>How many run files were written (for the tests that check memory stays bounded).</summary>
    public int RunCount => runs.Count;

    /// <summary>Called by handlers, possibly from several threads.</summary>
    public void Add(ImportCellError error)
    {
        lock (buffer)
        {
            if (First.Count < ImportRowError.StoredPerJob)
            {
                First.Add(error);
            }

            MarkRow(error.RowNumber);
            var header = headers.TryGetValue(error.ColumnKey, out var h) ? h : error.ColumnKey;
            // A problem of the whole row (ColumnKey empty) names no column.
            var prefix = header.Length == 0 ? string.Empty : header + ": ";
            buffer.Add(new Entry(error.RowNumber, sequence++, $"{prefix}{error.MessageVi} ({error.MessageEn})"));
            if (buffer.Count >= RunLength)
            {
                Spill();
            }
        }
    }

    /// <summary>
    /// Each row in error once, in row order, with its messages joined by "; " in the order they were
    /// reported ("Mã số thuế: message (message in English)"). Reads the runs as it goes.
    /// </summary>
    public IEnumerable<(int Row, string Message)> MessagesByRow()
    {
        lock (buffer)
        {
            buffer.Sort();
        }

        var sources = new List<IEnumerator<Entry>>();
        try
        {
            foreach (var run in runs)
            {
                sources.Add(ReadRun(run).GetEnumerator());
            }

            sources.Add(buffer.GetEnumerator());
            var heads = new PriorityQueue<int, Entry>();
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    heads.Enqueue(i, sources[i].Current);
                }
            }

            var row = -1;
            var message = new StringBuilder();
            while (heads.TryDequeue(out var source, out var entry))
            {
                if (entry.Row != row)
                {
                    if (row >= 0)
                    {
                        yield return (row, message.ToString());
                    }

                    row = entry.Row;
                    message.Clear();
                }
                else
                {
                    message.Append("; ");
                }

                message.Append(entry.Message);
                if (sources[source].MoveNext())
                {
                    heads.Enqueue(source, sources[source].Current);
                }
            }

            if (row >= 0)
            {
                yield return (row, message.ToString());
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var run in runs)
        {
            ImportStorage.Delete(run);
        }

        runs.Clear();
    }

    private void MarkRow(int row)
    {
        if (row >= rows.Length)
        {
            rows.Length = Math.Max(row + 1, rows.Length * 2);
        }

        if (!rows[row])
        {
            rows[row] = true;
            RowCount++;
        }
    }

    private void Spill()
    {
        buffer.Sort();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.errors");
        using (var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024), Encoding.UTF8))
        {
            foreach (var entry in buffer)
            {
                writer.Write(entry.Row);
                writer.Write(entry.Sequence);
                writer.Write(entry.Message);
            }
        }

        runs.Add(path);
        buffer.Clear();
    }

    private static IEnumerable<Entry> ReadRun(string path)
    {
        using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            yield return new Entry(reader.ReadInt32(), reader.ReadInt64(), reader.ReadString());
        }
    }

    /// <summary>One message; ordered by row, then by the order it was reported in.</summary>
    private readonly record struct Entry(int Row, long Sequence, string Message) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Row != other.Row ? Row.CompareTo(other.Row) : Sequence.CompareTo(other.Sequence);
    }
}
