using System.Globalization;

namespace Metrology.Core.Surveys;

/// <summary>A choice option as stored in <see cref="SurveyQuestion.Options"/>: "label" or "label|score".</summary>
public sealed record ChoiceOption(string Label, decimal? Score);

/// <summary>
/// The capability score of one response (design: <see cref="SurveyQuestion"/>): the weighted mean of the
/// normalised answers of the scored questions, times 100, rounded half away from zero to 2 decimals.
/// An unanswered question, required or not, counts as 0 with its full weight: otherwise an enterprise could
/// raise its rank by skipping the questions it would score badly on, and the ranking picks enterprises for
/// a measurement assurance programme, so a blank must not look better than a "no".
/// </summary>
public static class CapabilityScore
{
    /// <summary>Null when no question carries weight: such a questionnaire measures nothing.</summary>
    public static decimal? Compute(IEnumerable<SurveyQuestion> questions, IReadOnlyDictionary<int, SurveyAnswer> answersByQuestion)
    {
        decimal weightSum = 0;
        decimal weighted = 0;
        foreach (var question in questions.Where(q => q.Weight > 0 && q.Kind != QuestionKind.Text))
        {
            weightSum += question.Weight;
            answersByQuestion.TryGetValue(question.Id, out var answer);
            weighted += question.Weight * Normalised(question, answer);
        }

        return weightSum == 0 ? null : Math.Round(weighted / weightSum * 100, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>One answer on a 0-1 scale; a missing answer, or a choice option without a score, is 0.</summary>
    public static decimal Normalised(SurveyQuestion question, SurveyAnswer? answer)
    {
        if (answer is null)
        {
            return 0;
        }

        return question.Kind switch
        {
            QuestionKind.YesNo => answer.ValueNumber is 1 ? 1 : 0,
            QuestionKind.Scale => answer.ValueNumber is { } v ? Math.Clamp((v - 1) / 4, 0, 1) : 0,
            QuestionKind.Number => answer.ValueNumber is { } n && question.MaxValue is > 0 ? Math.Clamp(n / question.MaxValue.Value, 0, 1) : 0,
            QuestionKind.Choice => ParseOptions(question.Options)
                .FirstOrDefault(o => string.Equals(o.Label, answer.ValueText, StringComparison.Ordinal))?.Score ?? 0,
            _ => 0,
        };
    }

    /// <summary>
    /// The options of a choice question, one per non-blank line; a score that is not a number in 0-1 is
    /// returned as null here and refused by the questionnaire's validation before it can be stored.
    /// </summary>
    public static IReadOnlyList<ChoiceOption> ParseOptions(string? options)
    {
        if (string.IsNullOrWhiteSpace(options))
        {
            return [];
        }

        var result = new List<ChoiceOption>();
        foreach (var line in options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = line.LastIndexOf('|');
            if (bar < 0)
            {
                result.Add(new ChoiceOption(line, null));
                continue;
            }

            var score = decimal.TryParse(line[(bar + 1)..].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1
                ? parsed
                : (decimal?)null;
            result.Add(new ChoiceOption(line[..bar].Trim(), score));
        }

        return result;
    }

    /// <summary>True when every "label|score" line has a score in 0-1 (plain "label" lines are fine).</summary>
    public static bool OptionScoresValid(string? options) =>
        options is null || options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains('|', StringComparison.Ordinal))
            .All(line => decimal.TryParse(line[(line.LastIndexOf('|') + 1)..].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1);
}
