using Metrology.Core.Imports;
using Metrology.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.Property(r => r.ReportingUnit).HasMaxLength(100);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.ComplexProperty(r => r.Header, ReportHeaderColumns.Configure);
        b.Property(r => r.CreatedByEmail).HasMaxLength(254);
        b.Property(r => r.SubmittedByEmail).HasMaxLength(254);
        b.Property(r => r.ApprovedByEmail).HasMaxLength(254);
        b.Property(r => r.SentByEmail).HasMaxLength(254);
        b.Property(r => r.ReturnReason).HasMaxLength(2000);
        b.HasOne(r => r.Province).WithMany().HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Sections).WithOne(s => s.Report).HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);

        // One report per filing unit and year: a second draft is a conflict, not a copy.
        b.HasIndex(r => new { r.ProvinceId, r.Year, r.ReportingUnit }).IsUnique();
        b.HasIndex(r => new { r.Year, r.Status });
    }
}

internal sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> b)
    {
        b.Property(s => s.Key).HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(20000);
        b.Property(s => s.UpdatedByEmail).HasMaxLength(254);
        b.HasIndex(s => new { s.ReportId, s.Key }).IsUnique();
    }
}

internal sealed class ReportHeaderDefaultsConfiguration : IEntityTypeConfiguration<ReportHeaderDefaults>
{
    public void Configure(EntityTypeBuilder<ReportHeaderDefaults> b)
    {
        b.ComplexProperty(d => d.Header, ReportHeaderColumns.Configure);
        b.HasIndex(d => d.ProvinceId).IsUnique();
    }
}

internal sealed class ReportDeadlineConfiguration : IEntityTypeConfiguration<ReportDeadline>
{
    public void Configure(EntityTypeBuilder<ReportDeadline> b)
    {
        b.HasKey(d => d.Year);
        b.Property(d => d.Year).ValueGeneratedNever();
        b.Property(d => d.UpdatedByEmail).HasMaxLength(254);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.Property(t => t.Indicator).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Value).HasPrecision(20, 2);
        b.Property(t => t.Source).HasMaxLength(500);
        b.HasIndex(t => new { t.ProvinceId, t.Indicator, t.TargetYear }).IsUnique();
    }
}

internal sealed class ReportRequestLetterConfiguration : IEntityTypeConfiguration<ReportRequestLetter>
{
    public void Configure(EntityTypeBuilder<ReportRequestLetter> b)
    {
        b.HasKey(l => l.Year);
        b.Property(l => l.Year).ValueGeneratedNever();
        b.Property(l => l.Number).HasMaxLength(50);
        b.Property(l => l.Issuer).HasMaxLength(200);
        b.Property(l => l.UpdatedByEmail).HasMaxLength(254);
    }
}

internal sealed class NationalTargetConfiguration : IEntityTypeConfiguration<NationalTarget>
{
    public void Configure(EntityTypeBuilder<NationalTarget> b)
    {
        b.Property(t => t.Indicator).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Value).HasPrecision(20, 2);
        b.Property(t => t.Source).HasMaxLength(500);
        b.Property(t => t.UpdatedByEmail).HasMaxLength(254);
        b.HasIndex(t => new { t.Indicator, t.TargetYear }).IsUnique();
    }
}

internal static class ReportHeaderColumns
{
    public static void Configure(ComplexPropertyBuilder<ReportHeader> h)
    {
        h.Property(x => x.IssuerAuthority).HasMaxLength(200);
        h.Property(x => x.IssuerUnit).HasMaxLength(200);
        h.Property(x => x.Number).HasMaxLength(20);
        h.Property(x => x.Symbol).HasMaxLength(50);
        h.Property(x => x.Place).HasMaxLength(100);
        h.Property(x => x.Addressee).HasMaxLength(500);
        h.Property(x => x.RequestLetterNumber).HasMaxLength(50);
        h.Property(x => x.RequestLetterIssuer).HasMaxLength(200);
        h.Property(x => x.Recipients).HasMaxLength(2000);
        h.Property(x => x.SigningAuthority).HasMaxLength(200);
        h.Property(x => x.SignerCapacity).HasMaxLength(200);
        h.Property(x => x.SignerTitle).HasMaxLength(200);
        h.Property(x => x.SignerName).HasMaxLength(200);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(j => j.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.FileHash).HasMaxLength(64);
        b.Property(j => j.StoredFilePath).HasMaxLength(1000);
        b.Property(j => j.ErrorFilePath).HasMaxLength(1000);
        b.Property(j => j.FailureMessage).HasMaxLength(2000);
        b.Property(j => j.Notice).HasMaxLength(2000);
        b.Property(j => j.CreatedByEmail).HasMaxLength(254);
        b.Property(j => j.UndoneByEmail).HasMaxLength(254);
        b.HasMany(j => j.Errors).WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(j => new { j.ProvinceId, j.CreatedAt });

        // Two uploads of one file at once: the database lets only one be queued or running (the other is told).
        b.HasIndex(j => new { j.ProvinceId, j.Kind, j.FileHash })
            .IsUnique()
            .HasFilter("\"Status\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_ImportJobs_OneActivePerFile");
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> b)
    {
        b.Property(e => e.Column).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(500);
        b.Property(e => e.MessageVi).HasMaxLength(1000);
        b.Property(e => e.MessageEn).HasMaxLength(1000);
        b.HasIndex(e => new { e.JobId, e.Row });
    }
}
