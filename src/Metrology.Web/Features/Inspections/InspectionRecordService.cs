using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Instruments;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Inspections;

/// <summary>
/// Inspection records: what an agency's inspectors checked and found at one organisation of its approved plan.
/// A record and everything in it (violations, instruments checked or registered on the spot, the registry's
/// "must not be used" flags, follow-ups, equipment used) is validated first, then written by one SaveChanges,
/// i.e. one transaction: nothing is half-written.
/// </summary>
public sealed class InspectionRecordService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    InspectionPlanService plans,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Plan readers, and the enterprise for the results about itself (the tenant filter keeps it to those).</summary>
    public static readonly string[] ReaderRoles = [.. InspectionPlanService.ReaderRoles, Roles.EnterpriseUser];

    public const int MaxPageSize = 200;

    public bool CanWrite => plans.CanWrite;

    public DateOnly Today => DisplayFormat.Today(clock);

    public async Task<PagedResult<InspectionRecordListItem>> ListAsync(
        int? year, int? agencyId, int? planId, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Readable(db);
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            rows = rows.Where(r => r.StartedOn >= from && r.StartedOn <= to);
        }

        if (agencyId is { } a)
        {
            rows = rows.Where(r => r.AgencyId == a);
        }

        if (planId is { } p)
        {
            rows = rows.Where(r => r.PlanId == p);
        }

        var total = await rows.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 1);
        var items = await rows.OrderByDescending(r => r.StartedOn).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new InspectionRecordListItem(
                r.Id, r.AgencyId, string.Empty, r.OrganizationId, r.Organization!.Name, r.PlanId, r.Kind, r.StartedOn, r.EndedOn,
                r.Violations.Count, r.Violations.Sum(v => v.SanctionAmount ?? 0)))
            .ToListAsync(cancellationToken);
        var agencies = await AgencyNamesAsync(db, items.Select(i => i.AgencyId), cancellationToken);
        return new PagedResult<InspectionRecordListItem>(items.Select(i => i with { AgencyName = agencies[i.AgencyId] }).ToList(), total, page, pageSize);
    }

    public async Task<InspectionRecordDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// The records the caller may read: the tenant filter's (province; an enterprise's own results), narrowed to its
    /// own agency for an inspector (design/domain.md: inspectors write and read their agency's records only; the
    /// province's plans stay readable to them for coordination).
    /// </summary>
    private IQueryable<InspectionRecord> Readable(AppDbContext db)
    {
        var rows = db.InspectionRecords.AsNoTracking();
        return currentUser.IsInRole(Roles.Inspector) ? rows.Where(r => r.AgencyId == (plans.OwnAgencyId ?? -1)) : rows;
    }

    /// <summary>Approved plans of the inspector's own agency, newest first, with their targets: the record form's choices (one query).</summary>
    public async Task<IReadOnlyList<PlanChoice>> OwnApprovedPlansAsync(CancellationToken cancellationToken = default)
    {
        var agencyId = plans.OwnAgencyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InspectionPlans.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Status == InspectionPlanStatus.Approved)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new PlanChoice(p.Id, p.Year, p.Title, p.Kind, p.Targets.OrderBy(t => t.Organization!.Name)
                .Select(t => new TargetChoice(t.OrganizationId, t.Organization!.Name, t.Content)).ToList()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Instruments of an organisation for the record form (the registry's rows, at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<InspectedInstrumentChoice>> InstrumentChoicesAsync(int organizationId, string? search, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Instruments.AsNoTracking().Where(i => i.OwnerId == organizationId);
        foreach (var word in Core.Shared.TextSearch.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = Core.Shared.TextSearch.LikeContainsPattern(word);
            rows = rows.Where(i => EF.Functions.Like(i.SearchText, pattern, "\\"));
        }

        return await rows.OrderBy(i => i.SerialNumber).Take(take)
            .Select(i => new InspectedInstrumentChoice(i.Id, i.TypeCode, i.Manufacturer, i.SerialNumber, i.NextDueDate, i.MustNotBeUsed))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Inspection equipment of the province (volume standards, octane testers...).</summary>
    public async Task<IReadOnlyList<EquipmentUsedDto>> EquipmentChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Equipment.AsNoTracking().Where(e => e.ForInspection).OrderBy(e => e.Name)
            .Select(e => new EquipmentUsedDto(e.Id, e.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<InspectionRecordDto>> CreateAsync(InspectionRecordInput input, CancellationToken cancellationToken = default)
    {
        if (plans.OwnAgencyId is not { } agencyId)
        {
            return Outcome<InspectionRecordDto>.Forbidden(text["Inspections.Error.NoAgency"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        InspectionPlan? plan = null;
        if (input.PlanId is null)
        {
            errors.Add("planId", text["Error.Required"]);
        }
        else
        {
            plan = await db.InspectionPlans.AsNoTracking().Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == input.PlanId, cancellationToken);
            if (plan is null)
            {
                errors.Add("planId", text["Inspections.Error.PlanUnknown"]);
            }
            else if (plan.AgencyId != agencyId)
            {
                return Outcome<InspectionRecordDto>.Forbidden(text["Inspections.Error.OtherAgency"]);
            }
            else if (plan.Status != InspectionPlanStatus.Approved)
            {
                return Outcome<InspectionRecordDto>.Unprocessable("planId", text["Inspections.Error.PlanNotApproved"]);
            }
        }

        var target = plan?.Targets.FirstOrDefault(t => t.OrganizationId == input.OrganizationId);
        if (input.OrganizationId is null)
        {
            errors.Add("organizationId", text["Error.Required"]);
        }
        else if (plan is not null && target is null)
        {
            errors.Add("organizationId", text["Inspections.Error.NotATarget"]);
        }

        FieldRules.RequiredEnum<InspectionKind>(errors, text, "kind", input.Kind);

        plans.CheckContent(errors, "content", input.Content);
        CheckDates(errors, input);
        FieldRules.RequireText(errors, text, "team", input.Team, 1000);
        FieldRules.OptionalText(errors, text, "findings", input.Findings, 8000);
        FieldRules.OptionalText(errors, text, "conclusion", input.Conclusion, 4000);
        CheckViolations(errors, input);
        var instruments = await CheckInstrumentsAsync(db, errors, input, target?.OrganizationId, cancellationToken);
        CheckFollowUps(errors, input);
        var equipmentIds = (input.EquipmentIds ?? []).Distinct().ToList();
        if (equipmentIds.Count > 0)
        {
            var found = await db.Equipment.Where(e => e.ForInspection && equipmentIds.Contains(e.Id)).CountAsync(cancellationToken);
            if (found != equipmentIds.Count)
            {
                errors.Add("equipmentIds", text["Inspections.Error.EquipmentUnknown"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<InspectionRecordDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new InspectionRecord
        {
            ProvinceId = plan!.ProvinceId,
            AgencyId = agencyId,
            PlanId = plan.Id,
            TargetId = target!.Id,
            OrganizationId = target.OrganizationId,
            Kind = FieldRules.EnumByName<InspectionKind>(input.Kind)!.Value,
            Content = ContentFlags.Join(input.Content!.Select(c => FieldRules.EnumByName<InspectionContent>(c)!.Value)),
            StartedOn = input.StartedOn!.Value,
            EndedOn = input.EndedOn,
            Team = input.Team!.Trim(),
            Findings = FieldRules.Blank(input.Findings),
            Conclusion = FieldRules.Blank(input.Conclusion),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var v in input.Violations ?? [])
        {
            record.Violations.Add(new InspectionViolation
            {
                ProvinceId = record.ProvinceId,
                Kind = FieldRules.EnumByName<ViolationKind>(v.Kind)!.Value,
                Description = v.Description!.Trim(),
                SanctionAmount = v.SanctionAmount,
                SanctionDecision = FieldRules.Blank(v.SanctionDecision),
            });
        }

        for (var i = 0; i < instruments.Count; i++)
        {
            var (instrument, outcome, note) = instruments[i];
            if (instrument.Id == 0)
            {
                instrument.CreatedAt = now;
                instrument.UpdatedAt = now;
                db.Instruments.Add(instrument);
            }

            // The registry learns what the inspectors found: an unverified or overdue instrument must not be used.
            if (outcome is InstrumentCheckOutcome.Unverified or InstrumentCheckOutcome.Overdue && !instrument.MustNotBeUsed)
            {
                instrument.MustNotBeUsed = true;
                instrument.UpdatedAt = now;
            }

            record.Instruments.Add(new InspectedInstrument { ProvinceId = record.ProvinceId, Instrument = instrument, Outcome = outcome, Note = note });
        }

        foreach (var f in input.FollowUps ?? [])
        {
            record.FollowUps.Add(new InspectionFollowUp { ProvinceId = record.ProvinceId, Action = f.Action!.Trim(), Deadline = f.Deadline!.Value });
        }

        foreach (var equipmentId in equipmentIds)
        {
            record.EquipmentUsed.Add(new InspectionEquipmentUse { EquipmentId = equipmentId });
        }

        db.InspectionRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<InspectionRecordDto>.Ok((await LoadAsync(db, record.Id, cancellationToken))!);
    }

    private void CheckDates(FieldErrors errors, InspectionRecordInput input)
    {
        var today = Today;
        if (input.StartedOn is not { } started)
        {
            errors.Add("startedOn", text["Error.Required"]);
        }
        else if (started > today)
        {
            errors.Add("startedOn", text["Inspections.Error.FutureDate"]);
        }

        if (input.EndedOn is { } ended)
        {
            if (ended > today)
            {
                errors.Add("endedOn", text["Inspections.Error.FutureDate"]);
            }
            else if (input.StartedOn is { } start && ended < start)
            {
                errors.Add("endedOn", text["Inspections.Error.EndBeforeStart"]);
            }
        }
    }

    private void CheckViolations(FieldErrors errors, InspectionRecordInput input)
    {
        var violations = input.Violations ?? [];
        for (var i = 0; i < violations.Count; i++)
        {
            var v = violations[i];
            var prefix = $"violations[{i}]";
            if (input.ViolationsFound == false)
            {
                // The record concludes "no violation": a sanction (or a violation) here contradicts it.
                errors.Add(v.SanctionAmount is not null ? $"{prefix}.sanctionAmount" : prefix, text["Inspections.Error.SanctionWithoutViolation"]);
                continue;
            }

            if (string.IsNullOrWhiteSpace(v.Kind))
            {
                errors.Add($"{prefix}.kind", v.SanctionAmount is not null ? text["Inspections.Error.SanctionWithoutViolation"] : text["Error.Required"]);
            }
            else if (FieldRules.EnumByName<ViolationKind>(v.Kind) is null)
            {
                errors.Add($"{prefix}.kind", text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<ViolationKind>())]);
            }

            FieldRules.RequireText(errors, text, $"{prefix}.description", v.Description, 2000);
            FieldRules.OptionalText(errors, text, $"{prefix}.sanctionDecision", v.SanctionDecision, 100);
            if (v.SanctionAmount is < 0)
            {
                errors.Add($"{prefix}.sanctionAmount", text["Inspections.Error.SanctionNegative"]);
            }
            else if (v.SanctionAmount is > 0 && string.IsNullOrWhiteSpace(v.SanctionDecision))
            {
                errors.Add($"{prefix}.sanctionDecision", text["Inspections.Error.SanctionDecision"]);
            }
        }
    }

    private void CheckFollowUps(FieldErrors errors, InspectionRecordInput input)
    {
        var followUps = input.FollowUps ?? [];
        for (var i = 0; i < followUps.Count; i++)
        {
            var f = followUps[i];
            FieldRules.RequireText(errors, text, $"followUps[{i}].action", f.Action, 1000);
            if (f.Deadline is not { } deadline)
            {
                errors.Add($"followUps[{i}].deadline", text["Error.Required"]);
            }
            else if (input.StartedOn is { } started && deadline < started)
            {
                errors.Add($"followUps[{i}].deadline", text["Inspections.Error.DeadlineBeforeStart"]);
            }
        }
    }

    /// <summary>
    /// Registry instruments must belong to the inspected organisation (one query for all); instruments registered on
    /// the spot need a manufacturer and serial and must not already be in the registry (one query for all).
    /// </summary>
    private async Task<List<(Instrument Instrument, InstrumentCheckOutcome Outcome, string? Note)>> CheckInstrumentsAsync(
        AppDbContext db, FieldErrors errors, InspectionRecordInput input, int? organizationId, CancellationToken cancellationToken)
    {
        var items = input.Instruments ?? [];
        var result = new List<(Instrument, InstrumentCheckOutcome, string?)>();
        if (items.Count == 0)
        {
            return result;
        }

        var ids = items.Where(i => i.InstrumentId is not null).Select(i => i.InstrumentId!.Value).Distinct().ToList();
        var existing = await db.Instruments.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var serials = items.Where(i => i.InstrumentId is null && !string.IsNullOrWhiteSpace(i.SerialNumber)).Select(i => i.SerialNumber!.Trim()).ToList();
        var taken = organizationId is null || serials.Count == 0
            ? []
            : await db.Instruments.IgnoreQueryFilters()
                .Where(i => i.OwnerId == organizationId && serials.Contains(i.SerialNumber))
                .Select(i => new { i.TypeCode, i.Manufacturer, i.SerialNumber }).ToListAsync(cancellationToken);
        var typeCodes = items.Where(i => i.InstrumentId is null).Select(i => FieldRules.Blank(i.TypeCode)).OfType<string>().Distinct().ToList();
        var knownTypes = typeCodes.Count == 0
            ? []
            : await db.Group2InstrumentTypes.Where(t => typeCodes.Contains(t.Code)).Select(t => t.Code).Distinct().ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = $"instruments[{i}]";
            var outcome = FieldRules.EnumByName<InstrumentCheckOutcome>(item.Outcome);
            if (outcome is null)
            {
                errors.Add($"{prefix}.outcome", string.IsNullOrWhiteSpace(item.Outcome)
                    ? text["Error.Required"]
                    : text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<InstrumentCheckOutcome>())]);
            }

            FieldRules.OptionalText(errors, text, $"{prefix}.note", item.Note, 1000);
            Instrument? instrument = null;
            if (item.InstrumentId is { } id)
            {
                if (!existing.TryGetValue(id, out instrument) || instrument.OwnerId != organizationId)
                {
                    errors.Add($"{prefix}.instrumentId", text["Inspections.Error.InstrumentNotOwned"]);
                    instrument = null;
                }
                else if (!seen.Add(id))
                {
                    errors.Add($"{prefix}.instrumentId", text["Inspections.Error.InstrumentTwice"]);
                    instrument = null;
                }
            }
            else
            {
                FieldRules.RequireText(errors, text, $"{prefix}.manufacturer", item.Manufacturer, Instrument.TextMaxLength);
                FieldRules.RequireText(errors, text, $"{prefix}.serialNumber", item.SerialNumber, Instruments.InstrumentService.SerialMaxLength);
                var typeCode = FieldRules.Blank(item.TypeCode);
                if (typeCode is not null && !knownTypes.Contains(typeCode))
                {
                    errors.Add($"{prefix}.typeCode", text["Instruments.Error.TypeUnknown", typeCode.Length > 60 ? typeCode[..60] : typeCode]);
                }
                else if (!string.IsNullOrWhiteSpace(item.Manufacturer) && !string.IsNullOrWhiteSpace(item.SerialNumber) && organizationId is not null)
                {
                    var manufacturer = item.Manufacturer.Trim();
                    var serial = item.SerialNumber.Trim();
                    if (taken.Any(t => t.TypeCode == typeCode && t.Manufacturer == manufacturer && t.SerialNumber == serial)
                        || result.Any(r => r.Item1.Id == 0 && r.Item1.SerialNumber == serial && r.Item1.Manufacturer == manufacturer && r.Item1.TypeCode == typeCode))
                    {
                        errors.Add($"{prefix}.serialNumber", text["Instruments.Error.Duplicate", serial, manufacturer]);
                    }
                    else
                    {
                        instrument = new Instrument
                        {
                            ProvinceId = currentUser.ProvinceId,
                            OwnerId = organizationId.Value,
                            TypeCode = typeCode,
                            Manufacturer = manufacturer,
                            SerialNumber = serial,
                            Status = InstrumentStatus.InService,
                        };
                        instrument.RefreshSearchText();
                    }
                }
            }

            if (instrument is not null && outcome is not null)
            {
                result.Add((instrument, outcome.Value, FieldRules.Blank(item.Note)));
            }
        }

        return result;
    }

    /// <summary>
    /// The names of the agencies of records the caller may read. An enterprise's tenant filter hides every other
    /// organisation, the agencies included, so these are read past the filter, by the ids of rows already allowed.
    /// </summary>
    private static async Task<Dictionary<int, string>> AgencyNamesAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => wanted.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private async Task<InspectionRecordDto?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var r = await Readable(db).Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id,
                r.AgencyId,
                r.PlanId,
                PlanTitle = r.Plan!.Title,
                r.TargetId,
                r.OrganizationId,
                OrganizationName = r.Organization!.Name,
                r.Kind,
                r.Content,
                r.StartedOn,
                r.EndedOn,
                r.Team,
                r.Findings,
                r.Conclusion,
                r.CreatedAt,
                Violations = r.Violations.OrderBy(v => v.Id).Select(v => new ViolationDto(v.Id, v.Kind, v.Description, v.SanctionAmount, v.SanctionDecision)).ToList(),
                Instruments = r.Instruments.OrderBy(i => i.Id).Select(i => new InspectedInstrumentDto(
                    i.Id, i.InstrumentId, i.Instrument!.TypeCode, i.Instrument.Manufacturer, i.Instrument.SerialNumber, i.Outcome, i.Note, i.Instrument.MustNotBeUsed)).ToList(),
                FollowUps = r.FollowUps.OrderBy(f => f.Deadline).ThenBy(f => f.Id).Select(f => new FollowUpDto(f.Id, f.Action, f.Deadline, f.DoneOn)).ToList(),
                EquipmentIds = r.EquipmentUsed.Select(e => e.EquipmentId).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return null;
        }

        var agencies = await AgencyNamesAsync(db, [r.AgencyId], cancellationToken);
        var equipment = r.EquipmentIds.Count == 0
            ? []
            : await db.Equipment.AsNoTracking().Where(e => r.EquipmentIds.Contains(e.Id)).OrderBy(e => e.Name)
                .Select(e => new EquipmentUsedDto(e.Id, e.Name)).ToListAsync(cancellationToken);
        return new InspectionRecordDto(
            r.Id, r.AgencyId, agencies[r.AgencyId], r.PlanId, r.PlanTitle, r.TargetId, r.OrganizationId, r.OrganizationName, r.Kind,
            ContentFlags.Split(r.Content), r.StartedOn, r.EndedOn, r.Team, r.Findings, r.Conclusion, r.Violations, r.Instruments, r.FollowUps,
            equipment, r.CreatedAt);
    }
}

public sealed record InspectedInstrumentChoice(int Id, string? TypeCode, string Manufacturer, string SerialNumber, DateOnly? NextDueDate, bool MustNotBeUsed);

public sealed record TargetChoice(int OrganizationId, string OrganizationName, InspectionContent Content);

public sealed record PlanChoice(int Id, int Year, string Title, InspectionKind Kind, IReadOnlyList<TargetChoice> Targets);
