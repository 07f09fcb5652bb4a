using Metrology.Web.Features.Imports.InspectionPlans;
using Metrology.Web.Features.Imports.Instruments;
using Metrology.Web.Features.Imports.Organizations;

namespace Metrology.Web.Features.Imports;

/// <summary>The import area's services, registered by HostingSetup in one call. Each kind is one IImportKindHandler.</summary>
public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportStorage>();
        services.AddScoped<ImportText>();
        services.AddScoped<ImportTemplates>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportJobService>();
        services.AddScoped<IImportKindHandler, OrganizationImportHandler>();
        services.AddScoped<IImportKindHandler, InstrumentImportHandler>();
        services.AddScoped<IImportKindHandler, InspectionPlanImportHandler>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
