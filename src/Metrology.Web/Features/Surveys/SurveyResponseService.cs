using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Shared;
using Metrology.Core.Surveys;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Surveys;

/// <summary>
/// Answering a campaign: a target organisation's user saves drafts and submits once, in the open period;
/// an officer types in a paper form for a target. Every answer is checked against its question first and
/// the response is written in one SaveChanges, so a refused request leaves nothing behind.
/// </summary>
public sealed class SurveyResponseService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int TextAnswerMaxLength = 4000;

    public bool IsRespondent => currentUser.IsInRole(SurveyAccess.Respondents);

    /// <summary>The campaigns (not drafts) that ask the caller's organisation, newest first.</summary>
    public async Task<IReadOnlyList<SurveyToAnswerDto>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRespondent || currentUser.OrganizationId is not { } organizationId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SurveyTargets.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Campaign!.Status != SurveyCampaignStatus.Draft)
            .OrderByDescending(t => t.Campaign!.OpensOn).ThenBy(t => t.CampaignId)
            .Select(t => new
            {
                t.Campaign,
                Response = db.SurveyResponses.FirstOrDefault(r => r.CampaignId == t.CampaignId && r.OrganizationId == organizationId),
            })
            .Select(x => new SurveyToAnswerDto(
                x.Campaign!.Id, x.Campaign.Title, x.Campaign.Year, x.Campaign.OpensOn, x.Campaign.ClosesOn, x.Campaign.Status,
                x.Response == null ? null : x.Response.Status, x.Response == null ? null : x.Response.Score))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The caller's organisation's response (or an empty one) with the questions; 404 when it is not a target.</summary>
    public async Task<Outcome<ResponseDto>> GetMineAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (RespondentOrganization() is not { } organizationId)
        {
            return Outcome<ResponseDto>.Forbidden(text["Surveys.Error.NotRespondent"]);
        }

        return await GetAsync(campaignId, organizationId, cancellationToken);
    }

    /// <summary>A target's response as an officer sees it (paper entry form); 404 for a non-target.</summary>
    public async Task<Outcome<ResponseDto>> GetForOrganizationAsync(int campaignId, int organizationId, CancellationToken cancellationToken = default) =>
        await GetAsync(campaignId, organizationId, cancellationToken);

    public async Task<Outcome<ResponseDto>> SaveMineAsync(int campaignId, ResponseInput input, CancellationToken cancellationToken = default) =>
        RespondentOrganization() is { } organizationId
            ? await SaveAsync(campaignId, organizationId, input.Answers ?? [], submit: false, onPaper: false, cancellationToken)
            : Outcome<ResponseDto>.Forbidden(text["Surveys.Error.NotRespondent"]);

    /// <summary>Submits the saved draft, optionally with last changes; a second submit is a conflict (409).</summary>
    public async Task<Outcome<ResponseDto>> SubmitMineAsync(int campaignId, ResponseInput? input, CancellationToken cancellationToken = default) =>
        RespondentOrganization() is { } organizationId
            ? await SaveAsync(campaignId, organizationId, input?.Answers ?? [], submit: true, onPaper: false, cancellationToken)
            : Outcome<ResponseDto>.Forbidden(text["Surveys.Error.NotRespondent"]);

    /// <summary>
    /// An officer enters a target's paper form: saved and submitted at once, marked as entered on paper.
    /// The campaign must have been sent (not a draft); the period is not checked, as forms posted before
    /// the closing date may arrive after it.
    /// </summary>
    public async Task<Outcome<ResponseDto>> EnterPaperAsync(int campaignId, int organizationId, ResponseInput input, CancellationToken cancellationToken = default) =>
        await SaveAsync(campaignId, organizationId, input.Answers ?? [], submit: true, onPaper: true, cancellationToken);

    private int? RespondentOrganization() => IsRespondent ? currentUser.OrganizationId : null;

    private async Task<Outcome<ResponseDto>> GetAsync(int campaignId, int organizationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await TargetedCampaignAsync(db, campaignId, organizationId, cancellationToken);
        if (campaign is null)
        {
            return Outcome<ResponseDto>.NotFound();
        }

        var questions = await QuestionsAsync(db, campaign.QuestionnaireId, cancellationToken);
        var response = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganizationId == organizationId, cancellationToken);
        var organizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        return Outcome<ResponseDto>.Ok(ToDto(campaign, organizationId, organizationName, questions, response));
    }

    private async Task<Outcome<ResponseDto>> SaveAsync(
        int campaignId, int organizationId, List<AnswerInput> answers, bool submit, bool onPaper, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await TargetedCampaignAsync(db, campaignId, organizationId, cancellationToken);
        if (campaign is null)
        {
            return Outcome<ResponseDto>.NotFound();
        }

        var response = await db.SurveyResponses.Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganizationId == organizationId, cancellationToken);
        if (response?.Status == SurveyResponseStatus.Submitted)
        {
            return Outcome<ResponseDto>.Conflict("status", text["Surveys.Error.AlreadySubmitted"]);
        }

        if (onPaper ? campaign.Status == SurveyCampaignStatus.Draft : !IsOpen(campaign))
        {
            return Outcome<ResponseDto>.Unprocessable("campaign", text["Surveys.Error.NotOpen", DisplayFormat.Date(campaign.OpensOn), DisplayFormat.Date(campaign.ClosesOn)]);
        }

        var questions = await QuestionsAsync(db, campaign.QuestionnaireId, cancellationToken);
        var errors = new FieldErrors();
        var parsed = Parse(errors, questions, answers);
        var now = clock.GetUtcNow().UtcDateTime;
        response ??= NewResponse(db, campaign, organizationId, now);
        Apply(db, response, parsed);
        if (submit)
        {
            var answered = response.Answers.Select(a => a.QuestionId).ToHashSet();
            foreach (var missing in questions.Where(q => q.Required && !answered.Contains(q.Id)))
            {
                errors.Add(Field(missing.Id), text["Surveys.Error.AnswerRequired"]);
            }
        }

        if (errors.Any)
        {
            // Nothing was saved: the context with the applied answers is dropped with this request.
            return Outcome<ResponseDto>.Invalid(errors);
        }

        response.UpdatedAt = now;
        response.EnteredOnPaper = onPaper;
        response.EnteredByEmail = currentUser.UserEmail;
        if (submit)
        {
            response.Status = SurveyResponseStatus.Submitted;
            response.SubmittedAt = now;
            response.Score = CapabilityScore.Compute(questions, response.Answers.ToDictionary(a => a.QuestionId));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first saves raced; the unique (campaign, organisation) index kept only one response.
            return Outcome<ResponseDto>.Conflict("status", text["Surveys.Error.Concurrent"]);
        }

        var organizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        return Outcome<ResponseDto>.Ok(ToDto(campaign, organizationId, organizationName, questions, response));
    }

    private bool IsOpen(SurveyCampaign campaign)
    {
        var today = DisplayFormat.Today(clock);
        return campaign.Status == SurveyCampaignStatus.Open && campaign.OpensOn <= today && today <= campaign.ClosesOn;
    }

    /// <summary>The campaign when <paramref name="organizationId"/> is one of its targets and it has been sent, else null (404).</summary>
    private static async Task<SurveyCampaign?> TargetedCampaignAsync(AppDbContext db, int campaignId, int organizationId, CancellationToken cancellationToken) =>
        await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Id == campaignId && c.Status != SurveyCampaignStatus.Draft
                && db.SurveyTargets.Any(t => t.CampaignId == campaignId && t.OrganizationId == organizationId))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<List<SurveyQuestion>> QuestionsAsync(AppDbContext db, int questionnaireId, CancellationToken cancellationToken) =>
        await db.SurveyQuestions.AsNoTracking().Where(q => q.QuestionnaireId == questionnaireId).OrderBy(q => q.Position).ToListAsync(cancellationToken);

    private static SurveyResponse NewResponse(AppDbContext db, SurveyCampaign campaign, int organizationId, DateTime now)
    {
        var response = new SurveyResponse
        {
            ProvinceId = campaign.ProvinceId,
            CampaignId = campaign.Id,
            OrganizationId = organizationId,
            Status = SurveyResponseStatus.Draft,
            CreatedAt = now,
        };
        db.SurveyResponses.Add(response);
        return response;
    }

    private static void Apply(AppDbContext db, SurveyResponse response, Dictionary<int, (string? Text, decimal? Number)?> parsed)
    {
        foreach (var (questionId, value) in parsed)
        {
            var answer = response.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (value is null)
            {
                if (answer is not null)
                {
                    response.Answers.Remove(answer);
                    db.SurveyAnswers.Remove(answer);
                }

                continue;
            }

            if (answer is null)
            {
                answer = new SurveyAnswer { ProvinceId = response.ProvinceId, QuestionId = questionId };
                response.Answers.Add(answer);
            }

            answer.ValueText = value.Value.Text;
            answer.ValueNumber = value.Value.Number;
        }
    }

    /// <summary>Each answer checked against its question; null = blank, i.e. unanswered.</summary>
    private Dictionary<int, (string? Text, decimal? Number)?> Parse(FieldErrors errors, List<SurveyQuestion> questions, List<AnswerInput> answers)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var result = new Dictionary<int, (string? Text, decimal? Number)?>();
        foreach (var answer in answers)
        {
            if (answer is null)
            {
                continue;
            }

            var field = Field(answer.QuestionId);
            if (!byId.TryGetValue(answer.QuestionId, out var question))
            {
                errors.Add(field, text["Surveys.Error.UnknownQuestion"]);
                continue;
            }

            if (result.ContainsKey(answer.QuestionId))
            {
                errors.Add(field, text["Surveys.Error.DuplicateAnswer"]);
                continue;
            }

            var value = FieldRules.Blank(answer.Value);
            if (value is null)
            {
                result[answer.QuestionId] = null;
                continue;
            }

            var (parsed, error) = ParseOne(question, value);
            if (error is not null)
            {
                errors.Add(field, error);
            }
            else
            {
                result[answer.QuestionId] = parsed;
            }
        }

        return result;
    }

    private ((string? Text, decimal? Number) Value, string? Error) ParseOne(SurveyQuestion question, string value)
    {
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                return value.ToLowerInvariant() switch
                {
                    "yes" => (("yes", 1m), null),
                    "no" => (("no", 0m), null),
                    _ => (default, text["Surveys.Error.YesNo"]),
                };
            case QuestionKind.Choice:
                var option = CapabilityScore.ParseOptions(question.Options)
                    .FirstOrDefault(o => string.Equals(o.Label, value, StringComparison.OrdinalIgnoreCase));
                return option is null
                    ? (default, text["Surveys.Error.Choice", string.Join("; ", CapabilityScore.ParseOptions(question.Options).Select(o => o.Label))])
                    : ((option.Label, option.Score), null);
            case QuestionKind.Number:
                // The shared reader: "1.234,5" and "1234.5" alike; "20.004" is refused as ambiguous, not guessed.
                var parsed = NumberText.ParseStrict(value, NumberStyle.Measurement, -1_000_000_000_000m, 1_000_000_000_000m);
                if (parsed.Value is not { } number)
                {
                    return (default, parsed.Problem == NumberProblem.Ambiguous
                        ? NumberInputs.Message(text, NumberProblem.Ambiguous, question.Text)
                        : text["Surveys.Error.Number"]);
                }

                if ((question.MinValue is { } min && number < min) || (question.MaxValue is { } max && number > max))
                {
                    return (default, text["Surveys.Error.NumberRange", Bound(question.MinValue), Bound(question.MaxValue)]);
                }

                return ((number.ToString(CultureInfo.InvariantCulture), number), null);
            case QuestionKind.Scale:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale is >= 1 and <= 5
                    ? ((scale.ToString(CultureInfo.InvariantCulture), scale), null)
                    : (default, text["Surveys.Error.Scale"]);
            default:
                return value.Length > TextAnswerMaxLength
                    ? (default, text["Error.TooLong", TextAnswerMaxLength])
                    : ((value, null), null);
        }
    }

    private static string Bound(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "…";

    /// <summary>The ProblemDetails key of one question's answer, e.g. "answers[42]".</summary>
    public static string Field(int questionId) => $"answers[{questionId}]";

    private ResponseDto ToDto(SurveyCampaign campaign, int organizationId, string organizationName, List<SurveyQuestion> questions, SurveyResponse? response) =>
        new(campaign.Id, campaign.Title, campaign.OpensOn, campaign.ClosesOn, campaign.Status, organizationId, organizationName,
            response?.Status, response?.EnteredOnPaper ?? false, response?.SubmittedAt, response?.Score,
            IsOpen(campaign) && response?.Status != SurveyResponseStatus.Submitted,
            questions.Select(QuestionnaireService.ToDto).ToList(),
            (response?.Answers ?? []).OrderBy(a => a.QuestionId).Select(a => new AnswerDto(a.QuestionId, a.ValueText)).ToList());
}
