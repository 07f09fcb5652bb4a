using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Verification;

/// <summary>
/// Certificates: read, revoke, reissue and render. A certificate is never edited (design/domain.md):
/// a correction revokes it and issues a replacement, and both stay on record, linked.
/// </summary>
public sealed class CertificateService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    VerificationService verifications,
    IStringLocalizer<SharedResource> text)
{
    public const int ReasonMaxLength = 1000;

    private int? OwnBodyId => currentUser.IsInRole(Roles.LabOperator) ? currentUser.OrganizationId ?? -1 : null;

    /// <summary>Only the issuing body's operator revokes or reissues; others see the buttons hidden.</summary>
    public bool CanChange(CertificateDto certificate) => OwnBodyId == certificate.BodyId;

    public async Task<PagedResult<CertificateListItem>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Visible(db);
        // Numbers and serials however typed: case, Đ or D and separators aside ("QT25-0000009" = "qt250000009").
        if (TextSearch.CompactKey(search) is { Length: > 0 } key)
        {
            rows = rows.Where(c => c.NumberKey == key || (c.Verification != null && c.Verification.StampKey == key));
        }

        var total = await rows.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, VerificationQuery.MaxPageSize);
        page = Math.Max(page, 1);
        var list = await rows.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new { Certificate = c, c.Instrument!.TypeCode, c.Instrument.SerialNumber })
            .ToListAsync(cancellationToken);
        var today = DisplayFormat.Today(clock);
        var names = await OrganizationNames.PastScopeAsync(db, list.Select(row => row.Certificate.BodyId), cancellationToken);
        var items = list.Select(row =>
        {
            var c = row.Certificate;
            return new CertificateListItem(c.Id, c.Number, c.StatusOn(today), c.IssuedOn, c.ValidUntil, names.GetValueOrDefault(c.BodyId), row.TypeCode, row.SerialNumber, c.ReplacedById);
        }).ToList();
        return new PagedResult<CertificateListItem>(items, total, page, pageSize);
    }

    public async Task<CertificateDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, id, cancellationToken);
    }

    public async Task<Outcome<CertificateDto>> RevokeAsync(long id, RevokeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var certificate = await Visible(db).AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null)
        {
            return Outcome<CertificateDto>.NotFound();
        }

        if (OwnBodyId != certificate.BodyId)
        {
            return Outcome<CertificateDto>.Forbidden(text["Certificate.Error.NotIssuer"]);
        }

        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "reason", input.Reason, ReasonMaxLength);
        if (errors.Any)
        {
            return Outcome<CertificateDto>.Invalid(errors);
        }

        if (certificate.RevokedAt is not null)
        {
            return Outcome<CertificateDto>.Conflict("id", text["Certificate.Error.AlreadyRevoked", certificate.Number]);
        }

        Revoke(certificate, input.Reason!);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CertificateDto>.Ok((await LoadAsync(db, id, cancellationToken))!);
    }

    /// <summary>Revokes the certificate when still valid and issues a new one for the same verification.</summary>
    public async Task<Outcome<CertificateDto>> ReissueAsync(long id, ReissueInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var old = await Visible(db).AsTracking().Include(c => c.Verification).Include(c => c.Instrument)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (old is null)
        {
            return Outcome<CertificateDto>.NotFound();
        }

        if (OwnBodyId != old.BodyId)
        {
            return Outcome<CertificateDto>.Forbidden(text["Certificate.Error.NotIssuer"]);
        }

        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "number", input.Number, 60);
        FieldRules.RequireText(errors, text, "reason", input.Reason, ReasonMaxLength);
        FieldRules.OptionalText(errors, text, "signerName", input.SignerName, 200);
        FieldRules.OptionalText(errors, text, "signerTitle", input.SignerTitle, 200);
        if (errors.Any)
        {
            return Outcome<CertificateDto>.Invalid(errors);
        }

        if (old.ReplacedById is not null)
        {
            return Outcome<CertificateDto>.Conflict("id", text["Certificate.Error.AlreadyReplaced", old.Number]);
        }

        if (old.Verification is null)
        {
            return Outcome<CertificateDto>.Conflict("id", text["Certificate.Error.NotAVerification"]);
        }

        var number = input.Number!.Trim();
        if (await VerificationService.CertificateNumberTakenAsync(db, old.BodyId, number, cancellationToken))
        {
            return Outcome<CertificateDto>.Conflict("number", text["Certificate.Error.NumberDuplicate", number]);
        }

        if (old.RevokedAt is null)
        {
            Revoke(old, input.Reason!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var replacement = verifications.NewCertificate(old.Verification, old.Instrument!, number, input.SignerName, input.SignerTitle, DisplayFormat.Today(clock), now);
        replacement.ReplacesId = old.Id;
        db.Certificates.Add(replacement);

        // Two saves (the new row needs its id before the old one can point at it), one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            old.ReplacedById = replacement.Id;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the number between the check and the save.
            await transaction.RollbackAsync(cancellationToken);
            return Outcome<CertificateDto>.Conflict("number", text["Certificate.Error.NumberDuplicate", number]);
        }

        return Outcome<CertificateDto>.Ok((await LoadAsync(db, replacement.Id, cancellationToken))!);
    }

    /// <summary>The certificate rendered as an A4 PDF; the QR points to the public page of its token.</summary>
    public async Task<(byte[] Pdf, string Number)?> PdfAsync(long id, string publicBaseUrl, CancellationToken cancellationToken = default)
    {
        var certificate = await GetAsync(id, cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        var verifyUrl = $"{publicBaseUrl.TrimEnd('/')}/verify/{certificate.PublicToken}";
        return (CertificatePdf.Render(certificate, verifyUrl), certificate.Number);
    }

    private void Revoke(Certificate certificate, string reason)
    {
        certificate.RevokedAt = clock.GetUtcNow().UtcDateTime;
        certificate.RevocationReason = reason.Trim();
        certificate.RevokedByUserId = currentUser.UserId;
    }

    private IQueryable<Certificate> Visible(AppDbContext db)
    {
        var rows = db.Certificates.AsNoTracking();
        return OwnBodyId is { } bodyId ? rows.Where(c => c.BodyId == bodyId) : rows;
    }

    private async Task<CertificateDto?> LoadAsync(AppDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await Visible(db).Where(c => c.Id == id).Select(c => new
        {
            Certificate = c,
            VerificationDate = c.Verification == null ? (DateOnly?)null : c.Verification.Date,
            Kind = c.Verification == null ? (VerificationKind?)null : c.Verification.Kind,
            Result = c.Verification == null ? (VerificationResult?)null : c.Verification.Result,
            StampSerial = c.Verification == null ? null : c.Verification.StampSerial,
            c.Instrument!.TypeCode,
            TypeName = db.Group2InstrumentTypes.Where(t => t.Code == c.Instrument.TypeCode).OrderByDescending(t => t.EffectiveFrom).Select(t => t.NameVi).FirstOrDefault(),
            c.Instrument.Manufacturer,
            c.Instrument.Model,
            c.Instrument.SerialNumber,
            // Same body and instrument, so the same tenant filter lets them through.
            ReplacedByNumber = db.Certificates.Where(r => r.Id == c.ReplacedById).Select(r => r.Number).FirstOrDefault(),
            ReplacesNumber = db.Certificates.Where(r => r.Id == c.ReplacesId).Select(r => r.Number).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var c = row.Certificate;
        var bodyName = (await OrganizationNames.PastScopeAsync(db, [c.BodyId], cancellationToken)).GetValueOrDefault(c.BodyId);
        return new CertificateDto(
            c.Id, c.Number, c.StatusOn(DisplayFormat.Today(clock)), c.IssuedOn, c.ValidUntil, c.SignerName, c.SignerTitle,
            c.BodyId, bodyName, c.VerificationId, row.VerificationDate, row.Kind, row.Result, row.StampSerial,
            c.InstrumentId, row.TypeCode, row.TypeName, row.Manufacturer, row.Model, row.SerialNumber, c.PublicToken,
            c.RevokedAt, c.RevocationReason, c.ReplacedById, row.ReplacedByNumber, c.ReplacesId, row.ReplacesNumber, c.CreatedAt);
    }
}
