using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Attachments;

/// <summary>The kinds of record a file can be attached to (evidence, scanned decisions, photos).</summary>
public enum AttachmentTarget
{
    DirectiveDocument,
    PlanTask,
    ScienceTask,
    InvestmentProject,
    Outreach,
    AssuranceStep,
    InspectionPlan,
    InspectionRecord,
}

/// <summary>
/// A file attached to a record. The bytes live under the data directory, named by their SHA-256, so the same
/// file attached twice is stored once; this row carries the name the user gave it and who may download it
/// (whoever can read the target record).
/// </summary>
public class Attachment : IProvinceOwned, IAudited
{
    public const int FileNameMaxLength = 255;

    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public AttachmentTarget Target { get; set; }

    /// <summary>Id of the record in the table <see cref="Target"/> names (no FK: one column serves every kind).</summary>
    public int TargetId { get; set; }

    public required string FileName { get; set; }

    /// <summary>The media type detected from the content (magic bytes), not the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lowercase hex SHA-256 of the content: also the stored file's name.</summary>
    public required string Sha256 { get; set; }

    public string? UploadedByEmail { get; set; }

    public DateTime UploadedAt { get; set; }
}
