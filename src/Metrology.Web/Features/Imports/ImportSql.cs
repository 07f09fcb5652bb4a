using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Plain ADO.NET commands for the import code that works below EF: the verification import's set-based
/// statements (EF cannot express COPY or temp tables) and the runner's progress writes (a skipped one must not
/// be logged as an EF command error).
/// </summary>
internal static class ImportSql
{
    /// <summary>
    /// How long an import statement may wait for a lock held by another connection. On SQLite it is the command
    /// timeout: Microsoft.Data.Sqlite's bounds only that wait (it retries a busy step until then), never the
    /// statement's work, and 0 would retry for ever, which is how a busy snapshot once hung verification imports
    /// (issue 19). On PostgreSQL the verification import sets it as the transaction's lock_timeout.
    /// </summary>
    public const int LockWaitSeconds = 60;

    /// <summary>
    /// A command on the connection; of <paramref name="parameters"/> it binds those the SQL names (as @name), so
    /// one set can serve several statements. <paramref name="timeoutSeconds"/> 0, the default, sets no limit on
    /// PostgreSQL (a million-row merge takes longer than ADO's 30 s on a small machine; the transaction's
    /// lock_timeout bounds its waits there) and <see cref="LockWaitSeconds"/> on SQLite.
    /// </summary>
    public static DbCommand Command(
        DbConnection connection, DbTransaction? transaction, string sql, Dictionary<string, object?>? parameters = null, int timeoutSeconds = 0)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds == 0 && connection is SqliteConnection ? LockWaitSeconds : timeoutSeconds;
        foreach (var (name, value) in parameters ?? [])
        {
            if (!sql.Contains('@' + name, StringComparison.Ordinal))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null or string)
            {
                parameter.DbType = DbType.String;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }
}
