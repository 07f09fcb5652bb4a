using System.Net;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.ReferenceData;

/// <summary>The provinces and the Group 2 list every user picks from, loaded at start.</summary>
public abstract class ReferenceDataTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_34_provinces_in_force_since_July_2025_are_listed()
    {
        using var inspector = await App.As(TestData.QuangTriInspector);

        var provinces = await (await inspector.GetAsync("/api/v1/reference/provinces", Cancellation)).ShouldReturn<List<ProvinceJson>>();

        provinces.Count.ShouldBe(34);
        provinces.Select(p => p.Slug).ShouldBeUnique();
        var quangTri = provinces.Single(p => p.Slug == TestData.QuangTri);
        quangTri.Name.ShouldBe("Quảng Trị");
        quangTri.FormerUnits.ShouldBe(["Quảng Bình", "Quảng Trị"], ignoreOrder: true);
        provinces.Single(p => p.Slug == TestData.HaNoi).Kind.ShouldBe("city");
    }

    [Fact]
    public async Task The_group2_list_has_89_rows_with_the_2024_removals_dated()
    {
        using var inspector = await App.As(TestData.QuangTriInspector);

        var types = await (await inspector.GetAsync("/api/v1/reference/group2-types", Cancellation)).ShouldReturn<List<Group2TypeJson>>();

        types.Count.ShouldBe(89);
        var inductionMeter = types.Single(t => t.Code == "electricity-meter-1p-induction");
        inductionMeter.EffectiveTo.ShouldBe(new DateOnly(2024, 10, 14));
        inductionMeter.NameVi.ShouldBe("Công tơ điện xoay chiều 1 pha kiểu cảm ứng");
        types.Single(t => t.Code == "tape-measure").EffectiveTo.ShouldBeNull();
    }

    [Fact]
    public async Task The_group2_list_is_searchable_without_diacritics()
    {
        using var inspector = await App.As(TestData.QuangTriInspector);

        var types = await (await inspector.GetAsync("/api/v1/reference/group2-types?search=cong%20to%20dien", Cancellation)).ShouldReturn<List<Group2TypeJson>>();

        types.Select(t => t.Code).ShouldContain("electricity-meter-1p-induction");
        types.ShouldAllBe(t => t.NameVi.Contains("Công tơ điện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reference_data_needs_a_signed_in_user()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/reference/provinces", Cancellation);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    public sealed class Sqlite(SqliteApp app) : ReferenceDataTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ReferenceDataTests(app), IClassFixture<PostgresApp>;
}
