using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Verification;

// The API's JSON for verifications, certificates and the public lookup, as a client reads it.
public sealed record VerificationCertificateJson(long Id, string Number, string Status, DateOnly IssuedOn, DateOnly? ValidUntil);

public sealed record VerificationStandardJson(int Id, string Name, string? SerialNumber, DateOnly? CalibrationDueDate, bool WasInCalibration);

public sealed record VerificationJson(
    long Id, int InstrumentId, string TypeCode, string? TypeName, string InstrumentManufacturer, string? InstrumentModel, string InstrumentSerial,
    int BodyId, string? BodyName, string Kind, DateOnly Date, string Result, string? StampSerial, string VerifierName, int? CycleMonths,
    DateOnly? NextDueDate, string? DueDateOverrideReason, bool StandardOutOfCalibration, string? Notes,
    List<VerificationStandardJson> Standards, List<VerificationCertificateJson> Certificates, DateTime CreatedAt);

public sealed record VerificationListItemJson(
    long Id, DateOnly Date, string TypeCode, string? TypeName, string InstrumentSerial, string InstrumentManufacturer, int BodyId, string? BodyName, string Kind, string Result,
    string? StampSerial, DateOnly? NextDueDate, bool StandardOutOfCalibration, long? CertificateId, string? CertificateNumber);

public sealed record CertificateJson(
    long Id, string Number, string Status, DateOnly IssuedOn, DateOnly? ValidUntil, string SignerName, string? SignerTitle, int BodyId, string? BodyName,
    long? VerificationId, DateOnly? VerificationDate, string? Kind, string? Result, string? StampSerial, int InstrumentId, string? TypeCode, string? TypeName,
    string InstrumentManufacturer, string? InstrumentModel, string InstrumentSerial, string PublicToken, DateTime? RevokedAt, string? RevocationReason,
    long? ReplacedById, string? ReplacedByNumber, long? ReplacesId, string? ReplacesNumber, DateTime CreatedAt);

public sealed record PublicCertificateJson(
    string Status, string CertificateNumber, string? TypeCode, string? TypeNameVi, string? TypeNameEn, string SerialNumber, string? BodyName,
    DateOnly? VerificationDate, DateOnly IssuedOn, DateOnly? ValidUntil, DateTime? RevokedAt, string? RevocationReason, string? ReplacedByNumber, string? ReplacedByToken);

public sealed record PublicCertificateResultJson(string Status, PublicCertificateJson? Certificate);

public sealed record PublicLookupResultJson(string Status, List<PublicCertificateJson> Matches);

/// <summary>
/// A lab of its own per app (so demo designations written later cannot change these tests), designated for
/// fuel dispensers (initial, periodic, after repair; not reference) until three years from now, and for
/// taximeters by a designation that ended on 31/12/2021. A second Quảng Trị lab, two enterprises with
/// their users, and a Hà Nội lab with an instrument of its own province.
/// </summary>
public sealed record VerificationWorld(
    int BodyId, string BodyName, string LabOperator, int OtherBodyId, string OtherLabOperator,
    int EnterpriseId, string EnterpriseName, string EnterpriseEmail, string EnterpriseUser, int OtherEnterpriseId, string OtherEnterpriseUser,
    string HaNoiLabOperator, int HaNoiInstrumentId,
    int StandardInCalibrationId, int StandardOutOfCalibrationId, int OtherBodyStandardId);

public static class VerificationArrange
{
    public const string FuelDispenser = "fuel-dispenser";
    public const string Taximeter = "taximeter";
    public const string ColdWaterMeter = "water-meter-cold-mechanical";
    public const string VerificationsPath = "/api/v1/verifications";
    public const string CertificatesPath = "/api/v1/certificates";

    /// <summary>Today in Vietnam, the date the server compares with.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static Task<VerificationWorld> World(this MetrologyApp app) => app.Arranged(nameof(VerificationWorld), async a =>
    {
        using var officer = await a.As(TestData.QuangTriOfficer);
        var body = await officer.CreateOrganization(new { name = TestData.Unique("Trung tâm Kiểm định thử"), kind = "VerificationBody" });
        var otherBody = await officer.CreateOrganization(new { name = TestData.Unique("Phòng kiểm định khác"), kind = "VerificationBody" });
        var enterprise = await officer.CreateOrganization(TestData.Enterprise(name: TestData.Unique("Công ty Xăng dầu Thử nghiệm")));
        var otherEnterprise = await officer.CreateOrganization(TestData.Enterprise());
        var lab = await a.CreateAsync("LabOperator", TestData.QuangTri, body.Id);
        var otherLab = await a.CreateAsync("LabOperator", TestData.QuangTri, otherBody.Id);
        var enterpriseUser = await a.CreateAsync("EnterpriseUser", TestData.QuangTri, enterprise.Id);
        var otherEnterpriseUser = await a.CreateAsync("EnterpriseUser", TestData.QuangTri, otherEnterprise.Id);

        var haNoiOfficer = await a.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await a.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiBody = await haNoi.CreateOrganization(new { name = TestData.Unique("Trung tâm Kiểm định Hà Nội"), kind = "VerificationBody" });
        var haNoiEnterprise = await haNoi.CreateOrganization(TestData.Enterprise(provinceSlug: TestData.HaNoi));
        var haNoiLab = await a.CreateAsync("LabOperator", TestData.HaNoi, haNoiBody.Id);

        await using var scope = await a.DbAsync();
        var db = scope.Db;
        var today = Today;
        db.Designations.Add(new Designation
        {
            ProvinceId = await ProvinceIdAsync(db, TestData.QuangTri),
            BodyId = body.Id,
            DecisionNumber = TestData.Unique("QĐ-TĐC"),
            DecisionDate = new DateOnly(2020, 1, 1),
            Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
            ValidFrom = new DateOnly(2020, 1, 1),
            ValidUntil = today.AddYears(3),
            Scopes = [new DesignationScope { TypeCode = FuelDispenser, Initial = true, Periodic = true, AfterRepair = true }],
        });
        db.Designations.Add(new Designation
        {
            ProvinceId = await ProvinceIdAsync(db, TestData.QuangTri),
            BodyId = body.Id,
            DecisionNumber = TestData.Unique("QĐ-TĐC"),
            DecisionDate = new DateOnly(2019, 1, 1),
            Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
            ValidFrom = new DateOnly(2019, 1, 1),
            ValidUntil = new DateOnly(2021, 12, 31),
            Scopes = [new DesignationScope { TypeCode = Taximeter, Periodic = true, Initial = true }],
        });
        var inCalibration = Standard(body.Id, await ProvinceIdAsync(db, TestData.QuangTri), "Bình chuẩn kim loại 20 L", today.AddYears(1));
        var outOfCalibration = Standard(body.Id, inCalibration.ProvinceId, "Bình chuẩn kim loại 50 L", new DateOnly(2021, 6, 30));
        var otherStandard = Standard(otherBody.Id, inCalibration.ProvinceId, "Bình chuẩn của phòng khác", today.AddYears(1));
        db.MeasurementStandards.AddRange(inCalibration, outOfCalibration, otherStandard);
        await db.SaveChangesAsync();

        var haNoiInstrument = await a.NewInstrumentAsync(haNoiEnterprise.Id, FuelDispenser);
        return new VerificationWorld(
            body.Id, body.Name, lab.Email, otherBody.Id, otherLab.Email,
            enterprise.Id, enterprise.Name, enterprise.Email!, enterpriseUser.Email, otherEnterprise.Id, otherEnterpriseUser.Email,
            haNoiLab.Email, haNoiInstrument, inCalibration.Id, outOfCalibration.Id, otherStandard.Id);
    });

    /// <summary>The instrument registry is another feature; the tests put their instruments straight in the database.</summary>
    public static async Task<int> NewInstrumentAsync(this MetrologyApp app, int ownerId, string? typeCode)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        var owner = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == ownerId);
        var instrument = new Instrument
        {
            ProvinceId = owner.ProvinceId,
            OwnerId = ownerId,
            TypeCode = typeCode,
            Manufacturer = "Tatsuno",
            Model = "SUNNY-2",
            SerialNumber = "TS" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            Status = InstrumentStatus.InService,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        instrument.RefreshSearchText();
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync();
        return instrument.Id;
    }

    public static async Task<Instrument> InstrumentAsync(this MetrologyApp app, int id)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        return await db.Instruments.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    /// <summary>Rows written for an instrument: "nothing half-written" checks count them.</summary>
    public static async Task<(int Verifications, int Certificates)> WrittenForAsync(this MetrologyApp app, int instrumentId)
    {
        await using var scope = await app.DbAsync();
        var db = scope.Db;
        return (await db.Verifications.IgnoreQueryFilters().CountAsync(v => v.InstrumentId == instrumentId),
            await db.Certificates.IgnoreQueryFilters().CountAsync(c => c.InstrumentId == instrumentId));
    }

    /// <summary>A context outside any request: no signed-in user, so no tenant filter applies.</summary>
    public static Task<DbScope> DbAsync(this MetrologyApp app) => Task.FromResult(new DbScope(app.Services.CreateAsyncScope()));

    /// <summary>A passing periodic verification of today with a fresh stamp and certificate number; tests change what they are about.</summary>
    public static Dictionary<string, object?> Pass(int instrumentId, DateOnly? date = null) => new()
    {
        ["instrumentId"] = instrumentId,
        ["kind"] = "Periodic",
        ["date"] = (date ?? Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["result"] = "Pass",
        ["stampSerial"] = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        ["verifierName"] = "Lê Văn Kiểm",
        ["certificateNumber"] = "GCN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        ["signerTitle"] = "Giám đốc",
        ["standardIds"] = Array.Empty<int>(),
    };

    public static async Task<VerificationJson> RecordAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(VerificationsPath, body);
        return await response.ShouldReturn<VerificationJson>(HttpStatusCode.Created);
    }

    public static async Task<CertificateJson> CertificateAsync(this HttpClient client, long id)
    {
        using var response = await client.GetAsync($"{CertificatesPath}/{id}");
        return await response.ShouldReturn<CertificateJson>();
    }

    private static MeasurementStandard Standard(int ownerId, int? provinceId, string name, DateOnly due)
    {
        var standard = new MeasurementStandard
        {
            ProvinceId = provinceId,
            OwnerId = ownerId,
            Name = name,
            Quantity = "Thể tích",
            SerialNumber = Guid.NewGuid().ToString("N")[..6],
            CalibrationDueDate = due,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        standard.RefreshSearchText();
        return standard;
    }

    private static Task<int?> ProvinceIdAsync(AppDbContext db, string slug) =>
        db.Provinces.Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleAsync();
}

/// <summary>A DI scope and its database context, disposed together.</summary>
public sealed class DbScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public AppDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<AppDbContext>();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await scope.DisposeAsync();
    }
}
