using System.Text;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using QRCoder;
using SkiaSharp;

namespace Metrology.Web.Features.Verification;

/// <summary>
/// Renders a certificate as one A4 page with SkiaSharp's PDF backend. The text is Vietnamese whatever
/// the UI language: it is the legal document. Liberation Serif 2 ships in Fonts/ (OFL, see OFL.txt)
/// because Debian's older Liberation fonts have no Vietnamese glyphs and a server may have no fonts at all.
/// </summary>
public static class CertificatePdf
{
    /// <summary>A4 in PDF points (1/72 inch).</summary>
    public const float PageWidth = 595f;

    public const float PageHeight = 842f;

    private const float Margin = 56f;

    private static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("LiberationSerif-Regular.ttf"));

    private static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("LiberationSerif-Bold.ttf"));

    public static byte[] Render(CertificateDto certificate, string verifyUrl)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Giấy chứng nhận kiểm định {certificate.Number}",
            Creator = "Metrology",
            Producer = "SkiaSharp",
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Draw(canvas, certificate, verifyUrl);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, CertificateDto c, string verifyUrl)
    {
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var regular = new SKFont(Regular.Value, 12);
        using var bold = new SKFont(Bold.Value, 12);
        using var small = new SKFont(Regular.Value, 9);
        using var title = new SKFont(Bold.Value, 20);

        var center = PageWidth / 2;
        var y = Margin;
        // Header: the issuing body on the left, the national motto on the right, as on paper certificates.
        var left = Margin + 110;
        DrawCentered(canvas, Wrap(c.BodyName ?? string.Empty, bold, 220), left, ref y, bold, black);
        DrawCentered(canvas, [$"Số: {c.Number}"], left, ref y, regular, black);
        var right = PageWidth - Margin - 120;
        var yRight = Margin;
        DrawCentered(canvas, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], right, ref yRight, bold, black);
        DrawCentered(canvas, ["Độc lập - Tự do - Hạnh phúc"], right, ref yRight, bold, black);
        y = Math.Max(y, yRight) + 40;

        DrawCentered(canvas, ["GIẤY CHỨNG NHẬN KIỂM ĐỊNH"], center, ref y, title, black);
        y += 24;

        var rows = new List<(string Label, string Value)>
        {
            ("Tên phương tiện đo:", c.TypeName ?? c.TypeCode ?? string.Empty),
            ("Nhà sản xuất:", c.InstrumentManufacturer),
            ("Kiểu:", c.InstrumentModel ?? "-"),
            ("Số sản xuất:", c.InstrumentSerial),
            ("Cơ sở kiểm định:", c.BodyName ?? string.Empty),
            ("Hình thức kiểm định:", KindVi(c.Kind)),
            ("Ngày kiểm định:", DisplayFormat.Date(c.VerificationDate)),
            ("Kết quả:", c.Result == VerificationResult.Pass ? "Đạt yêu cầu kỹ thuật đo lường" : "Không đạt"),
            ("Số tem kiểm định:", c.StampSerial ?? "-"),
            ("Có hiệu lực đến:", c.ValidUntil is null ? "-" : DisplayFormat.Date(c.ValidUntil)),
        };
        if (c.ReplacesNumber is not null)
        {
            rows.Add(("Thay thế giấy chứng nhận số:", c.ReplacesNumber));
        }

        foreach (var (label, value) in rows)
        {
            canvas.DrawText(Nfc(label), Margin, y, SKTextAlign.Left, regular, black);
            var lines = Wrap(value, bold, PageWidth - Margin - 230);
            foreach (var line in lines)
            {
                canvas.DrawText(line, 230, y, SKTextAlign.Left, bold, black);
                y += 20;
            }

            y += 2;
        }

        // Signature block on the right.
        y += 24;
        var signY = y;
        DrawCentered(canvas, [$"Ngày cấp: {DisplayFormat.Date(c.IssuedOn)}"], right, ref signY, regular, black);
        if (c.SignerTitle is not null)
        {
            DrawCentered(canvas, Wrap(c.SignerTitle.ToUpperInvariant(), bold, 220), right, ref signY, bold, black);
        }

        signY += 50;
        DrawCentered(canvas, Wrap(c.SignerName, bold, 220), right, ref signY, bold, black);

        // The QR code on the left: the public page of this certificate's unguessable token.
        const float qrSize = 110;
        DrawQr(canvas, verifyUrl, Margin, y, qrSize);
        var captionY = y + qrSize + 14;
        canvas.DrawText(Nfc("Quét mã để tra cứu hiệu lực:"), Margin, captionY, SKTextAlign.Left, small, black);
        foreach (var line in Wrap(verifyUrl, small, PageWidth - 2 * Margin))
        {
            captionY += 11;
            canvas.DrawText(line, Margin, captionY, SKTextAlign.Left, small, black);
        }

        if (c.RevokedAt is not null)
        {
            DrawRevokedMark(canvas, c);
        }
    }

    /// <summary>A red diagonal stamp and the revocation line, so a printed revoked certificate cannot pass as valid.</summary>
    private static void DrawRevokedMark(SKCanvas canvas, CertificateDto c)
    {
        using var red = new SKPaint { Color = new SKColor(0xC6, 0x28, 0x28, 0xD0), IsAntialias = true };
        using var stroke = new SKPaint { Color = red.Color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        using var big = new SKFont(Bold.Value, 64);
        using var note = new SKFont(Bold.Value, 11);
        canvas.Save();
        canvas.RotateDegrees(-30, PageWidth / 2, PageHeight / 2);
        var mark = Nfc("ĐÃ THU HỒI");
        var width = big.MeasureText(mark);
        canvas.DrawText(mark, PageWidth / 2, PageHeight / 2 + 22, SKTextAlign.Center, big, red);
        canvas.DrawRect(PageWidth / 2 - width / 2 - 16, PageHeight / 2 - 44, width + 32, 84, stroke);
        canvas.Restore();

        var y = PageHeight - Margin - 10;
        var line = $"ĐÃ THU HỒI ngày {DisplayFormat.Date(c.RevokedAt)}. Lý do: {c.RevocationReason}"
            + (c.ReplacedByNumber is null ? string.Empty : $". Thay thế bởi giấy chứng nhận số {c.ReplacedByNumber}.");
        var lines = Wrap(line, note, PageWidth - 2 * Margin);
        y -= (lines.Count - 1) * 14;
        foreach (var text in lines)
        {
            canvas.DrawText(text, Margin, y, SKTextAlign.Left, note, red);
            y += 14;
        }
    }

    private static void DrawQr(SKCanvas canvas, string url, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < modules.Count; row++)
        {
            for (var col = 0; col < modules[row].Count; col++)
            {
                if (modules[row][col])
                {
                    // A hair wider than the cell so neighbouring squares leave no seam when printed.
                    canvas.DrawRect(x + col * cell, y + row * cell, cell + 0.05f, cell + 0.05f, paint);
                }
            }
        }
    }

    private static void DrawCentered(SKCanvas canvas, IEnumerable<string> lines, float x, ref float y, SKFont font, SKPaint paint)
    {
        foreach (var line in lines)
        {
            canvas.DrawText(Nfc(line), x, y, SKTextAlign.Center, font, paint);
            y += font.Size + 5;
        }
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line (a URL) is cut by characters.</summary>
    private static List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (font.MeasureText(candidate) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            var rest = word;
            while (font.MeasureText(rest) > maxWidth && rest.Length > 1)
            {
                var take = rest.Length - 1;
                while (take > 1 && font.MeasureText(rest[..take]) > maxWidth)
                {
                    take--;
                }

                lines.Add(rest[..take]);
                rest = rest[take..];
            }

            current.Append(rest);
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>Skia draws glyph by glyph without shaping: composed characters (ấ, ị) use the font's precomposed glyphs.</summary>
    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static string KindVi(VerificationKind? kind) => kind switch
    {
        VerificationKind.Initial => "Kiểm định ban đầu",
        VerificationKind.Periodic => "Kiểm định định kỳ",
        VerificationKind.AfterRepair => "Kiểm định sau sửa chữa",
        VerificationKind.Reference => "Kiểm định đối chứng",
        _ => "-",
    };

    private static SKTypeface LoadFont(string fileName)
    {
        using var stream = typeof(CertificatePdf).Assembly.GetManifestResourceStream($"Metrology.Web.Fonts.{fileName}")
            ?? throw new InvalidOperationException($"Embedded font {fileName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        // From a copy in native memory: the typeface outlives the resource stream.
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Font {fileName} could not be read.");
    }
}
