using Metrology.Core.Attachments;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Attachments;

public sealed record AttachmentDto(
    int Id,
    AttachmentTarget Target,
    int TargetId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string? UploadedByEmail,
    DateTime UploadedAt);

/// <summary>The files of one record and whether the current user may add or remove some.</summary>
public sealed record AttachmentListDto(IReadOnlyList<AttachmentDto> Items, bool CanWrite, long MaxBytes);

/// <summary>An upload's result; <see cref="TooLarge"/> is answered 413 rather than 400.</summary>
public sealed record UploadResult(Outcome<AttachmentDto> Outcome, bool TooLarge = false);

/// <summary>A stored file opened for download.</summary>
public sealed record AttachmentContent(Stream Content, string FileName, string ContentType);
