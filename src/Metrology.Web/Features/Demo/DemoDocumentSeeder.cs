using Metrology.Core.Data;
using Metrology.Core.Programme;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The directive documents and S&amp;T tasks of Quảng Trị's 2022 report (section I.1), first because plans,
/// projects and assurance programmes point at them. Numbers, dates and subjects of the resolutions and
/// decisions are the report's; the department's own plan numbers, the task budgets and dates, and the
/// 2021 task are invented but plausible, so that cumulative figures differ from the year's.
/// </summary>
public sealed class DemoDocumentSeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string PolicyResolution = "99/2020/NQ-HĐND";
    public const string SupportResolution = "163/2021/NQ-HĐND";
    public const string ImplementationDecision = "1928/QĐ-UBND";
    public const string FeasibilityDecision = "1338/QĐ-UBND";
    public const string Plan2021 = "25/KH-SKHCN";
    public const string Plan2022 = "18/KH-SKHCN";
    public const string MinistryRequest = "04/BKH-CN-TĐC";
    public const string PilotTaskTitle =
        "Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ";

    private const string Council = "Hội đồng nhân dân tỉnh Quảng Trị";
    private const string Committee = "Ủy ban nhân dân tỉnh Quảng Trị";
    private const string Department = "Sở Khoa học và Công nghệ tỉnh Quảng Trị";
    private const string ProgrammeName =
        "Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030”";

    public int Order => 10;

    public Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        DirectiveDocument AddDocument(DocumentType type, string number, string issuer, DateOnly issuedOn, string subject, string? summary = null)
        {
            var document = new DirectiveDocument
            {
                ProvinceId = context.ProvinceId,
                Type = type,
                Number = number,
                Issuer = issuer,
                IssuedOn = issuedOn,
                Subject = subject,
                Summary = summary,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            document.RefreshSearchText();
            db.DirectiveDocuments.Add(document);
            return document;
        }

        AddDocument(DocumentType.Decision, ImplementationDecision, Committee, new DateOnly(2020, 7, 20),
            $"Ban hành Kế hoạch triển khai {ProgrammeName} trên địa bàn tỉnh",
            "Giao Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch hằng năm để triển khai các nhiệm vụ được giao; hướng dẫn, kiểm tra, tổ chức sơ kết và tổng kết tình hình thực hiện Kế hoạch; định kỳ hằng năm báo cáo UBND tỉnh tình hình, tiến độ triển khai Kế hoạch.");
        AddDocument(DocumentType.Resolution, PolicyResolution, Council, new DateOnly(2020, 12, 9),
            "Phê duyệt chủ trương đầu tư Dự án: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)");
        AddDocument(DocumentType.Plan, Plan2021, Department, new DateOnly(2021, 2, 25),
            "Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm 2021");
        AddDocument(DocumentType.Decision, FeasibilityDecision, Committee, new DateOnly(2021, 5, 28),
            "Phê duyệt báo cáo nghiên cứu khả thi dự án: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)",
            "Tổng mức đầu tư 25,616 tỷ đồng, trong đó thiết bị đo lường thử nghiệm 58 bộ thiết bị và thiết bị công nghệ sinh học 02 thiết bị.");
        AddDocument(DocumentType.Resolution, SupportResolution, Council, new DateOnly(2021, 12, 9),
            "Quy định một số chính sách hỗ trợ ứng dụng, nhân rộng các kết quả khoa học và công nghệ trên địa bàn tỉnh giai đoạn 2022-2026");
        AddDocument(DocumentType.Plan, Plan2022, Department, new DateOnly(2022, 2, 15),
            "Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm 2022");
        AddDocument(DocumentType.OfficialLetter, MinistryRequest, "Bộ Khoa học và Công nghệ", new DateOnly(2023, 1, 3),
            "Báo cáo kết quả triển khai Đề án 996 tại các tỉnh, thành phố trực thuộc Trung ương");

        ScienceTask AddTask(string title, ProgrammeArea area, DateOnly start, DateOnly end, long budget, ScienceTaskStatus status, string? outputs = null)
        {
            var task = new ScienceTask
            {
                ProvinceId = context.ProvinceId,
                Level = ScienceTaskLevel.Basic,
                Title = title,
                Area = area,
                HostOrganizationId = context.TechnicalCentre.Id,
                Budget = budget,
                StartOn = start,
                EndOn = end,
                Status = status,
                Outputs = outputs,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            task.RefreshSearchText();
            db.ScienceTasks.Add(task);
            return task;
        }

        AddTask("Điều tra, khảo sát thực trạng hoạt động đo lường tại các doanh nghiệp trọng điểm trên địa bàn tỉnh Quảng Trị",
            ProgrammeArea.Direction, new DateOnly(2021, 3, 1), new DateOnly(2021, 11, 30), 180_000_000, ScienceTaskStatus.Completed,
            "Báo cáo thực trạng; danh sách doanh nghiệp trọng điểm");
        AddTask(PilotTaskTitle, ProgrammeArea.EnterpriseSupport, new DateOnly(2022, 4, 1), new DateOnly(2023, 9, 30), 450_000_000, ScienceTaskStatus.InProgress);
        AddTask("Thiết lập, duy trì bảo quản và khai thác chuẩn đo lường; kiểm định, hiệu chuẩn, bảo trì, bảo dưỡng, sửa chữa thiết bị đo lường và thiết bị đo lường chuẩn phục vụ quản lý nhà nước về tiêu chuẩn đo lường trên địa bàn tỉnh",
            ProgrammeArea.Infrastructure, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 320_000_000, ScienceTaskStatus.Completed);
        AddTask("Duy trì, mở rộng tổ chức kiểm định, hiệu chuẩn thiết bị đo lường, tổ chức thử nghiệm chất lượng sản phẩm phục vụ quản lý nhà nước về tiêu chuẩn đo lường trên địa bàn tỉnh",
            ProgrammeArea.Infrastructure, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 280_000_000, ScienceTaskStatus.Completed);
        return Task.CompletedTask;
    }
}
