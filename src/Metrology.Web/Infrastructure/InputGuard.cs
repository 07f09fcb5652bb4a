using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Metrology.Core.Shared;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// One check of every /api/v1 request's bound input, before any endpoint runs, for the bad input no single feature
/// thinks about (issue 15): a null inside a list or a missing list (services would trip over it and answer 500), a
/// control character in any text (see <see cref="ControlCharacters"/>), and a year filter outside the calendar years
/// the platform works with (dates built from it would overflow). Each problem is a 400 ProblemDetails naming the
/// field the way the JSON does ("violations[0]", "targets[1].content", "name", "year").
/// </summary>
/// <remarks>
/// Text with control characters is refused here rather than cleaned: an API caller (an integration, a script) should
/// learn that it sends something odd, and a silent change could alter what a signed record says. Pages clean it instead
/// (AppDbContext strips it when saving), because there it comes from text pasted from Word that the user cannot see.
/// </remarks>
public static class InputGuard
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static readonly NullabilityInfoContext Nullability = new();

    private sealed record Member(PropertyInfo Property, string JsonName, bool IsRequiredList);

    private enum Check
    {
        None,
        Text,
        Year,
        Body,
    }

    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = factory.MethodInfo.GetParameters();
        var checks = parameters.Select(p => CheckFor(p, services)).ToArray();
        if (checks.All(c => c == Check.None))
        {
            return next;
        }

        var names = parameters.Select(p => p.Name ?? string.Empty).ToArray();
        return async context =>
        {
            var errors = new FieldErrors();
            var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            for (var i = 0; i < checks.Length && i < context.Arguments.Count; i++)
            {
                var value = context.Arguments[i];
                switch (checks[i])
                {
                    case Check.Text when value is string s && ControlCharacters.Contains(s):
                        errors.Add(names[i], text["Error.ControlCharacters"]);
                        break;
                    case Check.Year when value is int year && year is < MinYear or > MaxYear:
                        errors.Add(names[i], text["Error.Year.Range", MinYear, MaxYear]);
                        break;
                    case Check.Body:
                        Walk(value, string.Empty, errors, text, 0);
                        break;
                }
            }

            return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : await next(context);
        };
    }

    private static Check CheckFor(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string))
        {
            return Check.Text;
        }

        if (type == typeof(int))
        {
            return string.Equals(parameter.Name, "year", StringComparison.OrdinalIgnoreCase) ? Check.Year : Check.None;
        }

        // Request bodies are the platform's own input types (or lists of them); its services are injected, not read.
        var inspected = ElementType(type) ?? type;
        return IsOwnType(inspected) && services?.IsService(type) != true ? Check.Body : Check.None;
    }

    private static bool IsOwnType(Type type) =>
        type.Namespace?.StartsWith("Metrology.", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsValueType;

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    private static void Walk(object? value, string path, FieldErrors errors, IStringLocalizer text, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                if (ControlCharacters.Contains(s))
                {
                    errors.Add(path, text["Error.ControlCharacters"]);
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    var entryPath = $"{path}[{(ControlCharacters.Contains(key) ? "?" : key)}]";
                    if (ControlCharacters.Contains(key))
                    {
                        errors.Add(entryPath, text["Error.ControlCharacters"]);
                    }

                    Walk(entry.Value, entryPath, errors, text, depth + 1);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                    {
                        errors.Add(itemPath, text["Error.NullInList"]);
                    }
                    else if (depth < MaxDepth)
                    {
                        Walk(item, itemPath, errors, text, depth + 1);
                    }
                }

                return;
        }

        var type = value.GetType();
        if (!IsOwnType(type) || depth >= MaxDepth)
        {
            return;
        }

        foreach (var member in Members.GetOrAdd(type, MembersOf))
        {
            var child = member.Property.GetValue(value);
            var childPath = path.Length == 0 ? member.JsonName : $"{path}.{member.JsonName}";
            if (child is null && member.IsRequiredList)
            {
                errors.Add(childPath, text["Error.Required"]);
            }
            else
            {
                Walk(child, childPath, errors, text, depth + 1);
            }
        }
    }

    /// <summary>The readable properties of an input type, with their JSON names; lists declared non-nullable must be present.</summary>
    private static Member[] MembersOf(Type type)
    {
        lock (Nullability)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => new Member(
                    p,
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    ElementType(p.PropertyType) is not null && Nullability.Create(p).ReadState == NullabilityState.NotNull))
                .ToArray();
        }
    }
}
