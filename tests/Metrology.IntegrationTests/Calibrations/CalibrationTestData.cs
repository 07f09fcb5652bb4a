using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Calibrations;

// The calibration API's JSON as a client reads it.
public sealed record CalibrationPointJson(
    int Order, decimal Nominal, decimal Indication, decimal Error, decimal ExpandedUncertainty, decimal CoverageFactor, decimal? Tolerance, string Conformity);

public sealed record CalibrationCertificateJson(long Id, string Number, DateOnly IssuedOn, string PublicToken, bool Revoked);

public sealed record CalibrationJson(
    long Id, int InstrumentId, string? InstrumentTypeCode, string InstrumentManufacturer, string? InstrumentModel, string InstrumentSerial,
    int OwnerId, string? OwnerName, int BodyId, string? BodyName, DateOnly Date, string CalibratedBy, string? Procedure, string Unit,
    string DecisionRule, string Overall, string? Notes, CalibrationCertificateJson? Certificate, List<CalibrationPointJson> Points, DateTime CreatedAt);

public sealed record CalibrationSummaryJson(
    long Id, int InstrumentId, string? InstrumentTypeCode, string InstrumentManufacturer, string InstrumentSerial, string? OwnerName,
    string? BodyName, DateOnly Date, string Unit, string DecisionRule, string Overall, string? CertificateNumber, int PointCount);

/// <summary>
/// Instruments and organisations the calibration tests need. This branch has no instrument API, so they
/// are written straight to the database, unscoped, the way another area's API would have stored them.
/// </summary>
public static class CalibrationTestData
{
    public const string ApiPath = "/api/v1/calibrations";

    public static async Task<T> WithDbAsync<T>(this MetrologyApp app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>The organisation of a demo account (e.g. the Technical Centre of the demo lab operator).</summary>
    public static Task<int> OrganizationOfAsync(this MetrologyApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganizationId!.Value).SingleAsync());

    public static Task<int> OrganizationNamedAsync(this MetrologyApp app, string name) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> AddEnterpriseAsync(this MetrologyApp app, string provinceSlug) =>
        app.WithDbAsync(async db =>
        {
            var provinceId = await db.Provinces.Where(p => p.Slug == provinceSlug).Select(p => p.Id).SingleAsync();
            var organization = new Organization
            {
                Name = TestData.Unique("Công ty TNHH Cân đo"),
                Kind = OrganizationKind.Enterprise,
                TaxCode = TestData.NewTaxCode(),
                ProvinceId = provinceId,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            organization.RefreshSearchText();
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    public static Task<int> AddInstrumentAsync(this MetrologyApp app, int ownerId, string? typeCode = "technical-balance") =>
        app.WithDbAsync(async db =>
        {
            var provinceId = await db.Organizations.Where(o => o.Id == ownerId).Select(o => o.ProvinceId).SingleAsync();
            var instrument = new Instrument
            {
                ProvinceId = provinceId,
                OwnerId = ownerId,
                TypeCode = typeCode,
                Manufacturer = "Vibra",
                Model = "AJ-620E",
                SerialNumber = "CB-" + Guid.NewGuid().ToString("N")[..10],
                Status = InstrumentStatus.InService,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            instrument.RefreshSearchText();
            db.Instruments.Add(instrument);
            await db.SaveChangesAsync();
            return instrument.Id;
        });

    /// <summary>Three days ago: in the past wherever the test runs, whatever the time zone.</summary>
    public static string RecentDate => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A guard-band calibration body; tests change the fields they are about.</summary>
    public static Dictionary<string, object?> Body(int instrumentId, params object[] points) => new()
    {
        ["instrumentId"] = instrumentId,
        ["date"] = RecentDate,
        ["calibratedBy"] = "Trần Văn Minh",
        ["procedure"] = "ĐLVN 16:2009",
        ["unit"] = "g",
        ["decisionRule"] = "GuardBand",
        ["points"] = points.Length > 0 ? points : new object[] { Point(100m, 100.1m) },
    };

    public static Dictionary<string, object?> Point(decimal nominal, decimal indication, decimal u = 0.2m, decimal k = 2m, decimal? tolerance = 0.5m) => new()
    {
        ["nominal"] = nominal,
        ["indication"] = indication,
        ["expandedUncertainty"] = u,
        ["coverageFactor"] = k,
        ["tolerance"] = tolerance,
    };

    public static async Task<int> CountAllCalibrations(this MetrologyApp app)
    {
        using var admin = await app.AsSystemAdmin();
        using var response = await admin.GetAsync($"{ApiPath}?pageSize=1");
        return (await response.ShouldReturn<PageJson<CalibrationSummaryJson>>()).Total;
    }
}
