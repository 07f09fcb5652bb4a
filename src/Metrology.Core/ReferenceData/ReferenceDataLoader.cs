using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Sylvan.Data.Csv;

namespace Metrology.Core.ReferenceData;

/// <summary>
/// Loads the provinces and the Group 2 list from CSV files embedded in this assembly. Idempotent: only
/// rows missing from the database are added, so an administrator's later edits are never overwritten.
/// </summary>
public static class ReferenceDataLoader
{
    /// <summary>TT03/2024/TT-BKHCN took effect on 15/10/2024: rows it removed end the day before.</summary>
    public static readonly DateOnly Circular03Of2024EffectiveFrom = new(2024, 10, 15);

    public static async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await LoadProvincesAsync(db, cancellationToken);
        await LoadGroup2TypesAsync(db, cancellationToken);
    }

    private static async Task LoadProvincesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Provinces.Select(p => p.Slug).ToListAsync(cancellationToken);
        var known = existing.ToHashSet(StringComparer.Ordinal);
        using var csv = Open("provinces.csv");
        while (await csv.ReadAsync(cancellationToken))
        {
            var slug = csv.GetString(csv.GetOrdinal("slug"));
            if (!known.Add(slug))
            {
                continue;
            }

            var name = csv.GetString(csv.GetOrdinal("name_vi"));
            var former = csv.GetString(csv.GetOrdinal("former_units_vi"));
            db.Provinces.Add(new Province
            {
                Slug = slug,
                NameVi = name,
                Kind = csv.GetString(csv.GetOrdinal("kind")),
                FormerUnitsVi = former,
                SearchText = TextSearch.Fold($"{name} {former.Replace(';', ' ')}"),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task LoadGroup2TypesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Group2InstrumentTypes.Select(t => t.Code).Distinct().ToListAsync(cancellationToken);
        var known = existing.ToHashSet(StringComparer.Ordinal);
        using var csv = Open("group2-instruments.csv");
        while (await csv.ReadAsync(cancellationToken))
        {
            string Text(string column) => csv.GetString(csv.GetOrdinal(column));
            bool? Flag(string column) => Text(column) switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };

            var code = Text("code");
            if (!known.Add(code))
            {
                continue;
            }

            var notes = Text("notes");
            var cycle = Text("cycle_months");
            var type = new Group2InstrumentType
            {
                Code = code,
                QuantityGroupVi = Text("quantity_group_vi"),
                QuantityGroupEn = Text("quantity_group_en"),
                NameVi = Text("name_vi"),
                NameEn = Text("name_en"),
                PatternApproval = Flag("pattern_approval"),
                InitialVerification = Flag("initial_verification"),
                PeriodicVerification = Flag("periodic_verification"),
                AfterRepairVerification = Flag("after_repair_verification"),
                CycleMonths = cycle.Length == 0 ? null : int.Parse(cycle, CultureInfo.InvariantCulture),
                Source = Text("source"),
                Notes = notes,
                EffectiveFrom = notes.Contains("added by TT03/2024", StringComparison.Ordinal) ? Circular03Of2024EffectiveFrom : null,
                EffectiveTo = notes.Contains("removed by TT03/2024", StringComparison.Ordinal)
                    ? Circular03Of2024EffectiveFrom.AddDays(-1)
                    : null,
            };
            type.SearchText = TextSearch.Fold($"{type.Code} {type.NameVi} {type.NameEn} {type.QuantityGroupVi}");
            db.Group2InstrumentTypes.Add(type);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static CsvDataReader Open(string fileName)
    {
        var stream = typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream($"Metrology.Core.ReferenceData.{fileName}")
            ?? throw new InvalidOperationException($"Embedded reference file {fileName} is missing.");
        return CsvDataReader.Create(new StreamReader(stream), new CsvDataReaderOptions { HasHeaders = true });
    }
}
