namespace Metrology.Core.Accounts;

/// <summary>
/// The chain of refresh tokens that grows from one API sign-in. Each refresh replaces
/// <see cref="CurrentTokenId"/>; a token of the family that is not the current one has already been
/// used, so presenting it again means a copy is in someone else's hands and the family is revoked.
/// </summary>
public class RefreshTokenFamily
{
    public const int IdLength = 32;

    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string CurrentTokenId { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the current refresh token expires; expired families are deleted at the user's next sign-in.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
