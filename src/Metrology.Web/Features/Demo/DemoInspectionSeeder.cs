using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// Inspection plans, coordination and records of the Quảng Trị demo. The seed report (section 2.3) says the
/// department inspectorates coordinated their plans to avoid overlapping targets and content, and that the
/// volume standards and the octane tester were bought for inspections; plan and decision numbers, targets and
/// findings are invented but plausible. 2022: plans of the three agencies with exactly two overlaps, both resolved
/// (a fuel station merged into a joint inspection, another moved), records with findings, violations and fines.
/// 2021: one plan and records, so cumulative figures differ from 2022's. Current year: plans with one
/// unresolved overlap, so the coordination view shows a live flag, and one inspection done.
/// </summary>
public sealed class DemoInspectionSeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string SciencePlan2022 = "Kế hoạch thanh tra chuyên ngành đo lường năm 2022";
    public const string TradePlan2022 = "Kế hoạch thanh tra, kiểm tra hoạt động kinh doanh xăng dầu, khí hóa lỏng năm 2022";
    public const string MarketPlan2022 = "Kế hoạch kiểm tra chất lượng xăng dầu, đo lường trong kinh doanh năm 2022";

    private const string ScienceInspector = "inspector@quangtri.demo";
    private const string TradeInspector = "inspector.trade@quangtri.demo";
    private const string LegalBasis = "Luật Đo lường số 04/2011/QH13; Luật Thanh tra số 11/2022/QH15; Nghị định 119/2017/NĐ-CP về xử phạt vi phạm hành chính trong lĩnh vực tiêu chuẩn, đo lường và chất lượng sản phẩm, hàng hóa";
    private const string Officer = "officer@quangtri.demo";

    public int Order => 60;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var e = context.Enterprises;
        var science = context.ScienceInspectorate;
        var trade = context.TradeInspectorate;
        var market = context.MarketSurveillance;

        InspectionPlan Plan(Organization agency, int year, string title, InspectionKind kind, string decision, DateOnly approvedOn, string head, string? approver,
            params (Organization Target, InspectionContent Content, int From, int To)[] targets)
        {
            var plan = new InspectionPlan
            {
                ProvinceId = context.ProvinceId,
                AgencyId = agency.Id,
                Year = year,
                Title = title,
                Kind = kind,
                LegalBasis = $"{LegalBasis}\nPhê duyệt: Quyết định số {decision} ngày {approvedOn:dd/MM/yyyy} của {head}.",
                Team = "Đoàn thanh tra liên ngành gồm thanh tra viên và công chức Chi cục TĐC",
                Status = InspectionPlanStatus.Approved,
                ApprovedAt = approvedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                ApprovedByEmail = approver,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            foreach (var (target, content, from, to) in targets)
            {
                plan.Targets.Add(new InspectionTarget { ProvinceId = context.ProvinceId, OrganizationId = target.Id, Content = content, FromMonth = from, ToMonth = to });
            }

            db.InspectionPlans.Add(plan);
            return plan;
        }

        const InspectionContent Group2 = InspectionContent.Group2Instruments;
        const InspectionContent Packaged = InspectionContent.PrepackagedGoods;
        const InspectionContent Fuel = InspectionContent.FuelQuality;

        // 2021: the science inspectorate alone.
        var plan2021 = Plan(science, 2021, "Kế hoạch thanh tra chuyên ngành đo lường năm 2021", InspectionKind.Inspection, "08/QĐ-TTr", new DateOnly(2021, 1, 20),
            "Chánh Thanh tra Sở Khoa học và Công nghệ", ScienceInspector, (e[2], Group2, 4, 4), (e[3], Packaged, 6, 6), (e[21], Group2, 9, 9));

        // 2022: science and trade both plan the fuel station e[0] in May (merged), science and market surveillance both
        // plan e[20] in September (market surveillance moved to November). No other organisation is in two plans.
        var science2022 = Plan(science, 2022, SciencePlan2022, InspectionKind.Inspection, "05/QĐ-TTr", new DateOnly(2022, 1, 14),
            "Chánh Thanh tra Sở Khoa học và Công nghệ", ScienceInspector, (e[0], Group2, 4, 5), (e[1], Group2, 6, 6), (e[14], Group2 | Packaged, 8, 8), (e[20], Group2, 9, 9));
        var trade2022 = Plan(trade, 2022, TradePlan2022, InspectionKind.Inspection, "11/QĐ-TTr", new DateOnly(2022, 1, 25),
            "Chánh Thanh tra Sở Công Thương", TradeInspector, (e[0], Fuel | Group2, 5, 6), (e[34], Group2 | Fuel, 7, 7), (e[4], Packaged, 10, 10));
        var market2022 = Plan(market, 2022, MarketPlan2022, InspectionKind.Check, "27/QĐ-QLTT", new DateOnly(2022, 2, 8),
            "Cục trưởng Cục Quản lý thị trường tỉnh", null, (e[20], Fuel | Group2, 9, 10), (e[7], Packaged, 3, 3), (e[16], Packaged, 11, 11));

        // Current year: science and trade both plan e[5] with Group 2 instruments in overlapping months: the live flag.
        var year = context.Today.Year;
        var scienceNow = Plan(science, year, $"Kế hoạch thanh tra chuyên ngành đo lường năm {year}", InspectionKind.Inspection, "03/QĐ-TTr",
            new DateOnly(year, 1, 2), "Chánh Thanh tra Sở Khoa học và Công nghệ", ScienceInspector, (e[1], Group2, 1, 12), (e[5], Group2, 9, 10), (e[22], Group2, 11, 12));
        Plan(trade, year, $"Kế hoạch thanh tra, kiểm tra hoạt động kinh doanh xăng dầu năm {year}", InspectionKind.Inspection, "06/QĐ-TTr",
            new DateOnly(year, 1, 2), "Chánh Thanh tra Sở Công Thương", TradeInspector, (e[5], Group2 | Fuel, 10, 11), (e[6], Fuel, 6, 6));
        await db.SaveChangesAsync(cancellationToken);

        InspectionTarget Target(InspectionPlan plan, Organization organization) => plan.Targets.Single(t => t.OrganizationId == organization.Id);

        // Coordination of 2022, recorded by the department's officer.
        var stationScience = Target(science2022, e[0]);
        var stationTrade = Target(trade2022, e[0]);
        stationTrade.MergedIntoTargetId = stationScience.Id;
        Resolve(context, stationScience, stationTrade, OverlapAction.Merge, new DateTime(2022, 2, 15, 2, 0, 0, DateTimeKind.Utc),
            "Thanh tra liên ngành Sở KH&CN và Sở Công Thương trong tháng 5: đo lường và chất lượng xăng dầu kiểm tra chung một lần.");
        var fuelScience = Target(science2022, e[20]);
        var fuelMarket = Target(market2022, e[20]);
        fuelMarket.FromMonth = 11;
        fuelMarket.ToMonth = 11;
        Resolve(context, fuelScience, fuelMarket, OverlapAction.Move, new DateTime(2022, 2, 16, 2, 0, 0, DateTimeKind.Utc),
            "Chi cục QLTT dời kiểm tra sang tháng 11 để không trùng thời gian với Thanh tra Sở KH&CN.");

        var equipment = await db.Equipment.Where(q => q.ForInspection && q.ProvinceId == context.ProvinceId).OrderBy(q => q.Id).Select(q => q.Id).Take(2).ToListAsync(cancellationToken);
        var instruments = await InstrumentsOfAsync([e[0], e[1], e[2], e[14], e[20], e[1]], cancellationToken);

        // 2021 records.
        Record(context, plan2021, e[2], new DateOnly(2021, 4, 13), Group2, "Kiểm tra 12 công tơ điện, 6 đạt yêu cầu về kiểm định; 2 công tơ quá hạn kiểm định.",
            "Yêu cầu cơ sở kiểm định lại phương tiện đo quá hạn.", equipment,
            violations: [(ViolationKind.OverdueVerification, "Sử dụng 02 công tơ điện quá hạn kiểm định", 5_000_000, "14/QĐ-XPHC")],
            checkedInstruments: Checks(instruments, e[2], InstrumentCheckOutcome.Conforming, InstrumentCheckOutcome.Overdue));
        Record(context, plan2021, e[3], new DateOnly(2021, 6, 8), Packaged, "Kiểm tra 5 mẫu hàng đóng gói sẵn: định lượng phù hợp.", "Không phát hiện vi phạm.", []);

        // 2022 records: the joint inspection of e[0] (octane tester and volume standards used when the equipment exists).
        Record(context, science2022, e[0], new DateOnly(2022, 5, 10), Group2 | Fuel,
            "Đoàn liên ngành kiểm tra 8 cột đo xăng dầu bằng bình chuẩn dung tích và mẫu xăng RON 95 bằng thiết bị đo chỉ số octan: 1 cột đo quá hạn kiểm định, sai số các cột còn lại trong giới hạn cho phép; chỉ số octan đạt.",
            "Cơ sở vi phạm quy định về kiểm định phương tiện đo nhóm 2.", equipment,
            violations: [(ViolationKind.OverdueVerification, "Sử dụng 01 cột đo xăng dầu quá hạn kiểm định để bán hàng", 7_500_000, "37/QĐ-XPHC")],
            checkedInstruments: Checks(instruments, e[0], InstrumentCheckOutcome.Conforming, InstrumentCheckOutcome.Conforming, InstrumentCheckOutcome.Overdue),
            followUp: ("Kiểm định lại cột đo quá hạn và báo cáo kết quả", new DateOnly(2022, 6, 10)), targetId: stationScience.Id);
        Record(context, science2022, e[1], new DateOnly(2022, 6, 14), Group2, "Kiểm tra đồng hồ nước lạnh lắp đặt cho khách hàng: các đồng hồ được kiểm tra còn hiệu lực kiểm định.",
            "Không phát hiện vi phạm.", [], checkedInstruments: Checks(instruments, e[1], InstrumentCheckOutcome.Conforming, InstrumentCheckOutcome.Conforming));
        Record(context, science2022, e[14], new DateOnly(2022, 8, 9), Group2 | Packaged, "Kiểm tra 20 bình khí dầu mỏ hóa lỏng: 3 bình thiếu định lượng so với ghi nhãn.",
            "Cơ sở vi phạm quy định về đo lường đối với hàng đóng gói sẵn.", [],
            violations: [(ViolationKind.PrepackagedQuantityShort, "03 bình LPG 12 kg thiếu định lượng vượt giới hạn cho phép", 15_000_000, "52/QĐ-XPHC")],
            checkedInstruments: Checks(instruments, e[14], InstrumentCheckOutcome.Conforming));
        Record(context, trade2022, e[34], new DateOnly(2022, 7, 19), Group2 | Fuel, "Kiểm tra điều kiện kinh doanh khí hóa lỏng và cột đo LPG: đạt.", "Không phát hiện vi phạm.", []);
        Record(context, trade2022, e[4], new DateOnly(2022, 10, 5), Packaged, "Kiểm tra nhãn hàng đóng gói sẵn: 2 sản phẩm ghi nhãn định lượng không đúng quy định.",
            "Cơ sở vi phạm quy định về ghi nhãn.", [],
            violations: [(ViolationKind.LabellingNonConforming, "Ghi lượng danh định không đúng quy cách trên nhãn 02 sản phẩm", 3_000_000, "61/QĐ-XPHC")]);
        Record(context, market2022, e[20], new DateOnly(2022, 11, 16), Fuel | Group2, "Lấy mẫu xăng E5 RON 92 kiểm tra nhanh chỉ số octan: đạt; cột đo có tem kiểm định còn hiệu lực.",
            "Không phát hiện vi phạm.", equipment, checkedInstruments: Checks(instruments, e[20], InstrumentCheckOutcome.Conforming));

        // The current year's inspection done: an instrument whose last verification failed is still in use. Its
        // registry flag "must not be used" is already set by that failed verification.
        var failed = await db.Instruments.Where(i => i.OwnerId == e[1].Id && i.MustNotBeUsed).OrderBy(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        Record(context, scienceNow, e[1], context.Today, Group2, "Kiểm tra đồng hồ nước tại trạm cấp nước: 1 đồng hồ không đạt kiểm định vẫn đang sử dụng.",
            "Yêu cầu dừng sử dụng đồng hồ không đạt.", [],
            violations: [(ViolationKind.UnverifiedInstrument, "Sử dụng đồng hồ nước không đạt kiểm định", 2_500_000, "09/QĐ-XPHC")],
            checkedInstruments: failed == 0 ? [] : [(failed, InstrumentCheckOutcome.Unverified)],
            followUp: ("Thay thế đồng hồ nước không đạt và kiểm định lại", context.Today.AddDays(30)));
    }

    /// <summary>A few registry instruments of each enterprise (by id, the same on every first start).</summary>
    private async Task<Dictionary<int, List<int>>> InstrumentsOfAsync(IEnumerable<Organization> owners, CancellationToken cancellationToken)
    {
        var ids = owners.Select(o => o.Id).Distinct().ToList();
        var rows = await db.Instruments.Where(i => ids.Contains(i.OwnerId) && i.Status == InstrumentStatus.InService && !i.MustNotBeUsed)
            .Select(i => new { i.Id, i.OwnerId }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.OwnerId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).Take(5).Select(r => r.Id).ToList());
    }

    /// <summary>
    /// Outcomes for the first instruments of an owner. 2021-2022 findings leave the registry alone: each instrument's
    /// later verifications (the demo history) decide its flag today.
    /// </summary>
    private static List<(int InstrumentId, InstrumentCheckOutcome Outcome)> Checks(
        Dictionary<int, List<int>> instruments, Organization owner, params InstrumentCheckOutcome[] outcomes) =>
        instruments.TryGetValue(owner.Id, out var ids) ? ids.Zip(outcomes).ToList() : [];

    private void Resolve(DemoSeedContext context, InspectionTarget a, InspectionTarget b, OverlapAction action, DateTime at, string note) =>
        db.OverlapResolutions.Add(new OverlapResolution
        {
            ProvinceId = context.ProvinceId,
            FirstTargetId = Math.Min(a.Id, b.Id),
            SecondTargetId = Math.Max(a.Id, b.Id),
            Kind = OverlapKind.SameContentOverlappingPeriod,
            Action = action,
            Note = note,
            ResolvedByEmail = Officer,
            ResolvedAt = at,
        });

    private void Record(
        DemoSeedContext context, InspectionPlan plan, Organization organization, DateOnly on, InspectionContent content, string findings, string conclusion,
        IReadOnlyList<int> equipment,
        (ViolationKind Kind, string Description, long Amount, string Decision)[]? violations = null,
        List<(int InstrumentId, InstrumentCheckOutcome Outcome)>? checkedInstruments = null,
        (string Action, DateOnly Deadline)? followUp = null,
        int? targetId = null)
    {
        var record = new InspectionRecord
        {
            ProvinceId = context.ProvinceId,
            AgencyId = plan.AgencyId,
            PlanId = plan.Id,
            TargetId = targetId ?? plan.Targets.Single(t => t.OrganizationId == organization.Id).Id,
            OrganizationId = organization.Id,
            Kind = plan.Kind,
            Content = content,
            StartedOn = on,
            EndedOn = on,
            Team = plan.AgencyId == context.ScienceInspectorate.Id ? "Lê Quang Dũng (trưởng đoàn), Trần Thị Mai, Nguyễn Văn Bình" : "Hoàng Văn Sơn (trưởng đoàn), Phan Thị Lan",
            Findings = findings,
            Conclusion = conclusion,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        foreach (var (kind, description, amount, decision) in violations ?? [])
        {
            record.Violations.Add(new InspectionViolation { ProvinceId = context.ProvinceId, Kind = kind, Description = description, SanctionAmount = amount, SanctionDecision = decision });
        }

        foreach (var (instrumentId, outcome) in checkedInstruments ?? [])
        {
            record.Instruments.Add(new InspectedInstrument { ProvinceId = context.ProvinceId, InstrumentId = instrumentId, Outcome = outcome });
        }

        if (followUp is { } f)
        {
            record.FollowUps.Add(new InspectionFollowUp { ProvinceId = context.ProvinceId, Action = f.Action, Deadline = f.Deadline });
        }

        foreach (var id in equipment)
        {
            record.EquipmentUsed.Add(new InspectionEquipmentUse { EquipmentId = id });
        }

        db.InspectionRecords.Add(record);
    }
}
