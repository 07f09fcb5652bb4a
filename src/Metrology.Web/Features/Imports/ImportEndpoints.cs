using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Metrology.Web.Features.Imports;

/// <summary>/api/v1/imports: upload (202 + job), job status and errors, the error file, undo, templates.</summary>
public static class ImportEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports")
            .RequireAuthorization(p => p.RequireRole(ImportKinds.AnyWriterRoles));

        group.MapGet("/", async (ImportJobService service, int? take, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(take ?? 50, ct)))
            .WithName("ListImportJobs");

        group.MapGet("/{id:long}", async Task<Results<Ok<ImportJobDto>, ProblemHttpResult>> (long id, ImportJobService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } job
                ? TypedResults.Ok(job)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetImportJob");

        group.MapGet("/{id:long}/errors", async (long id, ImportJobService service, CancellationToken ct) =>
            await service.ErrorFileAsync(id, ct) is { } file
                ? Results.File(file.Path, file.Path.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxContentType : "text/csv; charset=utf-8", file.DownloadName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetImportErrorFile")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:long}/undo", async (long id, ImportJobService service, CancellationToken ct) =>
            (await service.UndoAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UndoImportJob")
            .Produces<ImportJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{kind}/template", async (string kind, string? format, ImportJobService service, ImportTemplates templates, HttpContext http, CancellationToken ct) =>
        {
            if (ImportKinds.FromSlug(kind) is not { } importKind || service.Handler(importKind) is not { } handler)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound);
            }

            var slug = ImportKinds.Slug(importKind);
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            {
                return Results.File(ImportTemplates.Csv(handler), "text/csv; charset=utf-8", $"mau-nhap-{slug}.csv");
            }

            // MiniExcel closes the zip with synchronous writes, which Kestrel refuses on the response body.
            await using var buffer = new FileBufferingWriteStream();
            await templates.WriteXlsxAsync(handler, buffer, ct);
            http.Response.ContentType = XlsxContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"mau-nhap-{slug}.xlsx\"";
            await buffer.DrainBufferAsync(http.Response.Body, ct);
            return Results.Empty;
        }).WithName("GetImportTemplate").Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        group.MapPost("/{kind}", UploadAsync)
            .WithName("StartImport")
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportJobDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>
    /// Reads the multipart body section by section: the file part is streamed to disk while hashed (never
    /// buffered in memory or in a temp form file), the small "mode" and "province" parts are kept as text.
    /// They may also come in the query string.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        string kind, string? mode, string? province, HttpContext http, ImportJobService service, ImportStorage storage,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (ImportKinds.FromSlug(kind) is not { } importKind || service.Handler(importKind) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound);
        }

        if (!service.CanImport(importKind))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["Imports.Error.KindForbidden"]);
        }

        // The server's own body limit would cut the stream with a bare 413; this endpoint answers with ProblemDetails.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = storage.MaxFileBytes + (1 << 20);
        }

        if (http.Request.ContentLength > storage.MaxFileBytes + (1 << 20))
        {
            return TooLarge(storage, text);
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? type.Boundary : default).Value;
        if (string.IsNullOrEmpty(boundary) || !type!.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return NoFile(text);
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        StoredUpload? upload = null;
        string? fileName = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && upload is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    upload = await storage.SaveAsync(section.Body, ct);
                    if (upload is null)
                    {
                        return TooLarge(storage, text);
                    }
                }
                else if (disposition.IsFormDisposition())
                {
                    var value = (await new StreamReader(section.Body).ReadToEndAsync(ct)).Trim();
                    if (string.Equals(name, "mode", StringComparison.OrdinalIgnoreCase))
                    {
                        mode = value;
                    }
                    else if (string.Equals(name, "province", StringComparison.OrdinalIgnoreCase))
                    {
                        province = value;
                    }
                }
            }
        }
        catch (Exception) when (upload is not null)
        {
            ImportStorage.Delete(upload.Path);
            throw;
        }

        if (upload is null)
        {
            return NoFile(text);
        }

        var outcome = await service.StartAsync(importKind, upload, fileName, mode, province, ct);
        return outcome.ToHttpResult(job => TypedResults.Accepted($"/api/v1/imports/{job.Id}", job));
    }

    private static IResult TooLarge(ImportStorage storage, IStringLocalizer<SharedResource> text)
    {
        var message = text["Imports.Error.TooLarge", ImportStorage.Describe(storage.MaxFileBytes)].Value;
        return Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [message] } });
    }

    private static IResult NoFile(IStringLocalizer<SharedResource> text) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["Imports.Error.NoFile"]] });
}
