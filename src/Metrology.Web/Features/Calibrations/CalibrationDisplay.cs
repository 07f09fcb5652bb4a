using System.Globalization;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using MudBlazor;

namespace Metrology.Web.Features.Calibrations;

/// <summary>How calibration values and statements show in the pages.</summary>
public static class CalibrationDisplay
{
    /// <summary>Every decimal typed, trailing zeros included, in the UI culture: 0,005 not 0,01; 100,30 not 100,3.</summary>
    public static string Number(decimal? value) => value is { } v ? NumberText.Format(v, CultureInfo.CurrentCulture) : string.Empty;

    public static Color ColorOf(Conformity conformity) => conformity switch
    {
        Conformity.Pass => Color.Success,
        Conformity.ConditionalPass => Color.Info,
        Conformity.ConditionalFail => Color.Warning,
        Conformity.Fail => Color.Error,
        _ => Color.Default,
    };
}
