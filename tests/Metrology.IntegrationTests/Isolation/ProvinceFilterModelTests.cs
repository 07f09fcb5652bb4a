using Metrology.Core.Shared;
using Metrology.IntegrationTests.Calibrations;
using Metrology.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metrology.IntegrationTests.Isolation;

/// <summary>
/// Issue 15, item 12 (the model half): a province-owned entity added without a query filter would be readable across
/// provinces by every query that forgets a Where. Every entity type carrying a ProvinceId must be filtered on it.
/// </summary>
public abstract class ProvinceFilterModelTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Every_province_owned_entity_type_has_a_query_filter_on_its_province()
    {
        var unfiltered = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(IProvinceOwned).IsAssignableFrom(t.ClrType))
            .Where(t => !t.GetDeclaredQueryFilters().Any(f => f.Expression?.ToString().Contains(".ProvinceId", StringComparison.Ordinal) == true))
            .Select(t => t.ClrType.Name)
            .ToList()));

        unfiltered.ShouldBeEmpty();
        (await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Count(t => typeof(IProvinceOwned).IsAssignableFrom(t.ClrType)))))
            .ShouldBeGreaterThanOrEqualTo(41);
    }

    public sealed class Sqlite(SqliteApp app) : ProvinceFilterModelTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ProvinceFilterModelTests(app), IClassFixture<PostgresApp>;
}
