using OpenTelemetry.Metrics;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// OpenTelemetry metrics: HTTP server, runtime and the app's own meter. They leave the process only when
/// an OTLP collector is configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT variable), so a laptop run
/// or a test run exports nothing.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The meter the features record their own counters on.</summary>
    public const string MeterName = "Metrology";

    public static IServiceCollection AddMetrologyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlpEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(MeterName);
            if (!string.IsNullOrWhiteSpace(otlpEndpoint))
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }
}
