using System.Runtime.CompilerServices;
using Metrology.Core.Imports;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Metrology.Web.Features.Imports;
using Metrology.Web.Features.Imports.Verifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Imports.Verifications;

/// <summary>
/// A Quảng Trị body with a tax code, designated for fuel dispensers (initial, periodic, after repair) since
/// 2020, its lab operator; a second body with its own operator; two enterprises; a Hà Nội enterprise whose
/// tax code a Quảng Trị file must not resolve.
/// </summary>
public sealed record ImportWorld(
    int BodyId, string BodyTaxCode, string LabOperator, int OtherBodyId, string OtherBodyTaxCode,
    int OwnerId, string OwnerTaxCode, int OtherOwnerId, string OtherOwnerTaxCode, string HaNoiOwnerTaxCode, int ProvinceId);

/// <summary>What one run of the handler did: its result and the errors it reported.</summary>
public sealed record ImportRun(long JobId, ImportResult Result, List<ImportCellError> Errors);

public static class VerificationImportArrange
{
    public const string FuelDispenser = VerificationArrange.FuelDispenser;

    public static Task<ImportWorld> ImportWorld(this MetrologyApp app) => app.Arranged(nameof(ImportWorld), async a =>
    {
        using var officer = await a.As(TestData.QuangTriOfficer);
        var bodyTax = TestData.NewTaxCode();
        var otherBodyTax = TestData.NewTaxCode();
        var body = await officer.CreateOrganization(new { name = TestData.Unique("Trung tâm Kiểm định nhập tệp"), kind = "VerificationBody", taxCode = bodyTax });
        var otherBody = await officer.CreateOrganization(new { name = TestData.Unique("Phòng kiểm định khác"), kind = "VerificationBody", taxCode = otherBodyTax });
        var owner = await officer.CreateOrganization(TestData.Enterprise(name: TestData.Unique("Công ty Xăng dầu Đông Hà")));
        var otherOwner = await officer.CreateOrganization(TestData.Enterprise(name: TestData.Unique("Công ty Vận tải Quảng Trị")));
        var lab = await a.CreateAsync("LabOperator", TestData.QuangTri, body.Id);

        var haNoiOfficer = await a.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await a.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiOwner = await haNoi.CreateOrganization(TestData.Enterprise(provinceSlug: TestData.HaNoi));

        await using var scope = await a.DbAsync();
        var db = scope.Db;
        var provinceId = await db.Provinces.Where(p => p.Slug == TestData.QuangTri).Select(p => p.Id).SingleAsync();
        foreach (var bodyId in new[] { body.Id, otherBody.Id })
        {
            db.Designations.Add(new Designation
            {
                ProvinceId = provinceId,
                BodyId = bodyId,
                DecisionNumber = TestData.Unique("QĐ-TĐC"),
                DecisionDate = new DateOnly(2020, 1, 1),
                Issuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
                ValidFrom = new DateOnly(2020, 1, 1),
                ValidUntil = VerificationArrange.Today.AddYears(3),
                Scopes = [new DesignationScope { TypeCode = FuelDispenser, Initial = true, Periodic = true, AfterRepair = true }],
            });
        }

        await db.SaveChangesAsync();
        return new ImportWorld(body.Id, bodyTax, lab.Email, otherBody.Id, otherBodyTax, owner.Id, owner.TaxCode!, otherOwner.Id, otherOwner.TaxCode!,
            haNoiOwner.TaxCode!, provinceId);
    });

    /// <summary>A unique suffix so tests sharing one app never collide on serials, stamps or certificate numbers.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>
    /// A passing periodic verification of a fuel dispenser on 31/01/2024 as a file row: column key → cell text.
    /// Tests change the cells they are about.
    /// </summary>
    public static Dictionary<string, string?> PassRow(ImportWorld world, string serial, string certificate, string stamp) => new()
    {
        ["bodyTaxCode"] = world.BodyTaxCode,
        ["certificateNumber"] = certificate,
        ["ownerTaxCode"] = world.OwnerTaxCode,
        ["typeCode"] = FuelDispenser,
        ["manufacturer"] = "Tatsuno",
        ["model"] = "SUNNY-2",
        ["serialNumber"] = serial,
        ["date"] = "31/01/2024",
        ["kind"] = "Định kỳ",
        ["result"] = "Đạt",
        ["stampSerial"] = stamp,
        ["nextDueDate"] = null,
        ["verifierName"] = "Lê Văn Kiểm",
        ["signerName"] = "Nguyễn Văn Ký",
    };

    /// <summary>
    /// Runs the verification handler on the rows (row numbers from 2, as under a header row) for a job of
    /// <paramref name="createdBy"/>, the way the import runner does.
    /// </summary>
    public static async Task<ImportRun> ImportAsync(
        this MetrologyApp app, ImportWorld world, IReadOnlyList<Dictionary<string, string?>> rows,
        ImportMode mode = ImportMode.AllOrNothing, string? createdBy = null)
    {
        long jobId;
        await using (var scope = await app.DbAsync())
        {
            var job = new ImportJob
            {
                ProvinceId = world.ProvinceId,
                Kind = ImportKind.Verifications,
                Mode = mode,
                Status = ImportStatus.Running,
                FileName = "kiem-dinh.csv",
                FileHash = Guid.NewGuid().ToString("N"),
                CreatedByEmail = createdBy ?? world.LabOperator,
                CreatedAt = DateTime.UtcNow,
            };
            scope.Db.ImportJobs.Add(job);
            await scope.Db.SaveChangesAsync();
            jobId = job.Id;
        }

        await using var services = app.Services.CreateAsyncScope();
        var handler = services.ServiceProvider.GetServices<IImportKindHandler>().Single(h => h.Kind == ImportKind.Verifications);
        var keys = handler.Columns.Select(c => c.Key).ToList();
        var errors = new List<ImportCellError>();
        await using var db = await app.DbAsync();
        var context = new ImportContext
        {
            Job = await db.Db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId),
            ProvinceId = world.ProvinceId,
            ReadRows = cancellationToken => Read(rows, keys, cancellationToken),
            FilePath = "/nonexistent/kiem-dinh.csv",
            ReportProgress = _ => { },
            ReportError = errors.Add,
        };
        var result = await handler.RunAsync(context, TestContext.Current.CancellationToken);
        return new ImportRun(jobId, result, errors);
    }

    public static async Task<bool> UndoAsync(this MetrologyApp app, long jobId)
    {
        await using var services = app.Services.CreateAsyncScope();
        var handler = services.ServiceProvider.GetServices<IImportKindHandler>().Single(h => h.Kind == ImportKind.Verifications);
        await using var db = await app.DbAsync();
        var job = await db.Db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        return await handler.UndoAsync(job, TestContext.Current.CancellationToken);
    }

    private static async IAsyncEnumerable<ImportRow> Read(
        IReadOnlyList<Dictionary<string, string?>> rows, List<string> keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ImportRow(i + 2, keys.Select(k => rows[i].GetValueOrDefault(k)).ToList());
        }
    }
}
