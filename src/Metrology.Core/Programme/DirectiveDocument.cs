using Metrology.Core.Auditing;
using Metrology.Core.Shared;

namespace Metrology.Core.Programme;

public enum DocumentType
{
    Resolution,
    Decision,
    Plan,
    OfficialLetter,
    Report,
}

/// <summary>
/// A resolution, decision, plan, official letter or report that directs the programme in the province,
/// e.g. Decision 1928/QĐ-UBND of 20/7/2020. Plans, S&amp;T tasks and investment projects point at the
/// documents that created or approved them.
/// </summary>
public class DirectiveDocument : IProvinceOwned, IAudited
{
    public const int NumberMaxLength = 60;
    public const int TextMaxLength = 500;

    public int Id { get; set; }

    public int? ProvinceId { get; set; }

    public DocumentType Type { get; set; }

    /// <summary>Number and symbol, e.g. "1928/QĐ-UBND" or "99/2020/NQ-HĐND".</summary>
    public required string Number { get; set; }

    /// <summary>Who issued it, e.g. "UBND tỉnh Quảng Trị", "HĐND tỉnh Quảng Trị".</summary>
    public required string Issuer { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>What it is about ("trích yếu").</summary>
    public required string Subject { get; set; }

    /// <summary>What it assigns or decides, in a sentence or two; the report quotes it.</summary>
    public string? Summary { get; set; }

    public string SearchText { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = TextSearch.Fold($"{Number} {Issuer} {Subject}");
}
