using Metrology.Core.Accounts;
using Metrology.Core.Instruments;
using Metrology.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Instruments;

/// <summary>
/// /api/v1/instruments: the registry (list, read, create, change, delete), the due and overdue list and
/// the record of reminders mailed. Both lists are exported by /api/v1/exports with the same filters.
/// </summary>
public static class InstrumentEndpoints
{
    /// <summary>Who may see the record of reminders mailed (and, for the SystemAdmin, run the job now).</summary>
    public static readonly string[] ReminderReaders = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer];

    public static void MapInstrumentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instruments").WithTags("Instruments");

        group.MapGet("/", async (
            InstrumentService service, IStringLocalizer<SharedResource> text,
            string? search, string? typeCode, int? ownerId, string? status, string? dueState, string? after, int? pageSize, CancellationToken ct) =>
        {
            var (query, errors) = RegistryQuery(text, search, typeCode, ownerId, status, dueState, after, pageSize);
            return errors.Any
                ? TypedResults.ValidationProblem(errors.ToDictionary())
                : (await service.ListAsync(query, ct)).ToHttpResult(TypedResults.Ok);
        }).WithName("ListInstruments")
            .Produces<KeysetPage<InstrumentDto>>()
            .ProducesValidationProblem();

        group.MapGet("/due", async (
            InstrumentService service, IStringLocalizer<SharedResource> text,
            string? state, int? ownerId, int? bodyId, string? after, int? pageSize, CancellationToken ct) =>
        {
            var (query, errors) = DueQuery(text, state, ownerId, bodyId, after, pageSize);
            return errors.Any
                ? TypedResults.ValidationProblem(errors.ToDictionary())
                : (await service.DueListAsync(query, ct)).ToHttpResult(TypedResults.Ok);
        }).WithName("ListDueInstruments")
            .Produces<KeysetPage<InstrumentDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:int}", async Task<Results<Ok<InstrumentDetailDto>, ProblemHttpResult>> (int id, InstrumentService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } dto
                ? TypedResults.Ok(dto)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetInstrument");

        var writers = group.MapGroup("/").RequireAuthorization(p => p.RequireRole(InstrumentService.WriterRoles));

        writers.MapPost("/", async (InstrumentInput input, InstrumentService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttpResult(dto => TypedResults.Created($"/api/v1/instruments/{dto.Id}", dto)))
            .WithName("CreateInstrument")
            .Produces<InstrumentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapPut("/{id:int}", async (int id, InstrumentInput input, InstrumentService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateInstrument")
            .Produces<InstrumentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        writers.MapDelete("/{id:int}", async (int id, InstrumentService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("DeleteInstrument")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reminders = group.MapGroup("/reminders").RequireAuthorization(p => p.RequireRole(ReminderReaders));
        reminders.MapGet("/", async (InstrumentService service, string? search, int? take, CancellationToken ct) =>
            TypedResults.Ok(await service.RemindersAsync(search, take ?? 200, ct)))
            .WithName("ListRemindersSent");

        reminders.MapPost("/run", async (ReminderService reminderService, InstrumentService service, CancellationToken ct) =>
            TypedResults.Ok(await reminderService.RunAsync(service.Today, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.SystemAdmin))
            .WithName("RunReminders");
    }

    /// <summary>The registry filters from the query string, with field errors; /api/v1/exports reads the same parameters.</summary>
    internal static (InstrumentQuery Query, FieldErrors Errors) RegistryQuery(
        IStringLocalizer text, string? search, string? typeCode, int? ownerId, string? status, string? dueState, string? after, int? pageSize)
    {
        var errors = new FieldErrors();
        InstrumentStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status) && (statusFilter = FieldRules.EnumByName<InstrumentStatus>(status)) is null)
        {
            errors.Add("status", text["Instruments.Error.StatusUnknown", string.Join(", ", Enum.GetNames<InstrumentStatus>())]);
        }

        DueState? dueFilter = null;
        if (!string.IsNullOrWhiteSpace(dueState) && (dueFilter = DueRules.Parse(dueState)) is null)
        {
            errors.Add("dueState", text["Instruments.Error.DueStateUnknown"]);
        }

        return (new InstrumentQuery(search, typeCode, ownerId, statusFilter, dueFilter, after, pageSize ?? InstrumentQuery.DefaultPageSize), errors);
    }

    internal static (DueListQuery Query, FieldErrors Errors) DueQuery(IStringLocalizer text, string? state, int? ownerId, int? bodyId, string? after, int? pageSize)
    {
        var errors = new FieldErrors();
        DueState? stateFilter = null;
        if (!string.IsNullOrWhiteSpace(state) && (stateFilter = DueRules.Parse(state)) is not (DueState.Overdue or DueState.DueSoon))
        {
            errors.Add("state", text["Instruments.Error.DueStateUnknown"]);
        }

        return (new DueListQuery(stateFilter, ownerId, bodyId, after, pageSize ?? InstrumentQuery.DefaultPageSize), errors);
    }
}
