using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Surveys;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Surveys;

/// <summary>
/// Campaigns: a published questionnaire sent to chosen enterprises and verification bodies of the
/// province for a period. Targets that already answered cannot be dropped, nor the questionnaire swapped,
/// so no response loses its campaign or its questions.
/// </summary>
public sealed class SurveyCampaignService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int TitleMaxLength = 500;

    /// <summary>Organisation kinds a campaign may ask: the ones that measure (design/domain.md, surveys).</summary>
    public static readonly OrganizationKind[] TargetKinds = [OrganizationKind.Enterprise, OrganizationKind.VerificationBody];

    public async Task<IReadOnlyList<CampaignSummaryDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SurveyCampaigns.AsNoTracking()
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.OpensOn).ThenBy(c => c.Id)
            .Select(c => new CampaignSummaryDto(
                c.Id, c.Title, c.Year, c.OpensOn, c.ClosesOn, c.Status, c.Questionnaire!.Title, c.Targets.Count,
                db.SurveyResponses.Count(r => r.CampaignId == c.Id && r.Status == SurveyResponseStatus.Submitted)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CampaignDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDtoAsync(db, id, cancellationToken);
    }

    /// <summary>Enterprises and verification bodies a campaign of the caller's scope may target, by name.</summary>
    public async Task<IReadOnlyList<CampaignTargetDto>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking()
            .Where(o => TargetKinds.Contains(o.Kind))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new CampaignTargetDto(o.Id, o.Name, o.Kind, null, false, null))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<CampaignDto>> CreateAsync(CampaignInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (questionnaire, targets, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<CampaignDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new SurveyCampaign { Title = input.Title!.Trim(), ProvinceId = questionnaire!.ProvinceId, CreatedAt = now };
        Apply(campaign, input, questionnaire, now);
        campaign.Targets.AddRange(targets.Select(t => new SurveyTarget { ProvinceId = campaign.ProvinceId, OrganizationId = t }));
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CampaignDto>.Ok((await LoadDtoAsync(db, campaign.Id, cancellationToken))!);
    }

    public async Task<Outcome<CampaignDto>> UpdateAsync(int id, CampaignInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.SurveyCampaigns.Include(c => c.Targets).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Outcome<CampaignDto>.NotFound();
        }

        var (questionnaire, targets, errors) = await ValidateAsync(db, input, cancellationToken);
        if (errors.Any)
        {
            return Outcome<CampaignDto>.Invalid(errors);
        }

        var answered = await db.SurveyResponses.Where(r => r.CampaignId == id).Select(r => r.OrganizationId).ToListAsync(cancellationToken);
        if (answered.Count > 0 && questionnaire!.Id != campaign.QuestionnaireId)
        {
            return Outcome<CampaignDto>.Conflict("questionnaireId", text["Surveys.Error.QuestionnaireLocked"]);
        }

        if (answered.Except(targets).Any())
        {
            return Outcome<CampaignDto>.Conflict("targetIds", text["Surveys.Error.TargetAnswered"]);
        }

        if (questionnaire!.ProvinceId != campaign.ProvinceId)
        {
            var wrongProvince = new FieldErrors();
            wrongProvince.Add("questionnaireId", text["Surveys.Error.QuestionnaireUnknown"]);
            return Outcome<CampaignDto>.Invalid(wrongProvince);
        }

        Apply(campaign, input, questionnaire, clock.GetUtcNow().UtcDateTime);
        db.SurveyTargets.RemoveRange(campaign.Targets.Where(t => !targets.Contains(t.OrganizationId)));
        var kept = campaign.Targets.Select(t => t.OrganizationId).ToHashSet();
        campaign.Targets.AddRange(targets.Where(t => !kept.Contains(t)).Select(t => new SurveyTarget { ProvinceId = campaign.ProvinceId, OrganizationId = t }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CampaignDto>.Ok((await LoadDtoAsync(db, id, cancellationToken))!);
    }

    private static void Apply(SurveyCampaign campaign, CampaignInput input, Questionnaire questionnaire, DateTime now)
    {
        campaign.QuestionnaireId = questionnaire.Id;
        campaign.Title = input.Title!.Trim();
        campaign.Year = input.Year!.Value;
        campaign.OpensOn = input.OpensOn!.Value;
        campaign.ClosesOn = input.ClosesOn!.Value;
        campaign.Status = FieldRules.EnumByName<SurveyCampaignStatus>(input.Status) ?? SurveyCampaignStatus.Draft;
        campaign.UpdatedAt = now;
    }

    private async Task<(Questionnaire? Questionnaire, List<int> Targets, FieldErrors Errors)> ValidateAsync(
        AppDbContext db, CampaignInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "title", input.Title, TitleMaxLength);
        if (input.Year is null)
        {
            errors.Add("year", text["Error.Required"]);
        }
        else if (input.Year is < 2000 or > 2100)
        {
            errors.Add("year", text["Surveys.Error.Year"]);
        }

        if (input.OpensOn is null)
        {
            errors.Add("opensOn", text["Error.Required"]);
        }

        if (input.ClosesOn is null)
        {
            errors.Add("closesOn", text["Error.Required"]);
        }
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
        {
            errors.Add("closesOn", text["Surveys.Error.ClosesBeforeOpens"]);
        }

        var status = SurveyCampaignStatus.Draft;
        if (FieldRules.Blank(input.Status) is { } statusText)
        {
            if (FieldRules.EnumByName<SurveyCampaignStatus>(statusText) is { } parsed)
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", text["Surveys.Error.Status", string.Join(", ", Enum.GetNames<SurveyCampaignStatus>())]);
            }
        }

        Questionnaire? questionnaire = null;
        if (input.QuestionnaireId is null)
        {
            errors.Add("questionnaireId", text["Error.Required"]);
        }
        else
        {
            questionnaire = await db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.Id == input.QuestionnaireId, cancellationToken);
            if (questionnaire is null)
            {
                errors.Add("questionnaireId", text["Surveys.Error.QuestionnaireUnknown"]);
            }
            else if (questionnaire.PublishedAt is null)
            {
                errors.Add("questionnaireId", text["Surveys.Error.QuestionnaireDraft"]);
            }
        }

        var targets = (input.TargetIds ?? []).Distinct().ToList();
        if (targets.Count > 0 && questionnaire is not null)
        {
            // Organisations outside the caller's scope are not found, as if they did not exist.
            var valid = await db.Organizations.AsNoTracking()
                .Where(o => targets.Contains(o.Id) && o.ProvinceId == questionnaire.ProvinceId && TargetKinds.Contains(o.Kind))
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
            var invalid = targets.Except(valid).ToList();
            if (invalid.Count > 0)
            {
                errors.Add("targetIds", text["Surveys.Error.TargetInvalid", string.Join(", ", invalid.Take(10))]);
            }
        }

        if (status != SurveyCampaignStatus.Draft && targets.Count == 0)
        {
            errors.Add("targetIds", text["Surveys.Error.NoTargets"]);
        }

        return (questionnaire, targets, errors);
    }

    private static async Task<CampaignDto?> LoadDtoAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CampaignDto(
                c.Id, c.QuestionnaireId, c.Questionnaire!.Title, c.Questionnaire.Version, c.Title, c.Year, c.OpensOn, c.ClosesOn, c.Status,
                db.SurveyResponses.Count(r => r.CampaignId == c.Id), Array.Empty<CampaignTargetDto>()))
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var targets = await (
                from t in db.SurveyTargets.AsNoTracking()
                where t.CampaignId == id
                join o in db.Organizations on t.OrganizationId equals o.Id
                join r in db.SurveyResponses.Where(r => r.CampaignId == id) on t.OrganizationId equals r.OrganizationId into responses
                from r in responses.DefaultIfEmpty()
                orderby o.Kind, o.Name
                select new CampaignTargetDto(o.Id, o.Name, o.Kind, r == null ? null : r.Status, r != null && r.EnteredOnPaper, r == null ? null : r.Score))
            .ToListAsync(cancellationToken);
        return campaign with { Targets = targets };
    }
}
