namespace Metrology.Web.Infrastructure;

/// <summary>
/// Field-level validation errors, keyed by the JSON field name ("taxCode") so the API's ProblemDetails
/// and the UI's form messages name the same field.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public string? For(string field) => errors.TryGetValue(field, out var list) ? list[0] : null;

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
    Unprocessable,
}

/// <summary>The result of a use case: expected failures are values, not exceptions.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, FieldErrors? errors, string? detail)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new FieldErrors();
        Detail = detail;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    public FieldErrors Errors { get; }

    public string? Detail { get; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, null);

    public static Outcome<T> Invalid(FieldErrors errors) => new(OutcomeKind.Invalid, default, errors, null);

    /// <summary>A clash with existing data (a duplicate); <paramref name="field"/> names the clashing field.</summary>
    public static Outcome<T> Conflict(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(OutcomeKind.Conflict, default, errors, message);
    }

    public static Outcome<T> Forbidden(string detail) => new(OutcomeKind.Forbidden, default, null, detail);

    /// <summary>Well-formed input that a business rule refuses (422); <paramref name="field"/> names the input concerned.</summary>
    public static Outcome<T> Unprocessable(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(OutcomeKind.Unprocessable, default, errors, message);
    }

    /// <summary>Maps the outcome to an HTTP result: ProblemDetails (RFC 9457) for every failure.</summary>
    public IResult ToHttpResult(Func<T, IResult> onOk) => Kind switch
    {
        OutcomeKind.Ok => onOk(Value!),
        OutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors.ToDictionary()),
        OutcomeKind.Conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            detail: Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = Errors.ToDictionary() }),
        OutcomeKind.Unprocessable => TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = Errors.ToDictionary() }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: Detail),
    };
}

/// <summary>A page of a list, with the total so clients can page.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
