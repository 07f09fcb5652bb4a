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
            // MudBlazor's default green, orange and light blue read at 2.2:1 against white (the due chips,
            // alerts); these darker shades reach at least 4.5:1 both as text on white and under white text (WCAG 1.4.3).
            Success = "#2e7d32",
            Warning = "#a85400",
            Info = "#01579b",
            Error = "#c62828",
        },
    };
}
