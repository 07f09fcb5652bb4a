using System.Globalization;
using System.Text;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Reporting;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Microsoft.EntityFrameworkCore;
using static Metrology.Core.Reporting.ReportWording;

namespace Metrology.Web.Features.Reports;

/// <summary>Who files the report: "tỉnh Quảng Trị" / "thành phố Huế", for the sentences that name it.</summary>
public sealed record ReportingUnitName(string Kind, string Name)
{
    /// <summary>"tỉnh Quảng Trị".</summary>
    public string Full => $"{Kind} {Name}";

    /// <summary>"UBND tỉnh Quảng Trị", as the seed names the committee in its sentences.</summary>
    public string Committee => $"UBND {Full}";

    /// <summary>The unit as a province row names it: "Thành phố Huế" is the city "Huế", "Quảng Trị" a province.</summary>
    public static ReportingUnitName Of(string provinceNameVi, string provinceKind, string reportingUnit)
    {
        const string CityPrefix = "Thành phố ";
        var shortName = provinceNameVi.StartsWith(CityPrefix, StringComparison.Ordinal) ? provinceNameVi[CityPrefix.Length..] : provinceNameVi;
        // A former unit (before the 2025 merger) was a province unless it is the city itself.
        var isCity = provinceKind == "city" && string.Equals(reportingUnit, shortName, StringComparison.Ordinal);
        return new ReportingUnitName(isCity ? "thành phố" : "tỉnh", reportingUnit);
    }
}

/// <summary>A section as generated from the records.</summary>
public sealed record GeneratedSection(string Key, string Heading, string Text);

/// <summary>The report as assembled from the records: sections, figures with their sources, indicators, annex.</summary>
public sealed record AssembledReport(
    IReadOnlyList<GeneratedSection> Sections,
    IReadOnlyList<SnapshotFigure> Figures,
    IReadOnlyList<IndicatorValue> Indicators,
    ReportTable Annex,
    IReadOnlyDictionary<KeyIndicator, (int TargetYear, decimal Value)> Targets);

/// <summary>
/// Writes every section of the report from a province's records for one year, in the seed report's sentences,
/// with each figure's sources (app links). Small record families (documents, plans, tasks, projects, outreach)
/// are read as rows; instruments, verifications and inspections only as SQL aggregates
/// (<see cref="KeyIndicatorQuery"/>), so a province with a million instruments assembles in a bounded time.
/// A figure's key is "&lt;section key&gt;:&lt;name&gt;", so the editor shows it next to its section.
/// </summary>
public sealed class ReportAssembler(AppDbContext db)
{
    private const string Department = "Sở Khoa học và Công nghệ";

    public async Task<AssembledReport> AssembleAsync(
        int provinceId, ReportingUnitName unit, int year, ReportHeader header, DateOnly today, CancellationToken cancellationToken)
    {
        var context = new Context(year, unit, today);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var indicators = (await KeyIndicatorQuery.ComputeAsync(db, [provinceId], year, today, cancellationToken))[provinceId];
        var indicator = indicators.ToDictionary(i => i.Indicator);

        var documents = await db.DirectiveDocuments.AsNoTracking()
            .Where(d => d.ProvinceId == provinceId && d.IssuedOn <= end)
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Type, d.Number, d.Issuer, d.IssuedOn, d.Subject, d.Summary))
            .ToListAsync(cancellationToken);
        var projects = await db.InvestmentProjects.AsNoTracking()
            .Where(p => p.ProvinceId == provinceId && p.StartYear <= year)
            .OrderBy(p => p.StartYear).ThenBy(p => p.Id)
            .Select(p => new ProjectRow(
                p.Id, p.Name, p.TotalBudget, p.StartYear, p.EndYear, p.FeasibilityDocumentId,
                p.Components.OrderBy(c => c.Id).Select(c => new ComponentRow(c.Name, c.Quantity, c.Unit)).ToList(),
                p.Disbursements.Where(d => d.Year == year).Sum(d => d.Amount),
                p.Disbursements.Where(d => d.Year <= year).Sum(d => d.Amount)))
            .ToListAsync(cancellationToken);

        var sections = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportStructure.Opening] = Opening(header, unit, year),
            ["I.1.a"] = Directives(context, documents, projects),
            ["I.1.b"] = await ManagementAsync(context, provinceId, cancellationToken),
            ["I.1.c"] = await ScienceTasksAsync(context, provinceId, start, end, cancellationToken),
            ["I.2.1"] = await DesignationsAsync(context, provinceId, start, end, cancellationToken),
            ["I.2.2"] = Infrastructure(context, documents, projects, indicator[KeyIndicator.InvestmentDisbursedVnd]),
            ["I.2.3"] = await StateManagementAsync(context, provinceId, start, end, indicator, cancellationToken),
            ["I.2.4"] = await EnterpriseSupportAsync(context, provinceId, start, end, cancellationToken),
            ["I.2.5"] = await OutreachAsync(context, provinceId, end, cancellationToken),
            ["II.1"] = KeyFigures(context, indicator),
            ["II.2"] = string.Empty,
            ["III.1"] = string.Empty,
            ["III.2"] = await NextYearAsync(context, provinceId, cancellationToken),
            ["IV"] = string.Empty,
            [ReportStructure.Closing] = $"{unit.Committee} báo cáo {Fallback(header.Addressee, "Bộ Khoa học và Công nghệ")}./.",
        };

        foreach (var value in indicators)
        {
            context.Figure($"annex:{value.Indicator}", IndicatorLabels.Label(value.Indicator) + $" (năm {year})", value.Year, IndicatorLabels.Source(value.Indicator, year, today));
        }

        // The province's own target for an indicator, else the Ministry's national one: the nearest year not yet past.
        var own = await db.IndicatorTargets.AsNoTracking()
            .Where(t => t.ProvinceId == provinceId && t.TargetYear >= year)
            .Select(t => new { t.Indicator, t.TargetYear, t.Value })
            .ToListAsync(cancellationToken);
        var national = await db.NationalTargets.AsNoTracking()
            .Where(t => t.TargetYear >= year)
            .Select(t => new { t.Indicator, t.TargetYear, t.Value })
            .ToListAsync(cancellationToken);
        var nearest = national.GroupBy(t => t.Indicator)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.TargetYear).Select(t => (t.TargetYear, t.Value)).First());
        foreach (var g in own.GroupBy(t => t.Indicator))
        {
            nearest[g.Key] = g.OrderBy(t => t.TargetYear).Select(t => (t.TargetYear, t.Value)).First();
        }

        var generated = ReportStructure.Sections
            .Select(e => new GeneratedSection(e.Key!, e.Heading?.Invoke(year) ?? string.Empty, sections[e.Key!]))
            .ToList();
        return new AssembledReport(generated, context.Figures, indicators, Annex(year, indicators, nearest, AnnexCaption(header, unit, year)), nearest);
    }

    /// <summary>
    /// The annex: each indicator for the year and cumulatively, against the nearest target year ≥ the report's, with
    /// the share of the target the cumulative figure reaches.
    /// </summary>
    public static ReportTable Annex(
        int year, IReadOnlyList<IndicatorValue> indicators, IReadOnlyDictionary<KeyIndicator, (int TargetYear, decimal Value)> targets, string caption)
    {
        var rows = indicators.Select((v, i) =>
        {
            var money = IndicatorLabels.IsMoney(v.Indicator);
            string Show(decimal d) => money ? Money((long)d) : Number(d);
            var hasTarget = targets.TryGetValue(v.Indicator, out var t);
            var target = hasTarget ? $"{Show(t.Value)} (năm {t.TargetYear})" : "—";
            var share = hasTarget && t.Value > 0 ? Number(Math.Round(100m * v.Cumulative / t.Value, 1, MidpointRounding.AwayFromZero)) + "%" : "—";
            return (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), IndicatorLabels.Label(v.Indicator), Show(v.Year), Show(v.Cumulative), target, share];
        }).ToList();
        return new ReportTable(
            "Phụ lục: Các chỉ tiêu chủ yếu thực hiện Đề án 996",
            ["STT", "Chỉ tiêu", $"Năm {year}", $"Lũy kế đến hết năm {year}", "Mục tiêu", "% mục tiêu"],
            rows,
            new HashSet<int> { 2, 3, 4, 5 },
            caption);
    }

    /// <summary>
    /// "(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2023 của UBND tỉnh Quảng Trị)": the registry number and date stay
    /// blank, for the clerk's pen, until the report has them.
    /// </summary>
    public static string AnnexCaption(ReportHeader header, ReportingUnitName unit, int year)
    {
        var number = string.IsNullOrWhiteSpace(header.Number) ? "      " : header.Number.Trim();
        var date = header.ReportDate is { } d ? Date(d) : $"     /     /{year + 1}";
        return $"(Kèm theo Báo cáo số {number}/{Fallback(header.Symbol, "BC-UBND")} ngày {date} của {unit.Committee})";
    }

    private static string Opening(ReportHeader header, ReportingUnitName unit, int year)
    {
        var body = $"{unit.Committee} báo cáo kết quả triển khai Đề án 996 năm {year} trên địa bàn {unit.Kind} như sau:";
        if (string.IsNullOrWhiteSpace(header.RequestLetterNumber))
        {
            return body;
        }

        var date = header.RequestLetterDate is { } d ? $" ngày {Date(d)}" : string.Empty;
        var issuer = Fallback(header.RequestLetterIssuer, Fallback(header.Addressee, "Bộ Khoa học và Công nghệ"));
        return $"Thực hiện yêu cầu của {issuer} tại Công văn số {header.RequestLetterNumber.Trim()}{date} về việc báo cáo kết quả triển khai Đề án 996 tại các tỉnh, thành phố trực thuộc Trung ương, {body}";
    }

    /// <summary>
    /// I.1.a: the resolutions and decisions directing the programme, from its start to the year's end (the seed's
    /// 2022 report still names the 2020 ones). Feasibility decisions of investment projects belong to 2.2.
    /// </summary>
    private static string Directives(Context context, List<DocumentRow> documents, List<ProjectRow> projects)
    {
        var feasibility = projects.Select(p => p.FeasibilityDocumentId).ToHashSet();
        var resolutions = documents.Where(d => d.Type == DocumentType.Resolution).ToList();
        var decisions = documents.Where(d => d.Type == DocumentType.Decision && !feasibility.Contains(d.Id)).ToList();
        if (resolutions.Count + decisions.Count == 0)
        {
            return $"Đến hết năm {context.Year}, chưa có nghị quyết, quyết định nào về triển khai Đề án 996 trên địa bàn được ghi nhận.";
        }

        var lines = new List<string>();
        foreach (var group in resolutions.GroupBy(d => d.Issuer))
        {
            var cited = group.Select(d => $"{Cite(d)} về {Continuing(Bare(d.Subject))}");
            lines.Add($"- Tham mưu {group.Key} ban hành {string.Join("; ", cited)};");
        }

        foreach (var d in decisions)
        {
            var then = string.IsNullOrWhiteSpace(d.Summary) ? string.Empty : $" Theo đó, {Continuing(Bare(d.Summary))}.";
            lines.Add($"- {d.Issuer} ban hành {Cite(d)} về {Continuing(Bare(d.Subject))}.{then}");
        }

        var shown = resolutions.Concat(decisions).ToList();
        context.Figure("I.1.a:documents", $"Nghị quyết, quyết định đến hết năm {context.Year}", shown.Count, shown.Select(d => $"/documents/{d.Id}"));
        return string.Join("\n", lines);
    }

    /// <summary>I.1.b: the department's yearly plans to the year's end, and the year's surveys by kind of organisation.</summary>
    private async Task<string> ManagementAsync(Context context, int provinceId, CancellationToken cancellationToken)
    {
        var year = context.Year;
        var plans = await db.AnnualPlans.AsNoTracking()
            .Where(p => p.ProvinceId == provinceId && p.Year <= year)
            .OrderBy(p => p.Year)
            .Select(p => new { p.Id, p.Year, p.Title, Number = p.Document != null ? p.Document.Number : null })
            .ToListAsync(cancellationToken);
        var surveyed = await (
                from r in db.SurveyResponses.AsNoTracking()
                join o in db.Organizations on r.OrganizationId equals o.Id
                where r.ProvinceId == provinceId && r.Status == SurveyResponseStatus.Submitted && r.Campaign!.Year <= year
                select new { r.CampaignId, CampaignYear = r.Campaign!.Year, Questionnaire = r.Campaign.Questionnaire!.Title, r.OrganizationId, o.Kind })
            .Distinct()
            .ToListAsync(cancellationToken);

        var parts = new List<string>();
        if (plans.Count > 0)
        {
            // "Kế hoạch ... năm 2021, năm 2022": the titles differ only by their year.
            var named = plans.GroupBy(p => p.Title.EndsWith($" năm {p.Year}", StringComparison.Ordinal) ? p.Title[..^$" năm {p.Year}".Length] : p.Title)
                .Select(g => g.Key + (g.First().Title == g.Key ? string.Empty : " " + string.Join(", ", g.Select(p => $"năm {p.Year}"))));
            var numbers = plans.Where(p => p.Number is not null).Select(p => p.Number!).ToList();
            var cited = numbers.Count > 0 ? $" ({string.Join(", ", numbers)})" : string.Empty;
            parts.Add($"{Department} đã ban hành {string.Join("; ", named)}{cited}");
            context.Figure("I.1.b:plans", $"Kế hoạch hằng năm đến hết năm {year}", plans.Count, plans.Select(p => $"/plans/{p.Id}"));
        }

        var thisYear = surveyed.Where(s => s.CampaignYear == year).ToList();
        if (thisYear.Count > 0)
        {
            var bodies = thisYear.Where(s => s.Kind == OrganizationKind.VerificationBody).Select(s => s.OrganizationId).Distinct().Count();
            var enterprises = thisYear.Where(s => s.Kind == OrganizationKind.Enterprise).Select(s => s.OrganizationId).Distinct().Count();
            var others = thisYear.Where(s => s.Kind is not (OrganizationKind.VerificationBody or OrganizationKind.Enterprise)).Select(s => s.OrganizationId).Distinct().Count();
            var at = new List<string>();
            if (bodies > 0)
            {
                at.Add($"{Count(bodies)} đơn vị kiểm định/hiệu chuẩn/thử nghiệm phương tiện đo");
            }

            if (enterprises > 0)
            {
                at.Add($"{Count(enterprises)} doanh nghiệp");
            }

            if (others > 0)
            {
                at.Add($"{Count(others)} cơ quan, tổ chức khác");
            }

            var cumulative = surveyed.Select(s => s.OrganizationId).Distinct().Count();
            parts.Add($"{thisYear[0].Questionnaire} tại {string.Join("; ", at)} trên địa bàn {context.Unit.Kind} nhằm đánh giá năng lực đo lường, làm cơ sở để lựa chọn, hướng dẫn thực hiện Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ"
                + (cumulative > bodies + enterprises + others ? $" (lũy kế đến hết năm {year}: {Count(cumulative)} đơn vị, doanh nghiệp được khảo sát)" : string.Empty));
            var campaigns = thisYear.Select(s => s.CampaignId).Distinct().Select(id => $"/surveys/campaigns/{id}").ToList();
            context.Figure("I.1.b:surveyedBodies", $"Đơn vị kiểm định/hiệu chuẩn/thử nghiệm được khảo sát năm {year}", bodies, campaigns);
            context.Figure("I.1.b:surveyedEnterprises", $"Doanh nghiệp được khảo sát năm {year}", enterprises, campaigns);
        }

        return parts.Count == 0
            ? $"Đến hết năm {year}, chưa có kế hoạch hằng năm hoặc cuộc khảo sát nào được ghi nhận."
            : string.Join("; ", parts) + ".";
    }

    /// <summary>I.1.c: the S&amp;T tasks running during the year.</summary>
    private async Task<string> ScienceTasksAsync(Context context, int provinceId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var tasks = await db.ScienceTasks.AsNoTracking()
            .Where(t => t.ProvinceId == provinceId && t.StartOn <= end && t.EndOn >= start && t.Status != ScienceTaskStatus.Cancelled)
            // Support to enterprises first, as the seed names its pilot model before the infrastructure tasks.
            .OrderByDescending(t => t.Area == ProgrammeArea.EnterpriseSupport).ThenBy(t => t.StartOn).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.StartOn })
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return $"Trong năm {context.Year}, chưa có nhiệm vụ khoa học và công nghệ nào về đo lường được ghi nhận.";
        }

        context.Figure("I.1.c:tasks", $"Nhiệm vụ KH&CN thực hiện trong năm {context.Year}", tasks.Count, tasks.Select(t => $"/science-tasks/{t.Id}"));
        // A task approved in an earlier year and still running says so, so the year's report does not claim it.
        var named = tasks.Select((t, i) => (i == 0 ? Bare(t.Title) : "nhiệm vụ " + Continuing(Bare(t.Title)))
            + (t.StartOn.Year < context.Year ? $" (thực hiện từ năm {t.StartOn.Year})" : string.Empty));
        return $"{Department} đã phê duyệt nhiệm vụ KH&CN: {string.Join("; ", named)}.";
    }

    /// <summary>I.2.1: designations of verification bodies in force during the year, reference verification named apart.</summary>
    private async Task<string> DesignationsAsync(Context context, int provinceId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var designations = await db.Designations.AsNoTracking()
            .Where(d => d.ProvinceId == provinceId && d.ValidFrom <= end && d.ValidUntil >= start && (d.WithdrawnOn == null || d.WithdrawnOn > start))
            .OrderBy(d => d.DecisionDate).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                Body = d.Body!.Name,
                d.BodyId,
                d.DecisionNumber,
                d.DecisionDate,
                d.Issuer,
                Types = d.Scopes.Count,
                Reference = d.Scopes.Where(s => s.Reference).Select(s => s.TypeCode).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (designations.Count == 0)
        {
            return $"Trong năm {context.Year}, chưa có tổ chức kiểm định nào trên địa bàn được chỉ định.";
        }

        var lines = designations.Select(d =>
        {
            var meters = new List<string>();
            if (d.Reference.Any(t => t.StartsWith("electricity-meter", StringComparison.Ordinal)))
            {
                meters.Add("công tơ điện");
            }

            if (d.Reference.Any(t => t.StartsWith("water-meter", StringComparison.Ordinal)))
            {
                meters.Add("đồng hồ đo nước lạnh");
            }

            var reference = meters.Count > 0 ? $"kiểm định đối chứng {string.Join(", ", meters)} trên địa bàn và " : string.Empty;
            var types = d.Types > 0 ? $" ({Count(d.Types)} loại phương tiện đo)" : string.Empty;
            // A decision of an earlier year still in force is named with its year, not as the year's work.
            var since = d.DecisionDate.Year < context.Year ? $" từ năm {d.DecisionDate.Year}" : string.Empty;
            return $"- {d.Body} được {d.Issuer} chỉ định{since} (Quyết định số {d.DecisionNumber} ngày {Date(d.DecisionDate)}) việc {reference}kiểm định, hiệu chuẩn phương tiện đo nhóm 2{types} theo quy định tại Thông tư số 07/2019/TT-BKHCN ngày 26/7/2019 của Bộ KH&CN.";
        });
        var bodies = designations.Select(d => d.BodyId).Distinct().Count();
        context.Figure("I.2.1:bodies", $"Tổ chức kiểm định có quyết định chỉ định còn hiệu lực trong năm {context.Year}", bodies, designations.Select(d => $"/designations?body={d.BodyId}").Distinct());
        return $"Thực hiện chuẩn hóa năng lực, hoạt động của các tổ chức kiểm định nhằm nâng cao chất lượng dịch vụ kiểm định phương tiện đo trên địa bàn {context.Unit.Kind}. Trong năm {context.Year}, trên địa bàn có {Count(bodies)} tổ chức kiểm định có quyết định chỉ định còn hiệu lực:\n"
            + string.Join("\n", lines);
    }

    /// <summary>I.2.2: investment projects running in the year: the feasibility decision, budget, components, disbursement.</summary>
    private static string Infrastructure(Context context, List<DocumentRow> documents, List<ProjectRow> projects, IndicatorValue disbursed)
    {
        var year = context.Year;
        var running = projects.Where(p => p.EndYear >= year).ToList();
        // The province's cumulative disbursement is the annex's figure (every project, finished ones too): one source.
        var total = $"Tổng vốn đầu tư hạ tầng đo lường đã giải ngân lũy kế đến hết năm {year}: {Money((long)disbursed.Cumulative)}.";
        if (running.Count == 0)
        {
            return disbursed.Cumulative > 0
                ? $"Trong năm {year}, không có dự án đầu tư hạ tầng đo lường nào đang thực hiện. {total}"
                : $"Trong năm {year}, chưa có dự án đầu tư hạ tầng đo lường nào được ghi nhận.";
        }

        var byId = documents.ToDictionary(d => d.Id);
        var lines = new List<string>();
        foreach (var p in running)
        {
            var components = p.Components.Count == 0 ? string.Empty
                : ", trong đó " + string.Join(" và ", p.Components.Select(c => $"{Continuing(c.Name)} {Count(c.Quantity)} {c.Unit}"));
            var opening = p.FeasibilityDocumentId is { } f && byId.TryGetValue(f, out var decision)
                ? $"{decision.Issuer} đã ban hành {Cite(decision)} về {Continuing(Bare(decision.Subject))}. Dự án có tổng mức đầu tư: {Money(p.TotalBudget)}{components}."
                : $"Dự án {p.Name} có tổng mức đầu tư: {Money(p.TotalBudget)}{components}.";
            var disbursement = (p.DisbursedYear, p.DisbursedCumulative) switch
            {
                (0, 0) => $"Đến hết năm {year}, dự án chưa giải ngân.",
                (0, _) => $"Trong năm {year}, dự án chưa giải ngân thêm; lũy kế giải ngân của dự án đến hết năm {year}: {Money(p.DisbursedCumulative)}.",
                _ when p.DisbursedYear == p.DisbursedCumulative => $"Giải ngân năm {year}: {Money(p.DisbursedYear)}.",
                _ => $"Giải ngân năm {year}: {Money(p.DisbursedYear)}; lũy kế giải ngân của dự án đến hết năm {year}: {Money(p.DisbursedCumulative)}.",
            };
            lines.Add($"{opening} {disbursement}");
            var source = new[] { $"/investments/{p.Id}" };
            context.Figure($"I.2.2:budget:{p.Id}", $"Tổng mức đầu tư: {p.Name}", p.TotalBudget, source);
            context.Figure($"I.2.2:disbursed:{p.Id}", $"Giải ngân năm {context.Year}: {p.Name}", p.DisbursedYear, source);
            foreach (var (c, i) in p.Components.Select((c, i) => (c, i)))
            {
                context.Figure($"I.2.2:component:{p.Id}:{i}", $"{c.Name} ({c.Unit})", c.Quantity, source);
            }
        }

        if (running.Sum(p => p.DisbursedCumulative) != (long)disbursed.Cumulative || running.Count > 1)
        {
            lines.Add(total);
        }

        context.Figure("I.2.2:disbursedTotal", $"Vốn đầu tư đã giải ngân lũy kế đến hết năm {year}", disbursed.Cumulative, ["/investments"]);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// I.2.3: inspection coordination (plans of several agencies, overlaps resolved), inspections with violations and
    /// sanctions, equipment bought for inspectors, and the figures the seed lacked: verifications, Group 2 overdue.
    /// </summary>
    private async Task<string> StateManagementAsync(
        Context context, int provinceId, DateOnly start, DateOnly end, Dictionary<KeyIndicator, IndicatorValue> indicator, CancellationToken cancellationToken)
    {
        var year = context.Year;
        var plans = await db.InspectionPlans.AsNoTracking()
            .Where(p => p.ProvinceId == provinceId && p.Year == year)
            .Select(p => new { p.Id, p.AgencyId })
            .ToListAsync(cancellationToken);
        var overlaps = await db.OverlapResolutions.AsNoTracking()
            .Where(r => r.ProvinceId == provinceId && db.InspectionTargets.Any(t => t.Id == r.FirstTargetId && t.Plan!.Year == year))
            .Select(r => new { r.FirstTargetId, r.SecondTargetId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var equipment = await db.Equipment.AsNoTracking()
            .Where(e => e.ProvinceId == provinceId && e.ForInspection && e.DeliveredOn >= start && e.DeliveredOn <= end)
            .OrderBy(e => e.DeliveredOn).ThenBy(e => e.Id)
            .Select(e => new { e.Name, e.Quantity })
            .ToListAsync(cancellationToken);
        var verifications = await db.Verifications.AsNoTracking()
            .Where(v => v.ProvinceId == provinceId && v.Date >= start && v.Date <= end)
            .GroupBy(v => 1)
            .Select(g => new { Total = g.Count(), Passed = g.Count(v => v.Result == VerificationResult.Pass) })
            .FirstOrDefaultAsync(cancellationToken);

        var lines = new List<string>();
        if (plans.Count > 0)
        {
            var agencies = plans.Select(p => p.AgencyId).Distinct().Count();
            var coordination = overlaps.Count > 0
                ? $"; rà soát, xử lý {Count(overlaps.Count)} trường hợp trùng lặp về đối tượng, nội dung thanh tra, kiểm tra"
                : string.Empty;
            lines.Add($"- Chỉ đạo Thanh tra của các sở, ban, ngành phối hợp trong việc xây dựng kế hoạch và thực hiện công tác thanh tra, kiểm tra ({Count(plans.Count)} kế hoạch của {Count(agencies)} cơ quan){coordination}, tránh tình trạng chồng chéo, trùng lặp về nội dung, đối tượng thanh tra, kiểm tra.");
            context.Figure("I.2.3:plans", $"Kế hoạch thanh tra, kiểm tra năm {year}", plans.Count, plans.Select(p => $"/inspections/plans/{p.Id}"));
            context.Figure("I.2.3:overlaps", $"Trường hợp trùng lặp đã xử lý năm {year}", overlaps.Count, [$"/inspections/coordination?year={year}"]);
        }

        var inspections = indicator[KeyIndicator.Inspections];
        var violations = indicator[KeyIndicator.Violations];
        var sanctions = indicator[KeyIndicator.SanctionsVnd];
        // A count of nothing is said in words or left out, never "00 vi phạm" (issue 14).
        var cumulative = new List<string> { $"{Count((long)inspections.Cumulative)} cuộc" };
        if (violations.Cumulative > 0)
        {
            cumulative.Add($"{Count((long)violations.Cumulative)} vi phạm");
        }

        if (sanctions.Cumulative > 0)
        {
            cumulative.Add($"xử phạt {Money((long)sanctions.Cumulative)}");
        }

        var sinceStart = inspections.Cumulative > inspections.Year ? $" (lũy kế đến hết năm {year}: {string.Join(", ", cumulative)})" : string.Empty;
        if (inspections.Year > 0)
        {
            var fined = sanctions.Year > 0 ? $", xử phạt vi phạm hành chính {Money((long)sanctions.Year)}" : string.Empty;
            var found = violations.Year > 0 ? $"phát hiện {Count((long)violations.Year)} vi phạm{fined}" : "chưa phát hiện vi phạm";
            lines.Add($"- Thực hiện {Count((long)inspections.Year)} cuộc thanh tra, kiểm tra về đo lường; {found}{sinceStart}.");
        }
        else
        {
            lines.Add($"- Trong năm {year}, chưa có cuộc thanh tra, kiểm tra về đo lường nào được ghi nhận{sinceStart}.");
        }

        var inspectionSource = new[] { $"/inspections?year={year}" };
        context.Figure("I.2.3:inspections", $"Cuộc thanh tra, kiểm tra năm {year}", inspections.Year, inspectionSource);
        context.Figure("I.2.3:violations", $"Vi phạm phát hiện năm {year}", violations.Year, inspectionSource);
        context.Figure("I.2.3:sanctions", $"Tiền xử phạt năm {year} (đồng)", sanctions.Year, inspectionSource);

        if (equipment.Count > 0)
        {
            lines.Add($"- Đầu tư trang thiết bị phục vụ công tác quản lý nhà nước về tiêu chuẩn đo lường chất lượng như: {string.Join(", ", equipment.Select(e => $"{Continuing(e.Name)} ({Count(e.Quantity)})"))}.");
            context.Figure("I.2.3:equipment", $"Thiết bị phục vụ thanh tra, kiểm tra nhận năm {year}", equipment.Sum(e => e.Quantity), ["/equipment"]);
        }

        var total = verifications?.Total ?? 0;
        var passed = verifications?.Passed ?? 0;
        var registered = (long)indicator[KeyIndicator.Group2InstrumentsRegistered].Year;
        var overdue = (long)indicator[KeyIndicator.Group2InstrumentsOverdue].Year;
        lines.Add(total > 0
            ? $"- Trong năm {year}, các tổ chức được chỉ định đã kiểm định {Count(total)} lượt phương tiện đo nhóm 2 trên địa bàn, "
                + (passed > 0 ? $"trong đó {Count(passed)} lượt đạt yêu cầu (tỷ lệ {Percent(passed, total)})." : "không có lượt nào đạt yêu cầu.")
            : $"- Trong năm {year}, chưa có kết quả kiểm định phương tiện đo nhóm 2 nào được ghi nhận.");
        // "không có ... nào" rather than "00": a report states an absence in words.
        var overdueText = overdue > 0 ? $"trong đó {Count(overdue)} phương tiện đo quá hạn kiểm định" : "không có phương tiện đo nào quá hạn kiểm định";
        lines.Add(registered > 0
            ? $"- Đến hết năm {year}, có {Count(registered)} phương tiện đo nhóm 2 đang sử dụng được quản lý trên hệ thống, {overdueText}."
            : $"- Đến hết năm {year}, chưa có phương tiện đo nhóm 2 đang sử dụng nào được quản lý trên hệ thống.");
        var period = $"from={start:yyyy-MM-dd}&to={end:yyyy-MM-dd}";
        context.Figure("I.2.3:verifications", $"Lượt kiểm định năm {year}", total, [$"/verifications?{period}"]);
        context.Figure("I.2.3:passed", $"Lượt kiểm định đạt năm {year}", passed, [$"/verifications?{period}&result=Pass"]);
        context.Figure("I.2.3:registered", $"Phương tiện đo nhóm 2 đang sử dụng cuối năm {year}", registered, ["/instruments"]);
        context.Figure("I.2.3:overdue", $"Phương tiện đo nhóm 2 quá hạn kiểm định cuối năm {year}", overdue, [IndicatorLabels.OverdueSource(year, context.Today)]);
        return string.Join("\n", lines);
    }

    /// <summary>I.2.4: the enterprise-support S&amp;T tasks approved in the year and the assurance programmes started.</summary>
    private async Task<string> EnterpriseSupportAsync(Context context, int provinceId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var tasks = await db.ScienceTasks.AsNoTracking()
            .Where(t => t.ProvinceId == provinceId && t.Area == ProgrammeArea.EnterpriseSupport && t.StartOn >= start && t.StartOn <= end && t.Status != ScienceTaskStatus.Cancelled)
            .OrderBy(t => t.StartOn)
            .Select(t => new { t.Id, t.Title, t.Level })
            .ToListAsync(cancellationToken);
        var programmes = await db.AssuranceProgrammes.AsNoTracking()
            .Where(a => a.ProvinceId == provinceId && a.StartedOn <= end)
            .OrderBy(a => a.StartedOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Kind, a.StartedOn, a.CompletedOn, a.EnterpriseId, Enterprise = a.Enterprise!.Name })
            .ToListAsync(cancellationToken);

        var lines = new List<string>();
        foreach (var t in tasks)
        {
            var level = t.Level switch { ScienceTaskLevel.Basic => "cấp cơ sở", ScienceTaskLevel.Provincial => "cấp tỉnh", _ => "cấp quốc gia" };
            lines.Add($"- Phê duyệt Thuyết minh nhiệm vụ KH&CN {level}: {Bare(t.Title)}. Từ đó làm cơ sở để nhân rộng mô hình Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ.");
        }

        var started = programmes.Where(a => a.StartedOn >= start).ToList();
        foreach (var kind in started.GroupBy(a => a.Kind))
        {
            var what = kind.Key == AssuranceProgrammeKind.Pilot ? "Triển khai thí điểm" : "Nhân rộng";
            lines.Add($"- {what} Chương trình đảm bảo đo lường tại {Count(kind.Count())} doanh nghiệp: {string.Join("; ", kind.Select(a => a.Enterprise))}.");
        }

        if (programmes.Count > 0)
        {
            // Enterprises, not programmes: the annex's indicator counts an enterprise once (one source per quantity).
            var applying = programmes.Select(a => a.EnterpriseId).Distinct().Count();
            var completed = programmes.Where(a => a.CompletedOn <= end).Select(a => a.EnterpriseId).Distinct().Count();
            var done = completed > 0 ? $", trong đó {Count(completed)} doanh nghiệp đã hoàn thành" : ", chưa có doanh nghiệp nào hoàn thành";
            lines.Add($"- Lũy kế đến hết năm {context.Year}: {Count(applying)} doanh nghiệp áp dụng Chương trình đảm bảo đo lường{done}.");
        }

        context.Figure("I.2.4:programmes", $"Chương trình đảm bảo đo lường bắt đầu năm {context.Year}", started.Count, started.Select(a => $"/assurance/{a.Id}"));
        if (tasks.Count > 0)
        {
            context.Figure("I.2.4:tasks", $"Nhiệm vụ KH&CN hỗ trợ doanh nghiệp phê duyệt năm {context.Year}", tasks.Count, tasks.Select(t => $"/science-tasks/{t.Id}"));
        }

        return lines.Count == 0
            ? $"Trong năm {context.Year}, chưa có hoạt động hỗ trợ doanh nghiệp áp dụng Chương trình đảm bảo đo lường nào được ghi nhận."
            : string.Join("\n", lines);
    }

    /// <summary>I.2.5: articles by outlet, broadcasts, classes with the enterprises reached, workshops, staff trainings.</summary>
    private async Task<string> OutreachAsync(Context context, int provinceId, DateOnly end, CancellationToken cancellationToken)
    {
        var year = context.Year;
        var activities = await db.OutreachActivities.AsNoTracking()
            .Where(o => o.ProvinceId == provinceId && o.HeldOn <= end)
            .OrderBy(o => o.HeldOn).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Kind,
                o.HeldOn,
                o.Title,
                o.Topic,
                Outlet = o.Outlet != null ? o.Outlet.Name : null,
                o.EnterprisesReachedCount,
                Linked = o.EnterprisesReached.Select(e => e.OrganizationId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var thisYear = activities.Where(a => a.HeldOn.Year == year).ToList();
        string Link(OutreachKind kind) => $"/outreach?year={year}&kind={kind}";
        var lines = new List<string>();

        var articles = thisYear.Where(a => a.Kind == OutreachKind.Article).ToList();
        var broadcasts = thisYear.Where(a => a.Kind == OutreachKind.Broadcast).ToList();
        var media = new List<string>();
        if (articles.Count > 0)
        {
            media.Add($"Đăng tải {Count(articles.Count)} bài báo về hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế trên {Outlets(articles.Select(a => a.Outlet))}");
        }

        if (broadcasts.Count > 0)
        {
            media.Add($"{Count(broadcasts.Count)} phóng sự phát sóng trên {Outlets(broadcasts.Select(a => a.Outlet))}");
        }

        if (media.Count > 0)
        {
            lines.Add($"- {string.Join("; ", media)}.");
        }

        var classes = thisYear.Where(a => a.Kind == OutreachKind.Class).ToList();
        if (classes.Count > 0)
        {
            var topics = classes.Select(c => c.Topic).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
            var about = topics.Count > 0 ? $" về tuyên truyền, phổ biến {string.Join("; ", topics)}" : string.Empty;
            // The organisers' declared reach when they gave one, else the enterprises on record; never less than those.
            // Written as recorded: a report does not round a figure the records hold exactly.
            var linked = classes.SelectMany(c => c.Linked).Distinct().Count();
            var reached = Math.Max(classes.Sum(c => c.EnterprisesReachedCount ?? 0), linked);
            var forWhom = reached > 0 ? $" cho {Count(reached)} doanh nghiệp trên địa bàn" : string.Empty;
            lines.Add($"- Tổ chức {Count(classes.Count)} lớp{about}{forWhom}.");
            context.Figure("I.2.5:enterprisesReached", $"Doanh nghiệp được tuyên truyền năm {year}", reached, [Link(OutreachKind.Class)]);
        }

        var workshops = thisYear.Where(a => a.Kind == OutreachKind.Workshop).ToList();
        if (workshops.Count > 0)
        {
            const string Prefix = "Hội thảo ";
            var names = workshops.Select(w => w.Title.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? w.Title[Prefix.Length..] : w.Title);
            lines.Add($"- Tổ chức {Count(workshops.Count)} Hội thảo {string.Join("; ", names)}.");
        }

        var trainings = thisYear.Where(a => a.Kind == OutreachKind.StaffTraining).ToList();
        if (trainings.Count > 0)
        {
            lines.Add($"- Cử công chức tham dự {Count(trainings.Count)} lớp tập huấn, đào tạo: {string.Join("; ", trainings.Select(t => Continuing(Bare(t.Title))))}.");
        }

        foreach (var (kind, name, label) in new[]
        {
            (OutreachKind.Article, "articles", "Bài báo"),
            (OutreachKind.Broadcast, "broadcasts", "Phóng sự"),
            (OutreachKind.Class, "classes", "Lớp tuyên truyền"),
            (OutreachKind.Workshop, "workshops", "Hội thảo"),
            (OutreachKind.StaffTraining, "trainings", "Lớp tập huấn công chức"),
        })
        {
            context.Figure($"I.2.5:{name}", $"{label} năm {year}", thisYear.Count(a => a.Kind == kind), [Link(kind)]);
        }

        if (thisYear.Count == 0)
        {
            lines.Add($"- Trong năm {year}, chưa có hoạt động truyền thông về đo lường nào được ghi nhận.");
        }

        if (activities.Count > thisYear.Count)
        {
            var kinds = new[]
            {
                (OutreachKind.Article, "bài báo"), (OutreachKind.Broadcast, "phóng sự"), (OutreachKind.Class, "lớp tuyên truyền"),
                (OutreachKind.Workshop, "hội thảo"), (OutreachKind.StaffTraining, "lớp tập huấn công chức"),
            };
            var counted = kinds.Select(k => (Count: activities.Count(a => a.Kind == k.Item1), Noun: k.Item2)).Where(k => k.Count > 0)
                .Select(k => $"{Count(k.Count)} {k.Noun}");
            lines.Add($"- Lũy kế đến hết năm {year}: {Count(activities.Count)} hoạt động, gồm {string.Join(", ", counted)}.");
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// II.1's generated start: the key figures of the year and cumulatively, which the officer's assessment may replace.
    /// The values are the annex's (one source per quantity); a quantity with nothing to count is left out, and one
    /// with nothing this year but some before is given with its cumulative figure only.
    /// </summary>
    private static string KeyFigures(Context context, Dictionary<KeyIndicator, IndicatorValue> indicator)
    {
        (KeyIndicator Indicator, string Noun)[] counted =
        [
            (KeyIndicator.InstrumentsVerified, "lượt phương tiện đo nhóm 2 được kiểm định"),
            (KeyIndicator.OutreachActivities, "hoạt động truyền thông"),
            (KeyIndicator.EnterprisesSurveyed, "doanh nghiệp được khảo sát"),
            (KeyIndicator.AssuranceEnterprises, "doanh nghiệp áp dụng Chương trình đảm bảo đo lường"),
            (KeyIndicator.Inspections, "cuộc thanh tra, kiểm tra"),
        ];
        var thisYear = new List<string>();
        var before = new List<string>();
        foreach (var (key, noun) in counted)
        {
            var v = indicator[key];
            if (v.Year > 0)
            {
                thisYear.Add($"{Count((long)v.Year)} {noun}" + (v.Cumulative > v.Year ? $" (lũy kế {Count((long)v.Cumulative)})" : string.Empty));
            }
            else if (v.Cumulative > 0)
            {
                before.Add($"{Count((long)v.Cumulative)} {noun}");
            }
        }

        var disbursed = indicator[KeyIndicator.InvestmentDisbursedVnd];
        if (disbursed.Year > 0)
        {
            thisYear.Add($"giải ngân vốn đầu tư {Money((long)disbursed.Year)}" + (disbursed.Cumulative > disbursed.Year ? $" (lũy kế {Money((long)disbursed.Cumulative)})" : string.Empty));
        }
        else if (disbursed.Cumulative > 0)
        {
            before.Add($"giải ngân vốn đầu tư {Money((long)disbursed.Cumulative)}");
        }

        var sentences = new List<string>();
        sentences.Add(thisYear.Count > 0
            ? $"Năm {context.Year}, trên địa bàn {context.Unit.Kind}: {string.Join("; ", thisYear)}."
            : $"Năm {context.Year}, chưa có kết quả thực hiện Đề án 996 nào trên địa bàn {context.Unit.Kind} được ghi nhận trên hệ thống.");
        if (before.Count > 0)
        {
            sentences.Add($"Lũy kế từ khi triển khai Đề án 996 đến hết năm {context.Year}: {string.Join("; ", before)}.");
        }

        sentences.Add("Chi tiết các chỉ tiêu tại Phụ lục kèm theo Báo cáo này.");
        return string.Join(" ", sentences);
    }

    /// <summary>III.2: the tasks of next year's plan when it exists.</summary>
    private async Task<string> NextYearAsync(Context context, int provinceId, CancellationToken cancellationToken)
    {
        var next = context.Year + 1;
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(t => t.ProvinceId == provinceId && t.Plan!.Year == next && t.Status != PlanTaskStatus.Cancelled)
            .OrderBy(t => t.Deadline).ThenBy(t => t.Id)
            .Select(t => new { t.Title, t.PlanId })
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return $"Chưa có kế hoạch năm {next} được ghi nhận; các giải pháp sẽ được cụ thể hóa trong kế hoạch năm {next}.";
        }

        context.Figure("III.2:tasks", $"Nhiệm vụ của kế hoạch năm {next}", tasks.Count, tasks.Select(t => $"/plans/{t.PlanId}").Distinct());
        return string.Join("\n", tasks.Select(t => $"- {Bare(t.Title)}."));
    }

    private static string Cite(DocumentRow d) => d.Type switch
    {
        DocumentType.Resolution => "Nghị quyết",
        DocumentType.Decision => "Quyết định",
        DocumentType.Plan => "Kế hoạch",
        DocumentType.OfficialLetter => "Công văn",
        _ => "Báo cáo",
    } + $" số {d.Number} ngày {Date(d.IssuedOn)}";

    private static string Outlets(IEnumerable<string?> names)
    {
        var distinct = names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        return distinct.Count == 0 ? "các phương tiện thông tin đại chúng" : string.Join(", ", distinct);
    }

    /// <summary>"20/7/2020", "09/12/2020": Decree 30's date style, as the report cites documents.</summary>
    private static string Date(DateOnly date) => Documents.DocumentNumber.LegalDate(date);

    private static string Fallback(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    private sealed record DocumentRow(int Id, DocumentType Type, string Number, string Issuer, DateOnly IssuedOn, string Subject, string? Summary);

    private sealed record ComponentRow(string Name, int Quantity, string Unit);

    private sealed record ProjectRow(
        int Id, string Name, long TotalBudget, int StartYear, int EndYear, int? FeasibilityDocumentId,
        List<ComponentRow> Components, long DisbursedYear, long DisbursedCumulative);

    /// <summary>The year, the unit, today and the figures collected while the sections are written.</summary>
    private sealed class Context(int year, ReportingUnitName unit, DateOnly today)
    {
        public int Year { get; } = year;

        public ReportingUnitName Unit { get; } = unit;

        public DateOnly Today { get; } = today;

        public List<SnapshotFigure> Figures { get; } = [];

        public void Figure(string key, string label, decimal value, IEnumerable<string> sources) =>
            Figures.Add(new SnapshotFigure(key, label, value, sources.ToList()));
    }
}
