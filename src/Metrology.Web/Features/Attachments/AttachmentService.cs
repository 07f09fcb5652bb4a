using Metrology.Core.Attachments;
using Metrology.Core.Data;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Attachments;

/// <summary>
/// Attachments of any record kind, shared by the API and the <c>AttachmentList</c> component. Every operation
/// asks <see cref="AttachmentAccess"/> about the target record first: 404 outside the user's scope, 403 for a
/// role that may not read (or write) it.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    AttachmentAccess access,
    AttachmentStore store,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public long MaxBytes => store.MaxBytes;

    public async Task<Outcome<AttachmentListDto>> ListAsync(AttachmentTarget target, int targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (right, _) = await access.ResolveAsync(db, target, targetId, cancellationToken);
        if (Refusal<AttachmentListDto>(right, AttachmentRight.Read) is { } refused)
        {
            return refused;
        }

        var items = await db.Attachments.AsNoTracking()
            .Where(a => a.Target == target && a.TargetId == targetId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return Outcome<AttachmentListDto>.Ok(new AttachmentListDto(items, right == AttachmentRight.Write, store.MaxBytes));
    }

    /// <summary>
    /// Checks the right on the target, receives the bytes into a temp file, checks size and content type, then
    /// moves the file into the store and writes the row. Any refusal leaves neither file nor row behind.
    /// </summary>
    public async Task<UploadResult> UploadAsync(AttachmentTarget target, int targetId, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (right, provinceId) = await access.ResolveAsync(db, target, targetId, cancellationToken);
        if (Refusal<AttachmentDto>(right, AttachmentRight.Write) is { } refused)
        {
            return new UploadResult(refused);
        }

        var name = CleanName(fileName);
        if (name is null)
        {
            return new UploadResult(Invalid(text["Attachments.Error.Name", Attachment.FileNameMaxLength]));
        }

        var pending = await store.ReceiveAsync(content, cancellationToken);
        if (pending is null)
        {
            return new UploadResult(Invalid(TooLargeMessage()), TooLarge: true);
        }

        string? contentType;
        try
        {
            string? problem = "empty";
            contentType = pending.SizeBytes == 0 ? null : ContentSniffer.Detect(pending.TempPath, name, out problem);
            if (contentType is null)
            {
                AttachmentStore.Discard(pending);
                return new UploadResult(Invalid(problem switch
                {
                    "empty" => text["Attachments.Error.Empty"],
                    "content" => text["Attachments.Error.Disguised", Path.GetExtension(name)],
                    _ => text["Attachments.Error.Type", ContentSniffer.AllowedExtensions],
                }));
            }
        }
        catch
        {
            AttachmentStore.Discard(pending);
            throw;
        }

        // File first, row second: a crash in between leaves an unreferenced file, never a row without bytes.
        store.Commit(pending);
        var attachment = new Attachment
        {
            ProvinceId = provinceId,
            Target = target,
            TargetId = targetId,
            FileName = name,
            ContentType = contentType,
            SizeBytes = pending.SizeBytes,
            Sha256 = pending.Sha256,
            UploadedByEmail = currentUser.UserEmail,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.Attachments.AsNoTracking().Where(a => a.Id == attachment.Id).Select(ToDto).FirstAsync(cancellationToken);
        return new UploadResult(Outcome<AttachmentDto>.Ok(saved));
    }

    /// <summary>Opens a file for download when the user may read its record.</summary>
    public async Task<Outcome<AttachmentContent>> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return Outcome<AttachmentContent>.NotFound();
        }

        var (right, _) = await access.ResolveAsync(db, attachment.Target, attachment.TargetId, cancellationToken);
        if (Refusal<AttachmentContent>(right, AttachmentRight.Read) is { } refused)
        {
            return refused;
        }

        return store.OpenRead(attachment.Sha256) is { } stream
            ? Outcome<AttachmentContent>.Ok(new AttachmentContent(stream, attachment.FileName, attachment.ContentType))
            : Outcome<AttachmentContent>.NotFound();
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return Outcome<bool>.NotFound();
        }

        var (right, _) = await access.ResolveAsync(db, attachment.Target, attachment.TargetId, cancellationToken);
        if (Refusal<bool>(right, AttachmentRight.Write) is { } refused)
        {
            return refused;
        }

        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteUnreferencedAsync(db, [attachment.Sha256], cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    public string TooLargeMessage() => text["Attachments.Error.TooLarge", FormatSize(store.MaxBytes)];

    /// <summary>A size as people read it: "25 MB", "512 KB".</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{DisplayFormat.Number(Math.Round(bytes / (1024m * 1024m), 1))} MB",
        >= 1024 => $"{DisplayFormat.Number(Math.Round(bytes / 1024m, 1))} KB",
        _ => $"{bytes} B",
    };

    private Outcome<T>? Refusal<T>(AttachmentRight right, AttachmentRight needed) => right switch
    {
        AttachmentRight.NotFound => Outcome<T>.NotFound(),
        _ when right < needed => Outcome<T>.Forbidden(text["Attachments.Error.Forbidden"]),
        _ => null,
    };

    private static Outcome<AttachmentDto> Invalid(string message)
    {
        var errors = new FieldErrors();
        errors.Add("file", message);
        return Outcome<AttachmentDto>.Invalid(errors);
    }

    /// <summary>The name as shown and offered on download: no folder part (browsers may send "C:\...\x.pdf"), no control characters.</summary>
    private static string? CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length is 0 or > Attachment.FileNameMaxLength ? null : name;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Attachment, AttachmentDto>> ToDto = a => new AttachmentDto(
        a.Id, a.Target, a.TargetId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedByEmail, a.UploadedAt);
}
