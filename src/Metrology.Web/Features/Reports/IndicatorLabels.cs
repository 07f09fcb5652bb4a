using Metrology.Core.Reporting;

namespace Metrology.Web.Features.Reports;

/// <summary>The annex's Vietnamese name of each key indicator (the report is a Vietnamese document) and where its records are.</summary>
public static class IndicatorLabels
{
    public static string Label(KeyIndicator indicator) => indicator switch
    {
        KeyIndicator.AssuranceEnterprises => "Doanh nghiệp áp dụng Chương trình đảm bảo đo lường",
        KeyIndicator.DesignatedBodies => "Tổ chức kiểm định được chỉ định",
        KeyIndicator.InstrumentsVerified => "Lượt phương tiện đo nhóm 2 được kiểm định",
        KeyIndicator.Group2InstrumentsRegistered => "Phương tiện đo nhóm 2 đang sử dụng được quản lý",
        KeyIndicator.Group2InstrumentsOverdue => "Phương tiện đo nhóm 2 quá hạn kiểm định",
        KeyIndicator.OutreachActivities => "Hoạt động truyền thông, tuyên truyền, đào tạo",
        KeyIndicator.PeopleReached => "Lượt người tham dự lớp, hội thảo, tập huấn",
        KeyIndicator.EnterprisesSurveyed => "Doanh nghiệp được khảo sát năng lực đo lường",
        KeyIndicator.ScienceTasks => "Nhiệm vụ khoa học và công nghệ",
        KeyIndicator.Inspections => "Cuộc thanh tra, kiểm tra về đo lường",
        KeyIndicator.Violations => "Vi phạm được phát hiện",
        KeyIndicator.SanctionsVnd => "Tiền xử phạt vi phạm hành chính",
        KeyIndicator.InvestmentCommittedVnd => "Vốn đầu tư được phê duyệt",
        KeyIndicator.InvestmentDisbursedVnd => "Vốn đầu tư đã giải ngân",
        _ => indicator.ToString(),
    };

    public static bool IsMoney(KeyIndicator indicator) =>
        indicator is KeyIndicator.SanctionsVnd or KeyIndicator.InvestmentCommittedVnd or KeyIndicator.InvestmentDisbursedVnd;

    /// <summary>
    /// The app page that lists the records behind the indicator for the year; every filter in a link is one its page
    /// reads. <paramref name="today"/> tells whether the year is still running: then the overdue instruments are
    /// today's, listed by the instrument list; for a past year no page lists the state at its end, so the link goes
    /// to the verifications up to it, from which that state is worked out.
    /// </summary>
    public static IReadOnlyList<string> Source(KeyIndicator indicator, int year, DateOnly today) => indicator switch
    {
        KeyIndicator.AssuranceEnterprises => ["/assurance"],
        KeyIndicator.DesignatedBodies => ["/designations"],
        KeyIndicator.InstrumentsVerified => [$"/verifications?from={year}-01-01&to={year}-12-31"],
        KeyIndicator.Group2InstrumentsRegistered => ["/instruments"],
        KeyIndicator.Group2InstrumentsOverdue => [OverdueSource(year, today)],
        KeyIndicator.OutreachActivities or KeyIndicator.PeopleReached => [$"/outreach?year={year}"],
        KeyIndicator.EnterprisesSurveyed => ["/surveys"],
        KeyIndicator.ScienceTasks => ["/science-tasks"],
        KeyIndicator.Inspections or KeyIndicator.Violations or KeyIndicator.SanctionsVnd => [$"/inspections?year={year}"],
        _ => ["/investments"],
    };

    /// <summary>See <see cref="Source"/>: today's overdue list while the year runs, else its verifications to 31/12.</summary>
    public static string OverdueSource(int year, DateOnly today) =>
        year >= today.Year ? "/instruments?dueState=Overdue" : $"/verifications?to={year}-12-31";
}
