using System.Text.Json;
using Metrology.Core.Accounts;
using Metrology.Core.Auditing;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.ReferenceData;

/// <summary>
/// A dated revision of one Group 2 type, as a circular makes it: the new control measures and cycle,
/// from <see cref="EffectiveFrom"/>, citing <see cref="Source"/>. Null flags mean "not confirmed".
/// </summary>
public sealed class Group2RevisionInput
{
    public DateOnly? EffectiveFrom { get; set; }

    public string? Source { get; set; }

    public bool? PatternApproval { get; set; }

    public bool? InitialVerification { get; set; }

    public bool? PeriodicVerification { get; set; }

    public bool? AfterRepairVerification { get; set; }

    public int? CycleMonths { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Removal of a type from the list: the last day it applies.</summary>
public sealed class Group2RemovalInput
{
    public DateOnly? EffectiveTo { get; set; }

    public string? Source { get; set; }
}

/// <summary>
/// The Group 2 catalogue's use cases: the row in force on a date, a code's history, and the dated
/// revisions a SystemAdmin applies when a circular changes the list. Rows are never edited in place
/// for a change of rule: the old row ends the day before the new one starts, so a verification of
/// any date finds the rule that applied then.
/// </summary>
public sealed class Group2Catalogue(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int SourceMaxLength = 40;
    public const int NotesMaxLength = 2000;

    /// <summary>Longest cycle accepted: 10 years; the list's longest is 60 months.</summary>
    public const int MaxCycleMonths = 120;

    public bool CanWrite => currentUser.IsInRole(Roles.SystemAdmin);

    public async Task<Group2TypeDto?> InForceAsync(string code, DateOnly? on, CancellationToken cancellationToken = default)
    {
        var date = on ?? DisplayFormat.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Group2InstrumentTypes.AsNoTracking()
            .Where(t => t.Code == code && (t.EffectiveFrom == null || t.EffectiveFrom <= date) && (t.EffectiveTo == null || date <= t.EffectiveTo))
            .Select(ToDto)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every row of a code, oldest first; empty when the code is unknown.</summary>
    public async Task<List<Group2TypeDto>> HistoryAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Group2InstrumentTypes.AsNoTracking().Where(t => t.Code == code).Select(ToDto).ToListAsync(cancellationToken);
        // Null start = "since the list began": first. Sorted here because providers order nulls differently.
        return [.. rows.OrderBy(r => r.EffectiveFrom ?? DateOnly.MinValue)];
    }

    public async Task<Outcome<Group2TypeDto>> ReviseAsync(string code, Group2RevisionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await LatestAsync(db, code, cancellationToken);
        if (latest is null)
        {
            return Outcome<Group2TypeDto>.NotFound();
        }

        var errors = new FieldErrors();
        if (input.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", text["Error.Required"]);
            from = default;
        }
        else if (latest.EffectiveFrom is { } start && from <= start)
        {
            errors.Add("effectiveFrom", text["Group2Rev.Error.NotAfterCurrent", DisplayFormat.Date(start)]);
        }

        FieldRules.RequireText(errors, text, "source", input.Source, SourceMaxLength);
        FieldRules.OptionalText(errors, text, "notes", input.Notes, NotesMaxLength);
        if (input.CycleMonths is { } cycle && (cycle < 1 || cycle > MaxCycleMonths))
        {
            errors.Add("cycleMonths", text["Group2Rev.Error.Cycle", MaxCycleMonths]);
        }

        if (errors.Any)
        {
            return Outcome<Group2TypeDto>.Invalid(errors);
        }

        var before = Snapshot(latest);
        var revision = new Group2InstrumentType
        {
            Code = latest.Code,
            QuantityGroupVi = latest.QuantityGroupVi,
            QuantityGroupEn = latest.QuantityGroupEn,
            NameVi = latest.NameVi,
            NameEn = latest.NameEn,
            PatternApproval = input.PatternApproval,
            InitialVerification = input.InitialVerification,
            PeriodicVerification = input.PeriodicVerification,
            AfterRepairVerification = input.AfterRepairVerification,
            CycleMonths = input.CycleMonths,
            Source = input.Source!.Trim(),
            Notes = FieldRules.Blank(input.Notes) ?? string.Empty,
            EffectiveFrom = from,
            SearchText = latest.SearchText,
        };

        // A removal dated after the revision still applies, now to the new row.
        if (latest.EffectiveTo is null || latest.EffectiveTo >= from)
        {
            revision.EffectiveTo = latest.EffectiveTo;
            latest.EffectiveTo = from.AddDays(-1);
        }

        db.Group2InstrumentTypes.Add(revision);
        await SaveWithAuditAsync(db, [(latest, before), (revision, null)], cancellationToken);
        return Outcome<Group2TypeDto>.Ok(ToDtoCompiled(revision));
    }

    public async Task<Outcome<Group2TypeDto>> RemoveAsync(string code, Group2RemovalInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await LatestAsync(db, code, cancellationToken);
        if (latest is null)
        {
            return Outcome<Group2TypeDto>.NotFound();
        }

        var errors = new FieldErrors();
        if (input.EffectiveTo is not { } to)
        {
            errors.Add("effectiveTo", text["Error.Required"]);
            to = default;
        }
        else if (latest.EffectiveFrom is { } start && to < start)
        {
            errors.Add("effectiveTo", text["Group2Rev.Error.EndBeforeStart", DisplayFormat.Date(start)]);
        }

        FieldRules.OptionalText(errors, text, "source", input.Source, SourceMaxLength);
        if (errors.Any)
        {
            return Outcome<Group2TypeDto>.Invalid(errors);
        }

        var before = Snapshot(latest);
        latest.EffectiveTo = to;
        if (FieldRules.Blank(input.Source) is { } source)
        {
            latest.Notes = string.IsNullOrEmpty(latest.Notes) ? $"removed by {source}" : $"{latest.Notes}; removed by {source}";
        }

        await SaveWithAuditAsync(db, [(latest, before)], cancellationToken);
        return Outcome<Group2TypeDto>.Ok(ToDtoCompiled(latest));
    }

    /// <summary>The row a revision follows: the one with the latest start.</summary>
    private static async Task<Group2InstrumentType?> LatestAsync(AppDbContext db, string code, CancellationToken cancellationToken)
    {
        var rows = await db.Group2InstrumentTypes.Where(t => t.Code == code).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.EffectiveFrom ?? DateOnly.MinValue).FirstOrDefault();
    }

    /// <summary>
    /// Group 2 rows are reference data loaded at every start, so they are not IAudited (the loader would
    /// flood the log); an admin's revision is a legal change, so it is logged here, in the same transaction.
    /// </summary>
    private async Task SaveWithAuditAsync(AppDbContext db, IReadOnlyList<(Group2InstrumentType Row, string? Before)> changes, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (row, before) in changes)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = currentUser.UserId,
                UserEmail = currentUser.UserEmail,
                EntityType = nameof(Group2InstrumentType),
                EntityId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = before is null ? AuditAction.Create : AuditAction.Update,
                Before = before,
                After = Snapshot(row),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Snapshot(Group2InstrumentType t) => JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        [nameof(t.Code)] = t.Code,
        [nameof(t.PatternApproval)] = t.PatternApproval,
        [nameof(t.InitialVerification)] = t.InitialVerification,
        [nameof(t.PeriodicVerification)] = t.PeriodicVerification,
        [nameof(t.AfterRepairVerification)] = t.AfterRepairVerification,
        [nameof(t.CycleMonths)] = t.CycleMonths,
        [nameof(t.Source)] = t.Source,
        [nameof(t.EffectiveFrom)] = t.EffectiveFrom,
        [nameof(t.EffectiveTo)] = t.EffectiveTo,
    });

    public static readonly System.Linq.Expressions.Expression<Func<Group2InstrumentType, Group2TypeDto>> ToDto = t => new Group2TypeDto(
        t.Code, t.NameVi, t.NameEn, t.QuantityGroupVi, t.QuantityGroupEn, t.PatternApproval, t.InitialVerification,
        t.PeriodicVerification, t.AfterRepairVerification, t.CycleMonths, t.Source, t.EffectiveFrom, t.EffectiveTo);

    private static readonly Func<Group2InstrumentType, Group2TypeDto> ToDtoCompiled = ToDto.Compile();
}
