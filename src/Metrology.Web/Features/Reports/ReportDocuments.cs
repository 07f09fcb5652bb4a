using System.Globalization;
using Metrology.Core.Reporting;

namespace Metrology.Web.Features.Reports;

/// <summary>Lays the report's final texts out as a <see cref="ReportDocument"/> for the Word writer.</summary>
public static class ReportDocuments
{
    public static ReportDocument Build(AnnualReport report, ReportDto dto)
    {
        var header = report.Header;
        var unit = ReportingUnitName.Of(report.Province!.NameVi, report.Province.Kind, report.ReportingUnit);
        var texts = dto.Sections.ToDictionary(s => s.Key, s => s.Text, StringComparer.Ordinal);
        var body = new List<ReportBlock>();
        foreach (var entry in ReportStructure.Entries.Where(e => e.Key != ReportStructure.Closing))
        {
            if (entry.Heading is { } heading)
            {
                body.Add(new ReportHeading(entry.Level, heading(report.Year)));
            }

            if (entry.Key is { } key)
            {
                body.AddRange(texts[key].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => new ReportParagraph(line)));
            }
        }

        var annex = new ReportTable(dto.Annex.Title, dto.Annex.Columns, dto.Annex.Rows, new HashSet<int> { 2, 3, 4, 5 }, dto.Annex.Caption);
        return new ReportDocument(
            header,
            PlaceAndDate(header, report.Year),
            $"Kết quả triển khai Đề án 996 trên địa bàn {unit.Full}",
            body,
            texts[ReportStructure.Closing],
            annex);
    }

    /// <summary>
    /// "Quảng Trị, ngày 10 tháng 01 năm 2023" (Decree 30: a leading zero on days below 10 and on January and
    /// February); without a date, the day and month are left blank for the signer, in the year after the report's.
    /// </summary>
    public static string PlaceAndDate(ReportHeader header, int year)
    {
        if (header.ReportDate is not { } date)
        {
            return $"{header.Place}, ngày      tháng      năm {year + 1}";
        }

        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{header.Place}, ngày {date.Day:00} tháng {month} năm {date.Year}");
    }
}
