namespace Metrology.Core.Reporting;

/// <summary>
/// The assembled report frozen at approval (stored as JSON in <see cref="AnnualReport.ApprovedSnapshotJson"/>):
/// what was approved and sent, which the national roll-up sums and against which later record changes are
/// compared.
/// </summary>
public sealed record ReportSnapshot(
    DateTime TakenAt,
    IReadOnlyList<SnapshotSection> Sections,
    IReadOnlyList<SnapshotFigure> Figures,
    IReadOnlyList<IndicatorValue> Indicators);

/// <summary>A section's key, heading and final text (the officer's edit or the generated text).</summary>
public sealed record SnapshotSection(string Key, string Heading, string Text);

/// <summary>A figure quoted in the text, with the records that produced it.</summary>
public sealed record SnapshotFigure(string Key, string Label, decimal Value, IReadOnlyList<string> Sources);
