using MudBlazor;

namespace Metrology.Web.Components.Layout;

/// <summary>The platform's colours: a sober blue of Vietnamese government portals.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#c62828",
            AppbarBackground = "#0b5394",
        },
    };
}
