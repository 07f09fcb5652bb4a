using Metrology.Core.Organizations;
using Metrology.Core.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.Property(q => q.Title).HasMaxLength(500);
        b.Property(q => q.Description).HasMaxLength(4000);
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(q => q.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Questions).WithOne().HasForeignKey(q => q.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => q.ProvinceId);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(1000);
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Options).HasMaxLength(4000);
        b.Property(q => q.MinValue).HasPrecision(18, 4);
        b.Property(q => q.MaxValue).HasPrecision(18, 4);
        b.Property(q => q.Weight).HasPrecision(9, 4);
        b.HasIndex(q => new { q.QuestionnaireId, q.Position }).IsUnique();
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(500);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(c => c.Questionnaire).WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Targets).WithOne(t => t.Campaign).HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ProvinceId, c.Year });
    }
}

internal sealed class SurveyTargetConfiguration : IEntityTypeConfiguration<SurveyTarget>
{
    public void Configure(EntityTypeBuilder<SurveyTarget> b)
    {
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.CampaignId, t.OrganizationId }).IsUnique();
        b.HasIndex(t => t.OrganizationId);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.EnteredByEmail).HasMaxLength(254);
        b.Property(r => r.Score).HasPrecision(9, 4);
        b.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        // One response per organisation and campaign: a second submit updates nothing, it is refused.
        b.HasIndex(r => new { r.CampaignId, r.OrganizationId }).IsUnique();
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.ValueText).HasMaxLength(4000);
        b.Property(a => a.ValueNumber).HasPrecision(18, 4);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
    }
}
