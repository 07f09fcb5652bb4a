using System.Globalization;
using Metrology.Core.Attachments;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Metrology.Web.Features.Attachments;

/// <summary>/api/v1/attachments: the files of any record, authorised by the record (see <see cref="AttachmentAccess"/>).</summary>
public static class AttachmentEndpoints
{
    /// <summary>Room for the multipart envelope around a file of the maximum size.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static void MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/attachments").WithTags("Attachments");
        var maxBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<AttachmentStore>().MaxBytes;

        group.MapGet("/", async Task<IResult> (string? target, string? targetId, AttachmentService service, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var (kind, id, errors) = ParseTarget(target, targetId, text);
            return errors.Any
                ? TypedResults.ValidationProblem(errors.ToDictionary())
                : (await service.ListAsync(kind, id, ct)).ToHttpResult(TypedResults.Ok);
        })
            .WithName("ListAttachments")
            .Produces<AttachmentListDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The form is read by hand (not bound as IFormFile) so that a missing or wrong field is a 400 naming it,
        // and no antiforgery token is asked of API clients; cookie callers are protected by SameSite=Lax.
        group.MapPost("/", async Task<IResult> (HttpRequest request, AttachmentService service, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (request.ContentLength > service.MaxBytes + MultipartOverhead)
            {
                return TooLarge(service.TooLargeMessage());
            }

            var errors = new FieldErrors();
            if (!request.HasFormContentType)
            {
                errors.Add("file", text["Attachments.Error.NotMultipart"]);
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                // The form reader's own limits (multipart body length) were exceeded.
                return TooLarge(service.TooLargeMessage());
            }

            var (kind, id, targetErrors) = ParseTarget(form["target"], form["targetId"], text);
            errors = targetErrors;
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                errors.Add("file", text["Error.Required"]);
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            await using var content = file!.OpenReadStream();
            var result = await service.UploadAsync(kind, id, file.FileName, content, ct);
            return result.TooLarge
                ? TooLarge(service.TooLargeMessage())
                : result.Outcome.ToHttpResult(dto => TypedResults.Created($"/api/v1/attachments/{dto.Id}/content", dto));
        })
            .WithName("UploadAttachment")
            // Kestrel's own body limit (30 MB by default) follows the setting, so a larger limit can be configured.
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + MultipartOverhead))
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:int}/content", async Task<IResult> (int id, HttpContext context, AttachmentService service, CancellationToken ct) =>
        {
            var outcome = await service.OpenAsync(id, ct);
            if (!outcome.IsOk)
            {
                return outcome.ToHttpResult(_ => TypedResults.Empty);
            }

            // The stored type came from the content; forbid browsers to guess another (e.g. run text as HTML).
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            var file = outcome.Value!;
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .WithName("DownloadAttachment")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:int}", async (int id, AttachmentService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteAttachment")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult TooLarge(string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        detail: message,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [message] } });

    private static (AttachmentTarget Target, int TargetId, FieldErrors Errors) ParseTarget(string? target, string? targetId, IStringLocalizer text)
    {
        var errors = new FieldErrors();
        var kind = FieldRules.EnumByName<AttachmentTarget>(target);
        if (string.IsNullOrWhiteSpace(target))
        {
            errors.Add("target", text["Error.Required"]);
        }
        else if (kind is null)
        {
            errors.Add("target", text["Error.Value.Unknown", string.Join(", ", Enum.GetNames<AttachmentTarget>())]);
        }

        if (!int.TryParse(targetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            errors.Add("targetId", text[string.IsNullOrWhiteSpace(targetId) ? "Error.Required" : "Attachments.Error.TargetId"]);
        }

        return (kind ?? default, id, errors);
    }
}
