using Metrology.Core.Organizations;
using Metrology.Core.Surveys;

namespace Metrology.Web.Features.Surveys;

/// <summary>A question as the builder sends it; its place in the list is its position.</summary>
public sealed record QuestionInput(string? Text, string? Kind, bool Required, string? Options, decimal? MinValue, decimal? MaxValue, decimal? Weight);

/// <summary>A draft questionnaire: the whole question list is sent each time, so add, remove and reorder are one call.</summary>
public sealed record QuestionnaireInput(string? Title, string? Description, string? ProvinceSlug, List<QuestionInput>? Questions);

public sealed record QuestionDto(
    int Id, int Position, string Text, QuestionKind Kind, bool Required, string? Options, decimal? MinValue, decimal? MaxValue, decimal Weight,
    IReadOnlyList<ChoiceOption> Choices);

public sealed record QuestionnaireDto(
    int Id, string Title, int Version, int? PreviousVersionId, string? Description, DateTime? PublishedAt,
    IReadOnlyList<QuestionDto> Questions);

public sealed record QuestionnaireSummaryDto(int Id, string Title, int Version, DateTime? PublishedAt, int QuestionCount, DateTime UpdatedAt);

/// <summary>A campaign; <see cref="TargetIds"/> are the organisations asked to answer (enterprises and verification bodies of its province).</summary>
public sealed record CampaignInput(int? QuestionnaireId, string? Title, int? Year, DateOnly? OpensOn, DateOnly? ClosesOn, string? Status, List<int>? TargetIds);

public sealed record CampaignTargetDto(int OrganizationId, string Name, OrganizationKind Kind, SurveyResponseStatus? ResponseStatus, bool EnteredOnPaper, decimal? Score);

public sealed record CampaignDto(
    int Id, int QuestionnaireId, string QuestionnaireTitle, int QuestionnaireVersion, string Title, int Year, DateOnly OpensOn, DateOnly ClosesOn,
    SurveyCampaignStatus Status, int ResponseCount, IReadOnlyList<CampaignTargetDto> Targets);

public sealed record CampaignSummaryDto(
    int Id, string Title, int Year, DateOnly OpensOn, DateOnly ClosesOn, SurveyCampaignStatus Status, string QuestionnaireTitle, int TargetCount, int SubmittedCount);

/// <summary>One answer: "yes"/"no", a choice's label, a number (invariant, "12.5"), text, or 1-5; blank = unanswered.</summary>
public sealed record AnswerInput(int QuestionId, string? Value);

public sealed record ResponseInput(List<AnswerInput>? Answers);

public sealed record AnswerDto(int QuestionId, string? Value);

/// <summary>
/// An organisation's response to a campaign with the questions to answer. <see cref="Status"/> is null
/// while nothing is saved; <see cref="CanAnswer"/> says whether the campaign takes answers today.
/// </summary>
public sealed record ResponseDto(
    int CampaignId, string CampaignTitle, DateOnly OpensOn, DateOnly ClosesOn, SurveyCampaignStatus CampaignStatus,
    int OrganizationId, string OrganizationName, SurveyResponseStatus? Status, bool EnteredOnPaper, DateTime? SubmittedAt, decimal? Score,
    bool CanAnswer, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<AnswerDto> Answers);

/// <summary>A campaign the caller's organisation is asked to answer, and where its answer stands.</summary>
public sealed record SurveyToAnswerDto(
    int CampaignId, string Title, int Year, DateOnly OpensOn, DateOnly ClosesOn, SurveyCampaignStatus CampaignStatus, SurveyResponseStatus? ResponseStatus, decimal? Score);

public sealed record OptionCountDto(string Label, int Count);

/// <summary>Results of one question over the submitted responses: counts for yes/no and choice, mean for number and scale.</summary>
public sealed record QuestionResultDto(int QuestionId, int Position, string Text, QuestionKind Kind, int AnswerCount, IReadOnlyList<OptionCountDto> Counts, decimal? Mean);

public sealed record RankingRowDto(int Rank, int OrganizationId, string OrganizationName, OrganizationKind Kind, decimal? Score, DateTime? SubmittedAt, bool EnteredOnPaper, bool Suggested);

/// <summary>A campaign's results. <see cref="ResponseRate"/> is the percentage of targets that submitted.</summary>
public sealed record CampaignResultsDto(
    int CampaignId, string Title, int TargetCount, int SubmittedCount, decimal ResponseRate, int SuggestedCount,
    IReadOnlyList<QuestionResultDto> Questions, IReadOnlyList<RankingRowDto> Ranking);
