using Metrology.Core.Accounts;
using Metrology.Core.Attachments;
using Metrology.Core.Data;
using Metrology.Web.Features.Documents;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Attachments;

/// <summary>What the current user may do with the files of one record.</summary>
public enum AttachmentRight
{
    /// <summary>The record does not exist in the user's scope (another province's, another enterprise's): 404.</summary>
    NotFound,

    /// <summary>The record is in scope but the role may not see it: 403.</summary>
    None,
    Read,
    Write,
}

/// <summary>
/// The ONE place that decides who may list, download, upload and delete the files of a record. It loads the
/// target through the tenant-filtered context, so another province's record (and, for an enterprise user,
/// another enterprise's programme or inspection) is not found, then applies the role table of
/// design/domain.md for that kind of record.
/// </summary>
public sealed class AttachmentAccess(CurrentUser currentUser)
{
    /// <summary>Who reads inspection records besides the inspected enterprise (domain.md: R all, R prov, own agency).</summary>
    private static readonly string[] InspectionReaders = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer];

    /// <summary>The user's right on the files of (<paramref name="target"/>, <paramref name="targetId"/>) and the record's province.</summary>
    public async Task<(AttachmentRight Right, int? ProvinceId)> ResolveAsync(
        AppDbContext db, AttachmentTarget target, int targetId, CancellationToken cancellationToken)
    {
        var probe = await ProbeAsync(db, target, targetId, cancellationToken);
        if (probe is null)
        {
            return (AttachmentRight.NotFound, null);
        }

        var ownOrganization = currentUser.OrganizationId;
        var right = target switch
        {
            // Programme records: the province's officers keep them (the system administrator may correct any).
            AttachmentTarget.DirectiveDocument or AttachmentTarget.PlanTask or AttachmentTarget.ScienceTask
                or AttachmentTarget.InvestmentProject or AttachmentTarget.Outreach =>
                currentUser.IsInRole(DocumentService.WriterRoles) ? AttachmentRight.Write
                : currentUser.IsInRole(DocumentService.ReaderRoles) ? AttachmentRight.Read
                : AttachmentRight.None,

            // The enterprise of a measurement assurance programme writes its own evidence.
            AttachmentTarget.AssuranceStep =>
                currentUser.IsInRole(DocumentService.WriterRoles)
                || (currentUser.IsInRole(Roles.EnterpriseUser) && ownOrganization == probe.Organization) ? AttachmentRight.Write
                : currentUser.IsInRole(DocumentService.ReaderRoles) ? AttachmentRight.Read
                : AttachmentRight.None,

            // Inspection plans: written by inspectors of the agency that owns the plan, read by the province.
            AttachmentTarget.InspectionPlan =>
                currentUser.IsInRole(Roles.Inspector) && ownOrganization == probe.Agency ? AttachmentRight.Write
                : currentUser.IsInRole(DocumentService.ReaderRoles) ? AttachmentRight.Read
                : AttachmentRight.None,

            // Inspection records: the agency's inspectors write; other inspectors see only their own agency's;
            // the inspected enterprise reads its own results.
            AttachmentTarget.InspectionRecord =>
                currentUser.IsInRole(Roles.Inspector) && ownOrganization == probe.Agency ? AttachmentRight.Write
                : currentUser.IsInRole(InspectionReaders)
                  || (currentUser.IsInRole(Roles.EnterpriseUser) && ownOrganization == probe.Organization) ? AttachmentRight.Read
                : AttachmentRight.None,

            _ => AttachmentRight.None,
        };
        return (right, probe.ProvinceId);
    }

    /// <param name="Organization">The enterprise concerned (assurance programme, inspected organisation).</param>
    /// <param name="Agency">The inspection agency that owns a plan or record.</param>
    private sealed record Probe(int? ProvinceId, int? Organization, int? Agency);

    private static Task<Probe?> ProbeAsync(AppDbContext db, AttachmentTarget target, int id, CancellationToken ct) => target switch
    {
        AttachmentTarget.DirectiveDocument => db.DirectiveDocuments.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, null)).FirstOrDefaultAsync(ct),
        AttachmentTarget.PlanTask => db.PlanTasks.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, null)).FirstOrDefaultAsync(ct),
        AttachmentTarget.ScienceTask => db.ScienceTasks.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, null)).FirstOrDefaultAsync(ct),
        AttachmentTarget.InvestmentProject => db.InvestmentProjects.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, null)).FirstOrDefaultAsync(ct),
        AttachmentTarget.Outreach => db.OutreachActivities.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, null)).FirstOrDefaultAsync(ct),
        // Steps are reached through their programme: the enterprise user's own-organisation filter is on both.
        AttachmentTarget.AssuranceStep => db.AssuranceSteps.Where(r => r.Id == id)
            .Join(db.AssuranceProgrammes, s => s.ProgrammeId, p => p.Id, (s, p) => new Probe(s.ProvinceId, p.EnterpriseId, null))
            .FirstOrDefaultAsync(ct),
        AttachmentTarget.InspectionPlan => db.InspectionPlans.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, null, r.AgencyId)).FirstOrDefaultAsync(ct),
        AttachmentTarget.InspectionRecord => db.InspectionRecords.Where(r => r.Id == id).Select(r => new Probe(r.ProvinceId, r.OrganizationId, r.AgencyId)).FirstOrDefaultAsync(ct),
        _ => Task.FromResult<Probe?>(null),
    };
}
