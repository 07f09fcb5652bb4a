namespace Metrology.Web;

/// <summary>
/// Marker for the one resource set of the UI and the API messages: Resources/SharedResource.resx holds
/// the Vietnamese strings (the default language) and SharedResource.en.resx the English ones.
/// </summary>
public sealed class SharedResource;
