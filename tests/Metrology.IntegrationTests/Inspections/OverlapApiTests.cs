using System.Net;
using System.Net.Http.Json;
using Metrology.Core.Inspections;
using Metrology.Core.Organizations;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Inspections.InspectionArrange;

namespace Metrology.IntegrationTests.Inspections;

/// <summary>Overlap flags across agencies (hand-made cases), their resolution by the coordinator, and their cost.</summary>
public abstract class OverlapApiTests(MetrologyApp app) : IntegrationTest(app)
{
    /// <summary>
    /// Science: A Group2 3-5, B FuelQuality 3-4, C Group2 3-4, D Group2 1-12. Trade: A Group2+Prepackaged 5-6 (May in
    /// common, Group2 shared: kind b), B Prepackaged 3-4 (same months, nothing shared: kind a only), C Group2 5-6
    /// (adjacent months: kind a only). D is in one plan only: no flag.
    /// </summary>
    [Fact]
    public async Task The_flags_of_a_year_are_worked_out_per_pair_and_shown_when_the_second_plan_is_entered()
    {
        var world = await App.InspectionWorld();
        var year = FreshYear();
        var a = await App.NewEnterpriseAsync("Công ty Xăng dầu A");
        var b = await App.NewEnterpriseAsync("Công ty Cấp nước B");
        var c = await App.NewEnterpriseAsync("Công ty Gas C");
        var d = await App.NewEnterpriseAsync("Công ty Điện lực D");
        using var science = await App.As(TestData.QuangTriInspector);
        using var trade = await App.As(TradeInspector);

        var sciencePlan = await science.CreatePlan(Plan(year,
            Target(a, 3, 5, "Group2Instruments"), Target(b, 3, 4, "FuelQuality"), Target(c, 3, 4, "Group2Instruments"), Target(d, 1, 12, "Group2Instruments")));
        sciencePlan.Overlaps.ShouldBeEmpty();
        var tradePlan = await trade.CreatePlan(Plan(year,
            Target(a, 5, 6, "Group2Instruments", "PrepackagedGoods"), Target(b, 3, 4, "PrepackagedGoods"), Target(c, 5, 6, "Group2Instruments")));

        tradePlan.Overlaps.Count.ShouldBe(3, "the response of the plan entered lists its new flags");
        var all = await science.Overlaps(year);
        all.Count.ShouldBe(3);
        var onA = all.Single(o => o.OrganizationId == a);
        onA.Kind.ShouldBe("SameContentOverlappingPeriod");
        onA.SharedContent.ShouldBe(["Group2Instruments"]);
        onA.First.AgencyId.ShouldBe(world.ScienceAgencyId);
        onA.Second.AgencyId.ShouldBe(world.TradeAgencyId);
        (onA.First.FromMonth, onA.First.ToMonth, onA.Second.FromMonth, onA.Second.ToMonth).ShouldBe((3, 5, 5, 6));
        onA.First.TargetId.ShouldBeLessThan(onA.Second.TargetId);
        onA.Resolved.ShouldBeFalse();
        var onB = all.Single(o => o.OrganizationId == b);
        onB.Kind.ShouldBe("SameYear");
        onB.SharedContent.ShouldBeEmpty();
        all.Single(o => o.OrganizationId == c).Kind.ShouldBe("SameYear");
        all.ShouldNotContain(o => o.OrganizationId == d);
        (await (await science.GetAsync($"{PlansPath}/{sciencePlan.Id}", Cancellation)).ShouldReturn<PlanJson>()).Overlaps.Count.ShouldBe(3);

        (await science.Overlaps(FreshYear())).ShouldBeEmpty("another year has flags of its own");
    }

    [Fact]
    public async Task The_coordinator_merges_moves_and_justifies_and_each_flag_then_shows_as_resolved()
    {
        var year = FreshYear();
        var a = await App.NewEnterpriseAsync("Công ty Xăng dầu Gộp");
        var b = await App.NewEnterpriseAsync("Công ty Xăng dầu Dời");
        var c = await App.NewEnterpriseAsync("Công ty Cấp nước Giải trình");
        using var science = await App.As(TestData.QuangTriInspector);
        using var trade = await App.As(TradeInspector, language: "en");
        var sciencePlan = await science.CreatePlan(Plan(year, Target(a, 4, 4, "Group2Instruments"), Target(b, 6, 7, "FuelQuality"), Target(c, 2, 2, "Group2Instruments")));
        await science.ApprovePlan(sciencePlan.Id);
        await trade.CreatePlan(Plan(year, Target(a, 4, 5, "Group2Instruments"), Target(b, 7, 8, "FuelQuality"), Target(c, 10, 10, "PrepackagedGoods")));
        var flags = await science.Overlaps(year);
        var merge = flags.Single(o => o.OrganizationId == a);
        var move = flags.Single(o => o.OrganizationId == b);
        var justify = flags.Single(o => o.OrganizationId == c);

        using var byInspector = await trade.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = merge.First.TargetId, secondTargetId = merge.Second.TargetId, action = "Merge" }, Cancellation);
        await byInspector.ShouldBeProblem(HttpStatusCode.Forbidden);

        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        using var merged = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = merge.First.TargetId, secondTargetId = merge.Second.TargetId, action = "Merge", note = "Thanh tra liên ngành" }, Cancellation);
        var mergedFlag = await merged.ShouldReturn<OverlapJson>(HttpStatusCode.Created);
        mergedFlag.Resolution.ShouldNotBeNull().Action.ShouldBe("Merge");
        mergedFlag.Resolution.ResolvedByEmail.ShouldBe(TestData.QuangTriOfficer);

        using var stillOverlapping = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = move.First.TargetId, secondTargetId = move.Second.TargetId, action = "Move", targetId = move.Second.TargetId, fromMonth = 7, toMonth = 9 }, Cancellation);
        (await stillOverlapping.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("fromMonth").ShouldBe(["The new months still overlap the other agency's months 6–7."]);
        using var outOfYear = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = move.First.TargetId, secondTargetId = move.Second.TargetId, action = "Move", targetId = move.Second.TargetId, fromMonth = 11, toMonth = 13 }, Cancellation);
        (await outOfYear.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("toMonth").ShouldNotBeEmpty();
        using var moved = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = move.First.TargetId, secondTargetId = move.Second.TargetId, action = "Move", targetId = move.First.TargetId, fromMonth = 3, toMonth = 4 }, Cancellation);
        (await moved.ShouldReturn<OverlapJson>(HttpStatusCode.Created)).Resolution.ShouldNotBeNull().Action.ShouldBe("Move");

        using var noNote = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = justify.First.TargetId, secondTargetId = justify.Second.TargetId, action = "Justify", note = " " }, Cancellation);
        (await noNote.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("note").ShouldBe(["A justification needs a note giving the reason."]);
        using var justified = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = justify.Second.TargetId, secondTargetId = justify.First.TargetId, action = "Justify", note = "Nội dung khác nhau, cách nhau 8 tháng" }, Cancellation);
        await justified.ShouldHaveStatus(HttpStatusCode.Created);
        using var again = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = justify.First.TargetId, secondTargetId = justify.Second.TargetId, action = "Justify", note = "lần hai" }, Cancellation);
        await again.ShouldBeProblem(HttpStatusCode.Conflict);

        var after = await science.Overlaps(year);
        after.Count.ShouldBe(3);
        after.ShouldAllBe(o => o.Resolved);
        var movedNow = after.Single(o => o.OrganizationId == b);
        movedNow.Kind.ShouldBe("SameYear", "after the move the months no longer overlap");
        (movedNow.First.FromMonth, movedNow.First.ToMonth).ShouldBe((3, 4));
        movedNow.Resolution!.Kind.ShouldBe("SameContentOverlappingPeriod");
        var plan = await (await science.GetAsync($"{PlansPath}/{sciencePlan.Id}", Cancellation)).ShouldReturn<PlanJson>();
        plan.Status.ShouldBe("Approved", "coordination moves an approved plan's target");
        plan.Targets.Single(t => t.OrganizationId == b).FromMonth.ShouldBe(3);
        var tradePlan = await (await trade.GetAsync($"{PlansPath}/{merge.Second.PlanId}", Cancellation)).ShouldReturn<PlanJson>();
        tradePlan.Targets.Single(t => t.OrganizationId == a).MergedIntoTargetId.ShouldBe(merge.First.TargetId);

        using var unknown = await officer.PostAsJsonAsync(ResolutionsPath, new { firstTargetId = merge.First.TargetId, secondTargetId = justify.Second.TargetId, action = "Justify", note = "x" }, Cancellation);
        await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    /// <summary>1,000 targets over 10 agencies cost the same few queries as 50: the grouping is done by the database.</summary>
    [Fact]
    public async Task Overlaps_cost_a_small_constant_number_of_queries_whatever_the_number_of_targets()
    {
        var small = FreshYear();
        var large = FreshYear();
        var seeded = await App.WithDb(async db =>
        {
            var province = db.Provinces.Single(p => p.Slug == TestData.QuangTri).Id;
            var agencies = Enumerable.Range(0, 10).Select(i => new Organization { Name = TestData.Unique($"Cơ quan kiểm tra {i}"), Kind = OrganizationKind.Agency, ProvinceId = province }).ToList();
            var enterprises = Enumerable.Range(0, 200).Select(i => new Organization { Name = TestData.Unique($"Doanh nghiệp {i}"), Kind = OrganizationKind.Enterprise, ProvinceId = province }).ToList();
            db.Organizations.AddRange(agencies);
            db.Organizations.AddRange(enterprises);
            await db.SaveChangesAsync();
            foreach (var (year, perAgency) in new[] { (small, 5), (large, 100) })
            {
                for (var g = 0; g < agencies.Count; g++)
                {
                    var plan = new InspectionPlan { ProvinceId = province, AgencyId = agencies[g].Id, Year = year, Title = $"KH {g}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                    for (var t = 0; t < perAgency; t++)
                    {
                        var month = 1 + ((g + t) % 12);
                        plan.Targets.Add(new InspectionTarget { ProvinceId = province, OrganizationId = enterprises[((g * 7) + t) % (perAgency * 2)].Id, Content = InspectionContent.Group2Instruments, FromMonth = month, ToMonth = month });
                    }

                    db.InspectionPlans.Add(plan);
                }
            }

            await db.SaveChangesAsync();
            return agencies.Count;
        });
        seeded.ShouldBe(10);
        using var officer = await App.As(TestData.QuangTriOfficer);
        await officer.Overlaps(small);

        App.Queries.Reset();
        var few = await officer.Overlaps(small);
        var forSmall = App.Queries.Count;
        App.Queries.Reset();
        var many = await officer.Overlaps(large);
        var forLarge = App.Queries.Count;

        few.ShouldNotBeEmpty();
        many.Count.ShouldBeGreaterThan(few.Count * 5);
        forLarge.ShouldBe(forSmall);
        // The bearer check reads the user; then one query for the targets and one for the resolutions.
        forLarge.ShouldBeLessThanOrEqualTo(4);
    }

    public sealed class Sqlite(SqliteApp app) : OverlapApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : OverlapApiTests(app), IClassFixture<PostgresApp>;
}
