using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Metrology.Web.Features.Reports.Word;
using Shouldly;

namespace Metrology.UnitTests.Word;

/// <summary>
/// The seed report's DOCX as the province will see it: converted to PDF by LibreOffice (scripts/test.sh installs
/// it on CI), then read back with poppler's pdfinfo and pdftotext, page by page. Skipped, saying why, only when
/// soffice or poppler is missing from the machine.
/// </summary>
public sealed partial class ReportPdfRenderingTests
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task LibreOffice_lays_the_report_out_on_A4_pages_with_the_annex_last()
    {
        var soffice = Find("soffice") ?? Find("libreoffice");
        Assert.SkipWhen(soffice is null, "LibreOffice (soffice) is not installed, so the DOCX cannot be converted to PDF here.");
        Assert.SkipWhen(Find("pdfinfo") is null || Find("pdftotext") is null, "poppler-utils (pdfinfo, pdftotext) is not installed.");

        var folder = Directory.CreateTempSubdirectory("report-word-");
        try
        {
            var docx = Path.Combine(folder.FullName, "bao-cao.docx");
            await using (var file = File.Create(docx))
            {
                ReportWordWriter.Write(SeedReport.Document(), file);
            }

            // A private profile per run: two conversions sharing the default one would block each other.
            var profile = new Uri(Path.Combine(folder.FullName, "lo-profile")).AbsoluteUri;
            await RunAsync(soffice!, ConversionTimeout, $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder.FullName, docx);
            var pdf = Path.Combine(folder.FullName, "bao-cao.pdf");
            File.Exists(pdf).ShouldBeTrue("LibreOffice wrote no PDF");
            KeepForPreview(docx, pdf);

            var info = await RunAsync("pdfinfo", TimeSpan.FromSeconds(30), pdf);
            var pages = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
            // Four pages of the seed's text at 14 pt, the annex on its own page.
            pages.ShouldBeInRange(4, 7);
            var size = PageSizeLine().Match(info);
            double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(595.3, 1);   // 210 mm
            double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture).ShouldBe(841.9, 1);   // 297 mm

            var text = new List<string>();
            for (var page = 1; page <= pages; page++)
            {
                text.Add(await RunAsync("pdftotext", TimeSpan.FromSeconds(30), "-layout", "-f", $"{page}", "-l", $"{page}", pdf, "-"));
            }

            var first = text[0];
            first.ShouldContain("ỦY BAN NHÂN DÂN");
            first.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            first.ShouldContain("Độc lập - Tự do - Hạnh phúc");
            first.ShouldContain("BÁO CÁO");
            first.ShouldContain("Kính gửi: Bộ Khoa học và Công nghệ");
            // The issuer and the motto share the first line: a two-column header, not stacked paragraphs.
            FirstLine(first).ShouldContain("ỦY BAN NHÂN DÂN");
            FirstLine(first).ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

            // Page numbers from page 2, alone on the top line; none on page 1.
            for (var page = 2; page <= pages; page++)
            {
                FirstLine(text[page - 1]).Trim().ShouldBe($"{page}");
            }

            var annex = text[^1];
            annex.ShouldContain("PHỤ LỤC");
            annex.ShouldContain("STT");
            annex.ShouldContain("12.480");
            annex.ShouldContain("31.907");
            annex.ShouldNotContain("Nơi nhận:");

            // The signature block closes the body, on the page before the annex, with the recipients beside it.
            var signed = text[^2];
            signed.ShouldContain("Nơi nhận:");
            signed.ShouldContain("Lê Đức Tiến");
            signed.Split('\n').ShouldContain(line => line.Contains("Nơi nhận:", StringComparison.Ordinal) || line.Contains("TM. ỦY BAN NHÂN DÂN", StringComparison.Ordinal));
            signed.Split('\n').ShouldContain(line => line.Contains("- Như trên;", StringComparison.Ordinal) && line.Contains("KT. CHỦ TỊCH", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// With METROLOGY_REPORT_PREVIEW set to a folder, the DOCX and PDF are copied there to be looked at
    /// (e.g. <c>pdftoppm -png -r 60 bao-cao.pdf page</c>): the XML can be right and the page still look wrong.
    /// </summary>
    private static void KeepForPreview(string docx, string pdf)
    {
        if (Environment.GetEnvironmentVariable("METROLOGY_REPORT_PREVIEW") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(docx, Path.Combine(folder, Path.GetFileName(docx)), overwrite: true);
            File.Copy(pdf, Path.Combine(folder, Path.GetFileName(pdf)), overwrite: true);
        }
    }

    private static string FirstLine(string page) =>
        page.Split('\n').First(line => !string.IsNullOrWhiteSpace(line));

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took longer than {timeout.TotalSeconds} s");
        }

        process.ExitCode.ShouldBe(0, $"{program}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline)]
    private static partial Regex PageSizeLine();
}
