using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>
/// "Now" for the instrument tests: 10:00 on 15/01/2027 in Vietnam (03:00 UTC), standing still, so due-date
/// boundaries are worked out by hand against a known today.
/// </summary>
public sealed class FixedClock : TimeProvider
{
    public static readonly DateOnly Today = new(2027, 1, 15);

    public override DateTimeOffset GetUtcNow() => new(2027, 1, 15, 3, 0, 0, TimeSpan.Zero);
}

public class InstrumentSqliteApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FixedClock());
}

public class InstrumentPostgresApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FixedClock());
}

/// <summary>Instrument calls and arrangements the instrument tests share.</summary>
public static class InstrumentApi
{
    public const string Path = "/api/v1/instruments";

    /// <summary>A request body for an instrument; tests override the fields they are about.</summary>
    public static Dictionary<string, object?> Body(int? ownerId, string? serial = null, string? typeCode = "fuel-dispenser", string manufacturer = "Tatsuno") => new()
    {
        ["ownerId"] = ownerId,
        ["typeCode"] = typeCode,
        ["manufacturer"] = manufacturer,
        ["model"] = "Sunny NP",
        ["serialNumber"] = serial ?? NewSerial(),
        ["patternApprovalNumber"] = "PDM 123-2019",
        ["accuracyClass"] = "0,5",
        ["measuringRange"] = "5-50 L/min",
        ["location"] = "Cửa hàng xăng dầu số 3, phường Đông Hà",
        ["status"] = "InService",
    };

    public static string NewSerial(string prefix = "SN") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static async Task<InstrumentJson> CreateInstrument(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body);
        return await response.ShouldReturn<InstrumentJson>(HttpStatusCode.Created);
    }

    public static async Task<InstrumentDetailJson> GetInstrument(this HttpClient client, int id)
    {
        using var response = await client.GetAsync($"{Path}/{id}");
        return await response.ShouldReturn<InstrumentDetailJson>();
    }

    public static async Task<KeysetPageJson<InstrumentJson>> ListInstruments(this HttpClient client, string query, bool dueList = false)
    {
        using var response = await client.GetAsync($"{Path}{(dueList ? "/due" : string.Empty)}?{query}");
        return await response.ShouldReturn<KeysetPageJson<InstrumentJson>>();
    }

    public static async Task<KeysetPageJson<InstrumentJson>> DueList(this HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{Path}/due?{query}");
        return await response.ShouldReturn<KeysetPageJson<InstrumentJson>>();
    }

    /// <summary>Follows nextCursor to the end and returns every row in the order served.</summary>
    public static async Task<(List<InstrumentJson> Rows, int Pages)> AllPages(this HttpClient client, string path, string query)
    {
        var rows = new List<InstrumentJson>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var after = cursor is null ? string.Empty : $"&after={Uri.EscapeDataString(cursor)}";
            using var response = await client.GetAsync($"{path}?{query}{after}");
            var page = await response.ShouldReturn<KeysetPageJson<InstrumentJson>>();
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
            pages.ShouldBeLessThan(100, "the cursor never ends");
        }
        while (cursor is not null);

        return (rows, pages);
    }

    /// <summary>A fresh enterprise of Quảng Trị (made by its officer), so a test's lists hold only its own instruments.</summary>
    public static async Task<OrganizationJson> NewEnterprise(this MetrologyApp app, string? name = null, string? email = "contact@example.vn")
    {
        using var officer = await app.As(TestData.QuangTriOfficer);
        var body = TestData.Enterprise(name: name);
        body["email"] = email;
        return await officer.CreateOrganization(body);
    }

    /// <summary>
    /// Writes what a recorded verification would leave on the instrument (the verification feature does this
    /// in the app); straight to the database, as the arrange step of a test.
    /// </summary>
    public static Task SetDueState(this MetrologyApp app, int instrumentId, DateOnly? lastVerifiedOn, DateOnly? nextDueDate, bool mustNotBeUsed = false) =>
        app.WithDatabase(async db =>
        {
            var instrument = await db.Instruments.SingleAsync(i => i.Id == instrumentId);
            instrument.LastVerifiedOn = lastVerifiedOn;
            instrument.NextDueDate = nextDueDate;
            instrument.MustNotBeUsed = mustNotBeUsed;
            return await db.SaveChangesAsync();
        });

    /// <summary>A verification of the instrument by a body, as the verification feature would record it.</summary>
    public static Task<long> AddVerification(this MetrologyApp app, int instrumentId, int bodyId, DateOnly date, VerificationResult result = VerificationResult.Pass, DateOnly? nextDueDate = null) =>
        app.WithDatabase(async db =>
        {
            var instrument = await db.Instruments.SingleAsync(i => i.Id == instrumentId);
            var verification = new VerificationRecord
            {
                ProvinceId = instrument.ProvinceId,
                InstrumentId = instrumentId,
                OwnerId = instrument.OwnerId,
                BodyId = bodyId,
                Kind = VerificationKind.Periodic,
                Date = date,
                Result = result,
                StampSerial = result == VerificationResult.Pass ? NewSerial("TEM") : null,
                VerifierName = "Trần Văn Minh",
                TypeCode = instrument.TypeCode ?? "fuel-dispenser",
                CycleMonths = 12,
                NextDueDate = nextDueDate,
                CreatedAt = DateTime.UtcNow,
            };
            db.Verifications.Add(verification);
            await db.SaveChangesAsync();
            return verification.Id;
        });

    /// <summary>The demo data's designated lab, the one the demo lab operator works for.</summary>
    public static Task<int> DemoBodyId(this MetrologyApp app) =>
        app.WithDatabase(db => db.Organizations.IgnoreQueryFilters()
            .Where(o => o.Name == "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị").Select(o => o.Id).SingleAsync());

    public static Task<int> CountInstruments(this MetrologyApp app) => app.WithDatabase(db => db.Instruments.CountAsync());

    /// <summary>Runs work on an unscoped context of the app's database (every province).</summary>
    public static async Task<T> WithDatabase<T>(this MetrologyApp app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, UnscopedTenant.Instance, TimeProvider.System);
        return await work(db);
    }
}
