using Npgsql;

namespace Metrology.IntegrationTests.Infrastructure;

public enum DatabaseEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A database that exists for one test fixture only, plus a data directory for the app's files
/// (SQLite file, data-protection keys). Disposing it removes both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresServerVariable = "METROLOGY_TEST_POSTGRES";
    public const string RequirePostgresVariable = "METROLOGY_REQUIRE_POSTGRES";

    private readonly string? serverConnectionString;
    private readonly string? databaseName;

    private TestDatabase(DatabaseEngine engine, string dataDirectory, string? serverConnectionString, string? databaseName)
    {
        Engine = engine;
        DataDirectory = dataDirectory;
        this.serverConnectionString = serverConnectionString;
        this.databaseName = databaseName;
    }

    public DatabaseEngine Engine { get; }

    public string DataDirectory { get; }

    /// <summary>Why PostgreSQL tests cannot run here, or null when a server is configured.</summary>
    public static string? PostgresUnavailableReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServerVariable))
            ? $"PostgreSQL tests need {PostgresServerVariable} (a Npgsql connection string to a server that allows CREATE DATABASE); scripts/test.sh starts one."
            : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1";

    /// <summary>
    /// A fresh database, or null for PostgreSQL when no server is configured (each test then skips with
    /// <see cref="PostgresUnavailableReason"/>); with PostgreSQL required (scripts/test.sh), a missing server is an error.
    /// </summary>
    public static async Task<TestDatabase?> CreateUnlessUnavailableAsync(DatabaseEngine engine)
    {
        if (engine == DatabaseEngine.Postgres && PostgresUnavailableReason is { } reason)
        {
            return PostgresRequired ? throw new InvalidOperationException($"{RequirePostgresVariable}=1 but {reason}") : null;
        }

        return await CreateAsync(engine);
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseEngine engine)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "metrology-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (engine == DatabaseEngine.Sqlite)
        {
            return new TestDatabase(engine, dataDirectory, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresServerVariable)
            ?? throw new InvalidOperationException(PostgresUnavailableReason);
        var name = "metrology_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(engine, dataDirectory, server, name);
    }

    /// <summary>The settings that point the app at this database, as the app reads them from configuration.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Storage:DataDirectory", DataDirectory);
        yield return new("Database:Provider", Engine.ToString());
        if (Engine == DatabaseEngine.Postgres)
        {
            yield return new("ConnectionStrings:Postgres", DatabaseConnectionString);
        }
    }

    private string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (Engine == DatabaseEngine.Postgres)
        {
            // Only this database's pool: other fixtures run in parallel on the same server.
            using (var pooled = new NpgsqlConnection(DatabaseConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            // Pooled connections keep the file open, and the directory could not be removed.
            using var pooled = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "metrology.db")}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS temp cleaner gets it later.
        }
    }
}
