namespace Metrology.Web.Infrastructure;

/// <summary>Whether demo data is loaded, read once at start-up so every page can show the banner without a query.</summary>
public sealed class DemoStatus
{
    public bool IsLoaded { get; set; }
}
