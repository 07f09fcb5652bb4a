using System.Globalization;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Inspections;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Programme;
using Metrology.Core.Surveys;
using Metrology.Core.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// A second demo province, Thành phố Huế (the former Thừa Thiên Huế), so the national roll-up and the reports
/// have two provinces with different records: an officer and a province admin, the Technical Centre as a
/// designated verification body, 7 enterprises, Báo Thừa Thiên Huế, the 2020 decision and the 2021-2022 plans,
/// outreach, an S&amp;T task, a survey, an assurance pilot, instruments and verifications and an inspection plan
/// of 2022, and a few of this year. Names of the enterprises, document numbers and figures are invented.
/// </summary>
public sealed class DemoHueSeeder(AppDbContext db, UserManager<AppUser> userManager, IConfiguration configuration) : IDemoRecordSeeder
{
    public const string ProvinceSlug = "hue";
    public const string OfficerEmail = "officer@hue.demo";
    public const string AdminEmail = "provinceadmin@hue.demo";
    public const string TechnicalCentreName = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Huế";
    public const string Newspaper = "Báo Thừa Thiên Huế";
    public const string ImplementationDecision = "1967/QĐ-UBND";
    public const string Plan2021 = "21/KH-SKHCN";
    public const string Plan2022 = "32/KH-SKHCN";
    public const string Campaign2022Title = "Khảo sát năng lực đo lường doanh nghiệp thành phố Huế năm 2022";

    private const string Committee = "Ủy ban nhân dân tỉnh Thừa Thiên Huế";
    private const string Department = "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế";

    private int certificates;

    /// <summary>After every Quảng Trị area (documents 10 ... inspections), before the reports (80).</summary>
    public int Order => 70;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var province = await db.Provinces.SingleAsync(p => p.Slug == ProvinceSlug, cancellationToken);
        var provinceId = province.Id;
        var now = context.Now;
        var today = context.Today;

        Organization Add(string name, OrganizationKind kind, string address, int? taxSeed = null)
        {
            var organization = new Organization
            {
                Name = name,
                Kind = kind,
                TaxCode = taxSeed is { } seed ? TaxCodeFor(seed) : null,
                Address = address,
                ProvinceId = provinceId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            organization.RefreshSearchText();
            db.Organizations.Add(organization);
            return organization;
        }

        Add("Sở Khoa học và Công nghệ thành phố Huế", OrganizationKind.Agency, "26 Hà Nội, phường Thuận Hóa, thành phố Huế");
        var inspectorate = Add("Thanh tra Sở Khoa học và Công nghệ thành phố Huế", OrganizationKind.Agency, "26 Hà Nội, phường Thuận Hóa, thành phố Huế");
        var centre = Add(TechnicalCentreName, OrganizationKind.VerificationBody, "24 Lý Thường Kiệt, phường Thuận Hóa, thành phố Huế", 0);
        var newspaper = Add(Newspaper, OrganizationKind.MediaOutlet, "02 Ngô Quyền, phường Thuận Hóa, thành phố Huế");
        string[][] enterpriseNames =
        [
            ["Công ty TNHH Xăng dầu Hương Giang", "Quốc lộ 1A, phường Hương Thủy"],
            ["Công ty Cổ phần Nước sạch Sông Hương", "103 Bùi Thị Xuân, phường Phú Xuân"],
            ["Công ty TNHH Bia Phú Bài", "Khu công nghiệp Phú Bài, phường Phú Bài"],
            ["Công ty Cổ phần Dệt may Phú Vang", "Cụm công nghiệp Phú Đa, xã Phú Vang"],
            ["Công ty TNHH Thực phẩm Kim Long", "45 Kim Long, phường Kim Long"],
            ["Hợp tác xã Nước mắm Tam Giang", "Thôn Thai Dương, xã Thuận An"],
            ["Công ty TNHH Khí hóa lỏng Chân Mây", "Khu kinh tế Chân Mây - Lăng Cô, xã Phú Lộc"],
        ];
        var enterprises = enterpriseNames
            .Select((e, i) => Add(e[0], OrganizationKind.Enterprise, $"{e[1]}, thành phố Huế", i + 1))
            .ToList();
        await db.SaveChangesAsync(cancellationToken);

        var documents = AddDocuments(provinceId, now);
        AddPlan(provinceId, now, documents[Plan2022]);
        var task = AddScienceTask(provinceId, now, centre);
        AddOutreach(provinceId, now, newspaper, enterprises);
        await db.SaveChangesAsync(cancellationToken);

        await AddSurveyAsync(provinceId, now, centre, enterprises, cancellationToken);
        AddAssurance(provinceId, now, enterprises[2], task);
        AddInstruments(provinceId, now, today, centre, enterprises);
        await db.SaveChangesAsync(cancellationToken);
        AddInspections(provinceId, now, inspectorate, enterprises);

        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DemoDataSeeder.DefaultPassword;
        await DemoDataSeeder.AddDemoUserAsync(userManager, OfficerEmail, "Hoàng Thị Mai Anh (demo)", Roles.ProvinceOfficer, provinceId, null, now, password);
        await DemoDataSeeder.AddDemoUserAsync(userManager, AdminEmail, "Quản trị Sở KH&CN Huế (demo)", Roles.ProvinceAdmin, provinceId, null, now, password);
    }

    private Dictionary<string, DirectiveDocument> AddDocuments(int provinceId, DateTime now)
    {
        var documents = new Dictionary<string, DirectiveDocument>(StringComparer.Ordinal);
        void Add(DocumentType type, string number, string issuer, DateOnly issuedOn, string subject, string? summary = null)
        {
            var document = new DirectiveDocument
            {
                ProvinceId = provinceId,
                Type = type,
                Number = number,
                Issuer = issuer,
                IssuedOn = issuedOn,
                Subject = subject,
                Summary = summary,
                CreatedAt = now,
                UpdatedAt = now,
            };
            document.RefreshSearchText();
            db.DirectiveDocuments.Add(document);
            documents[number] = document;
        }

        Add(DocumentType.Decision, ImplementationDecision, Committee, new DateOnly(2020, 8, 14),
            "Ban hành Kế hoạch thực hiện Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Thừa Thiên Huế",
            "Giao Sở Khoa học và Công nghệ chủ trì, hằng năm xây dựng kế hoạch và báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.");
        Add(DocumentType.Plan, Plan2021, Department, new DateOnly(2021, 3, 2),
            "Kế hoạch hoạt động đo lường hỗ trợ doanh nghiệp trên địa bàn tỉnh năm 2021");
        Add(DocumentType.Plan, Plan2022, Department, new DateOnly(2022, 3, 8),
            "Kế hoạch hoạt động đo lường hỗ trợ doanh nghiệp trên địa bàn tỉnh năm 2022");
        return documents;
    }

    private void AddPlan(int provinceId, DateTime now, DirectiveDocument document)
    {
        var plan = new AnnualPlan { ProvinceId = provinceId, Year = 2022, Title = "Kế hoạch thực hiện Đề án 996 năm 2022", Document = document, CreatedAt = now, UpdatedAt = now };
        void Task(string title, ProgrammeArea area, DateOnly deadline, PlanTaskStatus status, int percent) => plan.Tasks.Add(new PlanTask
        {
            ProvinceId = provinceId,
            Title = title,
            Area = area,
            OwnerName = "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            Deadline = deadline,
            Status = status,
            ProgressPercent = percent,
            CompletedOn = status == PlanTaskStatus.Done ? deadline.AddDays(-10) : null,
            CreatedAt = now,
            UpdatedAt = now,
        });
        Task("Tuyên truyền, phổ biến Đề án trên Báo Thừa Thiên Huế", ProgrammeArea.Communication, new DateOnly(2022, 11, 30), PlanTaskStatus.Done, 100);
        Task("Khảo sát năng lực đo lường của doanh nghiệp", ProgrammeArea.EnterpriseSupport, new DateOnly(2022, 6, 30), PlanTaskStatus.Done, 100);
        Task("Hướng dẫn doanh nghiệp áp dụng Chương trình đảm bảo đo lường", ProgrammeArea.EnterpriseSupport, new DateOnly(2022, 12, 15), PlanTaskStatus.InProgress, 60);
        db.AnnualPlans.Add(plan);
    }

    private ScienceTask AddScienceTask(int provinceId, DateTime now, Organization centre)
    {
        var task = new ScienceTask
        {
            ProvinceId = provinceId,
            Level = ScienceTaskLevel.Basic,
            Title = "Đánh giá thực trạng và đề xuất giải pháp đảm bảo đo lường trong kinh doanh xăng dầu trên địa bàn tỉnh Thừa Thiên Huế",
            Area = ProgrammeArea.EnterpriseSupport,
            HostOrganizationId = centre.Id,
            Budget = 260_000_000,
            StartOn = new DateOnly(2022, 3, 1),
            EndOn = new DateOnly(2022, 12, 31),
            Status = ScienceTaskStatus.Completed,
            Outputs = "Báo cáo đánh giá; quy trình kiểm tra nhanh cột đo xăng dầu",
            CreatedAt = now,
            UpdatedAt = now,
        };
        task.RefreshSearchText();
        db.ScienceTasks.Add(task);
        return task;
    }

    /// <summary>2022: 3 articles and a class of 35 people from 22 enterprises; 2021: one article, for the cumulative figures.</summary>
    private void AddOutreach(int provinceId, DateTime now, Organization newspaper, List<Organization> enterprises)
    {
        void Add(OutreachKind kind, DateOnly heldOn, string title, int? participants = null, int? enterprisesReached = null, bool reached = false)
        {
            var activity = new OutreachActivity
            {
                ProvinceId = provinceId,
                Kind = kind,
                HeldOn = heldOn,
                Title = title,
                OutletId = kind == OutreachKind.Article ? newspaper.Id : null,
                Participants = participants,
                EnterprisesReachedCount = enterprisesReached,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (reached)
            {
                activity.EnterprisesReached.AddRange(enterprises.Select(e => new OutreachEnterprise { OrganizationId = e.Id }));
            }

            activity.RefreshSearchText();
            db.OutreachActivities.Add(activity);
        }

        Add(OutreachKind.Article, new DateOnly(2021, 10, 12), "Huế triển khai Đề án đổi mới hoạt động đo lường hỗ trợ doanh nghiệp");
        Add(OutreachKind.Article, new DateOnly(2022, 4, 20), "Doanh nghiệp Huế với Chương trình đảm bảo đo lường");
        Add(OutreachKind.Article, new DateOnly(2022, 7, 5), "Kiểm định cột đo xăng dầu: bảo vệ quyền lợi người tiêu dùng");
        Add(OutreachKind.Article, new DateOnly(2022, 11, 18), "Nâng cao năng lực đo lường cho doanh nghiệp vừa và nhỏ");
        Add(OutreachKind.Class, new DateOnly(2022, 9, 22), "Lớp tập huấn nghiệp vụ đo lường cho doanh nghiệp năm 2022", 35, 22, reached: true);
    }

    /// <summary>The 2022 survey: the centre and the 7 enterprises asked, 6 forms returned.</summary>
    private async Task AddSurveyAsync(int provinceId, DateTime now, Organization centre, List<Organization> enterprises, CancellationToken cancellationToken)
    {
        var published = new DateTime(2022, 3, 20, 2, 0, 0, DateTimeKind.Utc);
        var questionnaire = new Questionnaire
        {
            ProvinceId = provinceId,
            Title = "Phiếu khảo sát năng lực đo lường doanh nghiệp",
            Version = 1,
            PublishedAt = published,
            Description = $"Phiếu khảo sát theo Kế hoạch số {Plan2022}.",
            CreatedAt = published,
            UpdatedAt = published,
        };
        questionnaire.Questions.Add(new SurveyQuestion { ProvinceId = provinceId, Position = 1, Text = "Đơn vị có cán bộ phụ trách công tác đo lường?", Kind = QuestionKind.YesNo, Required = true, Weight = 2 });
        questionnaire.Questions.Add(new SurveyQuestion { ProvinceId = provinceId, Position = 2, Text = "Mức độ quan tâm tham gia Chương trình đảm bảo đo lường", Kind = QuestionKind.Scale, Required = true, Weight = 1 });
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(cancellationToken);

        List<Organization> targets = [centre, .. enterprises];
        var campaign = new SurveyCampaign
        {
            ProvinceId = provinceId,
            QuestionnaireId = questionnaire.Id,
            Title = Campaign2022Title,
            Year = 2022,
            OpensOn = new DateOnly(2022, 4, 4),
            ClosesOn = new DateOnly(2022, 5, 27),
            Status = SurveyCampaignStatus.Closed,
            CreatedAt = published,
            UpdatedAt = published,
        };
        campaign.Targets.AddRange(targets.Select(o => new SurveyTarget { ProvinceId = provinceId, OrganizationId = o.Id }));
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var yesNo = questionnaire.Questions[0];
        var scale = questionnaire.Questions[1];
        foreach (var (organization, index) in targets.Take(6).Select((o, i) => (o, i)))
        {
            var submittedAt = new DateTime(2022, 4, 11, 3, 0, 0, DateTimeKind.Utc).AddDays(index * 5);
            var response = new SurveyResponse
            {
                ProvinceId = provinceId,
                CampaignId = campaign.Id,
                OrganizationId = organization.Id,
                Status = SurveyResponseStatus.Submitted,
                EnteredOnPaper = index % 2 == 1,
                EnteredByEmail = OfficerEmail,
                SubmittedAt = submittedAt,
                CreatedAt = submittedAt,
                UpdatedAt = submittedAt,
            };
            var hasOfficer = index % 3 != 2;
            response.Answers.Add(new SurveyAnswer { ProvinceId = provinceId, QuestionId = yesNo.Id, ValueText = hasOfficer ? "yes" : "no", ValueNumber = hasOfficer ? 1 : 0 });
            var interest = 2 + (index % 4);
            response.Answers.Add(new SurveyAnswer { ProvinceId = provinceId, QuestionId = scale.Id, ValueText = interest.ToString(CultureInfo.InvariantCulture), ValueNumber = interest });
            response.Score = CapabilityScore.Compute(questionnaire.Questions, response.Answers.ToDictionary(a => a.QuestionId));
            db.SurveyResponses.Add(response);
        }
    }

    private void AddAssurance(int provinceId, DateTime now, Organization brewery, ScienceTask task)
    {
        var programme = new AssuranceProgramme
        {
            ProvinceId = provinceId,
            EnterpriseId = brewery.Id,
            Kind = AssuranceProgrammeKind.Pilot,
            ScienceTaskId = task.Id,
            StartedOn = new DateOnly(2022, 6, 1),
            Notes = "Mô hình điểm tại dây chuyền chiết rót",
            CreatedAt = now,
            UpdatedAt = now,
        };
        (string Name, AssuranceStepStatus Status, DateOnly? Done)[] steps =
        [
            ("Khảo sát, đánh giá hiện trạng đo lường", AssuranceStepStatus.Done, new DateOnly(2022, 7, 15)),
            ("Đào tạo cán bộ phụ trách đo lường", AssuranceStepStatus.Done, new DateOnly(2022, 9, 30)),
            ("Xây dựng quy trình kiểm soát phương tiện đo", AssuranceStepStatus.InProgress, null),
        ];
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            programme.Steps.Add(new AssuranceStep
            {
                ProvinceId = provinceId,
                Position = index + 1,
                Name = step.Name,
                Status = step.Status,
                StartedOn = new DateOnly(2022, 6, 1).AddMonths(index),
                CompletedOn = step.Done,
                UpdatedAt = now,
            });
        }

        db.AssuranceProgrammes.Add(programme);
    }

    /// <summary>
    /// The centre designated in 2021 for fuel dispensers and cold-water meters; 12 instruments verified in 2022
    /// (one failed and so not to be used); the dispensers of the first enterprises verified every year since, the
    /// others now overdue or due soon, so the dashboard shows live work.
    /// </summary>
    private void AddInstruments(int provinceId, DateTime now, DateOnly today, Organization centre, List<Organization> enterprises)
    {
        db.Designations.Add(new Designation
        {
            ProvinceId = provinceId,
            Body = centre,
            DecisionNumber = "318/QĐ-TĐC",
            DecisionDate = new DateOnly(2021, 3, 15),
            Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
            ValidFrom = new DateOnly(2021, 3, 15),
            ValidUntil = new DateOnly(2027, 3, 14),
            Scopes =
            [
                new() { TypeCode = "fuel-dispenser", Initial = true, Periodic = true, AfterRepair = true },
                new() { TypeCode = "water-meter-cold-mechanical", Initial = true, Periodic = true, AfterRepair = true },
            ],
            CreatedAt = now,
            UpdatedAt = now,
        });

        string[] types = ["fuel-dispenser", "fuel-dispenser", "water-meter-cold-mechanical"];
        for (var i = 0; i < 12; i++)
        {
            var type = types[i % types.Length];
            var cycle = type == "fuel-dispenser" ? 12 : 60;
            var instrument = new Instrument
            {
                ProvinceId = provinceId,
                OwnerId = enterprises[i % enterprises.Count].Id,
                TypeCode = type,
                Manufacturer = type == "fuel-dispenser" ? "Tatsuno" : "Zenner",
                Model = type == "fuel-dispenser" ? "Sunny NP" : "MTK-N",
                SerialNumber = $"HUE-{2022}-{i + 1:D3}",
                Location = "Thành phố Huế",
                Status = InstrumentStatus.InService,
                CreatedAt = now,
                UpdatedAt = now,
            };
            instrument.RefreshSearchText();
            db.Instruments.Add(instrument);
            var first = new DateOnly(2022, 2 + (i % 10), 8 + i);
            var failed = i == 5;
            DateOnly last = first;
            DateOnly? due = failed ? null : first.AddMonths(cycle);
            AddVerification(instrument, centre, first, failed, failed ? null : due, cycle, now, provinceId);
            // The dispensers verified again each year since; a few of this year's are still to come.
            if (!failed && type == "fuel-dispenser" && i < 8)
            {
                for (var year = 2023; year <= today.Year; year++)
                {
                    var again = new DateOnly(year, first.Month, first.Day);
                    if (again >= today)
                    {
                        break;
                    }

                    last = again;
                    due = again.AddMonths(cycle);
                    AddVerification(instrument, centre, again, false, due, cycle, now, provinceId);
                }
            }

            instrument.LastVerifiedOn = last;
            instrument.NextDueDate = due;
            instrument.MustNotBeUsed = failed;
        }
    }

    /// <summary>A verification as a lab records it: a passing one with its stamp and certificate, valid until the due date.</summary>
    private void AddVerification(Instrument instrument, Organization centre, DateOnly date, bool failed, DateOnly? due, int cycle, DateTime now, int provinceId)
    {
        var record = new VerificationRecord
        {
            ProvinceId = provinceId,
            Instrument = instrument,
            OwnerId = instrument.OwnerId,
            Body = centre,
            Kind = date.Year == 2022 ? VerificationKind.Initial : VerificationKind.Periodic,
            Date = date,
            Result = failed ? VerificationResult.Fail : VerificationResult.Pass,
            StampSerial = failed ? null : $"HUE-T{date.Year}-{instrument.SerialNumber[^3..]}",
            VerifierName = "Nguyễn Văn Phước",
            TypeCode = instrument.TypeCode!,
            CycleMonths = cycle,
            NextDueDate = due,
            Notes = failed ? "Sai số vượt giới hạn cho phép" : null,
            CreatedAt = now,
        };
        db.Verifications.Add(record);
        if (!failed)
        {
            certificates++;
            db.Certificates.Add(new Certificate
            {
                ProvinceId = provinceId,
                Body = centre,
                Instrument = instrument,
                OwnerId = instrument.OwnerId,
                Verification = record,
                Number = string.Create(CultureInfo.InvariantCulture, $"HUE-{certificates:D5}/{date.Year}/GCNKĐ"),
                PublicToken = Certificate.NewToken(),
                IssuedOn = date,
                ValidUntil = due,
                SignerName = "Trần Quang Vinh",
                SignerTitle = "Giám đốc",
                CreatedAt = now,
            });
        }
    }

    /// <summary>The inspectorate's approved 2022 plan of 4 enterprises; 3 inspected, one violation fined 5.000.000 đ.</summary>
    private void AddInspections(int provinceId, DateTime now, Organization inspectorate, List<Organization> enterprises)
    {
        var plan = new InspectionPlan
        {
            ProvinceId = provinceId,
            Agency = inspectorate,
            Year = 2022,
            Title = "Kế hoạch thanh tra chuyên ngành đo lường năm 2022",
            Kind = InspectionKind.Inspection,
            LegalBasis = "Luật Đo lường năm 2011; Nghị định số 119/2017/NĐ-CP",
            Team = "Đoàn thanh tra Sở Khoa học và Công nghệ",
            Status = InspectionPlanStatus.Approved,
            ApprovedAt = new DateTime(2022, 1, 20, 2, 0, 0, DateTimeKind.Utc),
            ApprovedByEmail = AdminEmail,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var (enterprise, index) in enterprises.Take(4).Select((e, i) => (e, i)))
        {
            plan.Targets.Add(new InspectionTarget
            {
                ProvinceId = provinceId,
                OrganizationId = enterprise.Id,
                Content = InspectionContent.Group2Instruments,
                FromMonth = 5 + index,
                ToMonth = 6 + index,
            });
        }

        db.InspectionPlans.Add(plan);
        foreach (var (enterprise, index) in enterprises.Take(3).Select((e, i) => (e, i)))
        {
            var record = new InspectionRecord
            {
                ProvinceId = provinceId,
                Agency = inspectorate,
                Plan = plan,
                OrganizationId = enterprise.Id,
                Kind = InspectionKind.Inspection,
                Content = InspectionContent.Group2Instruments,
                StartedOn = new DateOnly(2022, 5 + index, 10),
                EndedOn = new DateOnly(2022, 5 + index, 12),
                Team = "Đoàn thanh tra Sở Khoa học và Công nghệ",
                Findings = index == 0 ? "01 cột đo xăng dầu quá hạn kiểm định" : "Chấp hành đúng quy định về đo lường",
                Conclusion = index == 0 ? "Xử phạt vi phạm hành chính" : "Không phát hiện vi phạm",
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (index == 0)
            {
                record.Violations.Add(new InspectionViolation
                {
                    ProvinceId = provinceId,
                    Kind = ViolationKind.OverdueVerification,
                    Description = "Sử dụng cột đo xăng dầu quá hạn kiểm định",
                    SanctionAmount = 5_000_000,
                    SanctionDecision = "15/QĐ-XPHC",
                });
            }

            db.InspectionRecords.Add(record);
        }
    }

    /// <summary>A valid tax code of the "33" series (Huế's), distinct from the other demo province's "31"/"32".</summary>
    private static string TaxCodeFor(int seed)
    {
        for (var n = seed * 7919 + 4321; ; n++)
        {
            var prefix = "33" + (n % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            if (TaxCode.CheckDigitOf(prefix) is { } check)
            {
                return prefix + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
