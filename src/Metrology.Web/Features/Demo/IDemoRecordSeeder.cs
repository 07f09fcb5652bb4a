using Metrology.Core.Organizations;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// One area's demo records (programme records, surveys, inspections...). <see cref="DemoDataSeeder"/> runs
/// every registered implementation in <see cref="Order"/> inside its transaction, after the organisations
/// and the verification records exist; an area that points at another's records (a plan task at its
/// directive document) looks them up by natural key and so must come later.
/// </summary>
public interface IDemoRecordSeeder
{
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

/// <summary>What every area's demo seeder needs: the province, the clock, and the demo organisations by role.</summary>
public sealed record DemoSeedContext(
    int ProvinceId,
    DateTime Now,
    DateOnly Today,
    Organization Department,
    Organization MetrologyUnit,
    Organization ScienceInspectorate,
    Organization TradeInspectorate,
    Organization MarketSurveillance,
    Organization TechnicalCentre,
    IReadOnlyList<Organization> Labs,
    Organization Newspaper,
    Organization Broadcaster,
    IReadOnlyList<Organization> Enterprises);
