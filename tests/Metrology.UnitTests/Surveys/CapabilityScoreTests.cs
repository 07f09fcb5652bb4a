using Metrology.Core.Surveys;
using Shouldly;

namespace Metrology.UnitTests.Surveys;

/// <summary>The capability score with values worked out by hand.</summary>
public sealed class CapabilityScoreTests
{
    private static SurveyQuestion Question(int id, QuestionKind kind, decimal weight, string? options = null, decimal? max = null) =>
        new() { Id = id, Text = $"Câu {id}", Kind = kind, Weight = weight, Options = options, MaxValue = max };

    private static SurveyAnswer Answer(int questionId, string? text, decimal? number = null) =>
        new() { QuestionId = questionId, ValueText = text, ValueNumber = number };

    private static decimal? Score(IEnumerable<SurveyQuestion> questions, params SurveyAnswer[] answers) =>
        CapabilityScore.Compute(questions, answers.ToDictionary(a => a.QuestionId));

    private static readonly SurveyQuestion[] Standard =
    [
        Question(1, QuestionKind.YesNo, 2),
        Question(2, QuestionKind.Choice, 1, "Chưa có|0\nĐang xây dựng|0.5\nĐã ban hành|1"),
        Question(3, QuestionKind.Number, 1, max: 20),
        Question(4, QuestionKind.Scale, 1),
        Question(5, QuestionKind.Text, 0),
    ];

    [Fact]
    public void Weighted_mean_of_all_kinds()
    {
        // yes 1×2 + "Đã ban hành" 1×1 + 10/20 = 0.5×1 + scale 5 → 1×1 = 4.5 of weight 5 → 90.
        Score(Standard, Answer(1, "yes", 1), Answer(2, "Đã ban hành"), Answer(3, "10", 10), Answer(4, "5", 5), Answer(5, "ghi chú")).ShouldBe(90m);
        // no 0 + 0.5 + 3/20 = 0.15 + scale 2 → 0.25 = 0.9 of 5 → 18.
        Score(Standard, Answer(1, "no", 0), Answer(2, "Đang xây dựng"), Answer(3, "3", 3), Answer(4, "2", 2)).ShouldBe(18m);
    }

    [Fact]
    public void An_unanswered_question_counts_as_zero_with_its_full_weight()
    {
        // yes 2 + "Chưa có" 0 + blank number 0 + scale 3 → 0.5 = 2.5 of 5 → 50 (not 2.5 of 4 = 62.5).
        Score(Standard, Answer(1, "yes", 1), Answer(2, "Chưa có"), Answer(4, "3", 3)).ShouldBe(50m);
        Score(Standard).ShouldBe(0m);
    }

    [Fact]
    public void A_number_above_its_maximum_is_capped_at_1()
    {
        SurveyQuestion[] questions = [Question(1, QuestionKind.Number, 1, max: 10)];
        Score(questions, Answer(1, "25", 25)).ShouldBe(100m);
        Score(questions, Answer(1, "2.5", 2.5m)).ShouldBe(25m);
    }

    [Fact]
    public void The_score_rounds_half_away_from_zero_to_two_decimals()
    {
        // 1 of weight 32 = 3.125 %: half away from zero gives 3.13 (banker's rounding would give 3.12).
        SurveyQuestion[] questions = [Question(1, QuestionKind.YesNo, 1), Question(2, QuestionKind.YesNo, 31)];
        Score(questions, Answer(1, "yes", 1), Answer(2, "no", 0)).ShouldBe(3.13m);
        // 1 of 3 and 2 of 3.
        SurveyQuestion[] thirds = [Question(1, QuestionKind.YesNo, 1), Question(2, QuestionKind.YesNo, 1), Question(3, QuestionKind.YesNo, 1)];
        Score(thirds, Answer(1, "yes", 1)).ShouldBe(33.33m);
        Score(thirds, Answer(1, "yes", 1), Answer(2, "yes", 1)).ShouldBe(66.67m);
    }

    [Fact]
    public void Weights_change_the_result_and_a_questionnaire_without_weights_has_no_score()
    {
        // Same answers (yes, no) with weights 3 and 1: 3 of 4 = 75; with 1 and 3: 1 of 4 = 25.
        Score([Question(1, QuestionKind.YesNo, 3), Question(2, QuestionKind.YesNo, 1)], Answer(1, "yes", 1), Answer(2, "no", 0)).ShouldBe(75m);
        Score([Question(1, QuestionKind.YesNo, 1), Question(2, QuestionKind.YesNo, 3)], Answer(1, "yes", 1), Answer(2, "no", 0)).ShouldBe(25m);
        Score([Question(1, QuestionKind.Text, 0), Question(2, QuestionKind.YesNo, 0)], Answer(2, "yes", 1)).ShouldBeNull();
    }

    [Fact]
    public void Options_parse_labels_and_scores_and_an_option_without_score_is_zero()
    {
        CapabilityScore.ParseOptions(" Có | 1 \n\nKhông|0\nKhác").ShouldBe([new ChoiceOption("Có", 1m), new ChoiceOption("Không", 0m), new ChoiceOption("Khác", null)]);
        Score([Question(1, QuestionKind.Choice, 1, "Có|1\nKhác")], Answer(1, "Khác")).ShouldBe(0m);
        CapabilityScore.OptionScoresValid("Có|1.5\nKhông|0").ShouldBeFalse();
        CapabilityScore.OptionScoresValid("Có|x").ShouldBeFalse();
        CapabilityScore.OptionScoresValid("Có|0.75\nKhông").ShouldBeTrue();
    }
}
