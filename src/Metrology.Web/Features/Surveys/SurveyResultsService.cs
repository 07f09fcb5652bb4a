using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Surveys;
using Metrology.Web.Features.Exports;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Metrology.Web.Features.Surveys;

/// <summary>
/// A campaign's results over its submitted responses: response rate, per-question tables, the ranking by
/// capability score (the list the department picks measurement-assurance enterprises from) and the XLSX
/// export. Aggregates come from grouped queries: the cost does not grow with the number of responses.
/// </summary>
public sealed class SurveyResultsService(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> text)
{
    public const int DefaultSuggested = 5;

    public async Task<CampaignResultsDto?> GetAsync(int campaignId, int suggested = DefaultSuggested, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Id == campaignId)
            .Select(c => new { c.Id, c.Title, c.QuestionnaireId, TargetCount = c.Targets.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.QuestionnaireId == campaign.QuestionnaireId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var submitted = db.SurveyResponses.Where(r => r.CampaignId == campaignId && r.Status == SurveyResponseStatus.Submitted);
        var respondents = await (
                from r in submitted
                join o in db.Organizations on r.OrganizationId equals o.Id
                select new { r.OrganizationId, o.Name, o.Kind, r.Score, r.SubmittedAt, r.EnteredOnPaper })
            .ToListAsync(cancellationToken);
        // One row per question and distinct answer: yes/no and choice counts directly, and number and scale
        // means from the stored canonical value. Answers are reached through their response (tenant scope).
        var groups = await submitted.SelectMany(r => r.Answers)
            .GroupBy(a => new { a.QuestionId, a.ValueText })
            .Select(g => new { g.Key.QuestionId, g.Key.ValueText, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Decimal ordering is done here: SQLite cannot ORDER BY a decimal, and the list is one row per target.
        var ordered = respondents
            .OrderByDescending(r => r.Score ?? -1).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var top = Math.Max(suggested, 0);
        var ranking = new List<RankingRowDto>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            // Equal scores share a rank (1, 2, 2, 4); "suggested" marks the first N rows of the list.
            var rank = i > 0 && ordered[i - 1].Score == row.Score ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankingRowDto(rank, row.OrganizationId, row.Name, row.Kind, row.Score, row.SubmittedAt, row.EnteredOnPaper, i < top));
        }

        var results = questions.Select(q => Summarise(q, groups.Where(g => g.QuestionId == q.Id).Select(g => (g.ValueText, g.Count)).ToList())).ToList();
        var rate = campaign.TargetCount == 0 ? 0 : Math.Round(100m * respondents.Count / campaign.TargetCount, 2, MidpointRounding.AwayFromZero);
        return new CampaignResultsDto(campaign.Id, campaign.Title, campaign.TargetCount, respondents.Count, rate, top, results, ranking);
    }

    private static QuestionResultDto Summarise(SurveyQuestion question, List<(string? Value, int Count)> answers)
    {
        var total = answers.Sum(a => a.Count);
        IReadOnlyList<OptionCountDto> counts = question.Kind switch
        {
            QuestionKind.YesNo => [new("yes", Count("yes")), new("no", Count("no"))],
            QuestionKind.Choice => CapabilityScore.ParseOptions(question.Options).Select(o => new OptionCountDto(o.Label, Count(o.Label))).ToList(),
            QuestionKind.Scale => Enumerable.Range(1, 5).Select(v => new OptionCountDto(v.ToString(CultureInfo.InvariantCulture), Count(v.ToString(CultureInfo.InvariantCulture)))).ToList(),
            _ => [],
        };
        decimal? mean = null;
        if (question.Kind is QuestionKind.Number or QuestionKind.Scale && total > 0)
        {
            var sum = answers.Sum(a => decimal.Parse(a.Value!, NumberStyles.Number, CultureInfo.InvariantCulture) * a.Count);
            mean = Math.Round(sum / total, 2, MidpointRounding.AwayFromZero);
        }

        return new QuestionResultDto(question.Id, question.Position, question.Text, question.Kind, total, counts, mean);

        int Count(string value) => answers.Where(a => a.Value == value).Sum(a => a.Count);
    }

    /// <summary>
    /// Writes every response (submitted and draft) with its score and answers as an XLSX sheet, or returns
    /// false when the campaign is not in scope. Text that a spreadsheet would run as a formula is neutralised.
    /// </summary>
    public async Task<bool> ExportAsync(int campaignId, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.QuestionnaireId }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.QuestionnaireId == campaign.QuestionnaireId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var responses = await (
                from r in db.SurveyResponses.AsNoTracking()
                where r.CampaignId == campaignId
                join o in db.Organizations on r.OrganizationId equals o.Id
                orderby o.Name
                select new { r.Id, o.Name, o.TaxCode, r.Status, r.EnteredOnPaper, r.SubmittedAt, r.Score })
            .ToListAsync(cancellationToken);
        var answers = (await db.SurveyResponses.Where(r => r.CampaignId == campaignId).SelectMany(r => r.Answers)
                .Select(a => new { a.ResponseId, a.QuestionId, a.ValueText })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ResponseId);

        var rows = responses.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [text["Surveys.Export.Organization"]] = Safe(r.Name),
                [text["Surveys.Export.TaxCode"]] = Safe(r.TaxCode),
                [text["Surveys.Export.Status"]] = text[$"Surveys.ResponseStatus.{r.Status}"].Value,
                [text["Surveys.Export.OnPaper"]] = r.EnteredOnPaper ? text["Common.Yes"].Value : text["Common.No"].Value,
                [text["Surveys.Export.SubmittedAt"]] = DisplayFormat.DateTime(r.SubmittedAt),
                [text["Surveys.Export.Score"]] = r.Score,
            };
            var byQuestion = answers[r.Id].ToDictionary(a => a.QuestionId, a => a.ValueText);
            foreach (var question in questions)
            {
                row[$"{question.Position}. {Safe(question.Text)}"] = Safe(byQuestion.GetValueOrDefault(question.Id));
            }

            return row;
        }).ToList();

        await output.SaveAsAsync(rows, sheetName: "Responses", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The CSV export's formula rule, for the XLSX cells of the results.</summary>
    public static string? Safe(string? value) => value is null ? null : CsvExport.DefuseFormula(value);
}
