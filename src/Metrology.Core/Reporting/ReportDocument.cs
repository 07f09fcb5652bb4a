namespace Metrology.Core.Reporting;

/// <summary>
/// The report as a document, independent of the file format: what the Word writer lays out following
/// Decree 30/2020 and what the page previews. Texts are final (no markup).
/// </summary>
public sealed record ReportDocument(
    ReportHeader Header,

    /// <summary>The place and date line, e.g. "Quảng Trị, ngày 10 tháng 01 năm 2023" (blank day/month allowed).</summary>
    string PlaceAndDate,

    /// <summary>"Kết quả triển khai Đề án 996 trên địa bàn tỉnh Quảng Trị".</summary>
    string Subject,

    IReadOnlyList<ReportBlock> Body,

    /// <summary>The closing sentence, e.g. "UBND tỉnh Quảng Trị báo cáo Bộ Khoa học và Công nghệ./.".</summary>
    string Closing,

    ReportTable? Annex);

/// <summary>A block of the body, in order.</summary>
public abstract record ReportBlock(string Text);

/// <summary>A heading: level 1 "I.", level 2 "1." / "2.1.", level 3 "a)". Bold in the document.</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock(Text);

/// <summary>A body paragraph (justified, first-line indent); a list item starts with "- ".</summary>
public sealed record ReportParagraph(string Text) : ReportBlock(Text);

/// <summary>
/// A table with a bold header row; <see cref="NumericColumns"/> are right-aligned. <see cref="Caption"/> is the italic
/// line under the title tying an annex to its report ("(Kèm theo Báo cáo số 15/BC-UBND ngày ... của UBND ...)").
/// </summary>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlySet<int> NumericColumns,
    string? Caption = null);
