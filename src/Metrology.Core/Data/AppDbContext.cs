using System.Linq.Expressions;
using System.Text.Json;
using Metrology.Core.Accounts;
using Metrology.Core.Attachments;
using Metrology.Core.Auditing;
using Metrology.Core.Imports;
using Metrology.Core.Inspections;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Reporting;
using Metrology.Core.Shared;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metrology.Core.Data;

/// <summary>
/// The one database context. Province-owned rows are filtered by the scope of whoever created the
/// context, so a query written without thinking about tenants still cannot leak another province's data.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, ITenantScope scope, TimeProvider clock)
    : IdentityDbContext<AppUser>(options)
{
    // Read by the query filters; EF evaluates these per query, not once per model.
    private int? ScopeProvinceId => scope.ProvinceId;

    private int? ScopeOrganizationId => scope.OrganizationId;

    private bool ScopeOwnOrganizationOnly => scope.RestrictToOwnOrganization;

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Group2InstrumentType> Group2InstrumentTypes => Set<Group2InstrumentType>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AppSetting> AppSettings => Set<AppSetting>();

    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();

    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<Designation> Designations => Set<Designation>();

    public DbSet<DesignationScope> DesignationScopes => Set<DesignationScope>();

    public DbSet<VerificationRecord> Verifications => Set<VerificationRecord>();

    public DbSet<VerificationStandardUse> VerificationStandardUses => Set<VerificationStandardUse>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CalibrationRecord> Calibrations => Set<CalibrationRecord>();

    public DbSet<CalibrationPoint> CalibrationPoints => Set<CalibrationPoint>();

    public DbSet<MeasurementStandard> MeasurementStandards => Set<MeasurementStandard>();

    public DbSet<StandardCalibration> StandardCalibrations => Set<StandardCalibration>();

    public DbSet<ReferenceVerificationCase> ReferenceVerificationCases => Set<ReferenceVerificationCase>();

    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<DirectiveDocument> DirectiveDocuments => Set<DirectiveDocument>();

    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();

    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();

    public DbSet<PlanTaskNote> PlanTaskNotes => Set<PlanTaskNote>();

    public DbSet<ScienceTask> ScienceTasks => Set<ScienceTask>();

    public DbSet<InvestmentProject> InvestmentProjects => Set<InvestmentProject>();

    public DbSet<ProjectComponent> ProjectComponents => Set<ProjectComponent>();

    public DbSet<Disbursement> Disbursements => Set<Disbursement>();

    public DbSet<Equipment> Equipment => Set<Equipment>();

    public DbSet<OutreachActivity> OutreachActivities => Set<OutreachActivity>();

    public DbSet<OutreachEnterprise> OutreachEnterprises => Set<OutreachEnterprise>();

    public DbSet<AssuranceProgramme> AssuranceProgrammes => Set<AssuranceProgramme>();

    public DbSet<AssuranceStep> AssuranceSteps => Set<AssuranceStep>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyTarget> SurveyTargets => Set<SurveyTarget>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();

    public DbSet<InspectionTarget> InspectionTargets => Set<InspectionTarget>();

    public DbSet<OverlapResolution> OverlapResolutions => Set<OverlapResolution>();

    public DbSet<InspectionRecord> InspectionRecords => Set<InspectionRecord>();

    public DbSet<InspectionViolation> InspectionViolations => Set<InspectionViolation>();

    public DbSet<InspectedInstrument> InspectedInstruments => Set<InspectedInstrument>();

    public DbSet<InspectionFollowUp> InspectionFollowUps => Set<InspectionFollowUp>();

    public DbSet<InspectionEquipmentUse> InspectionEquipmentUses => Set<InspectionEquipmentUse>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<ReportSection> ReportSections => Set<ReportSection>();

    public DbSet<ReportHeaderDefaults> ReportHeaderDefaults => Set<ReportHeaderDefaults>();

    public DbSet<ReportDeadline> ReportDeadlines => Set<ReportDeadline>();

    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    public DbSet<NationalTarget> NationalTargets => Set<NationalTarget>();

    public DbSet<ReportRequestLetter> ReportRequestLetters => Set<ReportRequestLetter>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();

    public ITenantScope Scope => scope;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            CalibrationPointConfiguration.KeepScaleOnSqlite(builder);
        }

        builder.Entity<Organization>().HasQueryFilter(o =>
            (ScopeProvinceId == null || o.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || o.Id == ScopeOrganizationId));
        builder.Entity<AppUser>().HasQueryFilter(ProvinceFilter<AppUser>());
        builder.Entity<AuditEntry>().HasQueryFilter(ProvinceFilter<AuditEntry>());

        // An enterprise user sees only what its organisation owns; everyone else the whole province.
        builder.Entity<Instrument>().HasQueryFilter(i =>
            (ScopeProvinceId == null || i.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || i.OwnerId == ScopeOrganizationId));
        builder.Entity<VerificationRecord>().HasQueryFilter(v =>
            (ScopeProvinceId == null || v.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || v.OwnerId == ScopeOrganizationId));
        builder.Entity<Certificate>().HasQueryFilter(c =>
            (ScopeProvinceId == null || c.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || c.OwnerId == ScopeOrganizationId));
        builder.Entity<CalibrationRecord>().HasQueryFilter(c =>
            (ScopeProvinceId == null || c.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || c.OwnerId == ScopeOrganizationId));
        builder.Entity<ReferenceVerificationCase>().HasQueryFilter(c =>
            (ScopeProvinceId == null || c.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || c.SellerId == ScopeOrganizationId));
        builder.Entity<Designation>().HasQueryFilter(ProvinceFilter<Designation>());
        builder.Entity<MeasurementStandard>().HasQueryFilter(ProvinceFilter<MeasurementStandard>());
        // Follows its standard's filter, so a use row never points at a standard the reader cannot see.
        builder.Entity<VerificationStandardUse>().HasQueryFilter(u =>
            ScopeProvinceId == null || u.Standard!.ProvinceId == ScopeProvinceId);

        // Programme records: the province sees them all; which roles may read or write is the services' job.
        builder.Entity<Attachment>().HasQueryFilter(ProvinceFilter<Attachment>());
        builder.Entity<DirectiveDocument>().HasQueryFilter(ProvinceFilter<DirectiveDocument>());
        builder.Entity<AnnualPlan>().HasQueryFilter(ProvinceFilter<AnnualPlan>());
        builder.Entity<PlanTask>().HasQueryFilter(ProvinceFilter<PlanTask>());
        builder.Entity<PlanTaskNote>().HasQueryFilter(ProvinceFilter<PlanTaskNote>());
        builder.Entity<ScienceTask>().HasQueryFilter(ProvinceFilter<ScienceTask>());
        builder.Entity<InvestmentProject>().HasQueryFilter(ProvinceFilter<InvestmentProject>());
        builder.Entity<ProjectComponent>().HasQueryFilter(ProvinceFilter<ProjectComponent>());
        builder.Entity<Disbursement>().HasQueryFilter(ProvinceFilter<Disbursement>());
        builder.Entity<Equipment>().HasQueryFilter(ProvinceFilter<Equipment>());
        builder.Entity<OutreachActivity>().HasQueryFilter(ProvinceFilter<OutreachActivity>());
        builder.Entity<OutreachEnterprise>().HasQueryFilter(e =>
            ScopeProvinceId == null || e.Organization!.ProvinceId == ScopeProvinceId);
        builder.Entity<Questionnaire>().HasQueryFilter(ProvinceFilter<Questionnaire>());
        builder.Entity<SurveyQuestion>().HasQueryFilter(ProvinceFilter<SurveyQuestion>());
        builder.Entity<SurveyCampaign>().HasQueryFilter(ProvinceFilter<SurveyCampaign>());

        // An enterprise answers surveys, follows its own assurance programme and reads its own inspection
        // results: those rows are filtered to its organisation, like its instruments.
        builder.Entity<SurveyTarget>().HasQueryFilter(t =>
            (ScopeProvinceId == null || t.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || t.OrganizationId == ScopeOrganizationId));
        builder.Entity<SurveyResponse>().HasQueryFilter(r =>
            (ScopeProvinceId == null || r.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || r.OrganizationId == ScopeOrganizationId));
        builder.Entity<SurveyAnswer>().HasQueryFilter(ProvinceFilter<SurveyAnswer>());
        builder.Entity<AssuranceProgramme>().HasQueryFilter(p =>
            (ScopeProvinceId == null || p.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || p.EnterpriseId == ScopeOrganizationId));
        builder.Entity<AssuranceStep>().HasQueryFilter(s =>
            (ScopeProvinceId == null || s.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || s.Programme!.EnterpriseId == ScopeOrganizationId));
        builder.Entity<InspectionPlan>().HasQueryFilter(ProvinceFilter<InspectionPlan>());
        builder.Entity<InspectionTarget>().HasQueryFilter(ProvinceFilter<InspectionTarget>());
        builder.Entity<OverlapResolution>().HasQueryFilter(ProvinceFilter<OverlapResolution>());
        builder.Entity<InspectionRecord>().HasQueryFilter(r =>
            (ScopeProvinceId == null || r.ProvinceId == ScopeProvinceId)
            && (!ScopeOwnOrganizationOnly || r.OrganizationId == ScopeOrganizationId));
        builder.Entity<InspectionViolation>().HasQueryFilter(ProvinceFilter<InspectionViolation>());
        builder.Entity<InspectedInstrument>().HasQueryFilter(ProvinceFilter<InspectedInstrument>());
        builder.Entity<InspectionFollowUp>().HasQueryFilter(ProvinceFilter<InspectionFollowUp>());
        builder.Entity<AnnualReport>().HasQueryFilter(ProvinceFilter<AnnualReport>());
        builder.Entity<ReportSection>().HasQueryFilter(ProvinceFilter<ReportSection>());
        builder.Entity<ReportHeaderDefaults>().HasQueryFilter(ProvinceFilter<ReportHeaderDefaults>());
        builder.Entity<ImportJob>().HasQueryFilter(ProvinceFilter<ImportJob>());
        builder.Entity<IndicatorTarget>().HasQueryFilter(ProvinceFilter<IndicatorTarget>());
    }

    private Expression<Func<T, bool>> ProvinceFilter<T>()
        where T : IProvinceOwned =>
        e => ScopeProvinceId == null || e.ProvinceId == ScopeProvinceId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: auditing needs the async path.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        StripControlCharacters();
        var pending = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingAudit(e, ToAction(e.State), e.State == EntityState.Added ? null : Snapshot(e, original: true)))
            .Where(p => p.Action != AuditAction.Update || HasAuditedChange(p.Entry))
            .ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit lines commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    UserId = scope.UserId,
                    UserEmail = scope.UserEmail,
                    ProvinceId = (p.Entry.Entity as IProvinceOwned)?.ProvinceId,
                    EntityType = p.Entry.Metadata.ClrType.Name,
                    EntityId = KeyOf(p.Entry),
                    Action = p.Action,
                    Before = p.Before,
                    After = p.Action == AuditAction.Delete ? null : Snapshot(p.Entry, original: false),
                });
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The last line of the control-character rule (see <see cref="ControlCharacters"/>): the API refuses such text with a
    /// 400 naming the field, but text pasted into a page (from Word, a PDF) often carries a stray vertical tab or form feed
    /// the user never saw, so whatever reaches the database by another path is cleaned silently rather than refused.
    /// </summary>
    private void StripControlCharacters()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && ControlCharacters.Contains(text))
                {
                    property.CurrentValue = ControlCharacters.Strip(text);
                }
            }
        }
    }

    /// <summary>Identity bookkeeping that would flood the log without telling an admin anything.</summary>
    private static readonly HashSet<string> UnauditedProperties =
    [
        nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.AccessFailedCount),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(Organization.SearchText),
    ];

    /// <summary>Never written to the log, only noted as changed.</summary>
    private static readonly HashSet<string> SecretProperties = [nameof(AppUser.PasswordHash)];

    private static bool HasAuditedChange(EntityEntry entry) =>
        entry.Properties.Any(p => p.IsModified && !UnauditedProperties.Contains(p.Metadata.Name)
            && !Equals(p.OriginalValue, p.CurrentValue));

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (UnauditedProperties.Contains(name))
            {
                continue;
            }

            var value = original ? property.OriginalValue : property.CurrentValue;
            values[name] = SecretProperties.Contains(name)
                ? (value is null ? null : "***")
                : value is Enum ? value.ToString() : value;
        }

        return JsonSerializer.Serialize(values);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static AuditAction ToAction(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Create,
        EntityState.Deleted => AuditAction.Delete,
        _ => AuditAction.Update,
    };

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, string? Before);
}
