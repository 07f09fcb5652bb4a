using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Designations;

// The JSON of designations, standards, reference cases and Group 2 rows as a client reads it.

public sealed record DesignationScopeJson(string TypeCode, string? TypeName, bool Initial, bool Periodic, bool AfterRepair, bool Reference, string? MeasuringRange);

public sealed record DesignationJson(
    int Id, int BodyId, string BodyName, string? ProvinceSlug, string DecisionNumber, DateOnly DecisionDate, string Issuer,
    DateOnly ValidFrom, DateOnly ValidUntil, DateOnly? WithdrawnOn, string? Notes, List<DesignationScopeJson> Scopes,
    string Status, bool Expiring, int DaysLeft);

public sealed record Group2RowJson(
    string Code, string NameVi, bool? PatternApproval, bool? InitialVerification, bool? PeriodicVerification, bool? AfterRepairVerification,
    int? CycleMonths, string Source, DateOnly? EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>Designation calls and request bodies shared by the designation and reference-case tests.</summary>
public static class DesignationApi
{
    public const string Path = "/api/v1/designations";

    /// <summary>Today in Vietnam, as the server computes "expiring" and "in the future".</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static object Scope(string typeCode, bool periodic = true, bool reference = false, string? range = null) =>
        new { typeCode, initial = true, periodic, afterRepair = periodic, reference, measuringRange = range };

    public static Dictionary<string, object?> Body(int bodyId, DateOnly validFrom, DateOnly validUntil, params object[] scopes) => new()
    {
        ["bodyId"] = bodyId,
        ["decisionNumber"] = $"{Random.Shared.Next(100, 99999)}/QĐ-TĐC-{Guid.NewGuid().ToString("N")[..6]}",
        ["decisionDate"] = validFrom.AddDays(-3),
        ["issuer"] = "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia",
        ["validFrom"] = validFrom,
        ["validUntil"] = validUntil,
        ["notes"] = null,
        ["scopes"] = scopes,
    };

    public static async Task<DesignationJson> CreateDesignation(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body);
        return await response.ShouldReturn<DesignationJson>(HttpStatusCode.Created);
    }

    /// <summary>A new verification body in the caller's province, so a test controls all its designations.</summary>
    public static Task<OrganizationJson> CreateBody(this HttpClient client, string name) =>
        client.CreateOrganization(new { name = TestData.Unique(name), kind = "VerificationBody" });
}
