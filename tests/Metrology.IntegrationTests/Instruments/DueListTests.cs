using System.Net;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>
/// The due and overdue lists and their CSV export. Today is 15/01/2027 (<see cref="FixedClock"/>) and the
/// window is 30 days, so: due 14/01 = overdue, due 15/01 = due soon (not overdue), due 14/02 (today + 30)
/// = due soon, due 15/02 (today + 31) = in date.
/// </summary>
public abstract class DueListTests(MetrologyApp app) : IntegrationTest(app)
{
    /// <summary>One owner with an instrument on each side of every boundary, plus ones the lists must leave out.</summary>
    private sealed record Boundaries(
        OrganizationJson Owner, InstrumentJson Yesterday, InstrumentJson Today, InstrumentJson In30Days, InstrumentJson In31Days,
        InstrumentJson Never, InstrumentJson Failed, InstrumentJson OutOfService, InstrumentJson OutsideGroup2, InstrumentJson LongOverdue);

    private Task<Boundaries> ArrangeBoundaries() => App.Arranged(nameof(Boundaries), async app =>
    {
        var owner = await app.NewEnterprise("Công ty TNHH Xăng dầu Hải Lăng");
        using var officer = await app.As(TestData.QuangTriOfficer);
        async Task<InstrumentJson> Make(DateOnly? due, string? typeCode = "fuel-dispenser", string status = "InService", bool failed = false, string? serial = null)
        {
            var body = InstrumentApi.Body(owner.Id, serial, typeCode);
            body["status"] = status;
            var instrument = await officer.CreateInstrument(body);
            if (due is not null || failed)
            {
                await app.SetDueState(instrument.Id, new DateOnly(2026, 1, 10), due, failed);
            }

            return (await officer.GetInstrument(instrument.Id)).Instrument;
        }

        return new Boundaries(
            owner,
            Yesterday: await Make(new DateOnly(2027, 1, 14)),
            Today: await Make(new DateOnly(2027, 1, 15)),
            In30Days: await Make(new DateOnly(2027, 2, 14), serial: "=cmd|' /C calc'!A0"),
            In31Days: await Make(new DateOnly(2027, 2, 15)),
            Never: await Make(null),
            Failed: await Make(null, failed: true),
            OutOfService: await Make(new DateOnly(2026, 6, 1), status: "OutOfService"),
            OutsideGroup2: await Make(new DateOnly(2026, 6, 1), typeCode: null),
            LongOverdue: await Make(new DateOnly(2025, 12, 31)));
    });

    [Fact]
    public async Task Each_instrument_shows_the_due_state_worked_out_by_hand()
    {
        var b = await ArrangeBoundaries();

        b.Yesterday.DueState.ShouldBe("Overdue");
        b.Today.DueState.ShouldBe("DueSoon");
        b.In30Days.DueState.ShouldBe("DueSoon");
        b.In31Days.DueState.ShouldBe("Ok");
        b.Never.DueState.ShouldBe("NeverVerified");
        b.Failed.DueState.ShouldBe("MustNotBeUsed");
        b.OutOfService.DueState.ShouldBe("NotApplicable");
        b.OutsideGroup2.DueState.ShouldBe("NotApplicable");
        b.LongOverdue.DueState.ShouldBe("Overdue");
    }

    [Fact]
    public async Task The_due_list_holds_overdue_and_due_soon_instruments_earliest_first()
    {
        var b = await ArrangeBoundaries();
        using var officer = await App.As(TestData.QuangTriOfficer);

        var overdue = await officer.DueList($"state=overdue&ownerId={b.Owner.Id}");
        var dueSoon = await officer.DueList($"state=dueSoon&ownerId={b.Owner.Id}");
        var both = await officer.DueList($"ownerId={b.Owner.Id}");

        overdue.Items.Select(i => i.Id).ShouldBe([b.LongOverdue.Id, b.Yesterday.Id]);
        dueSoon.Items.Select(i => i.Id).ShouldBe([b.Today.Id, b.In30Days.Id]);
        both.Items.Select(i => i.Id).ShouldBe([b.LongOverdue.Id, b.Yesterday.Id, b.Today.Id, b.In30Days.Id]);
        both.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task The_registry_filter_by_due_state_agrees_with_the_chips()
    {
        var b = await ArrangeBoundaries();
        using var officer = await App.As(TestData.QuangTriOfficer);

        async Task<int[]> Ids(string state) => [.. (await officer.ListInstruments($"ownerId={b.Owner.Id}&dueState={state}")).Items.Select(i => i.Id)];

        (await Ids("overdue")).ShouldBe([b.Yesterday.Id, b.LongOverdue.Id]);
        (await Ids("dueSoon")).ShouldBe([b.Today.Id, b.In30Days.Id]);
        (await Ids("ok")).ShouldBe([b.In31Days.Id]);
        (await Ids("neverVerified")).ShouldBe([b.Never.Id]);
        (await Ids("mustNotBeUsed")).ShouldBe([b.Failed.Id]);
        (await Ids("notApplicable")).ShouldBe([b.OutOfService.Id, b.OutsideGroup2.Id]);
    }

    [Fact]
    public async Task Due_list_keyset_paging_returns_every_row_once_even_with_equal_due_dates()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var expected = new List<(DateOnly, int)>();
        foreach (var due in new[] { 20, 3, 20, 20, 1, 3, 20 }.Select(d => new DateOnly(2027, 1, d)))
        {
            var instrument = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
            await App.SetDueState(instrument.Id, new DateOnly(2026, 1, 1), due);
            expected.Add((due, instrument.Id));
        }

        var (rows, pages) = await officer.AllPages($"{InstrumentApi.Path}/due", $"ownerId={owner.Id}&pageSize=2");

        pages.ShouldBe(4);
        rows.Select(r => (r.NextDueDate!.Value, r.Id)).ShouldBe(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2));
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_its_own_due_instruments()
    {
        var b = await ArrangeBoundaries();
        var other = await App.NewEnterprise();
        var account = await App.CreateAsync("EnterpriseUser", TestData.QuangTri, other.Id);
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await officer.CreateInstrument(InstrumentApi.Body(other.Id));
        await App.SetDueState(own.Id, new DateOnly(2026, 1, 20), new DateOnly(2027, 1, 20));
        using var user = await App.As(account.Email, UserApi.Password);

        var mine = await user.DueList("pageSize=500");
        var theirs = await user.DueList($"ownerId={b.Owner.Id}");

        mine.Items.Select(i => i.Id).ShouldBe([own.Id]);
        theirs.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bodys_list_holds_the_instruments_it_verified_last_and_a_lab_operator_sees_only_its_own_body()
    {
        var owner = await App.NewEnterprise();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var otherLab = await officer.CreateOrganization(new { name = TestData.Unique("Phòng kiểm định thử"), kind = "VerificationBody" });
        var demoLab = await App.DemoBodyId();
        var byDemoLab = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        var movedToOtherLab = await officer.CreateInstrument(InstrumentApi.Body(owner.Id));
        await App.AddVerification(byDemoLab.Id, demoLab, new DateOnly(2026, 1, 12), nextDueDate: new DateOnly(2027, 1, 12));
        await App.AddVerification(movedToOtherLab.Id, demoLab, new DateOnly(2025, 1, 5), nextDueDate: new DateOnly(2026, 1, 5));
        await App.AddVerification(movedToOtherLab.Id, otherLab.Id, new DateOnly(2026, 1, 8), nextDueDate: new DateOnly(2027, 1, 8));
        await App.SetDueState(byDemoLab.Id, new DateOnly(2026, 1, 12), new DateOnly(2027, 1, 12));
        await App.SetDueState(movedToOtherLab.Id, new DateOnly(2026, 1, 8), new DateOnly(2027, 1, 8));
        using var lab = await App.As(TestData.QuangTriLabOperator);

        var demoLabList = await officer.DueList($"bodyId={demoLab}&ownerId={owner.Id}");
        var otherLabList = await officer.DueList($"bodyId={otherLab.Id}&ownerId={owner.Id}");
        var labOwn = await lab.DueList($"ownerId={owner.Id}");
        using var labOther = await lab.GetAsync($"{InstrumentApi.Path}/due?bodyId={otherLab.Id}", Cancellation);

        demoLabList.Items.Select(i => i.Id).ShouldBe([byDemoLab.Id]);
        otherLabList.Items.Select(i => i.Id).ShouldBe([movedToOtherLab.Id]);
        labOwn.Items.Select(i => i.Id).ShouldBe([byDemoLab.Id]);
        (await labOther.ShouldBeProblem(HttpStatusCode.Forbidden)).Detail
            .ShouldBe("Anh/chị chỉ xem được danh sách đến hạn của tổ chức kiểm định của mình.");
    }

    [Fact]
    public async Task An_unknown_state_or_cursor_is_a_400_naming_it()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");

        using var state = await officer.GetAsync($"{InstrumentApi.Path}/due?state=ok", Cancellation);
        using var cursor = await officer.GetAsync($"{InstrumentApi.Path}/due?after=2027-13-01_5", Cancellation);

        (await state.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("state").ShouldHaveSingleItem().ShouldStartWith("Unknown due state.");
        (await cursor.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("after");
    }

    public sealed class Sqlite(InstrumentSqliteApp app) : DueListTests(app), IClassFixture<InstrumentSqliteApp>;

    public sealed class Postgres(InstrumentPostgresApp app) : DueListTests(app), IClassFixture<InstrumentPostgresApp>;
}
