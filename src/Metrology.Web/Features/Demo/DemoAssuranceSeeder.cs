using Metrology.Core.Data;
using Metrology.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The pilot measurement assurance programme of the seed report (under the S&amp;T task of the pilot model)
/// at three demo enterprises started in 2022 at different stages (one recognised, one half way, one early;
/// the first is the demo enterprise user's), and one replication started this year.
/// </summary>
public sealed class DemoAssuranceSeeder(AppDbContext db, IConfiguration configuration) : IDemoRecordSeeder
{
    public int Order => 50;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var pilotTaskId = await db.ScienceTasks.IgnoreQueryFilters()
            .Where(t => t.ProvinceId == context.ProvinceId && t.Title == DemoDocumentSeeder.PilotTaskTitle)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        var stepNames = configuration.GetSection("Assurance:DefaultSteps").Get<List<string>>() ?? [];

        // doneMonths[i] is the month after the start when step i was done; then one step in progress when asked.
        void Add(int enterpriseIndex, AssuranceProgrammeKind kind, DateOnly startedOn, int done, bool oneInProgress, string? notes)
        {
            var enterprise = context.Enterprises[enterpriseIndex];
            var programme = new AssuranceProgramme
            {
                ProvinceId = context.ProvinceId,
                EnterpriseId = enterprise.Id,
                Kind = kind,
                ScienceTaskId = kind == AssuranceProgrammeKind.Pilot ? pilotTaskId : null,
                StartedOn = startedOn,
                Notes = notes,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            for (var i = 0; i < stepNames.Count; i++)
            {
                var step = new AssuranceStep { ProvinceId = context.ProvinceId, Position = i + 1, Name = stepNames[i], UpdatedAt = context.Now };
                if (i < done)
                {
                    step.Status = AssuranceStepStatus.Done;
                    step.StartedOn = startedOn.AddMonths(2 * i);
                    step.CompletedOn = startedOn.AddMonths((2 * i) + 1);
                    step.EvidenceNote = $"Hồ sơ bước {i + 1}: biên bản, báo cáo kết quả đã lưu.";
                }
                else if (i == done && oneInProgress)
                {
                    step.Status = AssuranceStepStatus.InProgress;
                    step.StartedOn = startedOn.AddMonths(2 * i) is var s && s <= context.Today ? s : context.Today;
                }

                programme.Steps.Add(step);
            }

            if (done == stepNames.Count && stepNames.Count > 0)
            {
                programme.CompletedOn = programme.Steps.Max(s => s.CompletedOn);
            }

            db.AssuranceProgrammes.Add(programme);
        }

        const string pilotNote = "Mô hình điểm áp dụng Chương trình đảm bảo đo lường (Quyết định 510/QĐ-BKHCN, TCVN ISO 10012).";
        Add(0, AssuranceProgrammeKind.Pilot, new DateOnly(2022, 5, 16), done: 4, oneInProgress: true, pilotNote);
        Add(1, AssuranceProgrammeKind.Pilot, new DateOnly(2022, 5, 2), done: stepNames.Count, oneInProgress: false, pilotNote);
        Add(2, AssuranceProgrammeKind.Pilot, new DateOnly(2022, 6, 1), done: 1, oneInProgress: true, pilotNote);

        // This year's replication: started in January (or today, early in January), first step under way.
        var replicationStart = new DateOnly(context.Today.Year, 1, 15) is var jan && jan <= context.Today ? jan : context.Today;
        Add(3, AssuranceProgrammeKind.Replicated, replicationStart, done: 0, oneInProgress: true,
            "Nhân rộng mô hình theo Nghị quyết 163/2021/NQ-HĐND.");
    }
}
