using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metrology.Core.Reporting;

namespace Metrology.Web.Features.Reports.Word;

/// <summary>
/// Lays out a <see cref="ReportDocument"/> as a Word file following Decree 30/2020, Appendix I (the table in
/// design/report.md): A4 portrait, Times New Roman in black, the issuer and the national motto side by side,
/// the body justified with a first-line indent, "Nơi nhận" beside the signature, page numbers at the top
/// from page 2, and the key-indicator annex on a page of its own. The province signs it without retouching.
/// Every run carries its own font, size and colour so the file looks the same in Word and LibreOffice
/// whatever their default template says.
/// </summary>
public static class ReportWordWriter
{
    // Page geometry in twips (1 mm = 56.7 twips): A4 portrait, margins inside the Decree's ranges.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 1134;      // 20 mm
    public const int MarginBottom = 1134;   // 20 mm
    public const int MarginLeft = 1701;     // 30 mm
    public const int MarginRight = 851;     // 15 mm
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>1.27 cm, the first-line indent of body paragraphs.</summary>
    public const int FirstLineIndent = 720;

    public const string Font = "Times New Roman";

    // Font sizes in half-points, as Word stores them.
    private const int Pt11 = 22;
    private const int Pt12 = 24;
    private const int Pt13 = 26;
    private const int Pt14 = 28;

    /// <summary>The issuer column of the header and the "Nơi nhận" column of the signature table.</summary>
    private const int LeftColumnWidth = 3742;

    /// <summary>The blank the clerk fills in by hand when the report has no registry number yet.</summary>
    private const string BlankNumber = "      ";

    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // The packaging layer needs to seek; an HTTP response body cannot, so build it in memory first.
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(document, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        word.PackageProperties.Title = ReportText.Clean($"Báo cáo {document.Subject}");
        word.PackageProperties.Language = "vi-VN";
        var main = word.AddMainDocumentPart();
        AddStyles(main);

        var body = new Body();
        body.Append(HeaderBlock(document));
        body.Append(Centred(Pt14, bold: true, "BÁO CÁO", before: 360));
        body.Append(Centred(Pt14, bold: true, document.Subject));
        body.Append(ShortLine(width: 1800, before: 0, after: 120, cellWidth: TextWidth));
        body.Append(Centred(Pt14, bold: false, $"Kính gửi: {document.Header.Addressee}", after: 240));

        foreach (var block in document.Body)
        {
            body.Append(block is ReportHeading heading ? BodyParagraph(heading.Text, bold: true, keepWithNext: true) : BodyParagraph(block.Text, bold: false));
        }

        body.Append(BodyParagraph(document.Closing, bold: false, keepWithNext: true));
        body.Append(SignatureBlock(document.Header));

        if (document.Annex is { } annex)
        {
            body.Append(new Paragraph(new Run(RunProperties(Pt14, bold: false, italic: false), new Break { Type = BreakValues.Page })));
            body.Append(Centred(Pt14, bold: true, annex.Title, after: annex.Caption is null ? 240 : 0));
            if (annex.Caption is { } caption)
            {
                body.Append(Centred(Pt14, bold: false, caption, italic: true, after: 240));
            }

            body.Append(AnnexTable(annex));
        }

        body.Append(SectionProperties(main));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>Document defaults (Times New Roman, 14 pt, black, Vietnamese) for anything typed later in Word.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(), new Color { Val = "000000" }, new FontSize { Val = Pt14.ToString(Inv) },
                    new FontSizeComplexScript { Val = Pt14.ToString(Inv) }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>The issuer (left) and the national motto with the place and date (right), in a borderless table.</summary>
    private static Table HeaderBlock(ReportDocument document)
    {
        var header = document.Header;
        var number = string.IsNullOrWhiteSpace(header.Number) ? $"Số:{BlankNumber}/{header.Symbol}" : $"Số: {header.Number.Trim()}/{header.Symbol}";
        var left = new TableCell(
            CellWidth(LeftColumnWidth),
            Centred(Pt13, bold: true, header.IssuerAuthority.ToUpperInvariant()),
            Centred(Pt13, bold: true, header.IssuerUnit.ToUpperInvariant()),
            ShortLine(width: 1300, before: 0, after: 120, cellWidth: LeftColumnWidth),
            Centred(Pt13, bold: false, number));
        var rightWidth = TextWidth - LeftColumnWidth;
        var right = new TableCell(
            CellWidth(rightWidth),
            Centred(Pt12, bold: true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            Centred(Pt13, bold: true, "Độc lập - Tự do - Hạnh phúc"),
            ShortLine(width: 3000, before: 0, after: 120, cellWidth: rightWidth),
            Centred(Pt14, bold: false, document.PlaceAndDate, italic: true));
        return BorderlessTable([LeftColumnWidth, rightWidth], new TableRow(new TableRowProperties(new CantSplit()), left, right));
    }

    /// <summary>"Nơi nhận" at the bottom left beside the signature block, which keeps together on one page.</summary>
    private static Table SignatureBlock(ReportHeader header)
    {
        var recipients = new TableCell(CellWidth(LeftColumnWidth));
        recipients.Append(Left(Pt12, "Nơi nhận:", bold: true, italic: true, before: 240));
        foreach (var line in Lines(header.Recipients))
        {
            recipients.Append(Left(Pt11, line.StartsWith('-') ? line : $"- {line}"));
        }

        var rightWidth = TextWidth - LeftColumnWidth;
        var signature = new TableCell(CellWidth(rightWidth));
        var titles = new[] { header.SigningAuthority, header.SignerCapacity, header.SignerTitle }.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        for (var i = 0; i < titles.Count; i++)
        {
            signature.Append(Centred(Pt14, bold: true, titles[i].Trim().ToUpperInvariant(), before: i == 0 ? 240 : 0));
        }

        // The signing space: about 3 cm for the signature and the seal.
        signature.Append(Centred(Pt14, bold: true, header.SignerName, before: 1700));
        return BorderlessTable([LeftColumnWidth, rightWidth], new TableRow(new TableRowProperties(new CantSplit()), recipients, signature));
    }

    /// <summary>The key-indicator annex: bordered, 13 pt, header row bold and repeated on every page, numbers right-aligned.</summary>
    private static Table AnnexTable(ReportTable annex)
    {
        var widths = ColumnWidths(annex);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" });
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = TextWidth.ToString(Inv), Type = TableWidthUnitValues.Dxa },
                border,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Inv) })));

        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < annex.Columns.Count; c++)
        {
            head.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(Inv), Type = TableWidthUnitValues.Dxa }, new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                CellParagraph(annex.Columns[c], JustificationValues.Center, bold: true)));
        }

        table.Append(head);
        foreach (var row in annex.Rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < annex.Columns.Count; c++)
            {
                var value = c < row.Count ? row[c] : string.Empty;
                tableRow.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(Inv), Type = TableWidthUnitValues.Dxa }),
                    CellParagraph(value, annex.NumericColumns.Contains(c) ? JustificationValues.Right : JustificationValues.Left, bold: false)));
            }

            table.Append(tableRow);
        }

        return table;
    }

    /// <summary>
    /// Column widths from the text they hold: a column whose longest value and longest header word fit in a
    /// quarter of the line (numbers, units, "STT") gets just that width, so a number never wraps digit by
    /// digit; the long text columns share the rest in proportion to their longest text.
    /// </summary>
    private static int[] ColumnWidths(ReportTable annex)
    {
        // About one 13 pt Times New Roman character, plus the cell's own padding.
        const int perCharacter = 150;
        const int padding = 300;
        var natural = annex.Columns.Select((name, c) =>
        {
            var longest = annex.Rows.Select(r => c < r.Count ? r[c].Length : 0).DefaultIfEmpty(0).Max();
            var headerWord = name.Split(' ').Max(w => w.Length);
            return Math.Max(longest, headerWord) * perCharacter + padding;
        }).ToArray();
        var isShort = natural.Select(w => w <= TextWidth / 4).ToArray();
        if (isShort.All(s => s))
        {
            isShort[Array.IndexOf(natural, natural.Max())] = false;
        }

        var shortTotal = natural.Where((_, c) => isShort[c]).Sum();
        var longTotal = natural.Where((_, c) => !isShort[c]).Sum();
        // Many short columns leave too little for the text: then every column shrinks alike.
        var widths = shortTotal > TextWidth * 3 / 4
            ? natural.Select(w => (int)((long)TextWidth * w / natural.Sum())).ToArray()
            : natural.Select((w, c) => isShort[c] ? w : (int)((long)(TextWidth - shortTotal) * w / longTotal)).ToArray();
        // Rounding: the widest column takes the last few twips so the table spans the line exactly.
        widths[Array.IndexOf(widths, widths.Max())] += TextWidth - widths.Sum();
        return widths;
    }

    /// <summary>Page size, margins, and the page number at the top centre from page 2 (an empty first-page header).</summary>
    private static SectionProperties SectionProperties(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            FieldRun(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            FieldRun(new Text("2")),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.End })));
        numbered.Header.Save();

        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();

        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = MarginLeft,
                Right = MarginRight,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            },
            new TitlePage());

        static Run FieldRun(OpenXmlElement content) => new(RunProperties(Pt14, bold: false, italic: false), content);
    }

    /// <summary>A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after, line spacing 1.15.</summary>
    private static Paragraph BodyParagraph(string text, bool bold, bool keepWithNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepWithNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(
            new SpacingBetweenLines { Before = "0", After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = FirstLineIndent.ToString(Inv) },
            new Justification { Val = JustificationValues.Both });
        return WithText(new Paragraph(properties), text, Pt14, bold, italic: false);
    }

    private static Paragraph Centred(int size, bool bold, string text, bool italic = false, int before = 0, int after = 0) =>
        WithText(new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(Inv), After = after.ToString(Inv) },
            new Justification { Val = JustificationValues.Center })), text, size, bold, italic);

    private static Paragraph Left(int size, string text, bool bold = false, bool italic = false, int before = 0) =>
        WithText(new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(Inv), After = "0" },
            new Justification { Val = JustificationValues.Left })), text, size, bold, italic);

    private static Paragraph CellParagraph(string text, JustificationValues alignment, bool bold) =>
        WithText(new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "40", After = "40" },
            new Justification { Val = alignment })), text, Pt13, bold, italic: false);

    /// <summary>
    /// A short centred line drawn as the bottom border of an empty 2 pt paragraph whose indents limit it to
    /// <paramref name="width"/> twips: the line under the issuer, the motto and the subject.
    /// </summary>
    private static Paragraph ShortLine(int width, int before, int after, int cellWidth)
    {
        var indent = Math.Max(0, (cellWidth - width) / 2).ToString(Inv);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = before.ToString(Inv), After = after.ToString(Inv), Line = "40", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent, Right = indent },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    /// <summary>The text as one run (line breaks kept) with its font, size, weight and colour spelled out.</summary>
    private static Paragraph WithText(Paragraph paragraph, string text, int size, bool bold, bool italic)
    {
        var run = new Run(RunProperties(size, bold, italic));
        // Cleaned here too: a character XML cannot hold (a vertical tab pasted from Word) must not fail the download.
        var lines = ReportText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static RunProperties RunProperties(int size, bool bold, bool italic)
    {
        var properties = new RunProperties(Fonts());
        if (bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            properties.Append(new Italic(), new ItalicComplexScript());
        }

        properties.Append(new Color { Val = "000000" }, new FontSize { Val = size.ToString(Inv) }, new FontSizeComplexScript { Val = size.ToString(Inv) });
        return properties;
    }

    private static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    private static Table BorderlessTable(int[] widths, TableRow row) => new(
        new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(Inv), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Inv) })),
        row);

    private static TableCellProperties CellWidth(int width) =>
        new(new TableCellWidth { Width = width.ToString(Inv), Type = TableWidthUnitValues.Dxa });

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static System.Globalization.CultureInfo Inv => System.Globalization.CultureInfo.InvariantCulture;
}
