using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Platform;

/// <summary>
/// Issue 15, item 7: a schema-driven fuzz test. Every operation of /openapi/v1.json gets a few hostile requests (nulls
/// inside lists, wrong types, huge and negative numbers, impossible dates, very long text, control characters, odd
/// path and query values), sent as the first role the endpoint does not refuse; no answer may be a 5xx.
/// </summary>
public abstract partial class ApiFuzzTests(MetrologyApp app) : IntegrationTest(app)
{
    /// <summary>Signing out or refreshing would end the sessions the fuzzing runs on; these few are covered by the account tests.</summary>
    private static readonly string[] Skipped = ["/api/v1/auth/"];

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static readonly string LongText = new('ạ', 5000);

    private const string Controls = "a\u0000b\u000Bc\u000C\uFFFE\uFFFF";

    private static readonly string[] QueryValues = ["-1", "0", "10000", "99999999999999999999", "abc", LongText, Controls, "2024-02-30"];

    /// <summary>No NUL here: a client cannot send one in a path (the test host refuses it before the app sees it).</summary>
    private static readonly string[] PathValues = ["-1", "2147483647", "a\u000Bb\uFFFE"];

    /// <summary>What a property gets in each body variant.</summary>
    private enum Flavour
    {
        NullsInLists,
        WrongTypes,
        Huge,
        Negative,
        ControlCharacters,
    }

    [Fact]
    public async Task No_hostile_request_to_any_operation_of_the_api_is_a_server_error()
    {
        var watch = Stopwatch.StartNew();
        // The API reference is for signed-in users unless Security:AnonymousApiDocs allows it.
        using var reader = await App.AsSystemAdmin();
        var document = JsonNode.Parse(await reader.GetStringAsync("/openapi/v1.json", Cancellation))!;
        string[] accounts = [MetrologyApp.AdminEmail, TestData.QuangTriOfficer, TestData.QuangTriAdmin, TestData.QuangTriInspector, TestData.QuangTriLabOperator, TestData.QuangTriEnterpriseUser, TestData.DemoMinistryOfficer];
        var clients = new List<HttpClient>();
        foreach (var account in accounts)
        {
            clients.Add(account == MetrologyApp.AdminEmail ? await App.AsSystemAdmin() : await App.As(account));
        }

        var failures = new List<string>();
        var requests = 0;
        try
        {
            foreach (var (path, pathItem) in document["paths"]!.AsObject())
            {
                if (Skipped.Any(s => path.StartsWith(s, StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var (method, operation) in pathItem!.AsObject().Where(o => Methods.Contains(o.Key)))
                {
                    var parameters = (operation!["parameters"]?.AsArray() ?? new JsonArray()).Select(p => p!).ToList();
                    var query = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
                    var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                    var variants = Variants(document, path, query, schema).ToList();

                    // The first role the endpoint lets in (a writer endpoint refuses the readers with 403).
                    HttpClient? client = null;
                    foreach (var candidate in clients)
                    {
                        using var probe = Request(method, variants[0]);
                        using var response = await candidate.SendAsync(probe, Cancellation);
                        requests++;
                        await Check(response, method, variants[0]);
                        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
                        {
                            client = candidate;
                            break;
                        }
                    }

                    foreach (var variant in variants.Skip(1))
                    {
                        using var request = Request(method, variant);
                        using var response = await (client ?? clients[0]).SendAsync(request, Cancellation);
                        requests++;
                        await Check(response, method, variant);
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        TestContext.Current.SendDiagnosticMessage($"API fuzz: {requests} requests in {watch.Elapsed.TotalSeconds:F1} s on {App.Engine}");
        requests.ShouldBeGreaterThan(500);
        failures.ShouldBeEmpty(string.Join("\n", failures));

        async Task Check(HttpResponseMessage response, string method, (string Url, string? Body) variant)
        {
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(Cancellation);
                failures.Add($"{method.ToUpperInvariant()} {Shorten(variant.Url)} {Shorten(variant.Body)} -> {(int)response.StatusCode} {Shorten(body)}");
            }
        }
    }

    private static string? Shorten(string? text) => text is { Length: > 300 } ? text[..300] + "..." : text;

    private static HttpRequestMessage Request(string method, (string Url, string? Body) variant)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), variant.Url);
        if (variant.Body is not null)
        {
            request.Content = new StringContent(variant.Body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>The requests for one operation: hostile bodies and query values on a plain path, then hostile path values.</summary>
    private static IEnumerable<(string Url, string? Body)> Variants(JsonNode document, string path, List<string> query, JsonNode? schema)
    {
        var plainPath = PathParameter().Replace(path, "1");
        if (schema is not null)
        {
            foreach (var flavour in Enum.GetValues<Flavour>())
            {
                yield return (plainPath, Generate(document, schema, flavour, 0)?.ToJsonString() ?? "null");
            }

            yield return (plainPath, "null");
            yield return (plainPath, "[{}]");
            yield return (plainPath, "{\"a\":");
        }

        var body = schema is null ? null : "{}";
        if (query.Count == 0)
        {
            yield return (plainPath, body);
        }
        else
        {
            foreach (var value in QueryValues)
            {
                yield return ($"{plainPath}?{string.Join("&", query.Select(q => $"{q}={Uri.EscapeDataString(value)}"))}", body);
            }
        }

        if (plainPath != path)
        {
            foreach (var value in PathValues)
            {
                yield return (PathParameter().Replace(path, Uri.EscapeDataString(value)), body);
            }
        }
    }

    /// <summary>A JSON value for <paramref name="schema"/> in the given flavour of hostility.</summary>
    private static JsonNode? Generate(JsonNode document, JsonNode schema, Flavour flavour, int depth)
    {
        schema = Resolve(document, schema);
        var type = TypeOf(document, schema, out var resolved);
        schema = resolved;
        var format = (string?)schema["format"];
        switch (type)
        {
            case "object":
                if (depth > 3)
                {
                    return new JsonObject();
                }

                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? new JsonObject())
                {
                    result[name] = Generate(document, property!, flavour, depth + 1);
                }

                return result;
            case "array":
                return flavour switch
                {
                    Flavour.NullsInLists => new JsonArray(null, schema["items"] is { } items ? Generate(document, items, Flavour.Huge, depth + 1) : null),
                    Flavour.WrongTypes => JsonValue.Create("not a list"),
                    _ => schema["items"] is { } item && depth <= 3 ? new JsonArray(Generate(document, item, flavour, depth + 1)) : new JsonArray(),
                };
            case "integer" or "number":
                return flavour switch
                {
                    Flavour.WrongTypes => JsonValue.Create("12abc"),
                    Flavour.Huge => format == "int32" ? JsonValue.Create(int.MaxValue) : JsonValue.Create(1e20m),
                    Flavour.Negative => format == "int32" ? JsonValue.Create(int.MinValue) : JsonValue.Create(-1e20m),
                    _ => JsonValue.Create(0),
                };
            case "boolean":
                return flavour == Flavour.WrongTypes ? JsonValue.Create("yes") : JsonValue.Create(true);
            default:
                if (schema["enum"] is JsonArray members && members.Count > 0 && flavour is not (Flavour.WrongTypes or Flavour.ControlCharacters))
                {
                    return members[0]!.DeepClone();
                }

                return (flavour, format) switch
                {
                    (Flavour.WrongTypes, _) => new JsonObject { ["x"] = 1 },
                    (Flavour.Huge, "date") => JsonValue.Create("9999-12-31"),
                    (Flavour.Negative, "date") => JsonValue.Create("0001-01-01"),
                    (Flavour.Huge, "date-time") => JsonValue.Create("9999-12-31T23:59:59Z"),
                    (Flavour.Negative, "date-time") => JsonValue.Create("0001-01-01T00:00:00Z"),
                    (Flavour.Huge, _) => JsonValue.Create(LongText),
                    (Flavour.Negative, _) => JsonValue.Create(string.Empty),
                    (Flavour.ControlCharacters, _) => JsonValue.Create(Controls),
                    (_, "date") => JsonValue.Create("2024-01-01"),
                    (_, "date-time") => JsonValue.Create("2024-01-01T00:00:00Z"),
                    _ => JsonValue.Create("x"),
                };
        }
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        for (var i = 0; i < 10 && schema["$ref"] is { } reference; i++)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = document["components"]!["schemas"]![name]!;
        }

        return schema;
    }

    /// <summary>The schema's type, ignoring "null" in a type list and looking through oneOf/anyOf/allOf.</summary>
    private static string? TypeOf(JsonNode document, JsonNode schema, out JsonNode resolved)
    {
        resolved = schema;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                foreach (var option in options)
                {
                    var inner = Resolve(document, option!);
                    var innerType = TypeOf(document, inner, out var innerResolved);
                    if (innerType is not null and not "null")
                    {
                        resolved = innerResolved;
                        return innerType;
                    }
                }
            }
        }

        return schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue value => (string?)value,
            _ => schema["properties"] is not null ? "object" : null,
        };
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    public sealed class Sqlite(SqliteApp app) : ApiFuzzTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ApiFuzzTests(app), IClassFixture<PostgresApp>;
}
