namespace Metrology.Core.Shared;

/// <summary>One of the 34 provincial-level units in force since 1/7/2025.</summary>
public class Province
{
    public int Id { get; set; }

    /// <summary>Stable ASCII key used in URLs and APIs, e.g. "quang-tri".</summary>
    public required string Slug { get; set; }

    public required string NameVi { get; set; }

    /// <summary>"province" or "city" (centrally governed city).</summary>
    public required string Kind { get; set; }

    /// <summary>Units merged into it on 1/7/2025, separated by ";".</summary>
    public string FormerUnitsVi { get; set; } = string.Empty;

    public string SearchText { get; set; } = string.Empty;
}
