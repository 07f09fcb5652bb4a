using Metrology.Core.Data;
using Metrology.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Migrations;

/// <summary>
/// A model change without a migration for each provider would pass every other test (they migrate a
/// fresh database from the model's migrations) and then fail on a real database: this catches it.
/// </summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void The_sqlite_migrations_capture_the_whole_model()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Metrology.Migrations.Sqlite"))
            .Options;

        AssertNoPendingChanges(options, "Metrology.Migrations.Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_capture_the_whole_model()
    {
        // The check compares the model with the migrations' snapshot; no server is contacted.
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=localhost;Database=model_check", o => o.MigrationsAssembly("Metrology.Migrations.Postgres"))
            .Options;

        AssertNoPendingChanges(options, "Metrology.Migrations.Postgres");
    }

    private static void AssertNoPendingChanges(DbContextOptions<AppDbContext> options, string migrationsProject)
    {
        using var context = new AppDbContext(options, UnscopedTenant.Instance, TimeProvider.System);

        context.Database.GetMigrations().ShouldNotBeEmpty($"{migrationsProject} has no migrations: is the assembly loaded?");
        context.Database.HasPendingModelChanges().ShouldBeFalse(
            $"The model has changes that {migrationsProject} does not capture. Add a migration: " +
            $"dotnet ef migrations add <Name> --project src/{migrationsProject}");
    }
}
