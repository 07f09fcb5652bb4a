using Metrology.Core.Shared;

namespace Metrology.Core.Auditing;

/// <summary>Marks an entity whose every create / update / delete is written to the audit log.</summary>
public interface IAudited;

public enum AuditAction
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// One append-only line of the audit log: who changed what, when, and the values before and after.
/// Never updated or deleted by the application (the DbContext refuses to).
/// </summary>
public class AuditEntry : IProvinceOwned
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserEmail { get; set; }

    public int? ProvinceId { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object of the audited properties before the change (null on create).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the audited properties after the change (null on delete).</summary>
    public string? After { get; set; }
}
