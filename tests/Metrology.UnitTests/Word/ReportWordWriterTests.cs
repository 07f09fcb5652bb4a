using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Metrology.Core.Reporting;
using Metrology.Web.Features.Reports.Word;
using Shouldly;

namespace Metrology.UnitTests.Word;

/// <summary>
/// The seed report written to DOCX and read back with the Open XML SDK: each rule of the Decree 30/2020 format
/// table (design/report.md) checked by its value. Sizes are in half-points (26 = 13 pt), lengths in twips
/// (56.7 per mm).
/// </summary>
public sealed class ReportWordWriterTests : IDisposable
{
    private readonly MemoryStream file = new();
    private readonly WordprocessingDocument word;

    public ReportWordWriterTests()
    {
        ReportWordWriter.Write(SeedReport.Document(), file);
        file.Position = 0;
        word = WordprocessingDocument.Open(file, isEditable: false);
    }

    private Body Body => word.MainDocumentPart!.Document!.Body!;

    public void Dispose()
    {
        word.Dispose();
        file.Dispose();
    }

    [Fact]
    public void The_file_is_a_valid_word_document()
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(word, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Characters_pasted_from_word_that_xml_cannot_hold_are_dropped_or_made_line_breaks_and_the_file_still_opens()
    {
        // A vertical tab (Word's manual line break), a form feed, NUL and U+FFFE in a paragraph, a header field and a table cell.
        var pasted = SeedReport.Document() with
        {
            Header = SeedReport.Header(null).Copy(),
            Body = [new ReportParagraph("Thiếu cán bộ.\vChưa có phòng thí nghiệm.\f\0Hết\uFFFE.")],
            Annex = SeedReport.Annex with { Caption = "(Kèm theo\u0001 Báo cáo)" },
        };
        pasted.Header.SignerName = "Lê\v Đức Tiến\0";
        using var stream = new MemoryStream();

        ReportWordWriter.Write(pasted, stream);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraph = body.Descendants<Paragraph>().First(p => p.InnerText.StartsWith("Thiếu cán bộ.", StringComparison.Ordinal));
        paragraph.Descendants<Text>().Select(t => t.Text).ShouldBe(["Thiếu cán bộ.", "Chưa có phòng thí nghiệm.", "Hết."]);
        paragraph.Descendants<Break>().Count().ShouldBe(2);
        body.InnerText.ShouldContain("Lê");
        body.InnerText.ShouldContain("Đức Tiến");
        body.InnerText.ShouldContain("(Kèm theo Báo cáo)");
        body.InnerText.ShouldNotContain("\0");
    }

    [Fact]
    public void Paper_is_A4_portrait_with_the_decree_margins()
    {
        var section = Body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        size.Width!.Value.ShouldBe(11906u);
        size.Height!.Value.ShouldBe(16838u);
        (size.Orient?.Value ?? PageOrientationValues.Portrait).ShouldBe(PageOrientationValues.Portrait);

        var margins = section.GetFirstChild<PageMargin>()!;
        margins.Top!.Value.ShouldBeInRange(1134, 1417);       // 20-25 mm
        margins.Bottom!.Value.ShouldBeInRange(1134, 1417);    // 20-25 mm
        ((int)margins.Left!.Value).ShouldBeInRange(1701, 1984);   // 30-35 mm
        ((int)margins.Right!.Value).ShouldBeInRange(851, 1134);   // 15-20 mm
    }

    [Fact]
    public void Every_run_is_times_new_roman_in_black()
    {
        var headers = word.MainDocumentPart!.HeaderParts.SelectMany(h => h.Header!.Descendants<Run>());
        var runs = Body.Descendants<Run>().Concat(headers).ToList();
        runs.Count.ShouldBeGreaterThan(50);
        foreach (var run in runs)
        {
            var fonts = run.RunProperties!.RunFonts!;
            new[] { fonts.Ascii?.Value, fonts.HighAnsi?.Value, fonts.ComplexScript?.Value, fonts.EastAsia?.Value }
                .ShouldAllBe(f => f == "Times New Roman", $"run \"{run.InnerText}\"");
            run.RunProperties.Color!.Val!.Value.ShouldBe("000000");
        }

        var defaults = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
        defaults.RunFonts.EastAsia!.Value.ShouldBe("Times New Roman");
        defaults.Color!.Val!.Value.ShouldBe("000000");
    }

    [Fact]
    public void The_issuer_stands_top_left_with_a_short_line_and_a_blank_number()
    {
        var first = Body.ChildElements[0].ShouldBeOfType<Table>();
        ShouldBeBorderless(first);
        var left = first.Elements<TableRow>().Single().Elements<TableCell>().First();
        var paragraphs = left.Elements<Paragraph>().ToList();

        Text(paragraphs[0]).ShouldBe("ỦY BAN NHÂN DÂN");
        Text(paragraphs[1]).ShouldBe("TỈNH QUẢNG TRỊ");
        foreach (var issuer in paragraphs.Take(2))
        {
            Size(issuer).ShouldBeInRange(24, 26);
            IsBold(issuer).ShouldBeTrue();
            Alignment(issuer).ShouldBe(JustificationValues.Center);
        }

        ShouldBeShortLine(paragraphs[2], left);
        Text(paragraphs[3]).ShouldBe("Số:      /BC-UBND");
        Size(paragraphs[3]).ShouldBe(26);
        IsBold(paragraphs[3]).ShouldBeFalse();
    }

    [Fact]
    public void A_registered_report_shows_its_number()
    {
        using var stream = new MemoryStream();
        ReportWordWriter.Write(SeedReport.Document(number: "15"), stream);
        stream.Position = 0;
        using var numbered = WordprocessingDocument.Open(stream, isEditable: false);

        numbered.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(Text).ShouldContain("Số: 15/BC-UBND");
    }

    [Fact]
    public void The_national_motto_stands_top_right_with_a_line_and_the_place_and_date_in_italics()
    {
        var right = Body.Elements<Table>().First().Elements<TableRow>().Single().Elements<TableCell>().Last();
        var paragraphs = right.Elements<Paragraph>().ToList();

        Text(paragraphs[0]).ShouldBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Size(paragraphs[0]).ShouldBeInRange(24, 26);
        IsBold(paragraphs[0]).ShouldBeTrue();

        Text(paragraphs[1]).ShouldBe("Độc lập - Tự do - Hạnh phúc");
        Size(paragraphs[1]).ShouldBeInRange(26, 28);
        IsBold(paragraphs[1]).ShouldBeTrue();
        ShouldBeShortLine(paragraphs[2], right);

        Text(paragraphs[3]).ShouldBe(SeedReport.PlaceAndDate);
        Size(paragraphs[3]).ShouldBeInRange(26, 28);
        IsItalic(paragraphs[3]).ShouldBeTrue();
        IsBold(paragraphs[3]).ShouldBeFalse();
        paragraphs.ShouldAllBe(p => Alignment(p) == JustificationValues.Center);
    }

    [Fact]
    public void Title_subject_and_addressee_are_centred_under_the_header()
    {
        var paragraphs = Body.Elements<Paragraph>().ToList();
        var title = paragraphs.Single(p => Text(p) == "BÁO CÁO");
        Size(title).ShouldBeInRange(26, 28);
        IsBold(title).ShouldBeTrue();
        Alignment(title).ShouldBe(JustificationValues.Center);

        var subject = paragraphs[paragraphs.IndexOf(title) + 1];
        Text(subject).ShouldBe(SeedReport.Subject);
        IsBold(subject).ShouldBeTrue();
        Alignment(subject).ShouldBe(JustificationValues.Center);

        var addressee = paragraphs.Single(p => Text(p).StartsWith("Kính gửi:", StringComparison.Ordinal));
        Text(addressee).ShouldBe("Kính gửi: Bộ Khoa học và Công nghệ");
        Size(addressee).ShouldBe(28);
        Alignment(addressee).ShouldBe(JustificationValues.Center);
    }

    [Fact]
    public void Body_paragraphs_are_14_pt_justified_with_a_first_line_indent_and_space_after()
    {
        var paragraphs = Body.Elements<Paragraph>().ToList();
        foreach (var block in SeedReport.Body.Append(new ReportParagraph(SeedReport.Closing)))
        {
            var paragraph = paragraphs.Single(p => Text(p) == block.Text);
            Size(paragraph).ShouldBe(28, block.Text);
            Alignment(paragraph).ShouldBe(JustificationValues.Both, block.Text);
            var indent = int.Parse(paragraph.ParagraphProperties!.Indentation!.FirstLine!.Value!, System.Globalization.CultureInfo.InvariantCulture);
            indent.ShouldBeInRange(567, 720, block.Text);   // 1-1.27 cm
            var spacing = paragraph.ParagraphProperties.SpacingBetweenLines!;
            int.Parse(spacing.After!.Value!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(120);   // 6 pt
            spacing.LineRule!.Value.ShouldBe(LineSpacingRuleValues.Auto);
            int.Parse(spacing.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(240, 360);   // single to 1.5
            IsBold(paragraph).ShouldBe(block is ReportHeading, block.Text);
        }
    }

    [Fact]
    public void Recipients_sit_bottom_left_beside_the_signature_block()
    {
        var signatureTable = Body.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        ShouldBeBorderless(signatureTable);
        var closing = Body.Elements<Paragraph>().Single(p => Text(p) == SeedReport.Closing);
        closing.NextSibling().ShouldBeSameAs(signatureTable);
        var cells = signatureTable.Elements<TableRow>().Single().Elements<TableCell>().ToList();

        var recipients = cells[0].Elements<Paragraph>().ToList();
        Text(recipients[0]).ShouldBe("Nơi nhận:");
        Size(recipients[0]).ShouldBe(24);
        IsBold(recipients[0]).ShouldBeTrue();
        IsItalic(recipients[0]).ShouldBeTrue();
        recipients.Skip(1).Select(Text).ShouldBe(["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KGVX."]);
        recipients.Skip(1).ShouldAllBe(p => Size(p) == 22 && Alignment(p) == JustificationValues.Left);

        var signature = cells[1].Elements<Paragraph>().ToList();
        signature.Select(Text).ShouldBe(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Đức Tiến"]);
        signature.ShouldAllBe(p => IsBold(p) && Alignment(p) == JustificationValues.Center);
        signature.Take(3).ShouldAllBe(p => Size(p) >= 26 && Size(p) <= 28);
        // The signing space above the name: at least 2.5 cm (1417 twips) for the signature and the seal.
        int.Parse(signature[3].ParagraphProperties!.SpacingBetweenLines!.Before!.Value!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(1417);
        // Kept on one page, never split between the list and the name.
        signatureTable.Elements<TableRow>().Single().TableRowProperties!.GetFirstChild<CantSplit>().ShouldNotBeNull();
    }

    [Fact]
    public void A_chair_signing_himself_has_no_capacity_line()
    {
        var header = SeedReport.Header();
        header.SignerCapacity = string.Empty;
        header.SignerTitle = "CHỦ TỊCH";
        using var stream = new MemoryStream();
        ReportWordWriter.Write(SeedReport.Document() with { Header = header }, stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        table.Descendants<TableCell>().Last().Elements<Paragraph>().Select(Text).ShouldBe(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Đức Tiến"]);
    }

    [Fact]
    public void Page_numbers_are_centred_at_the_top_from_page_two()
    {
        var main = word.MainDocumentPart!;
        var section = Body.Elements<SectionProperties>().Single();
        section.GetFirstChild<TitlePage>().ShouldNotBeNull();

        var references = section.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => (HeaderPart)main.GetPartById(r.Id!.Value!));
        var numbered = references[HeaderFooterValues.Default].Header!;
        numbered.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
        var paragraph = numbered.Elements<Paragraph>().Single();
        Alignment(paragraph).ShouldBe(JustificationValues.Center);
        paragraph.Descendants<Run>().ShouldAllBe(r => r.RunProperties!.FontSize!.Val! == "28");

        var first = references[HeaderFooterValues.First].Header!;
        first.InnerText.ShouldBeEmpty();
        first.Descendants<FieldCode>().ShouldBeEmpty();
        first.Descendants<SimpleField>().ShouldBeEmpty();
    }

    [Fact]
    public void The_annex_starts_a_new_page_with_a_bordered_table_and_a_repeated_bold_header()
    {
        var title = Body.Elements<Paragraph>().Single(p => Text(p) == SeedReport.AnnexTitle);
        IsBold(title).ShouldBeTrue();
        Alignment(title).ShouldBe(JustificationValues.Center);
        title.PreviousSibling<Paragraph>()!.Descendants<Break>().Single().Type!.Value.ShouldBe(BreakValues.Page);

        var table = title.NextSibling<Table>()!;
        var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
        new BorderType?[] { borders.TopBorder, borders.BottomBorder, borders.LeftBorder, borders.RightBorder, borders.InsideHorizontalBorder, borders.InsideVerticalBorder }
            .ShouldAllBe(b => b != null && b.Val! == BorderValues.Single);

        var rows = table.Elements<TableRow>().ToList();
        rows.Count.ShouldBe(SeedReport.Annex.Rows.Count + 1);
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(SeedReport.Annex.Columns);
        rows[0].Descendants<Paragraph>().ShouldAllBe(p => IsBold(p));
        rows.Skip(1).SelectMany(r => r.Descendants<Paragraph>()).ShouldAllBe(p => !IsBold(p));
        table.Descendants<Paragraph>().ShouldAllBe(p => Size(p) == 24 || Size(p) == 26);

        var groundRow = rows[3].Elements<TableCell>().ToList();   // "Phương tiện đo nhóm 2 được kiểm định"
        groundRow[3].InnerText.ShouldBe("12.480");
        Alignment(groundRow[3].Elements<Paragraph>().Single()).ShouldBe(JustificationValues.Right);
        Alignment(groundRow[4].Elements<Paragraph>().Single()).ShouldBe(JustificationValues.Right);
        Alignment(groundRow[1].Elements<Paragraph>().Single()).ShouldBe(JustificationValues.Left);
        table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(ReportWordWriter.TextWidth);
    }

    [Fact]
    public void A_report_without_annex_has_no_page_break()
    {
        using var stream = new MemoryStream();
        ReportWordWriter.Write(SeedReport.Document(withAnnex: false), stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        var body = document.MainDocumentPart!.Document!.Body!;
        body.Descendants<Break>().Where(b => b.Type?.Value == BreakValues.Page).ShouldBeEmpty();
        body.Elements<Table>().Count().ShouldBe(2);
    }

    [Fact]
    public void Writes_to_a_stream_that_cannot_seek()
    {
        using var inner = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(inner))
        {
            ReportWordWriter.Write(SeedReport.Document(), forwardOnly);
        }

        inner.Position = 0;
        using var document = WordprocessingDocument.Open(inner, isEditable: false);
        document.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Lê Đức Tiến");
    }

    internal static string Text(Paragraph paragraph) => string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));

    private static int Size(Paragraph paragraph) =>
        paragraph.Descendants<Run>().Select(r => int.Parse(r.RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Single();

    private static bool IsBold(Paragraph paragraph) => paragraph.Descendants<Run>().All(r => r.RunProperties?.Bold is { } b && (b.Val?.Value ?? true));

    private static bool IsItalic(Paragraph paragraph) => paragraph.Descendants<Run>().All(r => r.RunProperties?.Italic is { } i && (i.Val?.Value ?? true));

    private static JustificationValues? Alignment(Paragraph paragraph) => paragraph.ParagraphProperties?.Justification?.Val?.Value;

    private static void ShouldBeBorderless(Table table)
    {
        var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
        borders.ChildElements.Count.ShouldBe(6);
        borders.ChildElements.Cast<BorderType>().ShouldAllBe(b => b.Val! == BorderValues.Nil);
    }

    /// <summary>An empty paragraph whose bottom border, limited by its indents, is a centred line a third to a half of the column.</summary>
    private static void ShouldBeShortLine(Paragraph paragraph, TableCell cell)
    {
        Text(paragraph).ShouldBeEmpty();
        paragraph.ParagraphProperties!.ParagraphBorders!.BottomBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        var cellWidth = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        var indentation = paragraph.ParagraphProperties.Indentation!;
        var left = int.Parse(indentation.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        var right = int.Parse(indentation.Right!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        left.ShouldBe(right);
        (cellWidth - left - right).ShouldBeInRange(cellWidth / 4, cellWidth / 2 + 200);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
