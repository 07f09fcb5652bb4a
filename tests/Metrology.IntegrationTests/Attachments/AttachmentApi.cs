using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Metrology.IntegrationTests.Attachments;

public sealed record AttachmentJson(int Id, string Target, int TargetId, string FileName, string ContentType, long SizeBytes, string Sha256, string? UploadedByEmail);

public sealed record AttachmentListJson(List<AttachmentJson> Items, bool CanWrite, long MaxBytes);

/// <summary>The app with a small attachment limit, so the size rule is tested without sending megabytes.</summary>
public static class SmallLimit
{
    public const int MaxBytes = 4096;

    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("Attachments:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

public class SmallLimitSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => SmallLimit.Settings;
}

public class SmallLimitPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => SmallLimit.Settings;
}

/// <summary>Uploads and sample files built in memory (the repository holds no binary files).</summary>
public static class AttachmentApi
{
    public const string AttachmentsPath = "/api/v1/attachments";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Windows executable ("MZ" header): what a disguised file really is.</summary>
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A unique PDF, so hash-sharing between tests does not blur what a test checks.</summary>
    public static byte[] UniquePdf() => [.. Pdf, .. Encoding.ASCII.GetBytes($"% {Guid.NewGuid()}\n")];

    /// <summary>A zip with the parts an Office file of this kind has ("word/" or "xl/"), or none of them.</summary>
    public static byte[] OfficeZip(string? partFolder, bool withContentTypes = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (withContentTypes)
            {
                Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            if (partFolder is not null)
            {
                Write(zip, $"{partFolder}/document.xml", "<document/>");
            }
        }

        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> Upload(this HttpClient client, string target, int targetId, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(target), "target" },
            { new StringContent(targetId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "targetId" },
        };
        var file = new ByteArrayContent(content);
        // Browsers claim a type from the name; the server must not trust it.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(AttachmentsPath, form);
    }

    public static async Task<AttachmentJson> Uploaded(this HttpClient client, string target, int targetId, string fileName, byte[] content)
    {
        using var response = await client.Upload(target, targetId, fileName, content);
        return await response.ShouldReturn<AttachmentJson>(HttpStatusCode.Created);
    }

    public static async Task<AttachmentListJson> ListAttachments(this HttpClient client, string target, int targetId)
    {
        using var response = await client.GetAsync($"{AttachmentsPath}?target={target}&targetId={targetId}");
        return await response.ShouldReturn<AttachmentListJson>();
    }

    /// <summary>Where the store keeps a hash's bytes: &lt;data directory&gt;/attachments/&lt;first 2 hex&gt;/&lt;sha256&gt;.</summary>
    public static string StoredPath(this MetrologyApp app, string sha256) =>
        System.IO.Path.Combine(DataDirectory(app), "attachments", sha256[..2], sha256);

    public static string DataDirectory(MetrologyApp app) =>
        app.Services.GetRequiredService<IConfiguration>()["Storage:DataDirectory"]!;

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
        writer.Write(text);
    }
}
