using System.Net.Http.Json;
using Metrology.Core.Reporting;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.NationalRollup;

public sealed record IndicatorSumJson(string Indicator, decimal Year, decimal Cumulative);

public sealed record RollupUnitJson(string Unit, string Status, int? ReportId, string? ReportStatus, DateTime? SentAt, bool? IsOnTime, string? ReportLink);

public sealed record RollupProvinceJson(
    string Slug, string Name, string Status, int Expected, int Sent, int OnTime, int Late, int Missing,
    int? ReportId, DateTime? SentAt, bool? IsOnTime, string? ReportLink, List<RollupUnitJson> Units, List<IndicatorSumJson> Indicators)
{
    public decimal YearOf(string indicator) => Indicators.Single(i => i.Indicator == indicator).Year;
}

public sealed record RollupJson(
    int Year, DateOnly Deadline, bool DeadlineConfigured, bool ByFormerUnits, int Expected, int Sent, int OnTime, int Late, int Missing,
    decimal Completeness, decimal Timeliness, List<IndicatorSumJson> Indicators, List<RollupProvinceJson> Provinces)
{
    public RollupProvinceJson Province(string slug) => Provinces.Single(p => p.Slug == slug);

    public IndicatorSumJson Indicator(string indicator) => Indicators.Single(i => i.Indicator == indicator);
}

public sealed record DeadlineJson(int Year, DateOnly DueOn, bool Configured, DateTime? UpdatedAt, string? UpdatedByEmail);

/// <summary>Annual reports written straight to the database, as the report feature would leave them.</summary>
public static class RollupArrange
{
    public const string RollupPath = "/api/v1/rollup";

    /// <summary>
    /// A report of <paramref name="slug"/> for <paramref name="year"/> filed as <paramref name="unit"/>; a sent one
    /// carries a snapshot with the given indicators (year, cumulative).
    /// </summary>
    public static Task<int> AddReport(
        this MetrologyApp app, string slug, int year, string unit, ReportStatus status, DateTime? sentAtUtc = null,
        params (KeyIndicator Indicator, decimal Year, decimal Cumulative)[] indicators) =>
        app.WithDatabase(async db =>
        {
            var provinceId = await db.Provinces.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var approved = status is ReportStatus.Approved or ReportStatus.Sent;
            var snapshot = new ReportSnapshot(now, [], [], [.. indicators.Select(i => new IndicatorValue(i.Indicator, i.Year, i.Cumulative))]);
            var report = new AnnualReport
            {
                ProvinceId = provinceId,
                Year = year,
                ReportingUnit = unit,
                Status = status,
                ApprovedSnapshotJson = approved ? ReportSnapshotJson.Serialize(snapshot) : null,
                CreatedAt = now,
                UpdatedAt = now,
                ApprovedAt = approved ? now : null,
                SentAt = status == ReportStatus.Sent ? sentAtUtc : null,
                SentByEmail = status == ReportStatus.Sent ? TestData.QuangTriAdmin : null,
            };
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    /// <summary>A UTC instant from a Vietnam local time (UTC+7, no daylight saving).</summary>
    public static DateTime VietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    public static async Task<RollupJson> GetRollup(this HttpClient client, int year)
    {
        using var response = await client.GetAsync($"{RollupPath}?year={year}");
        return await response.ShouldReturn<RollupJson>();
    }

    public static Task<HttpResponseMessage> PutDeadline(this HttpClient client, int year, object body) =>
        client.PutAsJsonAsync($"{RollupPath}/deadlines/{year}", body);
}
