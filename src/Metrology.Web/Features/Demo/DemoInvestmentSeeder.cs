using Metrology.Core.Data;
using Metrology.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The investment project of the seed report (Resolution 99/2020/NQ-HĐND, Decision 1338/QĐ-UBND: 25,616
/// billion VND, 58 sets of measurement-testing equipment and 2 biotechnology devices) with its yearly
/// disbursements and the equipment it bought, inspection equipment included (volume standards, octane
/// tester). The split of the budget, the disbursements, a 2020-2021 project and this year's phase 2 are
/// invented but plausible, so that cumulative figures differ from 2022's.
/// </summary>
public sealed class DemoInvestmentSeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string ProjectName = "Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)";
    public const long ProjectTotal = 25_616_000_000;

    public int Order => 30;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var documents = await db.DirectiveDocuments.IgnoreQueryFilters()
            .Where(d => d.ProvinceId == context.ProvinceId && (d.Number == DemoDocumentSeeder.PolicyResolution || d.Number == DemoDocumentSeeder.FeasibilityDecision))
            .ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
        const string centreLocation = "Trung tâm Kỹ thuật TCĐLCL, 02 Lê Lợi, phường Đông Hà";

        InvestmentProject AddProject(string name, long total, int startYear, int endYear, InvestmentProjectStatus status, int? policy, int? feasibility, string? notes)
        {
            var project = new InvestmentProject
            {
                ProvinceId = context.ProvinceId,
                Name = name,
                InvestorId = context.Department.Id,
                PolicyDocumentId = policy,
                FeasibilityDocumentId = feasibility,
                TotalBudget = total,
                StartYear = startYear,
                EndYear = endYear,
                Status = status,
                Notes = notes,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            db.InvestmentProjects.Add(project);
            return project;
        }

        ProjectComponent AddComponent(InvestmentProject project, string name, int quantity, string unit, long? budget)
        {
            var component = new ProjectComponent { ProvinceId = context.ProvinceId, Name = name, Quantity = quantity, Unit = unit, Budget = budget };
            project.Components.Add(component);
            return component;
        }

        void Disburse(InvestmentProject project, int year, long amount) =>
            project.Disbursements.Add(new Disbursement { ProvinceId = context.ProvinceId, Year = year, Amount = amount, CreatedAt = context.Now });

        // A smaller 2020-2021 project before the report's one.
        var earlier = AddProject("Tăng cường năng lực kiểm định phương tiện đo nhóm 2 của Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            4_200_000_000, 2020, 2021, InvestmentProjectStatus.Completed, null, null, null);
        AddComponent(earlier, "Thiết bị kiểm định cột đo xăng dầu, công tơ điện, cân", 12, "bộ", 3_900_000_000);
        Disburse(earlier, 2020, 1_800_000_000);
        Disburse(earlier, 2021, 2_350_000_000);

        var project = AddProject(ProjectName, ProjectTotal, 2021, 2023, InvestmentProjectStatus.Completed,
            documents.GetValueOrDefault(DemoDocumentSeeder.PolicyResolution) is > 0 and var p ? p : null,
            documents.GetValueOrDefault(DemoDocumentSeeder.FeasibilityDecision) is > 0 and var f ? f : null,
            "Tổng mức đầu tư 25,616 tỷ đồng, trong đó thiết bị đo lường thử nghiệm 58 bộ thiết bị và thiết bị công nghệ sinh học 02 thiết bị.");
        var measuring = AddComponent(project, "Thiết bị đo lường, thử nghiệm", 58, "bộ", 21_866_000_000);
        var biotech = AddComponent(project, "Thiết bị công nghệ sinh học", 2, "thiết bị", 3_150_000_000);
        Disburse(project, 2021, 3_500_000_000);
        Disburse(project, 2022, 15_200_000_000);
        Disburse(project, 2023, 6_400_000_000);

        // This year's phase 2, approved and starting, so the page shows live work.
        var year = context.Today.Year;
        var phase2 = AddProject("Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 2)",
            18_500_000_000, year, year + 2, InvestmentProjectStatus.InProgress, null, null, null);
        AddComponent(phase2, "Thiết bị thử nghiệm chất lượng sản phẩm, hàng hóa", 24, "bộ", 15_000_000_000);
        Disburse(phase2, year, 2_100_000_000);

        // Ids are needed for the equipment's component links.
        await db.SaveChangesAsync(cancellationToken);

        void AddEquipment(InvestmentProject? owner, ProjectComponent? component, string name, int quantity, long value, DateOnly? delivered, EquipmentStatus status, bool forInspection)
        {
            var equipment = new Equipment
            {
                ProvinceId = context.ProvinceId,
                ProjectId = owner?.Id,
                ComponentId = component?.Id,
                Name = name,
                Quantity = quantity,
                Value = value,
                DeliveredOn = delivered,
                Location = centreLocation,
                HolderId = context.TechnicalCentre.Id,
                Status = status,
                ForInspection = forInspection,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            equipment.RefreshSearchText();
            db.Equipment.Add(equipment);
        }

        var delivered2022 = new DateOnly(2022, 10, 25);
        AddEquipment(project, measuring, "Bình chuẩn dung tích 2 L", 2, 18_500_000, delivered2022, EquipmentStatus.InUse, true);
        AddEquipment(project, measuring, "Bình chuẩn dung tích 5 L", 2, 24_000_000, delivered2022, EquipmentStatus.InUse, true);
        AddEquipment(project, measuring, "Bình chuẩn dung tích 10 L", 2, 31_000_000, delivered2022, EquipmentStatus.InUse, true);
        AddEquipment(project, measuring, "Bình chuẩn dung tích 20 L", 2, 42_000_000, delivered2022, EquipmentStatus.InUse, true);
        AddEquipment(project, measuring, "Thiết bị đo chỉ số Octan của xăng", 1, 685_000_000, new DateOnly(2022, 11, 18), EquipmentStatus.InUse, true);
        AddEquipment(project, measuring, "Bộ quả cân chuẩn cấp chính xác F1 (1 mg - 20 kg)", 1, 540_000_000, new DateOnly(2022, 9, 12), EquipmentStatus.InUse, false);
        AddEquipment(project, measuring, "Hệ thống hiệu chuẩn áp suất tự động", 1, 1_250_000_000, new DateOnly(2023, 3, 20), EquipmentStatus.InUse, false);
        AddEquipment(project, measuring, "Máy quang phổ hấp thụ nguyên tử (AAS)", 1, 2_950_000_000, new DateOnly(2023, 6, 8), EquipmentStatus.UnderRepair, false);
        AddEquipment(project, biotech, "Hệ thống PCR định lượng (Real-time PCR)", 1, 2_100_000_000, new DateOnly(2023, 7, 14), EquipmentStatus.InUse, false);
        AddEquipment(project, biotech, "Tủ an toàn sinh học cấp II", 1, 1_050_000_000, new DateOnly(2023, 7, 14), EquipmentStatus.InUse, false);
        AddEquipment(earlier, earlier.Components[0], "Thiết bị kiểm định cột đo nhiên liệu", 2, 380_000_000, new DateOnly(2021, 8, 3), EquipmentStatus.InUse, true);
        AddEquipment(phase2, phase2.Components[0], "Máy sắc ký khí (GC) thử nghiệm xăng dầu", 1, 3_400_000_000, null, EquipmentStatus.Ordered, false);
    }
}
