using System.Globalization;
using Metrology.Core.Verification;
using MudBlazor;

namespace Metrology.Web.Features.Calibrations;

/// <summary>How calibration values and statements show in the pages.</summary>
public static class CalibrationDisplay
{
    /// <summary>All significant decimals (up to the 10 stored) in the UI culture: 0,005 in Vietnamese, not 0,01.</summary>
    public static string Number(decimal? value) => value?.ToString("#,0.##########", CultureInfo.CurrentCulture) ?? string.Empty;

    public static Color ColorOf(Conformity conformity) => conformity switch
    {
        Conformity.Pass => Color.Success,
        Conformity.ConditionalPass => Color.Info,
        Conformity.ConditionalFail => Color.Warning,
        Conformity.Fail => Color.Error,
        _ => Color.Default,
    };
}
