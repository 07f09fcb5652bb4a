using System.Linq.Expressions;
using Metrology.Core.Data;
using Metrology.Core.Surveys;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Surveys;

/// <summary>
/// The questionnaire builder's use cases. A draft is edited freely (the whole question list at once);
/// publishing freezes it, and a change to a published one is a new draft version copying its questions,
/// so every response keeps the exact questions it answered.
/// </summary>
public sealed class QuestionnaireService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int TitleMaxLength = 500;
    public const int DescriptionMaxLength = 4000;
    public const int QuestionMaxLength = 1000;
    public const int OptionsMaxLength = 4000;
    public const int MaxQuestions = 200;

    public bool CanWrite => currentUser.IsInRole(SurveyAccess.Writers);

    public async Task<IReadOnlyList<QuestionnaireSummaryDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Questionnaires.AsNoTracking()
            .OrderBy(q => q.Title).ThenByDescending(q => q.Version)
            .Select(q => new QuestionnaireSummaryDto(q.Id, q.Title, q.Version, q.PublishedAt, q.Questions.Count, q.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<QuestionnaireDto?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDtoAsync(db, id, cancellationToken);
    }

    public async Task<Outcome<QuestionnaireDto>> CreateAsync(QuestionnaireInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = Validate(input);
        var provinceId = FieldRules.ProvinceOfNewRecord(errors, text, currentUser, input.ProvinceSlug);
        if (errors.Any)
        {
            return Outcome<QuestionnaireDto>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var questionnaire = new Questionnaire
        {
            Title = input.Title!.Trim(),
            Description = FieldRules.Blank(input.Description),
            ProvinceId = provinceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        questionnaire.Questions.AddRange(BuildQuestions(input.Questions ?? [], provinceId));
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<QuestionnaireDto>.Ok((await LoadDtoAsync(db, questionnaire.Id, cancellationToken))!);
    }

    /// <summary>Replaces a draft's title, description and questions; a published questionnaire is frozen (409).</summary>
    public async Task<Outcome<QuestionnaireDto>> UpdateAsync(int id, QuestionnaireInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await db.Questionnaires.Include(q => q.Questions).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (questionnaire is null)
        {
            return Outcome<QuestionnaireDto>.NotFound();
        }

        if (questionnaire.PublishedAt is not null)
        {
            return Outcome<QuestionnaireDto>.Conflict("id", text["Surveys.Error.Published"]);
        }

        var errors = Validate(input);
        if (errors.Any)
        {
            return Outcome<QuestionnaireDto>.Invalid(errors);
        }

        questionnaire.Title = input.Title!.Trim();
        questionnaire.Description = FieldRules.Blank(input.Description);
        questionnaire.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // The old questions go first, in their own statement, so the new ones can take their positions
        // (unique per questionnaire); one transaction keeps the draft whole if anything fails.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SurveyQuestions.RemoveRange(questionnaire.Questions);
        await db.SaveChangesAsync(cancellationToken);
        questionnaire.Questions = BuildQuestions(input.Questions ?? [], questionnaire.ProvinceId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<QuestionnaireDto>.Ok((await LoadDtoAsync(db, id, cancellationToken))!);
    }

    /// <summary>Freezes a draft so campaigns can use it; a questionnaire without questions cannot be published (422).</summary>
    public async Task<Outcome<QuestionnaireDto>> PublishAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await db.Questionnaires.FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (questionnaire is null)
        {
            return Outcome<QuestionnaireDto>.NotFound();
        }

        if (questionnaire.PublishedAt is not null)
        {
            return Outcome<QuestionnaireDto>.Conflict("id", text["Surveys.Error.Published"]);
        }

        if (!await db.SurveyQuestions.AnyAsync(q => q.QuestionnaireId == id, cancellationToken))
        {
            return Outcome<QuestionnaireDto>.Unprocessable("questions", text["Surveys.Error.NoQuestions"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        questionnaire.PublishedAt = now;
        questionnaire.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<QuestionnaireDto>.Ok((await LoadDtoAsync(db, id, cancellationToken))!);
    }

    /// <summary>"Edit" of a published questionnaire: a new draft, version + 1, with a copy of its questions.</summary>
    public async Task<Outcome<QuestionnaireDto>> NewVersionAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Questionnaires.AsNoTracking().Include(q => q.Questions).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (source is null)
        {
            return Outcome<QuestionnaireDto>.NotFound();
        }

        if (source.PublishedAt is null)
        {
            return Outcome<QuestionnaireDto>.Conflict("id", text["Surveys.Error.StillDraft"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new Questionnaire
        {
            Title = source.Title,
            Description = source.Description,
            ProvinceId = source.ProvinceId,
            Version = source.Version + 1,
            PreviousVersionId = source.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        copy.Questions.AddRange(source.Questions.OrderBy(q => q.Position).Select(q => new SurveyQuestion
        {
            ProvinceId = q.ProvinceId,
            Position = q.Position,
            Text = q.Text,
            Kind = q.Kind,
            Required = q.Required,
            Options = q.Options,
            MinValue = q.MinValue,
            MaxValue = q.MaxValue,
            Weight = q.Weight,
        }));
        db.Questionnaires.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<QuestionnaireDto>.Ok((await LoadDtoAsync(db, copy.Id, cancellationToken))!);
    }

    public static QuestionDto ToDto(SurveyQuestion q) =>
        new(q.Id, q.Position, q.Text, q.Kind, q.Required, q.Options, q.MinValue, q.MaxValue, q.Weight,
            q.Kind == QuestionKind.Choice ? CapabilityScore.ParseOptions(q.Options) : []);

    private static async Task<QuestionnaireDto?> LoadDtoAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Id == id)
            .Select(Header)
            .FirstOrDefaultAsync(cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }

        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.QuestionnaireId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        return questionnaire with { Questions = questions.Select(ToDto).ToList() };
    }

    private static readonly Expression<Func<Questionnaire, QuestionnaireDto>> Header = q => new QuestionnaireDto(
        q.Id, q.Title, q.Version, q.PreviousVersionId, q.Description, q.PublishedAt, Array.Empty<QuestionDto>());

    private static List<SurveyQuestion> BuildQuestions(List<QuestionInput> inputs, int? provinceId) =>
        inputs.Select((q, i) =>
        {
            var kind = FieldRules.EnumByName<QuestionKind>(q.Kind)!.Value;
            return new SurveyQuestion
            {
                ProvinceId = provinceId,
                Position = i + 1,
                Text = q.Text!.Trim(),
                Kind = kind,
                Required = q.Required,
                Options = kind == QuestionKind.Choice ? NormaliseOptions(q.Options) : null,
                MinValue = kind == QuestionKind.Number ? q.MinValue : null,
                MaxValue = kind == QuestionKind.Number ? q.MaxValue : null,
                Weight = kind == QuestionKind.Text ? 0 : q.Weight ?? 1,
            };
        }).ToList();

    /// <summary>One option per line, trimmed, blank lines dropped: what the respondent sees and what an answer must match.</summary>
    private static string NormaliseOptions(string? options) =>
        string.Join('\n', (options ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private FieldErrors Validate(QuestionnaireInput input)
    {
        var errors = new FieldErrors();
        FieldRules.RequireText(errors, text, "title", input.Title, TitleMaxLength);
        FieldRules.OptionalText(errors, text, "description", input.Description, DescriptionMaxLength);
        var questions = input.Questions ?? [];
        if (questions.Count > MaxQuestions)
        {
            errors.Add("questions", text["Surveys.Error.TooManyQuestions", MaxQuestions]);
        }

        for (var i = 0; i < questions.Count; i++)
        {
            ValidateQuestion(errors, $"questions[{i}]", questions[i]);
        }

        return errors;
    }

    private void ValidateQuestion(FieldErrors errors, string prefix, QuestionInput? question)
    {
        if (question is null)
        {
            errors.Add(prefix, text["Error.Required"]);
            return;
        }

        FieldRules.RequireText(errors, text, $"{prefix}.text", question.Text, QuestionMaxLength);
        var kind = FieldRules.EnumByName<QuestionKind>(question.Kind);
        if (kind is null)
        {
            errors.Add($"{prefix}.kind", text["Surveys.Error.Kind", string.Join(", ", Enum.GetNames<QuestionKind>())]);
            return;
        }

        if (question.Weight is < 0)
        {
            errors.Add($"{prefix}.weight", text["Surveys.Error.Weight"]);
        }
        else if (kind == QuestionKind.Text && question.Weight is > 0)
        {
            errors.Add($"{prefix}.weight", text["Surveys.Error.TextWeight"]);
        }

        switch (kind)
        {
            case QuestionKind.Choice:
                var options = CapabilityScore.ParseOptions(question.Options);
                if ((question.Options?.Length ?? 0) > OptionsMaxLength)
                {
                    errors.Add($"{prefix}.options", text["Error.TooLong", OptionsMaxLength]);
                }
                else if (options.Count < 2)
                {
                    errors.Add($"{prefix}.options", text["Surveys.Error.OptionsCount"]);
                }
                else if (!CapabilityScore.OptionScoresValid(question.Options))
                {
                    errors.Add($"{prefix}.options", text["Surveys.Error.OptionScore"]);
                }
                else if (options.Any(o => o.Label.Length == 0) || options.Select(o => o.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                {
                    errors.Add($"{prefix}.options", text["Surveys.Error.OptionLabels"]);
                }

                break;
            case QuestionKind.Number:
                if (question.MinValue is { } min && question.MaxValue is { } max && min > max)
                {
                    errors.Add($"{prefix}.maxValue", text["Surveys.Error.MinMax"]);
                }
                else if ((question.Weight ?? 1) > 0 && question.MaxValue is not > 0)
                {
                    // The score of a number is v / max: without a positive maximum it has no scale.
                    errors.Add($"{prefix}.maxValue", text["Surveys.Error.ScoredNumberMax"]);
                }

                break;
        }
    }
}
