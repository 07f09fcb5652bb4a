using System.Globalization;
using Metrology.Web.Features.Instruments;
using Metrology.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Exports;

/// <summary>
/// /api/v1/exports: the instrument registry, the due list and the verification records as CSV or XLSX,
/// with the filters of their lists (the pages' export buttons link here with their filters). Whoever may
/// read a list may export it, within the same scope; a lab operator naming another body gets 403.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exports").WithTags("Exports");

        group.MapGet("/instruments", IResult (
            ExportService service, IStringLocalizer<SharedResource> text,
            string? format, string? search, string? typeCode, int? ownerId, string? status, string? dueState, CancellationToken ct) =>
        {
            var (query, errors) = InstrumentEndpoints.RegistryQuery(text, search, typeCode, ownerId, status, dueState, null, null);
            var parsed = Format(errors, text, format);
            return errors.Any
                ? TypedResults.ValidationProblem(errors.ToDictionary())
                : ExportWriter.ToResult(service.Instruments(query), parsed, service.Today, ct);
        }).WithName("ExportInstrumentRegistry")
            .Produces(StatusCodes.Status200OK, contentType: ExportWriter.CsvContentType, additionalContentTypes: ExportWriter.XlsxContentType)
            .ProducesValidationProblem();

        group.MapGet("/due", IResult (
            ExportService service, InstrumentService instruments, IStringLocalizer<SharedResource> text,
            string? format, string? within, string? state, int? ownerId, int? bodyId, CancellationToken ct) =>
        {
            var (query, errors) = InstrumentEndpoints.DueQuery(text, state, ownerId, bodyId, null, null);
            var parsed = Format(errors, text, format);
            int? withinDays = null;
            if (!string.IsNullOrWhiteSpace(within))
            {
                if (int.TryParse(within, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= ExportService.MaxWithinDays)
                {
                    withinDays = days;
                }
                else
                {
                    errors.Add("within", text["Exports.Error.Within", ExportService.MaxWithinDays]);
                }
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            query = query with { WithinDays = withinDays };
            var (_, body) = instruments.CheckDueQuery(query);
            return body is null && bodyId is not null
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["Instruments.Error.OtherBody"])
                : ExportWriter.ToResult(service.Due(query, body), parsed, service.Today, ct);
        }).WithName("ExportDueInstrumentList")
            .Produces(StatusCodes.Status200OK, contentType: ExportWriter.CsvContentType, additionalContentTypes: ExportWriter.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/verifications", IResult (
            ExportService service, IStringLocalizer<SharedResource> text,
            string? format, string? search, string? from, string? to, int? bodyId, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var parsed = Format(errors, text, format);
            var start = Date(errors, text, "from", from);
            var end = Date(errors, text, "to", to);
            if (start is not null && end is not null && end < start)
            {
                errors.Add("to", text["Exports.Error.ToBeforeFrom"]);
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return service.Verifications(search, start, end, bodyId) is { } table
                ? ExportWriter.ToResult(table, parsed, service.Today, ct)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["Instruments.Error.OtherBody"]);
        }).WithName("ExportVerifications")
            .Produces(StatusCodes.Status200OK, contentType: ExportWriter.CsvContentType, additionalContentTypes: ExportWriter.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>"csv" (the default) or "xlsx", case-insensitive.</summary>
    private static ExportFormat Format(FieldErrors errors, IStringLocalizer text, string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return ExportFormat.Csv;
        }

        if (FieldRules.EnumByName<ExportFormat>(format) is { } parsed)
        {
            return parsed;
        }

        errors.Add("format", text["Exports.Error.Format"]);
        return ExportFormat.Csv;
    }

    /// <summary>An ISO date (yyyy-MM-dd, as the pages and scripts send it) or dd/MM/yyyy as people type it.</summary>
    private static DateOnly? Date(FieldErrors errors, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["Exports.Error.Date"]);
        return null;
    }
}
