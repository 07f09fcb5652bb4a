using Metrology.Core.Accounts;
using Metrology.Core.Auditing;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.Property(p => p.Slug).HasMaxLength(60);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.NameVi).HasMaxLength(120);
        b.Property(p => p.Kind).HasMaxLength(20);
        b.Property(p => p.FormerUnitsVi).HasMaxLength(300);
        b.Property(p => p.SearchText).HasMaxLength(300);
    }
}

internal sealed class Group2InstrumentTypeConfiguration : IEntityTypeConfiguration<Group2InstrumentType>
{
    public void Configure(EntityTypeBuilder<Group2InstrumentType> b)
    {
        b.Property(t => t.Code).HasMaxLength(Group2InstrumentType.CodeMaxLength);
        b.HasIndex(t => new { t.Code, t.EffectiveFrom }).IsUnique();
        b.Property(t => t.QuantityGroupVi).HasMaxLength(120);
        b.Property(t => t.QuantityGroupEn).HasMaxLength(120);
        b.Property(t => t.NameVi).HasMaxLength(300);
        b.Property(t => t.NameEn).HasMaxLength(300);
        b.Property(t => t.Source).HasMaxLength(40);
        b.Property(t => t.Notes).HasMaxLength(2000);
        b.Property(t => t.SearchText).HasMaxLength(700);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.TaxCode).HasMaxLength(TaxCode.MaxLength);
        b.Property(o => o.Address).HasMaxLength(Organization.AddressMaxLength);
        b.Property(o => o.Phone).HasMaxLength(Organization.PhoneMaxLength);
        b.Property(o => o.Email).HasMaxLength(Organization.EmailMaxLength);
        b.Property(o => o.SearchText).HasMaxLength(900);
        b.Property(o => o.CertificateNumberPattern).HasMaxLength(Verification.CertificateNumberPattern.MaxLength);
        b.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        // One enterprise per tax code in a province; the API answers 409 before the index would.
        b.HasIndex(o => new { o.ProvinceId, o.TaxCode }).IsUnique();
        // The list pages sort by name or by date within a province, optionally of one kind.
        b.HasIndex(o => new { o.ProvinceId, o.Name });
        b.HasIndex(o => new { o.ProvinceId, o.Kind, o.Name });
        b.HasIndex(o => new { o.ProvinceId, o.CreatedAt });
        b.HasIndex(o => o.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(AppUser.FullNameMaxLength);
        b.Property(u => u.Role).HasMaxLength(40);
        b.HasOne(u => u.Province).WithMany().HasForeignKey(u => u.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.ProvinceId, u.Email });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserEmail).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(a => new { a.ProvinceId, a.At });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(2000);
    }
}
