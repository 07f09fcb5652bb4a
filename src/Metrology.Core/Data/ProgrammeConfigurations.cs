using Metrology.Core.Attachments;
using Metrology.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.Target).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.UploadedByEmail).HasMaxLength(254);
        b.HasIndex(a => new { a.Target, a.TargetId });
        b.HasIndex(a => a.Sha256);
    }
}

internal sealed class DirectiveDocumentConfiguration : IEntityTypeConfiguration<DirectiveDocument>
{
    public void Configure(EntityTypeBuilder<DirectiveDocument> b)
    {
        b.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Number).HasMaxLength(DirectiveDocument.NumberMaxLength);
        b.Property(d => d.Issuer).HasMaxLength(200);
        b.Property(d => d.Subject).HasMaxLength(DirectiveDocument.TextMaxLength);
        b.Property(d => d.Summary).HasMaxLength(4000);
        b.Property(d => d.SearchText).HasMaxLength(1000);
        // Numbers restart every year at an issuer, so the same number may come back on another date.
        b.HasIndex(d => new { d.ProvinceId, d.Number, d.IssuedOn }).IsUnique();
        b.HasIndex(d => new { d.ProvinceId, d.IssuedOn });
    }
}

internal sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> b)
    {
        b.Property(p => p.Title).HasMaxLength(500);
        b.HasOne(p => p.Document).WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProvinceId, p.Year });
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Area).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.OwnerName).HasMaxLength(300);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(t => t.SourceDocument).WithMany().HasForeignKey(t => t.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Notes).WithOne().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.ProvinceId, t.Deadline });
    }
}

internal sealed class PlanTaskNoteConfiguration : IEntityTypeConfiguration<PlanTaskNote>
{
    public void Configure(EntityTypeBuilder<PlanTaskNote> b)
    {
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.EvidenceUrl).HasMaxLength(1000);
        b.Property(n => n.AuthorEmail).HasMaxLength(254);
    }
}

internal sealed class ScienceTaskConfiguration : IEntityTypeConfiguration<ScienceTask>
{
    public void Configure(EntityTypeBuilder<ScienceTask> b)
    {
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Area).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Outputs).HasMaxLength(4000);
        b.Property(t => t.SearchText).HasMaxLength(1000);
        b.HasOne(t => t.HostOrganization).WithMany().HasForeignKey(t => t.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.ApprovalDocument).WithMany().HasForeignKey(t => t.ApprovalDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.ProvinceId, t.StartOn });
    }
}

internal sealed class InvestmentProjectConfiguration : IEntityTypeConfiguration<InvestmentProject>
{
    public void Configure(EntityTypeBuilder<InvestmentProject> b)
    {
        b.Property(p => p.Name).HasMaxLength(500);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.HasOne(p => p.Investor).WithMany().HasForeignKey(p => p.InvestorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.PolicyDocument).WithMany().HasForeignKey(p => p.PolicyDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.FeasibilityDocument).WithMany().HasForeignKey(p => p.FeasibilityDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Components).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Disbursements).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ProvinceId);
    }
}

internal sealed class ProjectComponentConfiguration : IEntityTypeConfiguration<ProjectComponent>
{
    public void Configure(EntityTypeBuilder<ProjectComponent> b)
    {
        b.Property(c => c.Name).HasMaxLength(500);
        b.Property(c => c.Unit).HasMaxLength(50);
    }
}

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.Property(d => d.OverBudgetReason).HasMaxLength(1000);
        b.HasIndex(d => new { d.ProjectId, d.Year }).IsUnique();
    }
}

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> b)
    {
        b.Property(e => e.Name).HasMaxLength(500);
        b.Property(e => e.Location).HasMaxLength(300);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.SearchText).HasMaxLength(1000);
        b.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectComponent>().WithMany().HasForeignKey(e => e.ComponentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Holder).WithMany().HasForeignKey(e => e.HolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProvinceId, e.DeliveredOn });
    }
}

internal sealed class OutreachActivityConfiguration : IEntityTypeConfiguration<OutreachActivity>
{
    public void Configure(EntityTypeBuilder<OutreachActivity> b)
    {
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Title).HasMaxLength(500);
        b.Property(o => o.Link).HasMaxLength(1000);
        b.Property(o => o.Topic).HasMaxLength(500);
        b.Property(o => o.Notes).HasMaxLength(4000);
        b.Property(o => o.SearchText).HasMaxLength(1000);
        b.HasOne(o => o.Outlet).WithMany().HasForeignKey(o => o.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.EnterprisesReached).WithOne().HasForeignKey(e => e.OutreachId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ProvinceId, o.HeldOn });
    }
}

internal sealed class OutreachEnterpriseConfiguration : IEntityTypeConfiguration<OutreachEnterprise>
{
    public void Configure(EntityTypeBuilder<OutreachEnterprise> b)
    {
        b.HasKey(e => new { e.OutreachId, e.OrganizationId });
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssuranceProgrammeConfiguration : IEntityTypeConfiguration<AssuranceProgramme>
{
    public void Configure(EntityTypeBuilder<AssuranceProgramme> b)
    {
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ScienceTask).WithMany().HasForeignKey(p => p.ScienceTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Surveys.SurveyCampaign>().WithMany().HasForeignKey(p => p.SelectedFromCampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Steps).WithOne(s => s.Programme).HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProvinceId, p.StartedOn });
        b.HasIndex(p => p.EnterpriseId);
    }
}

internal sealed class AssuranceStepConfiguration : IEntityTypeConfiguration<AssuranceStep>
{
    public void Configure(EntityTypeBuilder<AssuranceStep> b)
    {
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.EvidenceNote).HasMaxLength(4000);
    }
}
