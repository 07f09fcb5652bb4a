using Metrology.Core.Data;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Metrology.Web.Features.PublicLookup;

/// <summary>
/// What a citizen sees of a certificate: status, instrument, body, dates. Never the owner, never an internal id;
/// <see cref="RevocationReason"/> is a code from a fixed list (PublicLookupService.PublicRevocationReason).
/// </summary>
public sealed record PublicCertificate(
    string Status,
    string CertificateNumber,
    string? TypeCode,
    string? TypeNameVi,
    string? TypeNameEn,
    string SerialNumber,
    string? BodyName,
    DateOnly? VerificationDate,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    DateTime? RevokedAt,
    string? RevocationReason,
    string? ReplacedByNumber,
    string? ReplacedByToken,
    string? BodyPhone = null);

/// <summary>The answer to /api/v1/public/certificates/{token}: <see cref="Certificate"/> is null when not found.</summary>
public sealed record PublicCertificateResult(string Status, PublicCertificate? Certificate);

/// <summary>
/// The answer to a search by certificate number or stamp serial: one match per certificate (several bodies
/// may use the same number), serials masked, no tokens. <see cref="Status"/> is that of the newest match.
/// </summary>
public sealed record PublicLookupResult(string Status, IReadOnlyList<PublicCertificate> Matches);

/// <summary>
/// The public lookup (design/domain.md, Certificate). Anonymous callers have no tenant scope, and the
/// queries ignore the filters on purpose: a certificate is public whichever province issued it.
/// </summary>
public sealed class PublicLookupService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>
    /// Type names change a few times a year (a circular's revision), while the lookup is the busiest
    /// endpoint: they are read once per interval instead of once per request.
    /// </summary>
    private static readonly TimeSpan TypeNamesLifetime = TimeSpan.FromMinutes(10);

    private static readonly object TypeNamesKey = new();

    public const string NotFound = "notFound";

    /// <summary>Enough for every certificate of one number across bodies and its reissues; more is a sign of probing.</summary>
    private const int MaxMatches = 20;

    public async Task<PublicCertificateResult> ByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        // Tokens are 27 base64url characters; anything else cannot match, so no query for it.
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40)
        {
            return new PublicCertificateResult(NotFound, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await QueryAsync(db, db.Certificates.IgnoreQueryFilters().Where(c => c.PublicToken == token), maskSerial: false, cancellationToken);
        return found.Count == 0 ? new PublicCertificateResult(NotFound, null) : new PublicCertificateResult(found[0].Status, found[0]);
    }

    public async Task<PublicLookupResult> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        // However it is typed: case, Đ or D and separators aside ("gcnkd" finds "GCNKĐ", "qt250000009" finds "QT25-0000009").
        var key = TextSearch.CompactKey(query);
        if (key.Length == 0 || query!.Length > 60)
        {
            return new PublicLookupResult(NotFound, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var certificates = db.Certificates.IgnoreQueryFilters();
        var stampVerifications = db.Verifications.IgnoreQueryFilters().Where(v => v.StampKey == key).Select(v => (long?)v.Id);
        var rows = certificates.Where(c => c.NumberKey == key || stampVerifications.Contains(c.VerificationId));
        var matches = await QueryAsync(db, rows, maskSerial: true, cancellationToken);
        return new PublicLookupResult(matches.Count == 0 ? NotFound : matches[0].Status, matches);
    }

    private async Task<List<PublicCertificate>> QueryAsync(AppDbContext db, IQueryable<Certificate> rows, bool maskSerial, CancellationToken cancellationToken)
    {
        // Navigations, not correlated First() subqueries: EF turns those into a ROW_NUMBER() over the
        // whole table, which made each lookup scan a million instruments.
        var found = await rows.AsNoTracking()
            .OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .Take(MaxMatches)
            .Select(c => new
            {
                Certificate = c,
                VerificationDate = c.Verification == null ? (DateOnly?)null : c.Verification.Date,
                Instrument = new { c.Instrument!.TypeCode, c.Instrument.SerialNumber },
                BodyName = c.Body!.Name,
                BodyPhone = c.Body.Phone,
            })
            .ToListAsync(cancellationToken);
        var replacementIds = found.Select(f => f.Certificate.ReplacedById).OfType<long>().ToList();
        var replacements = replacementIds.Count == 0
            ? []
            : await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(r => replacementIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => new { r.Number, r.PublicToken }, cancellationToken);
        var types = found.Count == 0 ? null : await TypeNamesAsync(db, cancellationToken);
        var today = DisplayFormat.Today(clock);
        return found.Select(f =>
        {
            var type = f.Instrument.TypeCode is { } code && types!.TryGetValue(code, out var t) ? t : null;
            var certificate = f.Certificate;
            var replacement = certificate.ReplacedById is { } replacedBy ? replacements[replacedBy] : null;
            return new PublicCertificate(
                StatusName(certificate.StatusOn(today)),
                certificate.Number,
                f.Instrument.TypeCode,
                type?.NameVi,
                type?.NameEn,
                maskSerial ? VerificationRules.MaskSerial(f.Instrument.SerialNumber) : f.Instrument.SerialNumber,
                f.BodyName,
                f.VerificationDate,
                certificate.IssuedOn,
                certificate.ValidUntil,
                certificate.RevokedAt,
                PublicRevocationReason(certificate),
                replacement?.Number,
                // The replacement's token only to someone who already holds this certificate's token.
                maskSerial ? null : replacement?.PublicToken,
                f.BodyPhone);
        }).ToList();
    }

    /// <summary>Vietnamese and English name of each Group 2 code, from its latest row.</summary>
    private async Task<Dictionary<string, TypeName>> TypeNamesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(TypeNamesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TypeNamesLifetime;
            var rows = await db.Group2InstrumentTypes.AsNoTracking()
                .Select(t => new { t.Code, t.NameVi, t.NameEn, t.EffectiveFrom })
                .ToListAsync(cancellationToken);
            return rows.GroupBy(t => t.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.EffectiveFrom).Select(t => new TypeName(t.NameVi, t.NameEn)).First(), StringComparer.Ordinal);
        }))!;

    private sealed record TypeName(string NameVi, string NameEn);

    /// <summary>
    /// The revocation reason a citizen sees: "withdrawn" or "reissued" (texts Public.RevocationReason.*), never
    /// the body's own words, which may name the owner, an employee or an internal matter.
    /// </summary>
    public static string? PublicRevocationReason(Certificate certificate) =>
        certificate.RevokedAt is null ? null
        : certificate.ReplacedById is null ? "withdrawn"
        : "reissued";

    public static string StatusName(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "valid",
        CertificateStatus.Expired => "expired",
        _ => "revoked",
    };
}
