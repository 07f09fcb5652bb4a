namespace Metrology.Web.Features.Imports;

/// <summary>The import area's services, registered by HostingSetup in one call.</summary>
public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportStorage>();
        services.AddSingleton<ImportLeases>();
        services.AddScoped<ImportText>();
        services.AddScoped<ImportTemplates>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportJobService>();
        // Every kind's handler, found by type: a new kind (its own folder here) needs no line in this file.
        foreach (var handler in typeof(IImportKindHandler).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IImportKindHandler))))
        {
            services.AddScoped(typeof(IImportKindHandler), handler);
        }

        services.AddHostedService<ImportWorker>();
        return services;
    }
}
