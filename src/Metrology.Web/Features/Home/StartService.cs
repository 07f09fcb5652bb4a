using System.Globalization;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Instruments;
using Metrology.Core.Programme;
using Metrology.Core.Reporting;
using Metrology.Core.Surveys;
using Metrology.Web.Features.Designations;
using Metrology.Web.Features.Inspections;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Features.NationalRollup;
using Metrology.Web.Features.ReferenceData;
using Metrology.Web.Features.Standards;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Home;

/// <summary>
/// What each role needs first thing in the morning, each figure counted with the same filter as the list it links
/// to (the due rules of <see cref="InstrumentService.DueFilter"/>, the overlaps of the coordination view, the
/// roll-up's statuses), through the tenant-filtered context: nobody counts another province's or organisation's rows.
/// </summary>
public sealed class StartService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    InstrumentService instruments,
    StandardService standards,
    DesignationService designations,
    InspectionPlanService inspectionPlans,
    RollupService rollup,
    TimeProvider clock)
{
    public async Task<StartPageDto> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DisplayFormat.Today(clock);
        var org = currentUser.OrganizationId;
        if (currentUser.IsInRole(Roles.EnterpriseUser) && org is { } enterprise)
        {
            return new(Roles.EnterpriseUser, await OrganizationNameAsync(db, enterprise, cancellationToken), today, await EnterpriseAsync(db, enterprise, today, cancellationToken));
        }

        if (currentUser.IsInRole(Roles.LabOperator) && org is { } lab)
        {
            return new(Roles.LabOperator, await OrganizationNameAsync(db, lab, cancellationToken), today, await LabAsync(db, lab, today, cancellationToken));
        }

        if (currentUser.IsInRole(Roles.Inspector) && org is { } agency)
        {
            return new(Roles.Inspector, await OrganizationNameAsync(db, agency, cancellationToken), today, await InspectorAsync(db, agency, today, cancellationToken));
        }

        if (currentUser.ProvinceId is { } province && currentUser.IsInRole(Roles.ProvinceOfficer, Roles.ProvinceAdmin))
        {
            var name = await db.Provinces.Where(p => p.Id == province).Select(p => p.NameVi).FirstOrDefaultAsync(cancellationToken);
            return new(currentUser.Role ?? Roles.ProvinceOfficer, name, today, await OfficerAsync(db, today, cancellationToken));
        }

        if (currentUser.IsInRole(RollupService.ReaderRoles))
        {
            return new(currentUser.Role ?? Roles.MinistryOfficer, null, today, await MinistryAsync(today, cancellationToken));
        }

        return new(currentUser.Role ?? string.Empty, null, today, []);
    }

    private static Task<string?> OrganizationNameAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> DueCountAsync(AppDbContext db, DueState state, int? bodyId, CancellationToken cancellationToken) =>
        instruments.DueFilter(db, new DueListQuery(state, BodyId: bodyId), bodyId).CountAsync(cancellationToken);

    private async Task<List<StartFigure>> EnterpriseAsync(AppDbContext db, int enterprise, DateOnly today, CancellationToken cancellationToken)
    {
        var figures = new List<StartFigure>
        {
            new("Start.Enterprise.Overdue", await DueCountAsync(db, DueState.Overdue, null, cancellationToken), "/instruments?dueState=Overdue"),
            new("Start.Enterprise.DueSoon", await DueCountAsync(db, DueState.DueSoon, null, cancellationToken), "/instruments?dueState=DueSoon"),
        };

        // Open campaigns addressed to the enterprise that it has not submitted yet, soonest deadline first.
        var surveys = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Status == SurveyCampaignStatus.Open && c.Targets.Any(t => t.OrganizationId == enterprise)
                && !db.SurveyResponses.Any(r => r.CampaignId == c.Id && r.OrganizationId == enterprise && r.Status == SurveyResponseStatus.Submitted))
            .OrderBy(c => c.ClosesOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.ClosesOn })
            .ToListAsync(cancellationToken);
        figures.Add(new("Start.Enterprise.OpenSurveys", surveys.Count, "/surveys"));
        figures.AddRange(surveys.Select(s => new StartFigure("Start.Enterprise.Survey", null, $"/surveys/campaigns/{s.Id}/respond", s.Title, s.ClosesOn)));

        var programmes = await db.AssuranceProgrammes.AsNoTracking()
            .Where(p => p.EnterpriseId == enterprise && p.CompletedOn == null)
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                Next = p.Steps.Where(s => s.Status != AssuranceStepStatus.Done).OrderBy(s => s.Position).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        figures.AddRange(programmes.Select(p => p.Next is null
            ? new StartFigure("Start.Enterprise.ProgrammeDone", null, $"/assurance/{p.Id}")
            : new StartFigure("Start.Enterprise.NextStep", null, $"/assurance/{p.Id}", p.Next)));
        return figures;
    }

    private async Task<List<StartFigure>> LabAsync(AppDbContext db, int lab, DateOnly today, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var ownVerifications = db.Verifications.AsNoTracking().Where(v => v.BodyId == lab);
        var soon = today.AddDays(standards.DueSoonDays);
        var designationEnd = await db.Designations.AsNoTracking()
            .Where(d => d.BodyId == lab && d.WithdrawnOn == null && d.ValidFrom <= today && d.ValidUntil >= today)
            .OrderByDescending(d => d.ValidUntil)
            .Select(d => (DateOnly?)d.ValidUntil)
            .FirstOrDefaultAsync(cancellationToken);
        ImportStatus[] running = [ImportStatus.Queued, ImportStatus.Running];
        return
        [
            new("Start.Lab.VerificationsToday", await ownVerifications.CountAsync(v => v.Date == today, cancellationToken),
                $"/verifications?from={Iso(today)}&to={Iso(today)}"),
            new("Start.Lab.VerificationsMonth", await ownVerifications.CountAsync(v => v.Date >= monthStart && v.Date <= today, cancellationToken),
                $"/verifications?from={Iso(monthStart)}&to={Iso(today)}"),
            new("Start.Lab.ClientsOverdue", await DueCountAsync(db, DueState.Overdue, lab, cancellationToken), "/instruments/due"),
            new("Start.Lab.ClientsDueSoon", await DueCountAsync(db, DueState.DueSoon, lab, cancellationToken), "/instruments/due"),
            new("Start.Lab.StandardsDue", await db.MeasurementStandards.AsNoTracking()
                .CountAsync(s => s.OwnerId == lab && s.CalibrationDueDate != null && s.CalibrationDueDate <= soon, cancellationToken), "/standards"),
            designationEnd is { } end
                ? new("Start.Lab.DesignationUntil", null, $"/designations?body={lab}", Date: end)
                : new("Start.Lab.NoDesignation", null, $"/designations?body={lab}"),
            new("Start.Lab.ImportsRunning", await db.ImportJobs.AsNoTracking().CountAsync(j => running.Contains(j.Status), cancellationToken), "/imports"),
        ];
    }

    private async Task<List<StartFigure>> InspectorAsync(AppDbContext db, int agency, DateOnly today, CancellationToken cancellationToken)
    {
        var firstMonth = (today.Month - 1) / 3 * 3 + 1;
        var lastMonth = firstMonth + 2;
        var plans = await db.InspectionPlans.AsNoTracking()
            .CountAsync(p => p.AgencyId == agency && p.Year == today.Year
                && p.Targets.Any(t => t.FromMonth <= lastMonth && t.ToMonth >= firstMonth), cancellationToken);
        var overlaps = (await inspectionPlans.OverlapsAsync(today.Year, cancellationToken))
            .Count(o => !o.Resolved && (o.First.AgencyId == agency || o.Second.AgencyId == agency));
        var openDeadlines = await db.InspectionRecords.AsNoTracking()
            .CountAsync(r => r.AgencyId == agency && r.FollowUps.Any(f => f.DoneOn == null), cancellationToken);
        return
        [
            new("Start.Inspector.PlansQuarter", plans, "/inspections/plans"),
            new("Start.Inspector.Overlaps", overlaps, $"/inspections/coordination?year={today.Year}"),
            new("Start.Inspector.OpenDeadlines", openDeadlines, "/inspections"),
        ];
    }

    private async Task<List<StartFigure>> OfficerAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var figures = new List<StartFigure>
        {
            new("Start.Officer.Overdue", await DueCountAsync(db, DueState.Overdue, null, cancellationToken), "/instruments?dueState=Overdue"),
        };
        var byType = await instruments.DueFilter(db, new DueListQuery(DueState.Overdue), null)
            .GroupBy(i => i.TypeCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await Group2Names.OnAsync(db, today, cancellationToken);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        figures.AddRange(byType.OrderByDescending(t => t.Count).ThenBy(t => t.Code, StringComparer.Ordinal).Select(t => new StartFigure(
            "Start.Officer.OverdueType", t.Count, $"/instruments?dueState=Overdue&type={Uri.EscapeDataString(t.Code)}",
            names.TryGetValue(t.Code, out var name) ? english ? name.En : name.Vi : t.Code)));

        var report = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == today.Year)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status })
            .FirstOrDefaultAsync(cancellationToken);
        var deadline = (await rollup.GetDeadlineAsync(today.Year, cancellationToken)).DueOn;
        figures.Add(report is null
            ? new("Start.Officer.ReportMissing", null, "/reports", Date: deadline)
            : new($"Start.Officer.Report.{report.Status}", null, $"/reports/{report.Id}", Date: deadline));

        var overlaps = (await inspectionPlans.OverlapsAsync(today.Year, cancellationToken)).Count(o => !o.Resolved);
        figures.Add(new("Start.Officer.Overlaps", overlaps, $"/inspections/coordination?year={today.Year}"));
        var expiring = (await designations.ListAsync(new DesignationQuery(ExpiringWithinDays: designations.WarningDays, PageSize: 1), cancellationToken)).Total;
        figures.Add(new("Start.Officer.DesignationsExpiring", expiring, "/designations"));
        return figures;
    }

    private async Task<List<StartFigure>> MinistryAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // The cycle of the current year: provinces report on the year by its deadline (20/12 unless configured).
        var cycle = await rollup.GetAsync(today.Year, cancellationToken);
        return
        [
            new("Start.Ministry.Received", cycle.Sent, "/ministry", Label: cycle.Year.ToString(CultureInfo.InvariantCulture), Date: cycle.Deadline),
            new("Start.Ministry.Late", cycle.Late, "/ministry"),
            new("Start.Ministry.Missing", cycle.Missing, "/ministry"),
        ];
    }
}
