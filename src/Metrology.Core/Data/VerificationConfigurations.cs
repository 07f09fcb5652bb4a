using System.Globalization;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Metrology.Core.Data;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> b)
    {
        b.Property(i => i.TypeCode).HasMaxLength(Group2InstrumentType.CodeMaxLength);
        b.Property(i => i.Manufacturer).HasMaxLength(Instrument.TextMaxLength);
        b.Property(i => i.Model).HasMaxLength(Instrument.TextMaxLength);
        b.Property(i => i.SerialNumber).HasMaxLength(100);
        b.Property(i => i.PatternApprovalNumber).HasMaxLength(100);
        b.Property(i => i.AccuracyClass).HasMaxLength(50);
        b.Property(i => i.MeasuringRange).HasMaxLength(Instrument.TextMaxLength);
        b.Property(i => i.Location).HasMaxLength(300);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.SearchText).HasMaxLength(1000);
        b.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // The natural key (design/domain.md): one instrument per type + manufacturer + serial.
        b.HasIndex(i => new { i.ProvinceId, i.TypeCode, i.Manufacturer, i.SerialNumber }).IsUnique();
        // Due / overdue lists and keyset paging: (province, due date, id) and (owner, due date, id).
        b.HasIndex(i => new { i.ProvinceId, i.NextDueDate, i.Id });
        b.HasIndex(i => new { i.OwnerId, i.NextDueDate, i.Id });
        b.HasIndex(i => new { i.ProvinceId, i.TypeCode, i.Id });
        b.HasIndex(i => i.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> b)
    {
        b.Property(d => d.DecisionNumber).HasMaxLength(100);
        b.Property(d => d.Issuer).HasMaxLength(300);
        b.Property(d => d.Notes).HasMaxLength(2000);
        b.HasOne(d => d.Body).WithMany().HasForeignKey(d => d.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Scopes).WithOne().HasForeignKey(s => s.DesignationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.BodyId, d.DecisionNumber }).IsUnique();
        b.HasIndex(d => new { d.ProvinceId, d.ValidUntil });
    }
}

internal sealed class DesignationScopeConfiguration : IEntityTypeConfiguration<DesignationScope>
{
    public void Configure(EntityTypeBuilder<DesignationScope> b)
    {
        b.Property(s => s.TypeCode).HasMaxLength(Group2InstrumentType.CodeMaxLength);
        b.Property(s => s.MeasuringRange).HasMaxLength(200);
    }
}

internal sealed class VerificationRecordConfiguration : IEntityTypeConfiguration<VerificationRecord>
{
    public void Configure(EntityTypeBuilder<VerificationRecord> b)
    {
        b.ToTable("Verifications");
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Result).HasConversion<string>().HasMaxLength(10);
        b.Property(v => v.StampSerial).HasMaxLength(60);
        b.Property(v => v.VerifierName).HasMaxLength(VerificationRecord.TextMaxLength);
        b.Property(v => v.TypeCode).HasMaxLength(Group2InstrumentType.CodeMaxLength);
        b.Property(v => v.DueDateOverrideReason).HasMaxLength(500);
        b.Property(v => v.Notes).HasMaxLength(2000);
        b.Property(v => v.CreatedByUserId).HasMaxLength(450);
        b.HasOne(v => v.Instrument).WithMany().HasForeignKey(v => v.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Body).WithMany().HasForeignKey(v => v.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.StandardsUsed).WithOne().HasForeignKey(u => u.VerificationId).OnDelete(DeleteBehavior.Cascade);
        // A stamp serial is used once per body; the public lookup searches by serial alone.
        b.HasIndex(v => new { v.BodyId, v.StampSerial }).IsUnique();
        b.HasIndex(v => v.StampSerial);
        b.Property(v => v.StampKey).HasMaxLength(60).HasComputedColumnSql(TextSearch.CompactKeySql(nameof(VerificationRecord.StampSerial)), stored: true);
        b.HasIndex(v => v.StampKey);
        b.HasIndex(v => new { v.InstrumentId, v.Date });
        b.HasIndex(v => new { v.ProvinceId, v.Date });
        b.HasIndex(v => new { v.BodyId, v.Date });
        b.HasIndex(v => v.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class VerificationStandardUseConfiguration : IEntityTypeConfiguration<VerificationStandardUse>
{
    public void Configure(EntityTypeBuilder<VerificationStandardUse> b)
    {
        b.HasKey(u => new { u.VerificationId, u.StandardId });
        b.HasOne(u => u.Standard).WithMany().HasForeignKey(u => u.StandardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(c => c.Number).HasMaxLength(60);
        b.Property(c => c.PublicToken).HasMaxLength(40);
        b.Property(c => c.SignerName).HasMaxLength(200);
        b.Property(c => c.SignerTitle).HasMaxLength(200);
        b.Property(c => c.RevocationReason).HasMaxLength(1000);
        b.Property(c => c.RevokedByUserId).HasMaxLength(450);
        b.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Instrument).WithMany().HasForeignKey(c => c.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Verification).WithMany().HasForeignKey(c => c.VerificationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Calibration).WithMany().HasForeignKey(c => c.CalibrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.BodyId, c.Number }).IsUnique();
        b.HasIndex(c => c.Number);
        b.Property(c => c.NumberKey).HasMaxLength(60).HasComputedColumnSql(TextSearch.CompactKeySql(nameof(Certificate.Number)), stored: true);
        b.HasIndex(c => c.NumberKey);
        b.HasIndex(c => c.PublicToken).IsUnique();
        b.HasIndex(c => new { c.ProvinceId, c.IssuedOn });
        b.HasIndex(c => c.ImportJobId).HasFilter("\"ImportJobId\" IS NOT NULL");
    }
}

internal sealed class CalibrationRecordConfiguration : IEntityTypeConfiguration<CalibrationRecord>
{
    public void Configure(EntityTypeBuilder<CalibrationRecord> b)
    {
        b.ToTable("Calibrations");
        b.Property(c => c.CalibratedBy).HasMaxLength(200);
        b.Property(c => c.Procedure).HasMaxLength(200);
        b.Property(c => c.Unit).HasMaxLength(20);
        b.Property(c => c.DecisionRule).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Overall).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Notes).HasMaxLength(2000);
        b.Property(c => c.CreatedByUserId).HasMaxLength(450);
        b.HasOne(c => c.Instrument).WithMany().HasForeignKey(c => c.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Points).WithOne().HasForeignKey(p => p.CalibrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.InstrumentId, c.Date });
        b.HasIndex(c => new { c.BodyId, c.Date });
    }
}

internal sealed class CalibrationPointConfiguration : IEntityTypeConfiguration<CalibrationPoint>
{
    public static readonly string[] MeasuredValues =
    [
        nameof(CalibrationPoint.Nominal), nameof(CalibrationPoint.Indication), nameof(CalibrationPoint.Error),
        nameof(CalibrationPoint.ExpandedUncertainty), nameof(CalibrationPoint.CoverageFactor), nameof(CalibrationPoint.Tolerance),
    ];

    private const string NumericWithScale = "numeric";

    /// <summary>
    /// EF writes SQLite decimals as text without trailing zeros; invariant decimal text keeps them, and reads back
    /// with the same scale.
    /// </summary>
    public static void KeepScaleOnSqlite(ModelBuilder builder)
    {
        var entity = builder.Entity<CalibrationPoint>();
        foreach (var property in MeasuredValues)
        {
            var column = entity.Property(property).HasColumnType("TEXT");
            if (property == nameof(CalibrationPoint.Tolerance))
            {
                column.HasConversion(new ValueConverter<decimal?, string?>(
                    v => v == null ? null : v.Value.ToString(CultureInfo.InvariantCulture),
                    v => v == null ? null : decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture)));
            }
            else
            {
                column.HasConversion(new ValueConverter<decimal, string>(
                    v => v.ToString(CultureInfo.InvariantCulture),
                    v => decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture)));
            }
        }
    }

    public void Configure(EntityTypeBuilder<CalibrationPoint> b)
    {
        // Measured values keep the decimals typed, trailing zeros included ("100,30" is not "100,3" in metrology):
        // PostgreSQL's unconstrained numeric keeps the scale; on SQLite, AppDbContext stores the text as typed.
        foreach (var property in MeasuredValues)
        {
            b.Property(property).HasColumnType(NumericWithScale);
        }

        b.Property(p => p.Conformity).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MeasurementStandardConfiguration : IEntityTypeConfiguration<MeasurementStandard>
{
    public void Configure(EntityTypeBuilder<MeasurementStandard> b)
    {
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.Quantity).HasMaxLength(100);
        b.Property(s => s.Manufacturer).HasMaxLength(200);
        b.Property(s => s.SerialNumber).HasMaxLength(100);
        b.Property(s => s.MeasuringRange).HasMaxLength(200);
        b.Property(s => s.AccuracyOrUncertainty).HasMaxLength(200);
        b.Property(s => s.Traceability).HasMaxLength(500);
        b.Property(s => s.SearchText).HasMaxLength(900);
        b.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Calibrations).WithOne().HasForeignKey(c => c.StandardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ProvinceId, s.Name });
        b.HasIndex(s => new { s.OwnerId, s.CalibrationDueDate });
    }
}

internal sealed class StandardCalibrationConfiguration : IEntityTypeConfiguration<StandardCalibration>
{
    public void Configure(EntityTypeBuilder<StandardCalibration> b)
    {
        b.Property(c => c.CalibratedBy).HasMaxLength(300);
        b.Property(c => c.CertificateNumber).HasMaxLength(100);
        b.Property(c => c.Notes).HasMaxLength(1000);
        b.HasIndex(c => new { c.StandardId, c.Date });
    }
}

internal sealed class ReferenceVerificationCaseConfiguration : IEntityTypeConfiguration<ReferenceVerificationCase>
{
    public void Configure(EntityTypeBuilder<ReferenceVerificationCase> b)
    {
        b.Property(c => c.CaseNumber).HasMaxLength(60);
        b.Property(c => c.MeterKind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.MeterSerial).HasMaxLength(100);
        b.Property(c => c.MeterDescription).HasMaxLength(300);
        b.Property(c => c.RequesterName).HasMaxLength(300);
        b.Property(c => c.BuyerName).HasMaxLength(300);
        b.Property(c => c.SellerName).HasMaxLength(300);
        b.Property(c => c.Result).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Conclusion).HasMaxLength(2000);
        b.Property(c => c.Notes).HasMaxLength(2000);
        b.HasOne(c => c.Instrument).WithMany().HasForeignKey(c => c.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Body).WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.SellerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ProvinceId, c.CaseNumber }).IsUnique();
        b.HasIndex(c => new { c.ProvinceId, c.RequestedOn });
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> b)
    {
        b.ToTable("RemindersSent");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Recipient).HasMaxLength(254);
        b.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.InstrumentId, r.DueDate, r.Kind }).IsUnique();
    }
}
