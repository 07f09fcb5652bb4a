using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Auditing;

/// <summary>One audited property as it was and as it became; null where the side has no value.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>Reads an audit line's before / after JSON snapshots into the fields that actually changed.</summary>
public static partial class AuditChanges
{
    /// <summary>Changes on every update, and the line's own time already says when.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "UpdatedAt" };

    /// <summary>Properties that name the record for a person, in order of preference.</summary>
    private static readonly string[] NamingFields = ["Name", "Email", "FullName"];

    public static IReadOnlyList<AuditChange> Of(string? beforeJson, string? afterJson)
    {
        var before = Read(beforeJson);
        var after = Read(afterJson);
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(field => !Bookkeeping.Contains(field))
            .Select(field => new AuditChange(field, before.GetValueOrDefault(field), after.GetValueOrDefault(field)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
            .OrderBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What a person calls the record (its name or e-mail), from the latest snapshot that has one.</summary>
    public static string? Label(string? beforeJson, string? afterJson)
    {
        var values = Read(afterJson ?? beforeJson);
        return NamingFields.Select(values.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }

    /// <summary>
    /// A snapshot value for a person: instants in Vietnam time as dd/MM/yyyy HH:mm, and Identity's
    /// "locked until the end of time" as null so the page can say "indefinitely".
    /// </summary>
    public static string? Readable(string? value)
    {
        if (value is null || !IsoInstant().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return value;
        }

        return instant.Year >= 9999 ? null : DisplayFormat.DateTime(instant.UtcDateTime);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoInstant();

    /// <summary>The snapshot indented for reading, or the raw text if it is not JSON.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, IndentedOptions);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions IndentedOptions = new()
    {
        WriteIndented = true,
        // Vietnamese names stay readable instead of turning into \u1EA3 escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Dictionary<string, string?> Read(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // A line written by an older version may not be JSON; it still shows in the raw view.
        }

        return values;
    }
}
