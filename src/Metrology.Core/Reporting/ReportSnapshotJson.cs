using System.Text.Json;
using System.Text.Json.Serialization;

namespace Metrology.Core.Reporting;

/// <summary>
/// The one JSON form of <see cref="ReportSnapshot"/>: the report writes it at approval and the national
/// roll-up reads it, so both must agree (enum names, not numbers, so a reordered enum cannot change a
/// signed report's figures).
/// </summary>
public static class ReportSnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ReportSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static ReportSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportSnapshot>(json, Options)
        ?? throw new JsonException("An empty report snapshot.");
}
