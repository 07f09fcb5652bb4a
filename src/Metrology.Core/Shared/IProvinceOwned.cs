namespace Metrology.Core.Shared;

/// <summary>A row that belongs to one province; the DbContext filters it by the user's scope.</summary>
public interface IProvinceOwned
{
    int? ProvinceId { get; set; }
}
