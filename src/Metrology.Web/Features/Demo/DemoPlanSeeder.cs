using Metrology.Core.Data;
using Metrology.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The department's annual plans and outreach activities. 2021 and 2022 follow Quảng Trị's report (section I.1.b
/// and 2.1-2.5): the survey of 3 labs and 40 enterprises, the classes on Decisions 996 and 1928, the pilot
/// assurance programme, the equipment project, inspection coordination, 4 articles, 2 QRTV reports, the
/// Industry 4.0 workshop and the staff trainings. 2020 and the current year's records are invented but plausible,
/// so that cumulative figures differ from the year's and the current plan has live (and overdue) work.
/// </summary>
public sealed class DemoPlanSeeder(AppDbContext db) : IDemoRecordSeeder
{
    public const string Plan2021Title =
        "Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm 2021";

    public const string Plan2022Title =
        "Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm 2022";

    public const string SurveyTaskTitle =
        "Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường tại 03 đơn vị kiểm định/hiệu chuẩn/thử nghiệm phương tiện đo và 40 doanh nghiệp trọng điểm";

    public const string WorkshopTitle = "Hội thảo “Vai trò của Đo lường trong Cách mạng công nghiệp 4.0”";

    private const string Unit = "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng";
    private const string Centre = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng";
    private const string Inspectorate = "Thanh tra Sở Khoa học và Công nghệ";
    private const string Office = "Văn phòng Sở";

    public int Order => 20;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var documents = await db.DirectiveDocuments.Where(d => d.ProvinceId == context.ProvinceId)
            .ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
        int? Document(string number) => documents.TryGetValue(number, out var id) ? id : null;

        SeedPlans(context, Document);
        SeedOutreach(context);
    }

    private void SeedPlans(DemoSeedContext context, Func<string, int?> document)
    {
        AnnualPlan AddPlan(int year, string title, int? documentId)
        {
            var plan = new AnnualPlan { ProvinceId = context.ProvinceId, Year = year, Title = title, DocumentId = documentId, CreatedAt = context.Now, UpdatedAt = context.Now };
            db.AnnualPlans.Add(plan);
            return plan;
        }

        PlanTask AddTask(AnnualPlan plan, string title, ProgrammeArea area, string owner, DateOnly deadline, PlanTaskStatus status,
            int progress = 0, DateOnly? completedOn = null, int? source = null)
        {
            var task = new PlanTask
            {
                ProvinceId = context.ProvinceId,
                Title = title,
                Area = area,
                OwnerName = owner,
                Deadline = deadline,
                Status = status,
                ProgressPercent = status == PlanTaskStatus.Done ? 100 : progress,
                CompletedOn = status == PlanTaskStatus.Done ? completedOn : null,
                SourceDocumentId = source,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            plan.Tasks.Add(task);
            return task;
        }

        void AddNote(PlanTask task, DateOnly writtenOn, string text)
        {
            task.Notes.Add(new PlanTaskNote { ProvinceId = context.ProvinceId, WrittenOn = writtenOn, Text = text, AuthorEmail = "officer@quangtri.demo", CreatedAt = context.Now });
        }

        const PlanTaskStatus Done = PlanTaskStatus.Done;
        var decision1928 = document(DemoDocumentSeeder.ImplementationDecision);

        var plan2021 = AddPlan(2021, Plan2021Title, document(DemoDocumentSeeder.Plan2021));
        AddTask(plan2021, "Điều tra, khảo sát thực trạng hoạt động đo lường tại các doanh nghiệp trọng điểm trên địa bàn tỉnh", ProgrammeArea.Direction,
            Centre, new DateOnly(2021, 11, 30), Done, completedOn: new DateOnly(2021, 11, 26), source: decision1928);
        AddTask(plan2021, "Tham mưu UBND tỉnh phê duyệt báo cáo nghiên cứu khả thi Dự án đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1)",
            ProgrammeArea.Infrastructure, Unit, new DateOnly(2021, 6, 30), Done, completedOn: new DateOnly(2021, 5, 28), source: document(DemoDocumentSeeder.PolicyResolution));
        AddTask(plan2021, "Tham mưu HĐND tỉnh ban hành chính sách hỗ trợ ứng dụng, nhân rộng các kết quả khoa học và công nghệ giai đoạn 2022-2026",
            ProgrammeArea.Policy, Office, new DateOnly(2021, 12, 15), Done, completedOn: new DateOnly(2021, 12, 9));
        AddTask(plan2021, "Phối hợp Thanh tra các sở, ngành xây dựng kế hoạch thanh tra, kiểm tra về đo lường năm 2021", ProgrammeArea.StateManagement,
            Inspectorate, new DateOnly(2021, 3, 31), Done, completedOn: new DateOnly(2021, 3, 22));
        AddTask(plan2021, "Tuyên truyền Đề án 996 trên Báo Quảng Trị và Đài Phát thanh - Truyền hình Quảng Trị", ProgrammeArea.Communication,
            Unit, new DateOnly(2021, 12, 31), Done, completedOn: new DateOnly(2021, 12, 10), source: decision1928);
        var class2021 = AddTask(plan2021, "Tổ chức lớp tập huấn về đo lường cho doanh nghiệp trên địa bàn tỉnh", ProgrammeArea.Communication,
            Unit, new DateOnly(2021, 10, 31), PlanTaskStatus.Cancelled, progress: 20);
        AddNote(class2021, new DateOnly(2021, 8, 16), "Dừng tổ chức lớp do dịch bệnh Covid-19; chuyển nội dung sang kế hoạch năm 2022.");

        var plan2022 = AddPlan(2022, Plan2022Title, document(DemoDocumentSeeder.Plan2022));
        var survey = AddTask(plan2022, SurveyTaskTitle, ProgrammeArea.Direction, Unit, new DateOnly(2022, 9, 30), Done, completedOn: new DateOnly(2022, 9, 23), source: decision1928);
        AddNote(survey, new DateOnly(2022, 6, 10), "Đã gửi phiếu khảo sát tới 03 đơn vị kiểm định/hiệu chuẩn/thử nghiệm và 40 doanh nghiệp trọng điểm.");
        AddNote(survey, new DateOnly(2022, 9, 23), "Hoàn thành tổng hợp kết quả khảo sát, đánh giá năng lực đo lường; đề xuất danh sách doanh nghiệp áp dụng Chương trình đảm bảo đo lường.");
        AddTask(plan2022, "Tổ chức 02 lớp tuyên truyền, phổ biến Quyết định số 996/QĐ-TTg và Quyết định số 1928/QĐ-UBND cho doanh nghiệp trên địa bàn", ProgrammeArea.Communication,
            Unit, new DateOnly(2022, 10, 31), Done, completedOn: new DateOnly(2022, 10, 14), source: decision1928);
        AddTask(plan2022, "Phê duyệt thuyết minh nhiệm vụ KH&CN cấp cơ sở: " + DemoDocumentSeeder.PilotTaskTitle, ProgrammeArea.EnterpriseSupport,
            Unit, new DateOnly(2022, 4, 30), Done, completedOn: new DateOnly(2022, 3, 31));
        var pilot = AddTask(plan2022, "Triển khai mô hình điểm áp dụng Chương trình đảm bảo đo lường tại một số doanh nghiệp", ProgrammeArea.EnterpriseSupport,
            Centre, new DateOnly(2023, 9, 30), Done, completedOn: new DateOnly(2023, 9, 26));
        AddNote(pilot, new DateOnly(2022, 12, 20), "Đã chọn doanh nghiệp tham gia mô hình điểm theo kết quả khảo sát; đang hướng dẫn xây dựng chương trình.");
        AddTask(plan2022, "Tổ chức lựa chọn nhà thầu cung cấp 58 bộ thiết bị đo lường thử nghiệm và 02 thiết bị công nghệ sinh học của Dự án", ProgrammeArea.Infrastructure,
            Unit, new DateOnly(2022, 12, 31), Done, completedOn: new DateOnly(2022, 11, 18), source: document(DemoDocumentSeeder.FeasibilityDecision));
        AddTask(plan2022, "Duy trì bảo quản, khai thác chuẩn đo lường; kiểm định, hiệu chuẩn, bảo trì, sửa chữa thiết bị đo lường chuẩn", ProgrammeArea.Infrastructure,
            Centre, new DateOnly(2022, 12, 31), Done, completedOn: new DateOnly(2022, 12, 20));
        AddTask(plan2022, "Chủ trì, phối hợp Thanh tra các sở, ngành xây dựng kế hoạch thanh tra, kiểm tra năm 2022, tránh chồng chéo về nội dung và đối tượng", ProgrammeArea.StateManagement,
            Inspectorate, new DateOnly(2022, 3, 31), Done, completedOn: new DateOnly(2022, 3, 15));
        AddTask(plan2022, "Đầu tư chuẩn dung tích các loại và thiết bị kiểm tra chỉ số octan của xăng phục vụ quản lý nhà nước", ProgrammeArea.StateManagement,
            Unit, new DateOnly(2022, 11, 30), Done, completedOn: new DateOnly(2022, 11, 25));
        AddTask(plan2022, "Đăng 04 bài báo trên Báo Quảng Trị và 02 phóng sự trên QRTV về hoạt động đo lường hỗ trợ doanh nghiệp", ProgrammeArea.Communication,
            Unit, new DateOnly(2022, 12, 31), Done, completedOn: new DateOnly(2022, 12, 16));
        AddTask(plan2022, "Tổ chức " + WorkshopTitle, ProgrammeArea.Communication, Unit, new DateOnly(2022, 12, 15), Done, completedOn: new DateOnly(2022, 11, 29));
        AddTask(plan2022, "Cử công chức tham dự tập huấn, đào tạo về xây dựng và triển khai Chương trình đảm bảo đo lường", ProgrammeArea.EnterpriseSupport,
            Unit, new DateOnly(2022, 12, 31), Done, completedOn: new DateOnly(2022, 9, 9));
        AddTask(plan2022, "Báo cáo UBND tỉnh và Bộ Khoa học và Công nghệ kết quả triển khai Đề án 996 năm 2022", ProgrammeArea.Direction,
            Office, new DateOnly(2023, 1, 15), Done, completedOn: new DateOnly(2023, 1, 12));

        // The current year's plan: some work done, some under way, some late (the board shows them in red).
        var today = context.Today;
        var year = today.Year;
        DateOnly Ago(int days) => Max(today.AddDays(-days), new DateOnly(year, 1, 1));
        var current = AddPlan(year, $"Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm {year}", null);
        AddTask(current, $"Xây dựng kế hoạch thanh tra, kiểm tra đo lường năm {year}, phối hợp với Thanh tra các sở, ngành", ProgrammeArea.StateManagement,
            Inspectorate, Ago(60), Done, completedOn: Ago(65));
        var replication = AddTask(current, "Nhân rộng Chương trình đảm bảo đo lường tại doanh nghiệp theo Nghị quyết số 163/2021/NQ-HĐND", ProgrammeArea.EnterpriseSupport,
            Centre, Ago(20), PlanTaskStatus.InProgress, progress: 40, source: document(DemoDocumentSeeder.SupportResolution));
        AddNote(replication, Ago(35), "Đã hướng dẫn 02 doanh nghiệp lập hồ sơ đề nghị hỗ trợ; chờ doanh nghiệp hoàn thiện hồ sơ.");
        AddTask(current, "Cập nhật dữ liệu phương tiện đo nhóm 2 của doanh nghiệp lên hệ thống quản lý", ProgrammeArea.StateManagement,
            Unit, Ago(5), PlanTaskStatus.NotStarted);
        AddTask(current, "Đăng tin, bài tuyên truyền về đo lường trên Báo Quảng Trị và QRTV", ProgrammeArea.Communication,
            Unit, today.AddDays(45), PlanTaskStatus.InProgress, progress: 50);
        AddTask(current, "Đưa vào sử dụng thiết bị đo lường thử nghiệm của Dự án tại Trung tâm Kỹ thuật", ProgrammeArea.Infrastructure,
            Centre, today.AddDays(90), PlanTaskStatus.InProgress, progress: 70, source: document(DemoDocumentSeeder.FeasibilityDecision));
        AddTask(current, $"Báo cáo kết quả triển khai Đề án 996 năm {year}", ProgrammeArea.Direction, Office, new DateOnly(year + 1, 1, 15), PlanTaskStatus.NotStarted);
    }

    private void SeedOutreach(DemoSeedContext context)
    {
        OutreachActivity Add(OutreachKind kind, DateOnly heldOn, string title, string? topic = null, int? outletId = null, int? participants = null,
            int? declared = null, IEnumerable<int>? enterpriseIds = null)
        {
            var activity = new OutreachActivity
            {
                ProvinceId = context.ProvinceId,
                Kind = kind,
                HeldOn = heldOn,
                Title = title,
                Topic = topic,
                OutletId = outletId,
                Participants = participants,
                EnterprisesReachedCount = declared,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            foreach (var id in enterpriseIds ?? [])
            {
                activity.EnterprisesReached.Add(new OutreachEnterprise { OrganizationId = id });
            }

            activity.RefreshSearchText();
            db.OutreachActivities.Add(activity);
            return activity;
        }

        var newspaper = context.Newspaper.Id;
        var broadcaster = context.Broadcaster.Id;
        const string Programme = "Đề án 996";

        // 2020: the province's plan under Decision 1928/QĐ-UBND is announced.
        Add(OutreachKind.Article, new DateOnly(2020, 8, 14), "Quảng Trị ban hành Kế hoạch triển khai Đề án tăng cường, đổi mới hoạt động đo lường", Programme, newspaper);
        Add(OutreachKind.Article, new DateOnly(2020, 11, 5), "Đo lường chính xác - lợi ích cho doanh nghiệp và người tiêu dùng", Programme, newspaper);
        Add(OutreachKind.Broadcast, new DateOnly(2020, 12, 2), "Phóng sự: Quản lý đo lường trong kinh doanh xăng dầu", "Quản lý đo lường", broadcaster);

        // 2021: classes postponed by Covid-19; articles and one broadcast.
        Add(OutreachKind.Article, new DateOnly(2021, 4, 20), "Doanh nghiệp cần chủ động đảm bảo đo lường trong sản xuất", Programme, newspaper);
        Add(OutreachKind.Article, new DateOnly(2021, 9, 8), "Khảo sát năng lực đo lường tại các doanh nghiệp trọng điểm", Programme, newspaper);
        Add(OutreachKind.Article, new DateOnly(2021, 12, 10), "Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học: nâng cao năng lực kỹ thuật của tỉnh", "Hạ tầng đo lường", newspaper);
        Add(OutreachKind.Broadcast, new DateOnly(2021, 11, 24), "Phóng sự: Kiểm định phương tiện đo phục vụ quản lý nhà nước", "Quản lý đo lường", broadcaster);
        Add(OutreachKind.StaffTraining, new DateOnly(2021, 10, 12), "Cử công chức tham dự tập huấn nghiệp vụ quản lý đo lường (trực tuyến)", "Quản lý đo lường", participants: 2);

        // 2022: the report's section 2.5.
        Add(OutreachKind.Article, new DateOnly(2022, 3, 18), "Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh", Programme, newspaper);
        Add(OutreachKind.Article, new DateOnly(2022, 6, 22), "Chương trình đảm bảo đo lường - giải pháp nâng cao năng suất, chất lượng cho doanh nghiệp", "Chương trình đảm bảo đo lường", newspaper);
        Add(OutreachKind.Article, new DateOnly(2022, 9, 14), "Đo lường hỗ trợ doanh nghiệp hội nhập quốc tế", Programme, newspaper);
        Add(OutreachKind.Article, new DateOnly(2022, 12, 7), "Quảng Trị: kết quả một năm triển khai hoạt động đo lường hỗ trợ doanh nghiệp", Programme, newspaper);
        Add(OutreachKind.Broadcast, new DateOnly(2022, 7, 27), "Phóng sự: Đổi mới hoạt động đo lường hỗ trợ doanh nghiệp", Programme, broadcaster);
        Add(OutreachKind.Broadcast, new DateOnly(2022, 12, 14), "Phóng sự: Doanh nghiệp Quảng Trị với Chương trình đảm bảo đo lường", "Chương trình đảm bảo đo lường", broadcaster);
        // "For more than 40 enterprises": the 40 key enterprises of the survey are linked, the organisers counted 42.
        var enterprises = context.Enterprises.Select(e => e.Id).ToList();
        var half = enterprises.Count / 2;
        const string ClassTopic = "Quyết định số 996/QĐ-TTg ngày 10/8/2018 và Quyết định số 1928/QĐ-UBND ngày 20/7/2020";
        Add(OutreachKind.Class, new DateOnly(2022, 10, 6), "Lớp tuyên truyền, phổ biến Đề án 996 và Kế hoạch triển khai trên địa bàn tỉnh (lớp 1)", ClassTopic,
            participants: 45, declared: 21, enterpriseIds: enterprises.Take(half));
        Add(OutreachKind.Class, new DateOnly(2022, 10, 14), "Lớp tuyên truyền, phổ biến Đề án 996 và Kế hoạch triển khai trên địa bàn tỉnh (lớp 2)", ClassTopic,
            participants: 41, declared: 21, enterpriseIds: enterprises.Skip(half));
        Add(OutreachKind.Workshop, new DateOnly(2022, 11, 29), WorkshopTitle, "Đo lường và Cách mạng công nghiệp 4.0", participants: 60);
        Add(OutreachKind.StaffTraining, new DateOnly(2022, 8, 16), "Tập huấn về xây dựng và triển khai thực hiện Chương trình đảm bảo đo lường tại doanh nghiệp",
            "Chương trình đảm bảo đo lường", participants: 2);
        Add(OutreachKind.StaffTraining, new DateOnly(2022, 9, 9), "Khóa đào tạo về tư vấn, hỗ trợ xây dựng triển khai thực hiện Chương trình đảm bảo đo lường",
            "Chương trình đảm bảo đo lường", participants: 1);

        // The current year, so the page opens on live figures.
        var today = context.Today;
        DateOnly Ago(int days) => Max(today.AddDays(-days), new DateOnly(today.Year, 1, 1));
        Add(OutreachKind.Article, Ago(50), "Nhân rộng Chương trình đảm bảo đo lường tại doanh nghiệp Quảng Trị", "Chương trình đảm bảo đo lường", newspaper);
        Add(OutreachKind.Article, Ago(12), "Người tiêu dùng cần biết về phương tiện đo nhóm 2", "Quản lý đo lường", newspaper);
        Add(OutreachKind.Broadcast, Ago(30), "Phóng sự: Trang thiết bị đo lường thử nghiệm mới của tỉnh", "Hạ tầng đo lường", broadcaster);
        Add(OutreachKind.Class, Ago(25), "Lớp hướng dẫn chính sách hỗ trợ theo Nghị quyết số 163/2021/NQ-HĐND", "Chính sách hỗ trợ doanh nghiệp",
            participants: 32, declared: 26, enterpriseIds: enterprises.Take(12));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
