using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;

namespace Metrology.IntegrationTests.Instruments;

/// <summary>
/// Who may read and write which instruments: enterprise users only their own organisation's, province
/// users their province's, national users all; another scope's instrument is not there (404).
/// </summary>
public abstract class InstrumentScopeTests(MetrologyApp app) : IntegrationTest(app)
{
    /// <summary>Two Quảng Trị enterprises with an account and an instrument each, and a Hà Nội officer with one instrument.</summary>
    private sealed record Scene(
        OrganizationJson EnterpriseA, UserJson UserA, InstrumentJson InstrumentA,
        OrganizationJson EnterpriseB, InstrumentJson InstrumentB,
        UserJson HaNoiOfficer, InstrumentJson HaNoiInstrument);

    private Task<Scene> ArrangeScene() => App.Arranged(nameof(Scene), async app =>
    {
        var a = await app.NewEnterprise("Công ty TNHH Cấp nước Đông Hà");
        var b = await app.NewEnterprise("Công ty Cổ phần Xăng dầu Lao Bảo");
        var userA = await app.CreateAsync("EnterpriseUser", TestData.QuangTri, a.Id);
        using var officer = await app.As(TestData.QuangTriOfficer);
        var instrumentA = await officer.CreateInstrument(InstrumentApi.Body(a.Id, typeCode: "water-meter-cold-mechanical"));
        var instrumentB = await officer.CreateInstrument(InstrumentApi.Body(b.Id));

        var haNoiOfficer = await app.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await app.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiOwner = await haNoi.CreateOrganization(TestData.Enterprise(name: "Công ty TNHH Xăng dầu Quảng Trị tại Hà Nội"));
        var haNoiInstrument = await haNoi.CreateInstrument(InstrumentApi.Body(haNoiOwner.Id, serial: instrumentB.SerialNumber));
        return new Scene(a, userA, instrumentA, b, instrumentB, haNoiOfficer, haNoiInstrument);
    });

    [Fact]
    public async Task An_enterprise_user_registers_its_own_instrument_without_naming_the_owner_and_sees_its_due_date()
    {
        var scene = await ArrangeScene();
        using var user = await App.As(scene.UserA.Email, UserApi.Password);

        var created = await user.CreateInstrument(InstrumentApi.Body(ownerId: null, typeCode: "water-meter-cold-mechanical"));
        await App.SetDueState(created.Id, new DateOnly(2022, 5, 10), new DateOnly(2027, 5, 10));

        created.OwnerId.ShouldBe(scene.EnterpriseA.Id);
        var read = await user.GetInstrument(created.Id);
        read.Instrument.NextDueDate.ShouldBe(new DateOnly(2027, 5, 10));
        read.Instrument.DueState.ShouldBe("Ok");
        var mine = await user.ListInstruments("pageSize=500");
        mine.Items.ShouldAllBe(i => i.OwnerId == scene.EnterpriseA.Id);
        mine.Items.Select(i => i.Id).ShouldContain(created.Id);
        mine.Items.Select(i => i.Id).ShouldContain(scene.InstrumentA.Id);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_register_an_instrument_for_another_owner_and_nothing_is_written()
    {
        var scene = await ArrangeScene();
        using var user = await App.As(scene.UserA.Email, UserApi.Password);
        var before = await App.CountInstruments();

        using var response = await user.PostAsJsonAsync(InstrumentApi.Path, InstrumentApi.Body(scene.EnterpriseB.Id), Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.Forbidden);
        problem.Detail.ShouldBe("Tài khoản doanh nghiệp chỉ đăng ký phương tiện đo của chính doanh nghiệp mình.");
        (await App.CountInstruments()).ShouldBe(before);
    }

    [Fact]
    public async Task An_enterprise_user_gets_404_for_another_enterprises_instrument_which_stays_as_it_was()
    {
        var scene = await ArrangeScene();
        using var user = await App.As(scene.UserA.Email, UserApi.Password);
        var url = $"{InstrumentApi.Path}/{scene.InstrumentB.Id}";

        using var read = await user.GetAsync(url, Cancellation);
        using var change = await user.PutAsJsonAsync(url, InstrumentApi.Body(null, scene.InstrumentB.SerialNumber), Cancellation);
        using var delete = await user.DeleteAsync(url, Cancellation);
        var list = await user.ListInstruments($"ownerId={scene.EnterpriseB.Id}");

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldBeEmpty();
        using var officer = await App.As(TestData.QuangTriOfficer);
        (await officer.GetInstrument(scene.InstrumentB.Id)).Instrument.ShouldBe(scene.InstrumentB);
    }

    [Fact]
    public async Task An_enterprise_user_sees_its_instruments_verification_history_with_the_labs_name()
    {
        var scene = await ArrangeScene();
        await App.AddVerification(scene.InstrumentA.Id, await App.DemoBodyId(), new DateOnly(2026, 2, 3), nextDueDate: new DateOnly(2031, 2, 3));
        using var user = await App.As(scene.UserA.Email, UserApi.Password);

        var detail = await user.GetInstrument(scene.InstrumentA.Id);

        var verification = detail.Verifications.ShouldHaveSingleItem();
        verification.Date.ShouldBe(new DateOnly(2026, 2, 3));
        verification.BodyName.ShouldBe("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
    }

    public static TheoryData<string> QuangTriAccounts() =>
        [TestData.QuangTriAdmin, TestData.QuangTriOfficer, TestData.QuangTriInspector, TestData.QuangTriLabOperator, TestData.QuangTriEnterpriseUser];

    [Theory]
    [MemberData(nameof(QuangTriAccounts))]
    public async Task Another_provinces_instrument_is_404_and_absent_from_lists(string account)
    {
        var scene = await ArrangeScene();
        using var quangTri = await App.As(account);
        var url = $"{InstrumentApi.Path}/{scene.HaNoiInstrument.Id}";

        using var read = await quangTri.GetAsync(url, Cancellation);
        using var change = await quangTri.PutAsJsonAsync(url, InstrumentApi.Body(scene.EnterpriseA.Id), Cancellation);
        using var delete = await quangTri.DeleteAsync(url, Cancellation);
        var search = await quangTri.ListInstruments($"search={scene.HaNoiInstrument.SerialNumber}");

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        change.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        search.Items.ShouldAllBe(i => i.Id != scene.HaNoiInstrument.Id);
        using var owner = await App.As(scene.HaNoiOfficer.Email, UserApi.Password);
        (await owner.GetInstrument(scene.HaNoiInstrument.Id)).Instrument.ShouldBe(scene.HaNoiInstrument);
    }

    [Fact]
    public async Task A_province_officer_cannot_register_an_instrument_for_another_provinces_owner()
    {
        var scene = await ArrangeScene();
        using var haNoi = await App.As(scene.HaNoiOfficer.Email, UserApi.Password);

        using var response = await haNoi.PostAsJsonAsync(InstrumentApi.Path, InstrumentApi.Body(scene.EnterpriseA.Id), Cancellation);

        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("ownerId")
            .ShouldBe(["Chủ sở hữu không tồn tại hoặc không thuộc tỉnh, thành phố của anh/chị."]);
    }

    [Theory]
    [InlineData(TestData.QuangTriInspector)]
    [InlineData(TestData.QuangTriAdmin)]
    [InlineData(TestData.DemoMinistryOfficer)]
    public async Task Read_only_roles_read_instruments_but_cannot_write_them(string account)
    {
        var scene = await ArrangeScene();
        using var reader = await App.As(account);
        var url = $"{InstrumentApi.Path}/{scene.InstrumentA.Id}";

        var read = await reader.GetInstrument(scene.InstrumentA.Id);
        using var create = await reader.PostAsJsonAsync(InstrumentApi.Path, InstrumentApi.Body(scene.EnterpriseA.Id), Cancellation);
        using var change = await reader.PutAsJsonAsync(url, InstrumentApi.Body(scene.EnterpriseA.Id), Cancellation);
        using var delete = await reader.DeleteAsync(url, Cancellation);

        read.Instrument.ShouldBe(scene.InstrumentA);
        await create.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await change.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await delete.ShouldHaveStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lab_operator_registers_an_instrument_for_any_owner_of_its_province()
    {
        var scene = await ArrangeScene();
        using var lab = await App.As(TestData.QuangTriLabOperator);

        var created = await lab.CreateInstrument(InstrumentApi.Body(scene.EnterpriseB.Id));

        created.OwnerId.ShouldBe(scene.EnterpriseB.Id);
    }

    [Fact]
    public async Task A_national_user_sees_both_provinces()
    {
        var scene = await ArrangeScene();
        using var ministry = await App.As(TestData.DemoMinistryOfficer);

        var both = await ministry.ListInstruments($"search={scene.InstrumentB.SerialNumber}");

        both.Items.Select(i => i.Id).ShouldBe([scene.InstrumentB.Id, scene.HaNoiInstrument.Id]);
        both.Items.Select(i => i.ProvinceName).ShouldBe(["Quảng Trị", "Thành phố Hà Nội"]);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = App.Anonymous();

        using var list = await anonymous.GetAsync(InstrumentApi.Path, Cancellation);
        using var export = await anonymous.GetAsync("/api/v1/exports/due", Cancellation);

        list.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        export.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public sealed class Sqlite(InstrumentSqliteApp app) : InstrumentScopeTests(app), IClassFixture<InstrumentSqliteApp>;

    public sealed class Postgres(InstrumentPostgresApp app) : InstrumentScopeTests(app), IClassFixture<InstrumentPostgresApp>;
}
