using Metrology.Core.Inspections;
using Metrology.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.Property(p => p.Title).HasMaxLength(500);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.LegalBasis).HasMaxLength(4000);
        b.Property(p => p.Team).HasMaxLength(1000);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ApprovedByEmail).HasMaxLength(254);
        b.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Targets).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProvinceId, p.Year });
        b.HasIndex(p => new { p.AgencyId, p.Year });
        b.HasIndex(p => p.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> b)
    {
        b.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTarget>().WithMany().HasForeignKey(t => t.MergedIntoTargetId).OnDelete(DeleteBehavior.Restrict);
        // Overlap detection groups targets by organisation within a province and year.
        b.HasIndex(t => new { t.ProvinceId, t.OrganizationId });
        b.HasIndex(t => new { t.PlanId, t.OrganizationId }).IsUnique();
        b.HasIndex(t => t.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class OverlapResolutionConfiguration : IEntityTypeConfiguration<OverlapResolution>
{
    public void Configure(EntityTypeBuilder<OverlapResolution> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.ResolvedByEmail).HasMaxLength(254);
        b.HasOne<InspectionTarget>().WithMany().HasForeignKey(r => r.FirstTargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InspectionTarget>().WithMany().HasForeignKey(r => r.SecondTargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.FirstTargetId, r.SecondTargetId, r.Kind }).IsUnique();
    }
}

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Team).HasMaxLength(1000);
        b.Property(r => r.Findings).HasMaxLength(8000);
        b.Property(r => r.Conclusion).HasMaxLength(4000);
        b.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTarget>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Violations).WithOne().HasForeignKey(v => v.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Instruments).WithOne().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.FollowUps).WithOne().HasForeignKey(f => f.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.EquipmentUsed).WithOne().HasForeignKey(e => e.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProvinceId, r.StartedOn });
        b.HasIndex(r => new { r.OrganizationId, r.StartedOn });
    }
}

internal sealed class InspectionViolationConfiguration : IEntityTypeConfiguration<InspectionViolation>
{
    public void Configure(EntityTypeBuilder<InspectionViolation> b)
    {
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(v => v.Description).HasMaxLength(2000);
        b.Property(v => v.SanctionDecision).HasMaxLength(100);
    }
}

internal sealed class InspectedInstrumentConfiguration : IEntityTypeConfiguration<InspectedInstrument>
{
    public void Configure(EntityTypeBuilder<InspectedInstrument> b)
    {
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Note).HasMaxLength(1000);
        b.HasOne(i => i.Instrument).WithMany().HasForeignKey(i => i.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.RecordId, i.InstrumentId }).IsUnique();
    }
}

internal sealed class InspectionFollowUpConfiguration : IEntityTypeConfiguration<InspectionFollowUp>
{
    public void Configure(EntityTypeBuilder<InspectionFollowUp> b) => b.Property(f => f.Action).HasMaxLength(1000);
}

internal sealed class InspectionEquipmentUseConfiguration : IEntityTypeConfiguration<InspectionEquipmentUse>
{
    public void Configure(EntityTypeBuilder<InspectionEquipmentUse> b)
    {
        b.HasKey(e => new { e.RecordId, e.EquipmentId });
        b.HasOne<Equipment>().WithMany().HasForeignKey(e => e.EquipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
