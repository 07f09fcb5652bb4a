using System.Net;
using System.Net.Http.Headers;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Imports;

/// <summary>A job as the API returns it.</summary>
public sealed record ImportJobJson(
    long Id,
    string Kind,
    string KindSlug,
    string Mode,
    string Status,
    string FileName,
    long FileSize,
    int TotalRows,
    int ProcessedRows,
    int InsertedRows,
    int UnchangedRows,
    int ErrorRows,
    string? FailureMessage,
    string? Notice,
    bool HasErrorFile,
    bool CanUndo,
    string? CreatedByEmail,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    List<ImportErrorJson> Errors)
{
    public bool IsFinished => Status is not ("Queued" or "Running");
}

public sealed record ImportErrorJson(int Row, string Column, string ColumnHeader, string? Value, string Message, string MessageVi, string MessageEn);

/// <summary>Uploading files and following their jobs through /api/v1/imports.</summary>
public static class ImportApi
{
    public const string Path = "/api/v1/imports";

    public static async Task<HttpResponseMessage> Upload(
        this HttpClient client, string kind, byte[] content, string fileName, string? mode = null, string? province = null)
    {
        using var form = new MultipartFormDataContent();
        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }

        if (province is not null)
        {
            form.Add(new StringContent(province), "province");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"{Path}/{kind}", form, TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads, expects 202 with a Location, and waits for the job to finish.</summary>
    public static async Task<ImportJobJson> Import(
        this HttpClient client, string kind, byte[] content, string fileName, string? mode = null, string? province = null)
    {
        using var response = await client.Upload(kind, content, fileName, mode, province);
        var job = await response.ShouldReturn<ImportJobJson>(HttpStatusCode.Accepted);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"{Path}/{job.Id}");
        return await client.WaitForJob(job.Id);
    }

    public static async Task<ImportJobJson> WaitForJob(this HttpClient client, long id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await client.GetJob(id);
            if (job.IsFinished)
            {
                return job;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Import job {id} did not finish within a minute.");
    }

    public static async Task<ImportJobJson> GetJob(this HttpClient client, long id)
    {
        using var response = await client.GetAsync($"{Path}/{id}", TestContext.Current.CancellationToken);
        return await response.ShouldReturn<ImportJobJson>();
    }

    public static async Task<byte[]> ErrorFile(this HttpClient client, long id)
    {
        using var response = await client.GetAsync($"{Path}/{id}/errors", TestContext.Current.CancellationToken);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
