using System.Globalization;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Reporting;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Reports;

/// <summary>
/// The annual report's use cases, shared by the API and the pages (design/domain.md, Roles: the province officer
/// drafts and submits, the province admin approves, either sends; the system admin reads all; the Ministry reads
/// sent reports). Another province's report is filtered out by the tenant scope (404); a role that may not act
/// gets 403; an action the report's state does not allow gets 409. Nothing is written on a refusal.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public static readonly string[] ReaderRoles = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer];

    /// <summary>The first year of the programme (Decision 996/QĐ-TTg of 10/8/2018).</summary>
    public const int FirstYear = 2018;

    public const int ReasonMaxLength = 2000;

    public bool CanDraft => currentUser.IsInRole(Roles.ProvinceOfficer);

    public int LastYear => DisplayFormat.Today(clock).Year + 1;

    /// <summary>The units the signed-in officer may draft for (the province, then its former units); none for others.</summary>
    public async Task<List<string>> UnitsOfOwnProvinceAsync(CancellationToken cancellationToken = default)
    {
        if (!CanDraft || currentUser.ProvinceId is not { } provinceId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Id == provinceId, cancellationToken);
        return province is null ? [] : Units(province);
    }

    public async Task<IReadOnlyList<ReportListItemDto>> ListAsync(int? year, string? provinceSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Visible(db);
        if (year is { } y)
        {
            rows = rows.Where(r => r.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(provinceSlug))
        {
            rows = rows.Where(r => r.Province!.Slug == provinceSlug);
        }

        var list = await rows
            .Select(r => new ReportListItemDto(r.Id, r.Province!.Slug, r.Province.NameVi, r.Year, r.ReportingUnit, r.Status.ToString(),
                r.UpdatedAt, r.SubmittedAt, r.ApprovedAt, r.SentAt))
            .ToListAsync(cancellationToken);
        // Vietnamese order (Đ after D), which neither database's default collation gives.
        return [.. list.OrderByDescending(r => r.Year)
            .ThenBy(r => ReportWording.SortName(r.ProvinceName), ReportWording.VietnameseOrder)
            .ThenBy(r => r.ReportingUnit, ReportWording.VietnameseOrder)];
    }

    public async Task<Outcome<ReportDto>> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, id, cancellationToken);
        return report is null ? Outcome<ReportDto>.NotFound() : Outcome<ReportDto>.Ok(await ToDtoAsync(db, report, cancellationToken));
    }

    /// <summary>A new draft, or 409 naming the existing report of that province, year and unit.</summary>
    public async Task<(Outcome<ReportDto> Outcome, int? ExistingId)> CreateAsync(CreateReportInput input, CancellationToken cancellationToken = default)
    {
        if (!CanDraft)
        {
            return (Outcome<ReportDto>.Forbidden(text["Reports.Error.OnlyOfficerDrafts"]), null);
        }

        var errors = new FieldErrors();
        if (input.Year is not { } year)
        {
            errors.Add("year", text["Error.Required"]);
            year = 0;
        }
        else if (year < FirstYear || year > LastYear)
        {
            errors.Add("year", text["Reports.Error.Year", FirstYear, LastYear]);
        }

        if (string.IsNullOrWhiteSpace(input.ProvinceSlug))
        {
            errors.Add("provinceSlug", text["Error.Required"]);
        }

        if (errors.Any)
        {
            return (Outcome<ReportDto>.Invalid(errors), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == input.ProvinceSlug!.Trim(), cancellationToken);
        // Another province is "not found", like its records: an officer learns nothing about it.
        if (province is null || currentUser.ProvinceId != province.Id)
        {
            return (Outcome<ReportDto>.NotFound(), null);
        }

        var units = Units(province);
        var unit = string.IsNullOrWhiteSpace(input.ReportingUnit) ? units[0] : input.ReportingUnit.Trim();
        if (!units.Contains(unit, StringComparer.Ordinal))
        {
            errors.Add("reportingUnit", text["Reports.Error.ReportingUnit", string.Join(", ", units)]);
            return (Outcome<ReportDto>.Invalid(errors), null);
        }

        if (await ExistingIdAsync(db, province.Id, year, unit, cancellationToken) is { } existing)
        {
            return (Conflict(year, unit), existing);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var defaults = await db.ReportHeaderDefaults.AsNoTracking().Where(d => d.ProvinceId == province.Id).Select(d => d.Header).FirstOrDefaultAsync(cancellationToken);
        var derived = DerivedHeader(ReportingUnitName.Of(province.NameVi, province.Kind, unit));
        var header = defaults?.Copy() ?? derived;
        if (defaults is not null && unit != units[0])
        {
            // A former unit's report is issued in its own name, not in the one the province used last.
            header.IssuerUnit = derived.IssuerUnit;
            header.Place = derived.Place;
            header.Recipients = derived.Recipients;
        }

        // The registry number, the signing date and the letter answered belong to the report they were given to; the
        // letter of this year is the one the Ministry recorded for all provinces, or none yet.
        header.Number = null;
        header.ReportDate = null;
        var letter = await db.ReportRequestLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Year == year, cancellationToken);
        header.RequestLetterNumber = letter?.Number;
        header.RequestLetterDate = letter?.IssuedOn;
        header.RequestLetterIssuer = letter?.Issuer;
        var report = new AnnualReport
        {
            ProvinceId = province.Id,
            Year = year,
            ReportingUnit = unit,
            Status = ReportStatus.Draft,
            Header = header,
            CreatedAt = now,
            CreatedByEmail = currentUser.UserEmail,
            UpdatedAt = now,
        };

        // Last year's narrative parts are not copied: the editor offers them (PreviousText), so a report cannot go
        // out with last year's difficulties unread.
        db.AnnualReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two officers raced past the check; the unique index kept the first report.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return (Conflict(year, unit), await ExistingIdAsync(fresh, province.Id, year, unit, cancellationToken));
        }

        return (await GetAsync(report.Id, cancellationToken), null);
    }

    public Task<Outcome<ReportDto>> UpdateHeaderAsync(int id, ReportHeaderInput input, CancellationToken cancellationToken = default) =>
        EditDraftAsync(id, async (db, report) =>
        {
            input = Cleaned(input);
            var errors = ValidateHeader(input, report.Year);
            if (errors.Any)
            {
                return errors;
            }

            Apply(report.Header, input);
            // Remembered for the province's next report (its number and date are the next report's own).
            var defaults = await db.ReportHeaderDefaults.FirstOrDefaultAsync(d => d.ProvinceId == report.ProvinceId, cancellationToken);
            if (defaults is null)
            {
                defaults = new ReportHeaderDefaults { ProvinceId = report.ProvinceId };
                db.ReportHeaderDefaults.Add(defaults);
            }

            defaults.Header = report.Header.Copy();
            defaults.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            return null;
        }, cancellationToken);

    public Task<Outcome<ReportDto>> SaveSectionAsync(int id, string key, SectionInput input, CancellationToken cancellationToken = default) =>
        EditDraftAsync(id, (db, report) =>
        {
            var errors = new FieldErrors();
            var cleaned = ReportText.CleanOptional(input.Text);
            FieldRules.RequireText(errors, text, "text", cleaned, ReportStructure.SectionMaxLength);
            if (errors.Any)
            {
                return Task.FromResult<FieldErrors?>(errors);
            }

            var section = report.Sections.FirstOrDefault(s => s.Key == key);
            if (section is null)
            {
                section = new ReportSection { ProvinceId = report.ProvinceId, Key = key, Text = string.Empty };
                report.Sections.Add(section);
            }

            section.Text = cleaned!.Trim();
            section.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            section.UpdatedByEmail = currentUser.UserEmail;
            return Task.FromResult<FieldErrors?>(null);
        }, cancellationToken, key);

    /// <summary>Drops the officer's text: a generated section shows the records' text again, a narrative one is empty.</summary>
    public Task<Outcome<ReportDto>> RevertSectionAsync(int id, string key, CancellationToken cancellationToken = default) =>
        EditDraftAsync(id, (db, report) =>
        {
            if (report.Sections.FirstOrDefault(s => s.Key == key) is { } section)
            {
                db.ReportSections.Remove(section);
            }

            return Task.FromResult<FieldErrors?>(null);
        }, cancellationToken, key);

    public Task<Outcome<ReportDto>> SubmitAsync(int id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, [Roles.ProvinceOfficer], ReportStatus.Draft, (_, report, now) =>
        {
            // The sections people write (assessment, difficulties, directions, proposals) cannot go out blank.
            var empty = EmptyNarratives(report);
            if (empty.Count > 0)
            {
                return Task.FromResult<Outcome<ReportDto>?>(Outcome<ReportDto>.Conflict(
                    "sections", text["Reports.Error.EmptySections", string.Join("; ", empty.Select(e => $"{e.Key} “{ReportStructure.Title(e, report.Year)}”"))]));
            }

            report.Status = ReportStatus.Submitted;
            report.SubmittedAt = now;
            report.SubmittedByEmail = currentUser.UserEmail;
            report.ReturnReason = null;
            return Task.FromResult<Outcome<ReportDto>?>(null);
        }, cancellationToken);

    /// <summary>
    /// Back to draft with a reason the province reads: the province admin returns a submitted report, the Ministry a
    /// sent one (which then needs approving and sending again).
    /// </summary>
    public async Task<Outcome<ReportDto>> ReturnAsync(int id, ReturnInput input, CancellationToken cancellationToken = default)
    {
        var errors = ReasonErrors(input.Reason);
        var ministry = currentUser.IsInRole(Roles.MinistryOfficer);
        return await TransitionAsync(id, ministry ? [Roles.MinistryOfficer] : [Roles.ProvinceAdmin], ministry ? ReportStatus.Sent : ReportStatus.Submitted, (_, report, _) =>
        {
            BackToDraft(report, ministry ? text["Reports.ReturnedByMinistry", Reason(input.Reason)] : Reason(input.Reason));
            return Task.FromResult<Outcome<ReportDto>?>(null);
        }, cancellationToken, errors);
    }

    /// <summary>The province admin reopens an approved report (not yet sent) with a reason; the audit log keeps who and why.</summary>
    public Task<Outcome<ReportDto>> ReopenAsync(int id, ReturnInput input, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, [Roles.ProvinceAdmin], ReportStatus.Approved, (_, report, _) =>
        {
            BackToDraft(report, text["Reports.Reopened", Reason(input.Reason)]);
            return Task.FromResult<Outcome<ReportDto>?>(null);
        }, cancellationToken, ReasonErrors(input.Reason));

    private FieldErrors ReasonErrors(string? reason)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "reason", ReportText.CleanOptional(reason), ReasonMaxLength);
        return errors;
    }

    private static string Reason(string? reason) => ReportText.Clean(reason!).Trim();

    private static void BackToDraft(AnnualReport report, string reason)
    {
        report.Status = ReportStatus.Draft;
        report.SubmittedAt = null;
        report.SubmittedByEmail = null;
        report.ApprovedAt = null;
        report.ApprovedByEmail = null;
        report.ApprovedSnapshotJson = null;
        report.SentAt = null;
        report.SentByEmail = null;
        report.ReturnReason = reason;
    }

    /// <summary>Freezes the report as approved: the texts as they read now, the figures and their sources, the indicators.</summary>
    public Task<Outcome<ReportDto>> ApproveAsync(int id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, [Roles.ProvinceAdmin], ReportStatus.Submitted, async (db, report, now) =>
        {
            var (assembled, _) = await AssembleAsync(db, report, cancellationToken);
            var stored = report.Sections.ToDictionary(s => s.Key, s => s.Text, StringComparer.Ordinal);
            var snapshot = new ReportSnapshot(
                now,
                assembled.Sections.Select(s => new SnapshotSection(s.Key, s.Heading, stored.GetValueOrDefault(s.Key) ?? s.Text)).ToList(),
                assembled.Figures,
                assembled.Indicators);
            report.ApprovedSnapshotJson = ReportSnapshotJson.Serialize(snapshot);
            report.Status = ReportStatus.Approved;
            report.ApprovedAt = now;
            report.ApprovedByEmail = currentUser.UserEmail;
            return null;
        }, cancellationToken);

    /// <summary>Sends an approved report; with records changed since approval, only when the sender confirms it goes as approved.</summary>
    public Task<Outcome<ReportDto>> SendAsync(int id, SendInput? input, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, [Roles.ProvinceAdmin, Roles.ProvinceOfficer], ReportStatus.Approved, async (db, report, now) =>
        {
            if (input?.ConfirmChanges != true)
            {
                var dto = await ToDtoAsync(db, report, cancellationToken);
                var pending = (dto.ChangesSinceApproval?.Count ?? 0) + (dto.TextChangesSinceApproval?.Count ?? 0);
                if (pending > 0)
                {
                    return Outcome<ReportDto>.Conflict("confirmChanges", text["Reports.Error.PendingChanges", pending]);
                }
            }

            report.Status = ReportStatus.Sent;
            report.SentAt = now;
            report.SentByEmail = currentUser.UserEmail;
            return null;
        }, cancellationToken);

    /// <summary>The report as a document for the Word writer, and its file name ("bao-cao-996-quang-tri-2022.docx").</summary>
    public async Task<Outcome<(ReportDocument Document, string FileName)>> DocumentAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, id, cancellationToken);
        if (report is null)
        {
            return Outcome<(ReportDocument, string)>.NotFound();
        }

        var dto = await ToDtoAsync(db, report, cancellationToken);
        var fileName = $"bao-cao-996-{TextSearch.Fold(report.ReportingUnit).Replace(' ', '-')}-{report.Year}.docx";
        return Outcome<(ReportDocument, string)>.Ok((ReportDocuments.Build(report, dto), fileName));
    }

    private IQueryable<AnnualReport> Visible(AppDbContext db)
    {
        var rows = db.AnnualReports.AsNoTracking();
        // The Ministry reads what the provinces sent, nothing before.
        return currentUser.IsInRole(Roles.MinistryOfficer) ? rows.Where(r => r.Status == ReportStatus.Sent) : rows;
    }

    private async Task<AnnualReport?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var rows = tracked ? db.AnnualReports.AsQueryable() : Visible(db);
        if (tracked && currentUser.IsInRole(Roles.MinistryOfficer))
        {
            rows = rows.Where(r => r.Status == ReportStatus.Sent);
        }

        return await rows.Include(r => r.Province).Include(r => r.Sections).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private async Task<(AssembledReport Assembled, ReportingUnitName Unit)> AssembleAsync(AppDbContext db, AnnualReport report, CancellationToken cancellationToken)
    {
        var unit = ReportingUnitName.Of(report.Province!.NameVi, report.Province.Kind, report.ReportingUnit);
        var assembled = await new ReportAssembler(db).AssembleAsync(report.ProvinceId!.Value, unit, report.Year, report.Header, DisplayFormat.Today(clock), cancellationToken);
        return (assembled, unit);
    }

    private async Task<ReportDto> ToDtoAsync(AppDbContext db, AnnualReport report, CancellationToken cancellationToken)
    {
        var (assembled, unit) = await AssembleAsync(db, report, cancellationToken);
        var snapshot = report.ApprovedSnapshotJson is { } json && report.Status is ReportStatus.Approved or ReportStatus.Sent
            ? ReportSnapshotJson.Deserialize(json)
            : null;
        var stored = report.Sections.ToDictionary(s => s.Key, s => s.Text, StringComparer.Ordinal);
        var figures = snapshot?.Figures ?? assembled.Figures;
        var approvedTexts = snapshot?.Sections.ToDictionary(s => s.Key, s => s.Text, StringComparer.Ordinal);
        var previous = await PreviousNarrativesAsync(db, report, cancellationToken);
        var sections = ReportStructure.Sections.Select(entry =>
        {
            var key = entry.Key!;
            var generated = assembled.Sections.First(s => s.Key == key);
            var storedText = stored.GetValueOrDefault(key);
            var final = approvedTexts?.GetValueOrDefault(key) ?? storedText ?? generated.Text;
            return new ReportSectionDto(
                key, generated.Heading, entry.Level, entry.Narrative, generated.Text, storedText, final, storedText is not null,
                figures.Where(f => f.Key.StartsWith(key + ":", StringComparison.Ordinal))
                    .Select(f => new ReportFigureDto(f.Key, f.Label, f.Value, f.Sources)).ToList(),
                entry.Narrative && string.IsNullOrWhiteSpace(final),
                previous.GetValueOrDefault(key));
        }).ToList();

        var indicators = snapshot?.Indicators ?? assembled.Indicators;
        var annex = snapshot is null ? assembled.Annex : ReportAssembler.Annex(report.Year, indicators, assembled.Targets, ReportAssembler.AnnexCaption(report.Header, unit, report.Year));
        var changes = snapshot is null ? null : Changes(snapshot.Figures, assembled.Figures);
        // A section the officer did not edit reads what the records say: when that differs from the approved text
        // (a cited resolution renumbered, a name corrected), the difference shows even where no figure moved.
        var textChanges = snapshot?.Sections
            .Where(a => !stored.ContainsKey(a.Key))
            .Select(a => (Approved: a, Current: assembled.Sections.FirstOrDefault(g => g.Key == a.Key)))
            .Where(p => p.Current is not null && !string.Equals(p.Approved.Text, p.Current.Text, StringComparison.Ordinal))
            .Select(p => new ReportTextChangeDto(p.Approved.Key, p.Current!.Heading, p.Approved.Text, p.Current.Text))
            .ToList();
        var h = report.Header;
        return new ReportDto(
            report.Id,
            report.Province!.Slug,
            report.Province.NameVi,
            report.Year,
            report.ReportingUnit,
            report.Status.ToString(),
            ReportHeaderInput.From(h),
            new ReportWorkflowDto(report.CreatedByEmail, report.CreatedAt, report.SubmittedByEmail, report.SubmittedAt, report.ApprovedByEmail, report.ApprovedAt,
                report.SentByEmail, report.SentAt, report.ReturnReason),
            sections,
            indicators.Select(i => new ReportIndicatorDto(i.Indicator.ToString(), IndicatorLabels.Label(i.Indicator), i.Year, i.Cumulative)).ToList(),
            new ReportAnnexDto(annex.Title, annex.Caption, annex.Columns, annex.Rows),
            changes,
            textChanges,
            Actions(report));
    }

    /// <summary>Figures whose live value differs from the approved one (a figure gone from the records counts as 0).</summary>
    private static List<ReportChangeDto> Changes(IReadOnlyList<SnapshotFigure> approved, IReadOnlyList<SnapshotFigure> live)
    {
        var now = live.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
        var then = approved.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
        var changes = approved.Where(a => (now.TryGetValue(a.Key, out var l) ? l.Value : 0) != a.Value)
            .Select(a => new ReportChangeDto(a.Key, a.Label, a.Value, now.TryGetValue(a.Key, out var l) ? l.Value : 0))
            .ToList();
        changes.AddRange(live.Where(l => !then.ContainsKey(l.Key) && l.Value != 0).Select(l => new ReportChangeDto(l.Key, l.Label, 0, l.Value)));
        return changes;
    }

    private ReportActionsDto Actions(AnnualReport report)
    {
        var officer = currentUser.IsInRole(Roles.ProvinceOfficer);
        var admin = currentUser.IsInRole(Roles.ProvinceAdmin);
        return new ReportActionsDto(
            CanEdit: officer && report.Status == ReportStatus.Draft,
            CanSubmit: officer && report.Status == ReportStatus.Draft,
            CanReturn: admin && report.Status == ReportStatus.Submitted,
            CanApprove: admin && report.Status == ReportStatus.Submitted,
            CanSend: (officer || admin) && report.Status == ReportStatus.Approved,
            CanReopen: admin && report.Status == ReportStatus.Approved,
            CanReturnSent: currentUser.IsInRole(Roles.MinistryOfficer) && report.Status == ReportStatus.Sent);
    }

    /// <summary>Loads a draft the officer may edit, applies <paramref name="edit"/> (field errors refuse it) and saves.</summary>
    private async Task<Outcome<ReportDto>> EditDraftAsync(
        int id, Func<AppDbContext, AnnualReport, Task<FieldErrors?>> edit, CancellationToken cancellationToken, string? sectionKey = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, id, cancellationToken, tracked: true);
        if (report is null || (sectionKey is not null && ReportStructure.Find(sectionKey) is not { Key: not null }))
        {
            return Outcome<ReportDto>.NotFound();
        }

        if (!currentUser.IsInRole(Roles.ProvinceOfficer))
        {
            return Outcome<ReportDto>.Forbidden(text["Reports.Error.OnlyOfficerEdits"]);
        }

        if (report.Status != ReportStatus.Draft)
        {
            return Outcome<ReportDto>.Conflict("status", text["Reports.Error.NotDraft", StatusName(report.Status)]);
        }

        if (await edit(db, report) is { Any: true } errors)
        {
            return Outcome<ReportDto>.Invalid(errors);
        }

        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ReportDto>.Ok(await ToDtoAsync(db, report, cancellationToken));
    }

    private async Task<Outcome<ReportDto>> TransitionAsync(
        int id, string[] roles, ReportStatus from, Func<AppDbContext, AnnualReport, DateTime, Task<Outcome<ReportDto>?>> apply, CancellationToken cancellationToken,
        FieldErrors? inputErrors = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadAsync(db, id, cancellationToken, tracked: true);
        if (report is null)
        {
            return Outcome<ReportDto>.NotFound();
        }

        if (!currentUser.IsInRole(roles))
        {
            return Outcome<ReportDto>.Forbidden(text["Reports.Error.Role"]);
        }

        if (report.Status != from)
        {
            return Outcome<ReportDto>.Conflict("status", text["Reports.Error.State", StatusName(report.Status), StatusName(from)]);
        }

        if (inputErrors is { Any: true })
        {
            return Outcome<ReportDto>.Invalid(inputErrors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A refusal from the step itself (an empty section, unconfirmed changes) writes nothing.
        if (await apply(db, report, now) is { } refused)
        {
            return refused;
        }

        report.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ReportDto>.Ok(await ToDtoAsync(db, report, cancellationToken));
    }

    private string StatusName(ReportStatus status) => text[$"Reports.Status.{status}"];

    private Outcome<ReportDto> Conflict(int year, string unit) =>
        Outcome<ReportDto>.Conflict("year", text["Reports.Error.Exists", unit, year]);

    private static Task<int?> ExistingIdAsync(AppDbContext db, int provinceId, int year, string unit, CancellationToken cancellationToken) =>
        db.AnnualReports.IgnoreQueryFilters().Where(r => r.ProvinceId == provinceId && r.Year == year && r.ReportingUnit == unit)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The province itself, then its units before the merger of 1/7/2025 (other than itself).</summary>
    public static List<string> Units(Province province)
    {
        const string CityPrefix = "Thành phố ";
        var own = province.NameVi.StartsWith(CityPrefix, StringComparison.Ordinal) ? province.NameVi[CityPrefix.Length..] : province.NameVi;
        return [own, .. province.FormerUnitsVi.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => u != own)];
    }

    /// <summary>The header a province gets before it has saved its own (the seed report's).</summary>
    public static ReportHeader DerivedHeader(ReportingUnitName unit) => new()
    {
        IssuerAuthority = "ỦY BAN NHÂN DÂN",
        IssuerUnit = unit.Full.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
        Symbol = "BC-UBND",
        Place = unit.Name,
        Addressee = "Bộ Khoa học và Công nghệ",
        Recipients = $"Như trên;\nChủ tịch, các PCT UBND {unit.Kind};\nLưu: VT, KGVX.",
        SigningAuthority = "TM. ỦY BAN NHÂN DÂN",
        SignerCapacity = "KT. CHỦ TỊCH",
        SignerTitle = "PHÓ CHỦ TỊCH",
    };

    /// <summary>The narrative sections still empty (neither written nor generated), in the report's order.</summary>
    private static List<ReportEntry> EmptyNarratives(AnnualReport report)
    {
        var written = report.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Text)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        // II.1 opens with the generated key figures, so it is never blank.
        return ReportStructure.Sections.Where(e => e.Narrative && e.Key != "II.1" && !written.Contains(e.Key!)).ToList();
    }

    /// <summary>Last year's narrative texts of the same unit, offered by the editor as a starting point.</summary>
    private static async Task<Dictionary<string, string>> PreviousNarrativesAsync(AppDbContext db, AnnualReport report, CancellationToken cancellationToken)
    {
        if (report.Status != ReportStatus.Draft)
        {
            return [];
        }

        var narrative = ReportStructure.Sections.Where(e => e.Narrative).Select(e => e.Key!).ToList();
        return await db.ReportSections.AsNoTracking()
            .Where(s => s.Report!.ProvinceId == report.ProvinceId && s.Report.Year == report.Year - 1 && s.Report.ReportingUnit == report.ReportingUnit && narrative.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Text, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The header with the characters a DOCX cannot hold removed (text pasted from Word).</summary>
    private static ReportHeaderInput Cleaned(ReportHeaderInput input) => input with
    {
        IssuerAuthority = ReportText.CleanOptional(input.IssuerAuthority),
        IssuerUnit = ReportText.CleanOptional(input.IssuerUnit),
        Number = ReportText.CleanOptional(input.Number),
        Symbol = ReportText.CleanOptional(input.Symbol),
        Place = ReportText.CleanOptional(input.Place),
        Addressee = ReportText.CleanOptional(input.Addressee),
        RequestLetterNumber = ReportText.CleanOptional(input.RequestLetterNumber),
        RequestLetterIssuer = ReportText.CleanOptional(input.RequestLetterIssuer),
        Recipients = ReportText.CleanOptional(input.Recipients),
        SigningAuthority = ReportText.CleanOptional(input.SigningAuthority),
        SignerCapacity = ReportText.CleanOptional(input.SignerCapacity),
        SignerTitle = ReportText.CleanOptional(input.SignerTitle),
        SignerName = ReportText.CleanOptional(input.SignerName),
    };

    private FieldErrors ValidateHeader(ReportHeaderInput input, int year)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "issuerAuthority", input.IssuerAuthority, 200);
        FieldRules.RequireText(errors, text, "issuerUnit", input.IssuerUnit, 200);
        FieldRules.RequireText(errors, text, "symbol", input.Symbol, 50);
        FieldRules.RequireText(errors, text, "place", input.Place, 100);
        FieldRules.RequireText(errors, text, "addressee", input.Addressee, 500);
        FieldRules.RequireText(errors, text, "recipients", input.Recipients, 2000);
        FieldRules.RequireText(errors, text, "signingAuthority", input.SigningAuthority, 200);
        FieldRules.RequireText(errors, text, "signerTitle", input.SignerTitle, 200);
        FieldRules.OptionalText(errors, text, "signerCapacity", input.SignerCapacity, 200);
        FieldRules.OptionalText(errors, text, "signerName", input.SignerName, 200);
        FieldRules.OptionalText(errors, text, "requestLetterNumber", input.RequestLetterNumber, 50);
        FieldRules.OptionalText(errors, text, "requestLetterIssuer", input.RequestLetterIssuer, 200);
        // The registry number is digits only ("Số: 15/BC-UBND"), given by the clerk when the signed report is registered.
        if (FieldRules.Blank(input.Number) is { } number && (number.Length > 20 || !number.All(char.IsAsciiDigit)))
        {
            errors.Add("number", text["Reports.Error.Number"]);
        }

        // A report on a year is signed during it or early the next.
        if (input.ReportDate is { } date && (date.Year < year || date.Year > year + 1))
        {
            errors.Add("reportDate", text["Reports.Error.ReportDate", year, year + 1]);
        }

        if (input.RequestLetterDate is not null && FieldRules.Blank(input.RequestLetterNumber) is null)
        {
            errors.Add("requestLetterNumber", text["Reports.Error.RequestLetterNumber"]);
        }

        return errors;
    }

    private static void Apply(ReportHeader header, ReportHeaderInput input)
    {
        header.IssuerAuthority = input.IssuerAuthority!.Trim();
        header.IssuerUnit = input.IssuerUnit!.Trim();
        header.Number = FieldRules.Blank(input.Number);
        header.Symbol = input.Symbol!.Trim();
        header.Place = input.Place!.Trim();
        header.ReportDate = input.ReportDate;
        header.Addressee = input.Addressee!.Trim();
        header.RequestLetterNumber = FieldRules.Blank(input.RequestLetterNumber);
        header.RequestLetterDate = input.RequestLetterDate;
        header.RequestLetterIssuer = FieldRules.Blank(input.RequestLetterIssuer);
        header.Recipients = input.Recipients!.Trim();
        header.SigningAuthority = input.SigningAuthority!.Trim();
        header.SignerCapacity = input.SignerCapacity?.Trim() ?? string.Empty;
        header.SignerTitle = input.SignerTitle!.Trim();
        header.SignerName = input.SignerName?.Trim() ?? string.Empty;
    }

}
