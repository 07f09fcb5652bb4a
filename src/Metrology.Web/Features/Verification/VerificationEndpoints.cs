using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Verification;

/// <summary>/api/v1/verifications and /api/v1/certificates, within the caller's scope.</summary>
public static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this RouteGroupBuilder api)
    {
        var verifications = api.MapGroup("/verifications").WithTags("Verifications");

        verifications.MapGet("/", async (
            VerificationService service, string? search, int? instrumentId, int? page, int? pageSize, DateOnly? from, DateOnly? to, string? result, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(
                new VerificationQuery(search, instrumentId, page ?? 1, pageSize ?? 20, from, to, FieldRules.EnumByName<Metrology.Core.Verification.VerificationResult>(result)), ct)))
            .WithName("ListVerifications");

        verifications.MapGet("/{id:long}", async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> (long id, VerificationService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetVerification");

        verifications.MapPost("/", async (VerificationInput input, VerificationService service, CancellationToken ct) =>
            (await service.RecordAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/verifications/{dto.Id}", dto)))
            .RequireAuthorization(p => p.RequireRole(VerificationService.WriterRoles))
            .WithName("RecordVerification")
            .Produces<VerificationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        verifications.MapPost("/{id:long}/certificate", async (long id, IssueCertificateInput input, VerificationService service, CancellationToken ct) =>
            (await service.IssueCertificateAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/verifications/{dto.Id}", dto)))
            .RequireAuthorization(p => p.RequireRole(VerificationService.WriterRoles))
            .WithName("IssueVerificationCertificate")
            .Produces<VerificationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var certificates = api.MapGroup("/certificates").WithTags("Certificates");

        certificates.MapGet("/numbering", async Task<Results<Ok<CertificateNumberingDto>, ProblemHttpResult>> (VerificationService service, CancellationToken ct) =>
            await service.NumberingAsync(ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden))
            .RequireAuthorization(p => p.RequireRole(VerificationService.WriterRoles))
            .WithName("GetCertificateNumbering");

        certificates.MapPut("/numbering", async (CertificatePatternInput input, VerificationService service, CancellationToken ct) =>
            (await service.SetNumberPatternAsync(input, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(p => p.RequireRole(VerificationService.WriterRoles))
            .WithName("SetCertificateNumbering")
            .Produces<CertificateNumberingDto>()
            .ProducesValidationProblem();

        certificates.MapGet("/", async (CertificateService service, string? search, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(search, page ?? 1, pageSize ?? 20, ct)))
            .WithName("ListCertificates");

        certificates.MapGet("/{id:long}", async Task<Results<Ok<CertificateDto>, ProblemHttpResult>> (long id, CertificateService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetCertificate");

        certificates.MapGet("/{id:long}/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            long id, CertificateService service, HttpContext context, IConfiguration configuration, CancellationToken ct) =>
            await service.PdfAsync(id, PublicBaseUrl(context, configuration), ct) is { } pdf
                ? TypedResults.File(pdf.Pdf, "application/pdf", $"giấy-chứng-nhận-{FileSafe(pdf.Number)}.pdf")
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetCertificatePdf");

        // Issued certificates are never edited (design/domain.md): say so plainly instead of a bare 405 from routing.
        certificates.MapMethods("/{id:long}", [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "GET";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status405MethodNotAllowed,
                detail: context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Certificate.Error.NeverEdited"]);
        }).WithName("EditCertificateNotAllowed").ProducesProblem(StatusCodes.Status405MethodNotAllowed);

        var changes = certificates.MapGroup("/").RequireAuthorization(p => p.RequireRole(VerificationService.WriterRoles));

        changes.MapPost("/{id:long}/revoke", async (long id, RevokeInput input, CertificateService service, CancellationToken ct) =>
            (await service.RevokeAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("RevokeCertificate")
            .Produces<CertificateDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        changes.MapPost("/{id:long}/reissue", async (long id, ReissueInput input, CertificateService service, CancellationToken ct) =>
            (await service.ReissueAsync(id, input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/certificates/{dto.Id}", dto)))
            .WithName("ReissueCertificate")
            .Produces<CertificateDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Where the QR code points: the App:PublicBaseUrl setting, or this request's own address.</summary>
    public static string PublicBaseUrl(HttpContext context, IConfiguration configuration) =>
        configuration["App:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>
    /// Letters (Vietnamese ones too: "GCNKĐ") and digits stay; ASP.NET sends them as RFC 6266 filename* with an
    /// ASCII fallback, so the saved file keeps the number's letters.
    /// </summary>
    private static string FileSafe(string number) =>
        new(number.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray());
}
