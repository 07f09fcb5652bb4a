using System.Text.Json;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Reporting;
using Metrology.Core.Shared;
using Metrology.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Metrology.Web.Features.NationalRollup;

/// <summary>
/// The Ministry's national roll-up (design/report.md, "National roll-up"): for a year, which provinces sent
/// their annual report, on time or late against the year's deadline, which are missing, and the key
/// indicators of the sent reports summed. Three queries whatever the number of reports: the provinces, the
/// deadline, and the year's reports with their snapshots (deserialized here, one small JSON per report).
/// </summary>
public sealed class RollupService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Who reads the roll-up and sets the deadline: the Ministry, and the system administrator.</summary>
    public static readonly string[] ReaderRoles = [Roles.MinistryOfficer, Roles.SystemAdmin];

    /// <summary>
    /// The provinces merged on 1/7/2025; the report of 2025 is filed by the new province, so only the years
    /// before expect one report per former unit.
    /// </summary>
    public const int FirstYearAfterMerger = 2025;

    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    /// <summary>Vietnam has had no daylight saving since 1975: its date is the UTC instant plus 7 hours.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public int CurrentYear => DisplayFormat.Today(clock).Year;

    public FieldErrors CheckYear(int year)
    {
        var errors = new FieldErrors();
        if (year is < MinYear or > MaxYear)
        {
            errors.Add("year", text["Rollup.Error.Year", MinYear, MaxYear]);
        }

        return errors;
    }

    /// <summary>The latest year any province has sent a report for: where the Ministry's work is; this year when none has.</summary>
    public async Task<int> LatestCycleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Sent).MaxAsync(r => (int?)r.Year, cancellationToken) ?? CurrentYear;
    }

    public async Task<RollupDto> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provinces = (await db.Provinces.AsNoTracking()
            .Select(p => new { p.Id, p.Slug, p.NameVi, p.FormerUnitsVi })
            .ToListAsync(cancellationToken))
            .OrderBy(p => ReportWording.SortName(p.NameVi), ReportWording.VietnameseOrder)
            .ToList();
        var configured = await db.ReportDeadlines.AsNoTracking().Where(d => d.Year == year).Select(d => (DateOnly?)d.DueOn).FirstOrDefaultAsync(cancellationToken);
        var deadline = configured ?? ReportDeadline.DefaultFor(year);
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year)
            .Select(r => new ReportRow(r.Id, r.ProvinceId, r.ReportingUnit, r.Status, r.SentAt, r.Status == ReportStatus.Sent ? r.ApprovedSnapshotJson : null))
            .ToListAsync(cancellationToken);
        var byProvince = reports.ToLookup(r => r.ProvinceId);

        var byFormerUnits = year < FirstYearAfterMerger;
        var rows = new List<RollupProvinceDto>(provinces.Count);
        foreach (var province in provinces)
        {
            var units = byFormerUnits
                ? province.FormerUnitsVi.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            if (units.Length == 0)
            {
                units = [province.NameVi];
            }

            rows.Add(ProvinceRow(province.Slug, province.NameVi, units, byProvince[province.Id].ToList(), deadline));
        }

        var expected = rows.Sum(r => r.Expected);
        var sent = rows.Sum(r => r.Sent);
        var onTime = rows.Sum(r => r.OnTime);
        return new RollupDto(
            year, deadline, configured is not null, byFormerUnits, expected, sent, onTime, rows.Sum(r => r.Late), rows.Sum(r => r.Missing),
            Ratio(sent, expected), Ratio(onTime, expected), Sum(rows.SelectMany(r => r.Indicators)), rows);
    }

    /// <summary>
    /// The roll-up as a workbook with Vietnamese headers: one sheet of provinces (one row per expected report),
    /// one of indicators (the nation's totals first, then each province with sent reports).
    /// </summary>
    public async Task ExportAsync(int year, Stream output, CancellationToken cancellationToken = default)
    {
        var rollup = await GetAsync(year, cancellationToken);
        var provinces = new List<Dictionary<string, object?>>();
        var number = 0;
        foreach (var province in rollup.Provinces)
        {
            number++;
            foreach (var unit in province.Units)
            {
                provinces.Add(new Dictionary<string, object?>
                {
                    [text["Rollup.Xlsx.Number"]] = number,
                    [text["Rollup.Xlsx.Province"]] = province.Name,
                    [text["Rollup.Xlsx.Unit"]] = unit.Unit,
                    [text["Rollup.Xlsx.Status"]] = text[$"Rollup.Status.{unit.Status}"].Value,
                    [text["Rollup.Xlsx.SentOn"]] = unit.SentAt is { } sentAt ? DisplayFormat.Date(sentAt) : null,
                    [text["Rollup.Xlsx.Deadline"]] = DisplayFormat.Date(rollup.Deadline),
                    [text["Rollup.Xlsx.Link"]] = unit.ReportLink,
                });
            }
        }

        var indicators = new List<Dictionary<string, object?>>();
        void AddIndicators(string place, IEnumerable<IndicatorSumDto> values)
        {
            foreach (var value in values)
            {
                indicators.Add(new Dictionary<string, object?>
                {
                    [text["Rollup.Xlsx.Province"]] = place,
                    [text["Rollup.Xlsx.Indicator"]] = text[$"Rollup.Indicator.{value.Indicator}"].Value,
                    [text["Rollup.Xlsx.Year", rollup.Year]] = value.Year,
                    [text["Rollup.Xlsx.Cumulative"]] = value.Cumulative,
                });
            }
        }

        AddIndicators(text["Rollup.Nation"], rollup.Indicators);
        foreach (var province in rollup.Provinces.Where(p => p.Sent > 0))
        {
            AddIndicators(province.Name, province.Indicators);
        }

        var sheets = new Dictionary<string, object>
        {
            [text["Rollup.Xlsx.ProvincesSheet"]] = provinces,
            [text["Rollup.Xlsx.IndicatorsSheet"]] = indicators,
        };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
    }

    public async Task<DeadlineDto> GetDeadlineAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReportDeadlines.AsNoTracking().FirstOrDefaultAsync(d => d.Year == year, cancellationToken);
        return row is null
            ? new DeadlineDto(year, ReportDeadline.DefaultFor(year), false, null, null)
            : new DeadlineDto(year, row.DueOn, true, row.UpdatedAt, row.UpdatedByEmail);
    }

    /// <summary>
    /// Sets the year's deadline. It must fall in the report's year or the next one (a report of 2024 may be
    /// due in January 2025, never before the year starts).
    /// </summary>
    public async Task<Outcome<DeadlineDto>> SetDeadlineAsync(int year, DeadlineInput input, CancellationToken cancellationToken = default)
    {
        var errors = CheckYear(year);
        if (input.DueOn is not { } dueOn)
        {
            errors.Add("dueOn", text["Error.Required"]);
        }
        else if (dueOn.Year < year || dueOn.Year > year + 1)
        {
            errors.Add("dueOn", text["Rollup.Error.DueOnRange", year, year + 1]);
        }

        if (errors.Any)
        {
            return Outcome<DeadlineDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReportDeadlines.FirstOrDefaultAsync(d => d.Year == year, cancellationToken);
        if (row is null)
        {
            row = new ReportDeadline { Year = year };
            db.ReportDeadlines.Add(row);
        }

        row.DueOn = input.DueOn!.Value;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByEmail = currentUser.UserEmail;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DeadlineDto>.Ok(new DeadlineDto(year, row.DueOn, true, row.UpdatedAt, row.UpdatedByEmail));
    }

    public async Task<RequestLetterDto?> GetRequestLetterAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReportRequestLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Year == year, cancellationToken);
        return row is null ? null : new RequestLetterDto(row.Year, row.Number, row.IssuedOn, row.Issuer, row.UpdatedAt, row.UpdatedByEmail);
    }

    /// <summary>
    /// Records the Ministry's letter asking every province for the year's report; the provinces' new reports of that
    /// year cite it. The letter is dated in the report's year or the next (the 2022 reports were asked for on 03/01/2023).
    /// </summary>
    public async Task<Outcome<RequestLetterDto>> SetRequestLetterAsync(int year, RequestLetterInput input, CancellationToken cancellationToken = default)
    {
        var errors = CheckYear(year);
        var number = ReportText.CleanOptional(input.Number);
        var issuer = ReportText.CleanOptional(input.Issuer);
        FieldRules.RequireText(errors, text, "number", number, 50);
        FieldRules.RequireText(errors, text, "issuer", issuer, 200);
        if (input.IssuedOn is { } issuedOn && (issuedOn.Year < year || issuedOn.Year > year + 1))
        {
            errors.Add("issuedOn", text["Rollup.Error.DueOnRange", year, year + 1]);
        }

        if (errors.Any)
        {
            return Outcome<RequestLetterDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReportRequestLetters.FirstOrDefaultAsync(l => l.Year == year, cancellationToken);
        if (row is null)
        {
            row = new ReportRequestLetter { Year = year, Number = string.Empty, Issuer = string.Empty };
            db.ReportRequestLetters.Add(row);
        }

        row.Number = number!.Trim();
        row.IssuedOn = input.IssuedOn;
        row.Issuer = issuer!.Trim();
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByEmail = currentUser.UserEmail;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<RequestLetterDto>.Ok(new RequestLetterDto(row.Year, row.Number, row.IssuedOn, row.Issuer, row.UpdatedAt, row.UpdatedByEmail));
    }

    public async Task<IReadOnlyList<TargetDto>> ListTargetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NationalTargets.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(t => t.Indicator).ThenBy(t => t.TargetYear).Select(ToDto)];
    }

    /// <summary>
    /// Sets the national target of an indicator for a year (a yearly target or a 2025 / 2030 milestone); the same
    /// indicator and year again replaces the value. Every province's annex shows it unless the province set its own.
    /// </summary>
    public async Task<Outcome<TargetDto>> SetTargetAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        KeyIndicator indicator = default;
        if (string.IsNullOrWhiteSpace(input.Indicator))
        {
            errors.Add("indicator", text["Error.Required"]);
        }
        else if (!Enum.TryParse(input.Indicator.Trim(), ignoreCase: true, out indicator) || !Enum.IsDefined(indicator))
        {
            errors.Add("indicator", text["Rollup.Error.Indicator", string.Join(", ", Enum.GetNames<KeyIndicator>())]);
        }

        if (input.TargetYear is not { } targetYear)
        {
            errors.Add("targetYear", text["Error.Required"]);
            targetYear = 0;
        }
        else if (targetYear is < Reports.ReportService.FirstYear or > MaxTargetYear)
        {
            errors.Add("targetYear", text["Rollup.Error.TargetYear", Reports.ReportService.FirstYear, MaxTargetYear]);
        }

        if (input.Value is not { } value)
        {
            errors.Add("value", text["Error.Required"]);
            value = 0;
        }
        else if (value < 0)
        {
            errors.Add("value", text["Rollup.Error.TargetValue"]);
        }

        var source = ReportText.CleanOptional(input.Source);
        FieldRules.OptionalText(errors, text, "source", source, 500);
        if (errors.Any)
        {
            return Outcome<TargetDto>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.NationalTargets.FirstOrDefaultAsync(t => t.Indicator == indicator && t.TargetYear == targetYear, cancellationToken);
        if (row is null)
        {
            row = new NationalTarget { Indicator = indicator, TargetYear = targetYear };
            db.NationalTargets.Add(row);
        }

        row.Value = value;
        row.Source = FieldRules.Blank(source);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByEmail = currentUser.UserEmail;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TargetDto>.Ok(ToDto(row));
    }

    public async Task<Outcome<bool>> DeleteTargetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.NationalTargets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (row is null)
        {
            return Outcome<bool>.NotFound();
        }

        db.NationalTargets.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Decision 996 sets targets to 2025 and orientations to 2030.</summary>
    public const int MaxTargetYear = 2030;

    private static TargetDto ToDto(NationalTarget t) =>
        new(t.Id, t.Indicator, Reports.IndicatorLabels.Label(t.Indicator), t.TargetYear, t.Value, t.Source, t.UpdatedAt, t.UpdatedByEmail);

    /// <summary>
    /// A province's row: each expected unit takes the report filed under its name. A province that files one
    /// report takes any of its reports for the year, whatever name the report carries.
    /// </summary>
    private static RollupProvinceDto ProvinceRow(string slug, string name, string[] units, List<ReportRow> reports, DateOnly deadline)
    {
        var unitRows = new List<RollupUnitDto>(units.Length);
        var indicators = new List<IndicatorSumDto>();
        foreach (var unit in units)
        {
            var candidates = units.Length == 1 ? reports : reports.Where(r => SameUnit(r.ReportingUnit, unit)).ToList();
            // A sent report wins over a draft of the same unit; the earliest sending counts.
            var report = candidates.Where(r => r.Status == ReportStatus.Sent).OrderBy(r => r.SentAt).FirstOrDefault()
                ?? candidates.OrderByDescending(r => r.Status).FirstOrDefault();
            if (report is null)
            {
                unitRows.Add(new RollupUnitDto(unit, RollupStatus.Missing, null, null, null, null, null));
                continue;
            }

            if (report.Status != ReportStatus.Sent)
            {
                // The Ministry sees only sent reports: a draft or an approved report not yet sent is missing.
                unitRows.Add(new RollupUnitDto(unit, RollupStatus.Missing, null, report.Status.ToString(), null, null, null));
                continue;
            }

            var onTime = report.SentAt is { } sentAt && DateOnly.FromDateTime(sentAt + VietnamOffset) <= deadline;
            unitRows.Add(new RollupUnitDto(unit, onTime ? RollupStatus.OnTime : RollupStatus.Late, report.Id, report.Status.ToString(), report.SentAt, onTime, ReportLink(report.Id)));
            indicators.AddRange(Indicators(report.SnapshotJson));
        }

        var sent = unitRows.Count(u => u.ReportId is not null);
        var onTimeCount = unitRows.Count(u => u.IsOnTime == true);
        var status = sent == 0 ? RollupStatus.Missing
            : sent < units.Length ? RollupStatus.Partial
            : onTimeCount < sent ? RollupStatus.Late
            : RollupStatus.OnTime;
        var single = unitRows.Count == 1 ? unitRows[0] : null;
        return new RollupProvinceDto(
            slug, name, status, units.Length, sent, onTimeCount, sent - onTimeCount, units.Length - sent,
            single?.ReportId, single?.SentAt, single?.IsOnTime, single?.ReportLink, unitRows, Sum(indicators));
    }

    public static string ReportLink(int reportId) => $"/reports/{reportId}";

    /// <summary>"Quảng Bình", "tỉnh Quảng Bình" and "TỈNH QUẢNG BÌNH" name the same unit.</summary>
    private static bool SameUnit(string reportingUnit, string unit) => UnitKey(reportingUnit) == UnitKey(unit);

    private static string UnitKey(string name)
    {
        var folded = TextSearch.Fold(name);
        foreach (var prefix in (string[])["thanh pho ", "tinh "])
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return folded[prefix.Length..];
            }
        }

        return folded;
    }

    private static IEnumerable<IndicatorSumDto> Indicators(string? snapshotJson)
    {
        if (string.IsNullOrEmpty(snapshotJson))
        {
            return [];
        }

        try
        {
            return ReportSnapshotJson.Deserialize(snapshotJson).Indicators.Select(i => new IndicatorSumDto(i.Indicator, i.Year, i.Cumulative));
        }
        catch (JsonException)
        {
            // A snapshot the roll-up cannot read must not hide the other provinces: that report adds no figures.
            return [];
        }
    }

    /// <summary>Every indicator once, in the annex's order, summed (zero where no report gives it).</summary>
    private static List<IndicatorSumDto> Sum(IEnumerable<IndicatorSumDto> values)
    {
        var list = values.ToList();
        return [.. Enum.GetValues<KeyIndicator>().Select(k => new IndicatorSumDto(
            k, list.Where(v => v.Indicator == k).Sum(v => v.Year), list.Where(v => v.Indicator == k).Sum(v => v.Cumulative)))];
    }

    private static decimal Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);

    private sealed record ReportRow(int Id, int? ProvinceId, string ReportingUnit, ReportStatus Status, DateTime? SentAt, string? SnapshotJson);
}
