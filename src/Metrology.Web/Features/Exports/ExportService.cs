using System.Globalization;
using System.Runtime.CompilerServices;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Features.Organizations;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Exports;

/// <summary>
/// The rows of the bulk exports (issue 5): the instrument registry, the due list and the verification
/// records, with the filters of their lists. Reads go through the tenant-filtered context, so an officer
/// exports the province, an enterprise its own instruments, a lab operator its own body's records; rows are
/// projected to plain columns and streamed (AsNoTracking + AsAsyncEnumerable), never collected in a list.
/// </summary>
public sealed class ExportService(
    IDbContextFactory<AppDbContext> dbFactory,
    InstrumentService instruments,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Largest "within" accepted for the due export: ten years covers every verification cycle.</summary>
    public const int MaxWithinDays = 3650;

    public DateOnly Today => instruments.Today;

    public ExportTable Instruments(InstrumentQuery query) =>
        new("phuong-tien-do", InstrumentColumns(withDaysOverdue: false), InstrumentRowsAsync(db => instruments.Filter(db, query).OrderBy(i => i.Id), instruments.DueSoonDays, false));

    /// <summary>Overdue and due-soon instruments, earliest due date first. Call <see cref="InstrumentService.CheckDueQuery"/> first for the body.</summary>
    public ExportTable Due(DueListQuery query, int? bodyId) =>
        new("den-han-kiem-dinh", InstrumentColumns(withDaysOverdue: true),
            InstrumentRowsAsync(db => instruments.DueFilter(db, query, bodyId).OrderBy(i => i.NextDueDate).ThenBy(i => i.Id), query.WithinDays ?? instruments.DueSoonDays, true));

    /// <summary>
    /// Verification records, newest first. A lab operator exports only its own body's records: naming another
    /// body is refused (null), as on the due list.
    /// </summary>
    public ExportTable? Verifications(string? search, DateOnly? from, DateOnly? to, int? bodyId)
    {
        if (currentUser.IsInRole(Roles.LabOperator))
        {
            if (bodyId is not null && bodyId != currentUser.OrganizationId)
            {
                return null;
            }

            bodyId = currentUser.OrganizationId ?? -1;
        }

        return new ExportTable("kiem-dinh", VerificationColumns(), VerificationRowsAsync(search, from, to, bodyId));
    }

    private List<ExportColumn> InstrumentColumns(bool withDaysOverdue)
    {
        List<ExportColumn> columns =
        [
            new("typeCode", text["Exports.Column.TypeCode"], Width: 14),
            new("typeName", text["Exports.Column.TypeName"], Width: 36),
            new("manufacturer", text["Exports.Column.Manufacturer"], Width: 24),
            new("model", text["Exports.Column.Model"]),
            new("serialNumber", text["Exports.Column.SerialNumber"], Width: 20),
            new("patternApprovalNumber", text["Exports.Column.PatternApproval"]),
            new("accuracyClass", text["Exports.Column.AccuracyClass"], Width: 12),
            new("measuringRange", text["Exports.Column.MeasuringRange"]),
            new("ownerTaxCode", text["Exports.Column.OwnerTaxCode"], Width: 16),
            new("ownerName", text["Exports.Column.OwnerName"], Width: 36),
            new("location", text["Exports.Column.Location"], Width: 30),
            new("status", text["Exports.Column.Status"], Width: 14),
            new("lastVerifiedOn", text["Exports.Column.LastVerifiedOn"], ExportValueKind.Date, 14),
            new("nextDueDate", text["Exports.Column.NextDueDate"], ExportValueKind.Date, 14),
            new("dueState", text["Exports.Column.DueState"], Width: 16),
        ];
        if (withDaysOverdue)
        {
            columns.Add(new("daysOverdue", text["Exports.Column.DaysOverdue"], ExportValueKind.Number, 12));
        }

        return columns;
    }

    private List<ExportColumn> VerificationColumns() =>
    [
        new("date", text["Exports.Column.VerificationDate"], ExportValueKind.Date, 14),
        new("kind", text["Exports.Column.VerificationKind"], Width: 16),
        new("result", text["Exports.Column.Result"], Width: 12),
        new("typeCode", text["Exports.Column.TypeCode"], Width: 14),
        new("typeName", text["Exports.Column.TypeName"], Width: 36),
        new("manufacturer", text["Exports.Column.Manufacturer"], Width: 24),
        new("model", text["Exports.Column.Model"]),
        new("serialNumber", text["Exports.Column.SerialNumber"], Width: 20),
        new("ownerName", text["Exports.Column.OwnerName"], Width: 36),
        new("bodyName", text["Exports.Column.Body"], Width: 36),
        new("verifierName", text["Exports.Column.Verifier"], Width: 24),
        new("stampSerial", text["Exports.Column.Stamp"], Width: 16),
        new("certificateNumber", text["Exports.Column.Certificate"], Width: 18),
        new("nextDueDate", text["Exports.Column.NextDueDate"], ExportValueKind.Date, 14),
    ];

    /// <summary>The columns of an instrument row, read in one query with the owner's name and tax code.</summary>
    private sealed record InstrumentRow(
        string? TypeCode, string Manufacturer, string? Model, string SerialNumber, string? PatternApprovalNumber, string? AccuracyClass,
        string? MeasuringRange, string? OwnerTaxCode, string OwnerName, string? Location, InstrumentStatus Status, bool MustNotBeUsed,
        DateOnly? LastVerifiedOn, DateOnly? NextDueDate);

    private async IAsyncEnumerable<object?[]> InstrumentRowsAsync(
        Func<AppDbContext, IQueryable<Instrument>> select, int dueSoonDays, bool withDaysOverdue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var types = await TypeNamesAsync(db, cancellationToken);
        // Localised once, not once per row: a million rows would otherwise mean a million resource lookups each.
        var statuses = Enum.GetValues<InstrumentStatus>().ToDictionary(s => s, s => text[$"Instruments.Status.{s}"].Value);
        var states = Enum.GetValues<DueState>().ToDictionary(s => s, s => text[$"Instruments.Due.{s}"].Value);
        var rows = select(db).Select(i => new InstrumentRow(
            i.TypeCode, i.Manufacturer, i.Model, i.SerialNumber, i.PatternApprovalNumber, i.AccuracyClass, i.MeasuringRange,
            i.Owner!.TaxCode, i.Owner.Name, i.Location, i.Status, i.MustNotBeUsed, i.LastVerifiedOn, i.NextDueDate));
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var state = DueRules.StateOf(r.Status, r.TypeCode, r.MustNotBeUsed, r.LastVerifiedOn, r.NextDueDate, today, dueSoonDays);
            var row = new object?[withDaysOverdue ? 16 : 15];
            row[0] = r.TypeCode;
            row[1] = r.TypeCode is { } code ? types.GetValueOrDefault(code) : null;
            row[2] = r.Manufacturer;
            row[3] = r.Model;
            row[4] = r.SerialNumber;
            row[5] = r.PatternApprovalNumber;
            row[6] = r.AccuracyClass;
            row[7] = r.MeasuringRange;
            row[8] = r.OwnerTaxCode;
            row[9] = r.OwnerName;
            row[10] = r.Location;
            row[11] = statuses[r.Status];
            row[12] = r.LastVerifiedOn;
            row[13] = r.NextDueDate;
            row[14] = states[state];
            if (withDaysOverdue)
            {
                row[15] = state == DueState.Overdue && r.NextDueDate is { } due ? today.DayNumber - due.DayNumber : null;
            }

            yield return row;
        }
    }

    private sealed record VerificationRow(
        DateOnly Date, VerificationKind Kind, VerificationResult Result, string TypeCode, string Manufacturer, string? Model, string SerialNumber,
        string OwnerName, int BodyId, string VerifierName, string? StampSerial, string? CertificateNumber, DateOnly? NextDueDate);

    private async IAsyncEnumerable<object?[]> VerificationRowsAsync(
        string? search, DateOnly? from, DateOnly? to, int? bodyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = db.Verifications.AsNoTracking();
        if (bodyId is { } body)
        {
            records = records.Where(v => v.BodyId == body);
        }

        if (from is { } start)
        {
            records = records.Where(v => v.Date >= start);
        }

        if (to is { } end)
        {
            records = records.Where(v => v.Date <= end);
        }

        // As the verification list: every word in the instrument's text, or the exact stamp serial.
        var stamp = FieldRules.Blank(search);
        foreach (var word in TextSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TextSearch.LikeContainsPattern(word);
            records = records.Where(v => EF.Functions.Like(v.Instrument!.SearchText, pattern, "\\") || v.StampSerial == stamp);
        }

        var types = await TypeNamesAsync(db, cancellationToken);
        // The bodies are few (a province has a handful of labs): their names come in one query past the tenant
        // filter, as an enterprise may not list the lab that verified its instrument.
        var bodies = await OrganizationNames.PastScopeAsync(db, await records.Select(v => v.BodyId).Distinct().ToListAsync(cancellationToken), cancellationToken);
        var kinds = Enum.GetValues<VerificationKind>().ToDictionary(k => k, k => text[$"Verification.Kind.{k}"].Value);
        var results = Enum.GetValues<VerificationResult>().ToDictionary(r => r, r => text[$"Verification.Result.{r}"].Value);
        var rows = records.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => new VerificationRow(
            v.Date, v.Kind, v.Result, v.TypeCode, v.Instrument!.Manufacturer, v.Instrument.Model, v.Instrument.SerialNumber, v.Instrument.Owner!.Name,
            v.BodyId, v.VerifierName, v.StampSerial,
            db.Certificates.Where(c => c.VerificationId == v.Id && c.RevokedAt == null).OrderByDescending(c => c.Id).Select(c => c.Number).FirstOrDefault(),
            v.NextDueDate));
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                r.Date, kinds[r.Kind], results[r.Result], r.TypeCode, types.GetValueOrDefault(r.TypeCode), r.Manufacturer, r.Model, r.SerialNumber,
                r.OwnerName, bodies.GetValueOrDefault(r.BodyId), r.VerifierName, r.StampSerial, r.CertificateNumber, r.NextDueDate,
            ];
        }
    }

    /// <summary>Group 2 code → name in the caller's language, from the revision in force today.</summary>
    private async Task<Dictionary<string, string>> TypeNamesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var english = !CultureInfo.CurrentUICulture.TwoLetterISOLanguageName.Equals("vi", StringComparison.Ordinal);
        var names = await Group2Names.OnAsync(db, Today, cancellationToken);
        return names.ToDictionary(n => n.Key, n => english ? n.Value.En : n.Value.Vi, StringComparer.Ordinal);
    }
}
