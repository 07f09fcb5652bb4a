using System.Text;
using Metrology.Core.Attachments;
using Metrology.Core.Data;
using Metrology.Web.Features.Attachments;
using Metrology.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// One small generated file, so the demo shows an attachment: the "trích yếu" of Decision 1928/QĐ-UBND as UTF-8
/// text, attached to that decision. Generated here rather than kept in the repository (no binary files there).
/// </summary>
public sealed class DemoAttachmentSeeder(AppDbContext db, AttachmentStore store) : IDemoRecordSeeder
{
    public const string FileName = "1928-QD-UBND-trich-yeu.txt";

    /// <summary>After the documents (Order 10) it attaches to.</summary>
    public int Order => 15;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var decision = await db.DirectiveDocuments
            .FirstAsync(d => d.ProvinceId == context.ProvinceId && d.Number == DemoDocumentSeeder.ImplementationDecision, cancellationToken);
        var text = $"""
            {decision.Issuer}
            Quyết định số {decision.Number} ngày {DocumentNumber.LegalDate(decision.IssuedOn)}
            {decision.Subject}

            {decision.Summary}
            """;
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var pending = await store.ReceiveAsync(content, cancellationToken)
            ?? throw new InvalidOperationException("The demo attachment is larger than Attachments:MaxBytes.");
        store.Commit(pending);
        db.Attachments.Add(new Attachment
        {
            ProvinceId = context.ProvinceId,
            Target = AttachmentTarget.DirectiveDocument,
            TargetId = decision.Id,
            FileName = FileName,
            ContentType = "text/plain; charset=utf-8",
            SizeBytes = pending.SizeBytes,
            Sha256 = pending.Sha256,
            UploadedByEmail = "officer@quangtri.demo",
            UploadedAt = context.Now,
        });
    }
}
