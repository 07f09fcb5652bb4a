using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// Turns unreadable request bodies (malformed JSON, a number where text belongs) into a 400 ProblemDetails
/// that names the offending field, instead of a bare 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = badRequest.InnerException is JsonException json
                ? $"Malformed JSON at {json.Path ?? "$"}: {json.Message}"
                : badRequest.Message,
        };
        if (badRequest.InnerException is JsonException { Path: { Length: > 2 } path })
        {
            var field = path.TrimStart('$', '.');
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
