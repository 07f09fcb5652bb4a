using System.Data;
using System.Data.Common;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Plain ADO.NET commands for the import code that works below EF: the verification import's set-based
/// statements (EF cannot express COPY or temp tables) and the runner's progress writes (a skipped one must not
/// be logged as an EF command error).
/// </summary>
internal static class ImportSql
{
    /// <summary>
    /// A command on the connection; of <paramref name="parameters"/> it binds those the SQL names (as @name), so
    /// one set can serve several statements. <paramref name="timeoutSeconds"/> 0, the default, never times out: a
    /// million-row merge takes longer than ADO's 30 s on a small machine, and the job, not the command, is the
    /// unit to cancel.
    /// </summary>
    public static DbCommand Command(
        DbConnection connection, DbTransaction? transaction, string sql, Dictionary<string, object?>? parameters = null, int timeoutSeconds = 0)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
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
