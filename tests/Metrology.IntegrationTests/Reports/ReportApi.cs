using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Reports;

public sealed record ReportFigureJson(string Key, string Label, decimal Value, string[] Sources);

public sealed record ReportSectionJson(
    string Key, string Heading, int Level, bool Narrative, string GeneratedText, string? StoredText, string Text, bool IsEdited, ReportFigureJson[] Figures,
    bool NeedsText, string? PreviousText);

public sealed record ReportIndicatorJson(string Indicator, string Label, decimal Year, decimal Cumulative);

public sealed record ReportAnnexJson(string Title, string? Caption, string[] Columns, string[][] Rows);

public sealed record ReportChangeJson(string Key, string Label, decimal ApprovedValue, decimal CurrentValue);

public sealed record ReportTextChangeJson(string Key, string Heading, string ApprovedText, string CurrentText);

public sealed record ReportWorkflowJson(string? CreatedBy, DateTime CreatedAt, string? SubmittedBy, DateTime? SubmittedAt, string? ApprovedBy, DateTime? ApprovedAt, string? SentBy, DateTime? SentAt, string? ReturnReason);

public sealed record ReportHeaderJson(
    string? IssuerAuthority, string? IssuerUnit, string? Number, string? Symbol, string? Place, DateOnly? ReportDate, string? Addressee,
    string? RequestLetterNumber, DateOnly? RequestLetterDate, string? RequestLetterIssuer, string? Recipients, string? SigningAuthority,
    string? SignerCapacity, string? SignerTitle, string? SignerName);

public sealed record ReportJson(
    int Id, string ProvinceSlug, string ProvinceName, int Year, string ReportingUnit, string Status, ReportHeaderJson Header, ReportWorkflowJson Workflow,
    ReportSectionJson[] Sections, ReportIndicatorJson[] Indicators, ReportAnnexJson Annex, ReportChangeJson[]? ChangesSinceApproval,
    ReportTextChangeJson[]? TextChangesSinceApproval)
{
    /// <summary>Every text of the report, as a reader would see it.</summary>
    public string AllText => string.Join("\n", Sections.Select(s => s.Heading + "\n" + s.Text));

    public ReportSectionJson Section(string key) => Sections.Single(s => s.Key == key);

    public ReportFigureJson Figure(string key) => Sections.SelectMany(s => s.Figures).Single(f => f.Key == key);
}

public sealed record ReportListItemJson(int Id, string ProvinceSlug, string ProvinceName, int Year, string ReportingUnit, string Status);

public static class ReportApi
{
    public const string Path = "/api/v1/reports";

    public static async Task<ReportJson> CreateReport(this HttpClient client, string provinceSlug, int year, string? unit = null)
    {
        using var response = await client.PostAsJsonAsync(Path, new { provinceSlug, year, reportingUnit = unit });
        return await response.ShouldReturn<ReportJson>(HttpStatusCode.Created);
    }

    public static async Task<ReportJson> GetReport(this HttpClient client, int id)
    {
        using var response = await client.GetAsync($"{Path}/{id}");
        return await response.ShouldReturn<ReportJson>();
    }

    public static async Task<ReportListItemJson[]> ListReports(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"{Path}{query}");
        return await response.ShouldReturn<ReportListItemJson[]>();
    }

    public static async Task<ReportJson> Step(this HttpClient client, int id, string step, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"{Path}/{id}/{step}", body ?? new { });
        return await response.ShouldReturn<ReportJson>();
    }

    /// <summary>Writes the narrative sections a report cannot be submitted without (II.2, III.1, IV).</summary>
    public static async Task FillNarratives(this HttpClient officer, int id)
    {
        foreach (var (key, text) in new[] { ("II.2", "Thiếu cán bộ chuyên trách."), ("III.1", "Hoàn thiện văn bản."), ("IV", "Đề nghị Bộ hỗ trợ đào tạo.") })
        {
            using var response = await officer.PutAsJsonAsync($"{Path}/{id}/sections/{key}", new { text });
            await response.ShouldHaveStatus(HttpStatusCode.OK);
        }
    }

    /// <summary>Through every step: the officer writes the narrative sections and submits, the province admin approves.</summary>
    public static async Task<ReportJson> SubmitAndApprove(this MetrologyApp app, int id, string officer, string admin)
    {
        using var o = await app.As(officer, officer.EndsWith(".demo", StringComparison.Ordinal) ? MetrologyApp.DemoPassword : UserApi.Password);
        await o.FillNarratives(id);
        await o.Step(id, "submit");
        using var a = await app.As(admin, admin.EndsWith(".demo", StringComparison.Ordinal) ? MetrologyApp.DemoPassword : UserApi.Password);
        return await a.Step(id, "approve");
    }
}
