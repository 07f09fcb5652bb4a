namespace Metrology.Core.Shared;

/// <summary>A named value the application keeps about itself, e.g. that demo data was loaded.</summary>
public class AppSetting
{
    public const string DemoDataLoaded = "demo-data-loaded";

    public required string Key { get; set; }

    public required string Value { get; set; }
}
