using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Surveys;

/// <summary>
/// One version of a questionnaire. Once published (used by a campaign) it is never edited: a change makes a
/// new version (<see cref="PreviousVersionId"/>), so every response keeps the questions it answered.
/// </summary>
public class Questionnaire : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public required string Title { get; set; }

    public int Version { get; set; } = 1;

    public int? PreviousVersionId { get; set; }

    public string? Description { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum QuestionKind
{
    YesNo,
    Choice,
    Number,
    Text,
    Scale,
}

/// <summary>
/// A question and how it scores. The capability score of a response is the weighted mean of the scored
/// answers on a 0-100 scale: yes = 1 / no = 0; scale 1-5 maps to (v - 1) / 4; a choice carries its option's
/// score (0-1); a number is v / <see cref="MaxValue"/> capped at 1; text is not scored (weight 0).
/// </summary>
public class SurveyQuestion : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int QuestionnaireId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    /// <summary>For a choice: one option per line as "label" or "label|score" (score 0-1).</summary>
    public string? Options { get; set; }

    public decimal? MinValue { get; set; }

    public decimal? MaxValue { get; set; }

    /// <summary>Weight in the capability score; 0 = not scored.</summary>
    public decimal Weight { get; set; }
}

public enum SurveyCampaignStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A survey sent to chosen organisations for a period, e.g. the 2022 survey of 3 labs and 40 enterprises.</summary>
public class SurveyCampaign : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int QuestionnaireId { get; set; }

    public Questionnaire? Questionnaire { get; set; }

    public required string Title { get; set; }

    public int Year { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public SurveyCampaignStatus Status { get; set; }

    public List<SurveyTarget> Targets { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>An organisation a campaign asks to answer. Only targets may respond.</summary>
public class SurveyTarget : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int CampaignId { get; set; }

    public SurveyCampaign? Campaign { get; set; }

    public int OrganizationId { get; set; }
}

public enum SurveyResponseStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// One organisation's answers to a campaign: a draft until submitted, then frozen with its score.
/// <see cref="EnteredOnPaper"/> marks answers an officer typed in from a paper form.
/// </summary>
public class SurveyResponse : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int CampaignId { get; set; }

    public SurveyCampaign? Campaign { get; set; }

    public int OrganizationId { get; set; }

    public SurveyResponseStatus Status { get; set; }

    public bool EnteredOnPaper { get; set; }

    public string? EnteredByEmail { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Capability score 0-100, computed on submit with the questionnaire's weights.</summary>
    public decimal? Score { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>The answer to one question: text for every kind, and the number for yes/no, number and scale.</summary>
public class SurveyAnswer : IProvinceOwned, IAudited
{
    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public int ResponseId { get; set; }

    public int QuestionId { get; set; }

    public string? ValueText { get; set; }

    public decimal? ValueNumber { get; set; }
}
