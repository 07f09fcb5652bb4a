using System.Data.Common;
using Metrology.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// Plain INSERTs on the context's own connection and transaction, for the demo's tens of thousands of
/// rows: through the change tracker (with an audit line each) they took half a minute on a loaded 2-core
/// machine, this way about a second. Identifiers and column names are quoted the same way on SQLite and
/// PostgreSQL, and values go as parameters, so the one statement serves both engines.
/// Rows written here bypass the audit log on purpose: they are the demo's history, not users' changes.
/// </summary>
internal static class DemoBulkInsert
{
    public static async Task InsertAsync(AppDbContext db, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // One statement, its parameters rebound per row: SQLite keeps it compiled across executions, so a
        // row costs a bind and a step, not a parse. Inside the caller's transaction, nothing is flushed per row.
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            command.Parameters.Add(parameters[i]);
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
