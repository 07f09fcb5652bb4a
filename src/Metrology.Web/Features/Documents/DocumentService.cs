using Metrology.Core.Accounts;
using Metrology.Core.Attachments;
using Metrology.Core.Data;
using Metrology.Core.Programme;
using Metrology.Core.Shared;
using Metrology.Web.Features.Attachments;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Documents;

/// <summary>
/// Directive documents (resolutions, decisions, plans, letters, reports), shared by the API and the pages.
/// Queries run through the tenant-filtered context, so another province's document is simply absent (404).
/// </summary>
public sealed class DocumentService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    AttachmentStore store,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Who reads programme records (design/domain.md, Roles: "programme records, surveys, MAP").</summary>
    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer, Roles.Inspector];

    /// <summary>
    /// The province's officers keep the records (domain.md: national roles only read them): the province signs the
    /// report those records write, so nobody outside it authors them.
    /// </summary>
    public static readonly string[] WriterRoles = [Roles.ProvinceOfficer];

    public bool CanWrite => currentUser.IsInRole(WriterRoles);

    public async Task<PagedResult<DocumentDto>> ListAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.DirectiveDocuments.AsNoTracking();
        // Every word must appear, in any order: "quyet dinh 1928" finds "1928/QĐ-UBND".
        foreach (var word in TextSearch.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            rows = rows.Where(d => EF.Functions.Like(d.SearchText, pattern, "\\"));
        }

        if (query.Type is { } type)
        {
            rows = rows.Where(d => d.Type == type);
        }

        if (query.Year is { } year and >= 1 and <= 9998)
        {
            // A date range rather than IssuedOn.Year: the same on both providers, and it can use the index.
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            rows = rows.Where(d => d.IssuedOn >= from && d.IssuedOn < to);
        }

        if (FieldRules.Blank(query.Issuer) is { } issuer)
        {
            rows = rows.Where(d => d.Issuer == issuer);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, DocumentQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await rows
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedResult<DocumentDto>(items.Select(Cited).ToList(), total, page, pageSize);
    }

    /// <summary>The issuers in use, for the list's filter.</summary>
    public async Task<List<string>> IssuersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DirectiveDocuments.AsNoTracking().Select(d => d.Issuer).Distinct().OrderBy(i => i).ToListAsync(cancellationToken);
    }

    /// <summary>The documents another record's form may point at, newest first.</summary>
    public async Task<List<DocumentOption>> OptionsAsync(int? provinceId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.DirectiveDocuments.AsNoTracking();
        if (provinceId is not null)
        {
            rows = rows.Where(d => d.ProvinceId == provinceId);
        }

        return await rows.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => new DocumentOption(d.Id, d.Type, d.Number, d.IssuedOn, d.Subject))
            .ToListAsync(cancellationToken);
    }

    public async Task<DocumentDetailDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.DirectiveDocuments.AsNoTracking().Where(d => d.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        document = Cited(document);

        // One query per kind of record that can point here: four, whatever the number of links.
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => p.DocumentId == id)
            .OrderBy(p => p.Year).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        var planTasks = await db.PlanTasks.AsNoTracking().Where(t => t.SourceDocumentId == id)
            .OrderBy(t => t.Deadline).Select(t => new { t.Id, t.PlanId, t.Title }).ToListAsync(cancellationToken);
        var scienceTasks = await db.ScienceTasks.AsNoTracking().Where(t => t.ApprovalDocumentId == id)
            .OrderBy(t => t.StartOn).Select(t => new { t.Id, t.Title }).ToListAsync(cancellationToken);
        var projects = await db.InvestmentProjects.AsNoTracking().Where(p => p.PolicyDocumentId == id || p.FeasibilityDocumentId == id)
            .OrderBy(p => p.StartYear).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);

        List<DocumentLinkDto> links =
        [
            .. plans.Select(p => new DocumentLinkDto("annualPlan", p.Id, p.Title, $"plans/{p.Id}")),
            .. planTasks.Select(t => new DocumentLinkDto("planTask", t.Id, t.Title, $"plans/{t.PlanId}")),
            .. scienceTasks.Select(t => new DocumentLinkDto("scienceTask", t.Id, t.Title, $"science-tasks/{t.Id}")),
            .. projects.Select(p => new DocumentLinkDto("investmentProject", p.Id, p.Name, $"investments/{p.Id}")),
        ];
        return new DocumentDetailDto(document, links);
    }

    public async Task<Outcome<DocumentDto>> CreateAsync(DocumentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (provinceId, errors) = await ValidateAsync(db, input, currentProvinceId: null, cancellationToken);
        if (errors.Any)
        {
            return Outcome<DocumentDto>.Invalid(errors);
        }

        var number = DocumentNumber.Parse(input.Number)!.Text;
        if (await TakenAsync(db, provinceId, number, input.IssuedOn!.Value, exceptId: null, cancellationToken))
        {
            return Duplicate(number, input.IssuedOn.Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new DirectiveDocument { Number = number, Issuer = string.Empty, Subject = string.Empty, CreatedAt = now };
        Apply(document, input, number, provinceId, now);
        db.DirectiveDocuments.Add(document);
        return await SaveAsync(db, document, cancellationToken);
    }

    public async Task<Outcome<DocumentDto>> UpdateAsync(int id, DocumentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.DirectiveDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return Outcome<DocumentDto>.NotFound();
        }

        var (provinceId, errors) = await ValidateAsync(db, input, document.ProvinceId, cancellationToken);
        if (errors.Any)
        {
            return Outcome<DocumentDto>.Invalid(errors);
        }

        var number = DocumentNumber.Parse(input.Number)!.Text;
        if (await TakenAsync(db, provinceId, number, input.IssuedOn!.Value, exceptId: id, cancellationToken))
        {
            return Duplicate(number, input.IssuedOn.Value);
        }

        Apply(document, input, number, provinceId, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, document, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.DirectiveDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return Outcome<bool>.NotFound();
        }

        // A plan, task or project still citing the document would lose its legal basis: refuse, say why.
        var linked = await db.AnnualPlans.IgnoreQueryFilters().AnyAsync(p => p.DocumentId == id, cancellationToken)
            || await db.PlanTasks.IgnoreQueryFilters().AnyAsync(t => t.SourceDocumentId == id, cancellationToken)
            || await db.ScienceTasks.IgnoreQueryFilters().AnyAsync(t => t.ApprovalDocumentId == id, cancellationToken)
            || await db.InvestmentProjects.IgnoreQueryFilters().AnyAsync(p => p.PolicyDocumentId == id || p.FeasibilityDocumentId == id, cancellationToken);
        if (linked)
        {
            return Outcome<bool>.Conflict("id", text["Documents.Error.InUse"]);
        }

        // The document's attachments go with it, in the same transaction; their bytes once no row needs them.
        var attachments = await db.Attachments.Where(a => a.Target == AttachmentTarget.DirectiveDocument && a.TargetId == id).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        db.DirectiveDocuments.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteUnreferencedAsync(db, attachments.Select(a => a.Sha256), cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private Outcome<DocumentDto> Duplicate(string number, DateOnly issuedOn) =>
        Outcome<DocumentDto>.Conflict("number", text["Documents.Error.Duplicate", number, DocumentNumber.LegalDate(issuedOn)]);

    private async Task<Outcome<DocumentDto>> SaveAsync(AppDbContext db, DirectiveDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the duplicate check; the unique index caught the second one.
            return Duplicate(document.Number, document.IssuedOn);
        }

        var saved = await db.DirectiveDocuments.AsNoTracking().Where(d => d.Id == document.Id).Select(ToDto).FirstAsync(cancellationToken);
        return Outcome<DocumentDto>.Ok(Cited(saved));
    }

    private static void Apply(DirectiveDocument document, DocumentInput input, string number, int? provinceId, DateTime now)
    {
        document.Type = FieldRules.EnumByName<DocumentType>(input.Type)!.Value;
        document.Number = number;
        document.Issuer = input.Issuer!.Trim();
        document.IssuedOn = input.IssuedOn!.Value;
        document.Subject = input.Subject!.Trim();
        document.Summary = FieldRules.Blank(input.Summary);
        document.ProvinceId = provinceId;
        document.UpdatedAt = now;
        document.RefreshSearchText();
    }

    private async Task<(int? ProvinceId, FieldErrors Errors)> ValidateAsync(AppDbContext db, DocumentInput input, int? currentProvinceId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        DocumentType? type = null;
        if (string.IsNullOrWhiteSpace(input.Type))
        {
            errors.Add("type", text["Error.Required"]);
        }
        else if (FieldRules.EnumByName<DocumentType>(input.Type) is { } parsed)
        {
            type = parsed;
        }
        else
        {
            errors.Add("type", text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<DocumentType>())]);
        }

        if (input.IssuedOn is null)
        {
            errors.Add("issuedOn", text["Error.Required"]);
        }
        else if (input.IssuedOn.Value > DisplayFormat.Today(clock))
        {
            errors.Add("issuedOn", text["Documents.Error.FutureDate"]);
        }

        if (string.IsNullOrWhiteSpace(input.Number))
        {
            errors.Add("number", text["Error.Required"]);
        }
        else if (DocumentNumber.Parse(input.Number) is not { } number || number.Text.Length > DirectiveDocument.NumberMaxLength)
        {
            errors.Add("number", text["Documents.Error.NumberFormat"]);
        }
        else
        {
            if (number.Year is { } year && input.IssuedOn is { } issuedOn && year != issuedOn.Year)
            {
                errors.Add("number", text["Documents.Error.NumberYear", year, issuedOn.Year]);
            }

            // Refused rather than warned: the symbol is part of the document's legal identity, so a mismatch is a
            // typing slip in one of the two, and a wrong type would put the document in the wrong line of the report.
            if (type is { } t && !number.Agrees(t))
            {
                errors.Add("type", number.ImpliedType is { } implied
                    ? text["Documents.Error.TypeMismatch", text[$"Documents.Type.{implied}"], number.FirstSymbol]
                    : text["Documents.Error.TypeNeedsCode", text[$"Documents.Type.{t}"], DocumentNumber.CodeFor(t) ?? string.Empty]);
            }
        }

        FieldRules.RequireText(errors, text, "issuer", input.Issuer, 200);
        FieldRules.RequireText(errors, text, "subject", input.Subject, DirectiveDocument.TextMaxLength);
        FieldRules.OptionalText(errors, text, "summary", input.Summary, 4000);

        var provinceId = currentProvinceId ?? FieldRules.ProvinceOfNewRecord(errors, text, currentUser, input.ProvinceSlug);
        return (provinceId, errors);
    }

    private static async Task<bool> TakenAsync(AppDbContext db, int? provinceId, string number, DateOnly issuedOn, int? exceptId, CancellationToken cancellationToken) =>
        await db.DirectiveDocuments.IgnoreQueryFilters()
            .AnyAsync(d => d.ProvinceId == provinceId && d.Number == number && d.IssuedOn == issuedOn && d.Id != exceptId, cancellationToken);

    private DocumentDto Cited(DocumentDto dto) => dto with { Citation = DocumentReference.Cite(text, dto.Type, dto.Number, dto.IssuedOn) };

    private static readonly System.Linq.Expressions.Expression<Func<DirectiveDocument, DocumentDto>> ToDto = d => new DocumentDto(
        d.Id, d.Type, d.Number, d.Issuer, d.IssuedOn, d.Subject, d.Summary,
        d.ProvinceId,
        d.CreatedAt, d.UpdatedAt);
}
