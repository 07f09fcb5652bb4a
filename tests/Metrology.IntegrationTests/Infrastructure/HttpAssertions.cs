using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>An RFC 9457 problem as a client reads it.</summary>
public sealed record Problem(int? Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    /// <summary>The messages for one field; fails the test when the problem does not name it.</summary>
    public string[] ErrorsFor(string field)
    {
        Errors.ShouldNotBeNull($"The problem names no field (expected '{field}'): {Title} {Detail}");
        Errors.ShouldContainKey(field);
        return Errors[field];
    }
}

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the status and, when it is wrong, shows the body: the server's explanation is the useful part.</summary>
    public static async Task ShouldHaveStatus(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ShouldAssertException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected} {expected}. Body: {body}");
        }
    }

    public static async Task<T> ShouldReturn<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : class
    {
        await response.ShouldHaveStatus(expected);
        var value = await response.Content.ReadFromJsonAsync<T>(Json);
        value.ShouldNotBeNull();
        return value;
    }

    /// <summary>Checks the status and that the body is a ProblemDetails document, and returns it.</summary>
    public static async Task<Problem> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldHaveStatus(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        problem.ShouldNotBeNull();
        problem.Status.ShouldBe((int)expected);
        return problem;
    }
}
