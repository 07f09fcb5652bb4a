using Metrology.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Metrology.Web.Infrastructure;

/// <summary>Chooses the database engine from configuration: embedded SQLite (default) or PostgreSQL.</summary>
public static class DatabaseSetup
{
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary>Storage:DataDirectory (default ./data, relative to the working directory), created if missing.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration["Storage:DataDirectory"] ?? "./data");
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? SqliteProvider;
        Action<DbContextOptionsBuilder> configure;
        if (string.Equals(provider, PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
            }

            configure = o => o.UseNpgsql(connectionString, n => n.MigrationsAssembly("Metrology.Migrations.Postgres"));
        }
        else if (string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(DataDirectory(configuration), "metrology.db");
            configure = o => o.UseSqlite($"Data Source={file}", s => s.MigrationsAssembly("Metrology.Migrations.Sqlite"));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
        }

        // Scoped factory: each context it creates sees the tenant scope of the request or circuit that asked.
        // Interceptors registered in DI (the tests' query counter) are attached to every context.
        services.AddDbContextFactory<AppDbContext>(
            (sp, o) =>
            {
                configure(o);
                o.AddInterceptors(sp.GetServices<IInterceptor>());
            },
            ServiceLifetime.Scoped);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }
}
