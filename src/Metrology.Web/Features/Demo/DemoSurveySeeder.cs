using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Surveys;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The surveys of Quảng Trị's report (section I.1.b): the 2022 survey of the use of measuring instruments
/// at the 3 verification/calibration/testing organisations and 40 key enterprises, all submitted. Before
/// it, a 2021 pilot with the questionnaire's first version at 15 enterprises (invented, so that cumulative
/// figures differ from the year's); after it, a campaign of the current year that is open, with the demo
/// enterprise user's and the lab operator's organisations still to answer. Answers are derived from a fixed
/// "capability level" per organisation, so the scores are varied yet the same on every run.
/// </summary>
public sealed class DemoSurveySeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string QuestionnaireTitle = "Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường";
    public const string Campaign2022Title = "Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường tại các đơn vị kiểm định, hiệu chuẩn, thử nghiệm và doanh nghiệp trọng điểm năm 2022";
    public const string OfficerEmail = "officer@quangtri.demo";

    private const string PlanNone = "Chưa có";
    private const string PlanDrafting = "Đang xây dựng";
    private const string PlanIssued = "Đã ban hành và thực hiện";
    private const string CalibratedInProvince = "Tổ chức được chỉ định trong tỉnh";
    private const string CalibratedElsewhere = "Tổ chức ngoài tỉnh";
    private const string NotCalibrated = "Chưa kiểm định, hiệu chuẩn";

    public int Order => 40;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var version1 = AddQuestionnaire(context, 1, null, new DateTime(2021, 3, 15, 2, 0, 0, DateTimeKind.Utc), full: false);
        await db.SaveChangesAsync(cancellationToken);
        var version2 = AddQuestionnaire(context, 2, version1.Id, new DateTime(2022, 3, 10, 2, 0, 0, DateTimeKind.Utc), full: true);
        await db.SaveChangesAsync(cancellationToken);

        // 2021 pilot: 15 enterprises, all answered.
        var pilotTargets = context.Enterprises.Where((_, i) => i % 3 == 1 || i < 5).Take(15).ToList();
        AddCampaign(context, version1, "Khảo sát thí điểm năng lực đo lường doanh nghiệp năm 2021", 2021,
            new DateOnly(2021, 4, 5), new DateOnly(2021, 5, 14), SurveyCampaignStatus.Closed, pilotTargets, pilotTargets);

        // 2022, the report's survey: the 3 labs and the 40 enterprises, every form returned.
        List<Organization> all2022 = [.. context.Labs, .. context.Enterprises];
        AddCampaign(context, version2, Campaign2022Title, 2022,
            new DateOnly(2022, 4, 1), new DateOnly(2022, 5, 31), SurveyCampaignStatus.Closed, all2022, all2022);

        // This year: open, the demo enterprise (Enterprises[0]) and the centre (lab@ account) still to answer.
        var year = context.Today.Year;
        List<Organization> current = [context.Labs[0], .. context.Enterprises.Take(12)];
        var answered = context.Enterprises.Skip(3).Take(6).ToList();
        AddCampaign(context, version2, $"Khảo sát năng lực đo lường doanh nghiệp năm {year}", year,
            context.Today.AddDays(-14), context.Today.AddDays(30), SurveyCampaignStatus.Open, current, answered);
    }

    private Questionnaire AddQuestionnaire(DemoSeedContext context, int version, int? previousId, DateTime publishedAt, bool full)
    {
        var questionnaire = new Questionnaire
        {
            ProvinceId = context.ProvinceId,
            Title = QuestionnaireTitle,
            Version = version,
            PreviousVersionId = previousId,
            Description = "Phiếu khảo sát đánh giá năng lực đo lường, làm cơ sở lựa chọn, hướng dẫn doanh nghiệp thực hiện Chương trình đảm bảo đo lường (Kế hoạch số "
                + (version == 1 ? DemoDocumentSeeder.Plan2021 : DemoDocumentSeeder.Plan2022) + ").",
            PublishedAt = publishedAt,
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
        };
        void Add(string text, QuestionKind kind, bool required, decimal weight, string? options = null, decimal? min = null, decimal? max = null) =>
            questionnaire.Questions.Add(new SurveyQuestion
            {
                ProvinceId = context.ProvinceId,
                Position = questionnaire.Questions.Count + 1,
                Text = text,
                Kind = kind,
                Required = required,
                Weight = weight,
                Options = options,
                MinValue = min,
                MaxValue = max,
            });

        Add("Đơn vị có cán bộ được phân công phụ trách công tác đo lường?", QuestionKind.YesNo, true, 2);
        Add("Số cán bộ, nhân viên đã được đào tạo, tập huấn về đo lường", QuestionKind.Number, true, 1, min: 0, max: 20);
        if (full)
        {
            Add("Số phương tiện đo nhóm 2 đang sử dụng", QuestionKind.Number, false, 0, min: 0, max: 10000);
        }

        Add("Đơn vị có lập danh mục, sổ theo dõi phương tiện đo, thiết bị đo đang sử dụng?", QuestionKind.YesNo, true, 2);
        Add("Kế hoạch kiểm định, hiệu chuẩn phương tiện đo định kỳ", QuestionKind.Choice, true, 2, $"{PlanNone}|0\n{PlanDrafting}|0.5\n{PlanIssued}|1");
        if (full)
        {
            Add("Mức độ hiểu biết về TCVN ISO 10012:2007 (Hệ thống quản lý đo lường)", QuestionKind.Scale, true, 1);
            Add("Đơn vị đã áp dụng hệ thống quản lý đo lường theo TCVN ISO 10012?", QuestionKind.YesNo, true, 2);
            Add("Phương tiện đo của đơn vị được kiểm định, hiệu chuẩn tại", QuestionKind.Choice, true, 1, $"{CalibratedInProvince}|1\n{CalibratedElsewhere}|1\n{NotCalibrated}|0");
        }

        Add("Mức độ quan tâm tham gia Chương trình đảm bảo đo lường", QuestionKind.Scale, false, 1);
        if (full)
        {
            Add("Đơn vị có phòng thử nghiệm hoặc hiệu chuẩn nội bộ?", QuestionKind.YesNo, false, 1);
        }

        Add("Khó khăn, kiến nghị về công tác đo lường", QuestionKind.Text, false, 0);
        db.Questionnaires.Add(questionnaire);
        return questionnaire;
    }

    private void AddCampaign(
        DemoSeedContext context, Questionnaire questionnaire, string title, int year, DateOnly opensOn, DateOnly closesOn,
        SurveyCampaignStatus status, List<Organization> targets, List<Organization> submitted)
    {
        var created = opensOn.AddDays(-7).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var campaign = new SurveyCampaign
        {
            ProvinceId = context.ProvinceId,
            Questionnaire = questionnaire,
            Title = title,
            Year = year,
            OpensOn = opensOn,
            ClosesOn = closesOn,
            Status = status,
            CreatedAt = created,
            UpdatedAt = created,
        };
        campaign.Targets.AddRange(targets.Select(o => new SurveyTarget { ProvinceId = context.ProvinceId, OrganizationId = o.Id }));
        db.SurveyCampaigns.Add(campaign);

        var days = Math.Max(closesOn.DayNumber - opensOn.DayNumber, 1);
        foreach (var (organization, index) in submitted.Select((o, i) => (o, i)))
        {
            var level = Level(context, organization);
            // Returned over the period, at most until yesterday for a campaign still open.
            var day = opensOn.AddDays(Math.Min(index * 3 % days, Math.Max(context.Today.DayNumber - 1 - opensOn.DayNumber, 0)));
            var submittedAt = day.ToDateTime(new TimeOnly(1 + index % 8, 15), DateTimeKind.Utc);
            var response = new SurveyResponse
            {
                ProvinceId = context.ProvinceId,
                Campaign = campaign,
                OrganizationId = organization.Id,
                Status = SurveyResponseStatus.Submitted,
                // Most 2021-2022 forms came back on paper and were typed in by the department.
                EnteredOnPaper = year < context.Today.Year && index % 4 != 0,
                EnteredByEmail = OfficerEmail,
                SubmittedAt = submittedAt,
                CreatedAt = submittedAt,
                UpdatedAt = submittedAt,
            };
            foreach (var question in questionnaire.Questions)
            {
                if (Answer(question, level, index) is { } answer)
                {
                    answer.ProvinceId = context.ProvinceId;
                    response.Answers.Add(answer);
                }
            }

            response.Score = CapabilityScore.Compute(questionnaire.Questions, response.Answers.ToDictionary(a => a.QuestionId));
            db.SurveyResponses.Add(response);
        }
    }

    /// <summary>A fixed 0-1 "capability" per organisation: labs high, enterprises spread by their id.</summary>
    private static decimal Level(DemoSeedContext context, Organization organization)
    {
        if (organization.Kind == OrganizationKind.VerificationBody)
        {
            return 0.86m + (organization.Id % 3 * 0.05m);
        }

        var position = context.Enterprises.ToList().FindIndex(e => e.Id == organization.Id);
        return (position * 37 % 40 + 2) / 42m;
    }

    private static SurveyAnswer? Answer(SurveyQuestion question, decimal level, int index)
    {
        SurveyAnswer YesNo(bool yes) => new() { QuestionId = question.Id, ValueText = yes ? "yes" : "no", ValueNumber = yes ? 1 : 0 };
        SurveyAnswer Number(decimal value) => new() { QuestionId = question.Id, ValueText = value.ToString(CultureInfo.InvariantCulture), ValueNumber = value };
        SurveyAnswer Choice(string label) => new()
        {
            QuestionId = question.Id,
            ValueText = label,
            ValueNumber = CapabilityScore.ParseOptions(question.Options).First(o => o.Label == label).Score,
        };

        return question.Text switch
        {
            var t when t.StartsWith("Đơn vị có cán bộ", StringComparison.Ordinal) => YesNo(level > 0.15m),
            var t when t.StartsWith("Số cán bộ", StringComparison.Ordinal) => Number(Math.Min(20, Math.Floor(level * 16) + index % 3)),
            var t when t.StartsWith("Số phương tiện đo", StringComparison.Ordinal) => Number(4 + index * 13 % 120),
            var t when t.StartsWith("Đơn vị có lập danh mục", StringComparison.Ordinal) => YesNo(level > 0.3m),
            var t when t.StartsWith("Kế hoạch kiểm định", StringComparison.Ordinal) => Choice(level < 0.35m ? PlanNone : level < 0.65m ? PlanDrafting : PlanIssued),
            var t when t.StartsWith("Mức độ hiểu biết", StringComparison.Ordinal) => Number(1 + Math.Floor(level * 4.99m)),
            var t when t.StartsWith("Đơn vị đã áp dụng", StringComparison.Ordinal) => YesNo(level > 0.75m),
            var t when t.StartsWith("Phương tiện đo của đơn vị", StringComparison.Ordinal) =>
                Choice(level < 0.2m ? NotCalibrated : index % 3 == 2 ? CalibratedElsewhere : CalibratedInProvince),
            // Optional: a few leave it blank, which counts as 0.
            var t when t.StartsWith("Mức độ quan tâm", StringComparison.Ordinal) => index % 7 == 5 ? null : Number(Math.Clamp(2 + Math.Floor(level * 3) + index % 2, 1, 5)),
            var t when t.StartsWith("Đơn vị có phòng thử nghiệm", StringComparison.Ordinal) => YesNo(level > 0.8m),
            _ => index % 5 == 0
                ? new SurveyAnswer { QuestionId = question.Id, ValueText = index % 10 == 0 ? "Đề nghị Sở hỗ trợ đào tạo cán bộ phụ trách đo lường." : "Cần hướng dẫn lập kế hoạch hiệu chuẩn phương tiện đo." }
                : null,
        };
    }
}
