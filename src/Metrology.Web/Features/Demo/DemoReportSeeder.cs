using Metrology.Core.Data;
using Metrology.Core.Reporting;
using Metrology.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// Quảng Trị's annual reports: 2021 and 2022 sent to the Ministry (2022 with the seed report's header and its
/// narrative parts II-IV word for word; the 2021 narratives are invented but plausible) and a draft of the
/// current year; the province's key-indicator targets; and Huế's 2022 report, sent, when the Huế demo has
/// records, so the Ministry's roll-up shows two provinces. The approved snapshots are assembled from the demo
/// records like an approval would.
/// </summary>
public sealed class DemoReportSeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string Signer = "Lê Đức Tiến";

    public const string Assessment2022 =
        "Quyết định số 996/QĐ-TTg ngày 10/8/2018 của Thủ tướng Chính phủ và các hướng dẫn của Bộ Khoa học và Công nghệ đã giúp địa phương có căn cứ pháp lý để triển khai có hiệu quả các hoạt động quản lý nhà nước, phát triển cơ sở vật chất, hạ tầng dịch vụ kỹ thuật đo lường, hỗ trợ doanh nghiệp trong giai đoạn đến năm 2025, định hướng đến năm 2030.";

    public const string Difficulties2022 =
        "Dịch bệnh Covid-19 diễn ra đã dẫn đến công tác triển khai thực hiện Đề án 996 tại địa phương còn gặp nhiều khó khăn; Nhận thức của nhiều doanh nghiệp trên địa bàn về tầm quan trọng của đổi mới đo lường còn hạn chế, dẫn tới khó khăn trong việc hướng dẫn áp dụng triển khai các cơ chế chính sách theo nội dung của Đề án 996.";

    public const string Direction2022 =
        "Tiếp tục triển khai thực hiện Quyết định số 996/QĐ-TTg ngày 10/8/2018 của Thủ tướng Chính phủ về Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Quảng Trị đảm bảo hiệu quả, đúng tiến độ.";

    public const string Solutions2022 =
        "- Tăng cường phát triển hạ tầng đo lường tại địa phương: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học theo Nghị quyết số 99/2020/NQ-HĐND ngày 09/12/2020 của Hội đồng nhân dân tỉnh Quảng Trị.\n"
        + "- Hỗ trợ các Doanh nghiệp đổi mới công nghệ, chuyển giao công nghệ tiên tiến, công nghệ cao trong sản xuất công nghiệp và dịch vụ, nông nghiệp, nông lâm thủy sản theo Nghị quyết số 163/2021/NQ-HĐND ngày 09/12/2021 của Hội đồng nhân dân tỉnh Quảng Trị về Quy định một số chính sách hỗ trợ ứng dụng, nhân rộng các kết quả khoa học và công nghệ trên địa bàn tỉnh giai đoạn 2022-2026.\n"
        + "- Đẩy mạnh truyền thông về hoạt động đo lường, tuyên truyền chính sách, pháp luật, nâng cao nhận thức của doanh nghiệp và xã hội về hoạt động đo lường, nâng cao hiệu của công tác quản lý nhà nước về đo lường.\n"
        + "- Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ. Từ đó làm cơ sở để nhân rộng mô hình Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ.";

    public const string Proposals2022 =
        "Đề nghị Bộ Khoa học và Công nghệ tổ chức các Hội nghị, Hội thảo, đào tạo chuyên gia tư vấn, hỗ trợ xây dựng triển khai thực hiện Chương trình đảm bảo đo lường để các địa phương có đội ngũ chuyên gia chuyên sâu về đo lường.";

    private const string Officer = "officer@quangtri.demo";
    private const string Admin = "provinceadmin@quangtri.demo";

    public int Order => 80;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var province = await db.Provinces.AsNoTracking().FirstAsync(p => p.Id == context.ProvinceId, cancellationToken);
        SeedTargets(context);

        var header2021 = ReportService.DerivedHeader(ReportingUnitName.Of(province.NameVi, province.Kind, "Quảng Trị"));
        header2021.Number = "312";
        header2021.ReportDate = new DateOnly(2021, 12, 10);
        header2021.SignerName = Signer;
        await AddSentAsync(context, province, 2021, header2021, new Dictionary<string, string>
        {
            ["II.1"] = "Các nhiệm vụ của Kế hoạch năm 2021 cơ bản được triển khai đúng tiến độ; dự án đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học được phê duyệt báo cáo nghiên cứu khả thi, tạo tiền đề nâng cao năng lực kỹ thuật đo lường của tỉnh.",
            ["II.2"] = "Dịch bệnh Covid-19 làm gián đoạn việc tổ chức các lớp tuyên truyền, tập huấn cho doanh nghiệp; lớp tập huấn dự kiến năm 2021 phải chuyển sang năm 2022.",
            ["III.1"] = "Tiếp tục triển khai Kế hoạch thực hiện Đề án 996 trên địa bàn tỉnh theo Quyết định số 1928/QĐ-UBND ngày 20/7/2020 của UBND tỉnh.",
            ["IV"] = "Đề nghị Bộ Khoa học và Công nghệ tiếp tục hướng dẫn, hỗ trợ địa phương trong việc xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường.",
        }, sentAt: new DateTime(2021, 12, 15, 3, 0, 0, DateTimeKind.Utc), cancellationToken);

        // The seed report: number left blank for the registry, day and month blank for the signer.
        var header2022 = ReportService.DerivedHeader(ReportingUnitName.Of(province.NameVi, province.Kind, "Quảng Trị"));
        header2022.RequestLetterNumber = DemoDocumentSeeder.MinistryRequest;
        header2022.RequestLetterDate = new DateOnly(2023, 1, 3);
        header2022.RequestLetterIssuer = "Bộ Khoa học và Công nghệ";
        header2022.SignerName = Signer;
        await AddSentAsync(context, province, 2022, header2022, new Dictionary<string, string>
        {
            ["II.1"] = Assessment2022,
            ["II.2"] = Difficulties2022,
            ["III.1"] = Direction2022,
            ["III.2"] = Solutions2022,
            ["IV"] = Proposals2022,
        }, sentAt: new DateTime(2023, 1, 10, 3, 0, 0, DateTimeKind.Utc), cancellationToken);

        db.ReportHeaderDefaults.Add(new ReportHeaderDefaults { ProvinceId = context.ProvinceId, Header = header2022.Copy(), UpdatedAt = context.Now });

        // This year's report, drafted with last year's narratives as a start (the officer's own edits come later).
        var year = context.Today.Year;
        if (year > 2022)
        {
            var draftHeader = header2022.Copy();
            draftHeader.RequestLetterNumber = null;
            draftHeader.RequestLetterDate = null;
            db.AnnualReports.Add(new AnnualReport
            {
                ProvinceId = context.ProvinceId,
                Year = year,
                ReportingUnit = "Quảng Trị",
                Status = ReportStatus.Draft,
                Header = draftHeader,
                CreatedAt = context.Now,
                CreatedByEmail = Officer,
                UpdatedAt = context.Now,
                Sections = [new ReportSection { ProvinceId = context.ProvinceId, Key = "IV", Text = Proposals2022, UpdatedAt = context.Now, UpdatedByEmail = Officer }],
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // Huế (seeded by its own area, when present): its 2022 report, sent, so the roll-up has a second province.
        var hue = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == "hue", cancellationToken);
        if (hue is not null && await HasRecordsAsync(hue.Id, cancellationToken))
        {
            var unit = ReportingUnitName.Of(hue.NameVi, hue.Kind, "Huế");
            var header = ReportService.DerivedHeader(unit);
            header.Recipients = "Như trên;\nChủ tịch, các PCT UBND thành phố;\nLưu: VT, KGVX.";
            header.ReportDate = new DateOnly(2022, 12, 16);
            await AddSentAsync(context, hue, 2022, header, new Dictionary<string, string>
            {
                ["II.1"] = "Các nhiệm vụ năm 2022 của Đề án 996 trên địa bàn thành phố được triển khai theo kế hoạch.",
                ["IV"] = "Đề nghị Bộ Khoa học và Công nghệ hỗ trợ đào tạo chuyên gia về Chương trình đảm bảo đo lường.",
            }, sentAt: new DateTime(2022, 12, 19, 2, 0, 0, DateTimeKind.Utc), cancellationToken, author: "officer@hue.demo");
        }
    }

    /// <summary>Demo values, plausible for a province's plan under Decision 1928/QĐ-UBND, not taken from a real decision.</summary>
    private void SeedTargets(DemoSeedContext context)
    {
        const string Source = "Quyết định số 1928/QĐ-UBND ngày 20/7/2020";
        void Target(KeyIndicator indicator, int year, decimal value) => db.IndicatorTargets.Add(new IndicatorTarget
        {
            ProvinceId = context.ProvinceId,
            Indicator = indicator,
            TargetYear = year,
            Value = value,
            Source = Source,
        });

        Target(KeyIndicator.AssuranceEnterprises, 2025, 10);
        Target(KeyIndicator.AssuranceEnterprises, 2030, 25);
        Target(KeyIndicator.EnterprisesSurveyed, 2025, 60);
        Target(KeyIndicator.OutreachActivities, 2025, 40);
        Target(KeyIndicator.DesignatedBodies, 2025, 3);
        Target(KeyIndicator.InvestmentDisbursedVnd, 2025, 25_616_000_000);
    }

    private async Task<bool> HasRecordsAsync(int provinceId, CancellationToken cancellationToken) =>
        await db.DirectiveDocuments.IgnoreQueryFilters().AnyAsync(d => d.ProvinceId == provinceId, cancellationToken)
        || await db.OutreachActivities.IgnoreQueryFilters().AnyAsync(o => o.ProvinceId == provinceId, cancellationToken)
        || await db.Instruments.IgnoreQueryFilters().AnyAsync(i => i.ProvinceId == provinceId, cancellationToken);

    /// <summary>A report that went through the whole workflow: drafted, submitted, approved (snapshot frozen), sent.</summary>
    private async Task AddSentAsync(
        DemoSeedContext context, Core.Shared.Province province, int year, ReportHeader header, Dictionary<string, string> narratives, DateTime sentAt,
        CancellationToken cancellationToken, string author = Officer)
    {
        var unit = ReportingUnitName.Of(province.NameVi, province.Kind, header.Place);
        var assembled = await new ReportAssembler(db).AssembleAsync(province.Id, unit, year, header, context.Today, cancellationToken);
        var approvedAt = sentAt.AddDays(-1);
        var snapshot = new ReportSnapshot(
            approvedAt,
            assembled.Sections.Select(s => new SnapshotSection(s.Key, s.Heading, narratives.GetValueOrDefault(s.Key) ?? s.Text)).ToList(),
            assembled.Figures,
            assembled.Indicators);
        db.AnnualReports.Add(new AnnualReport
        {
            ProvinceId = province.Id,
            Year = year,
            ReportingUnit = unit.Name,
            Status = ReportStatus.Sent,
            Header = header,
            Sections = narratives.Select(n => new ReportSection { ProvinceId = province.Id, Key = n.Key, Text = n.Value, UpdatedAt = approvedAt.AddDays(-2), UpdatedByEmail = author }).ToList(),
            ApprovedSnapshotJson = ReportSnapshotJson.Serialize(snapshot),
            CreatedAt = approvedAt.AddDays(-10),
            CreatedByEmail = author,
            UpdatedAt = sentAt,
            SubmittedAt = approvedAt.AddDays(-2),
            SubmittedByEmail = author,
            ApprovedAt = approvedAt,
            ApprovedByEmail = author == Officer ? Admin : null,
            SentAt = sentAt,
            SentByEmail = author == Officer ? Admin : author,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

}
