using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Metrology.Core.Data;

/// <summary>
/// Every DateTime in the model is a UTC instant. SQLite stores it as text without a zone and reads it back
/// as Unspecified, which the API would then send without "Z" and clients would take for their local time;
/// Npgsql refuses non-UTC values for timestamptz. Marking the kind on both paths fixes both.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
