using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Plans;

namespace Metrology.IntegrationTests.Outreach;

public sealed record OutreachEnterpriseJson(int Id, string Name);

public sealed record OutreachJson(
    int Id, string Kind, DateOnly HeldOn, string Title, int? OutletId, string? OutletName, string? Link, string? Topic, int? Participants,
    int? EnterprisesReachedCount, string? Notes, string? ProvinceName, List<OutreachEnterpriseJson> Enterprises);

public sealed record OutreachKindCountJson(string Kind, int Year, int Cumulative);

public sealed record OutreachSummaryJson(int Year, int Since, List<OutreachKindCountJson> Kinds);

/// <summary>Outreach activities: the rules on outlets, links and counts, the summary by kind, and scope. Today is 10/06/2026.</summary>
public abstract class OutreachApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = "/api/v1/outreach";

    private static Dictionary<string, object?> Activity(string kind, DateOnly heldOn, int? outletId = null, string? title = null) => new()
    {
        ["kind"] = kind,
        ["heldOn"] = heldOn,
        ["title"] = title ?? TestData.Unique("Đo lường hỗ trợ doanh nghiệp"),
        ["outletId"] = outletId,
        ["topic"] = "Đề án 996",
    };

    private static async Task<OutreachJson> Create(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Path, body);
        return await response.ShouldReturn<OutreachJson>(HttpStatusCode.Created);
    }

    private static Task<OrganizationJson> CreateOutlet(HttpClient client) =>
        client.CreateOrganization(new { name = TestData.Unique("Báo điện tử"), kind = "MediaOutlet" });

    [Fact]
    public async Task Each_bad_field_is_named_and_nothing_is_written()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var enterprise = await officer.CreateOrganization(TestData.Enterprise());
        var outlet = await CreateOutlet(officer);
        var haNoiAccount = await App.Arranged("HaNoiOutreachOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiAccount.Email, UserApi.Password);
        var haNoiEnterprise = await haNoi.CreateOrganization(TestData.Enterprise());
        var before = (await (await officer.GetAsync($"{Path}?pageSize=1", Cancellation)).ShouldReturn<PageJson<OutreachJson>>()).Total;

        var noOutlet = Activity("Article", new DateOnly(2026, 5, 2));
        noOutlet["link"] = "ftp://baoquangtri.vn/bai-viet";
        var wrongOutlet = Activity("Broadcast", new DateOnly(2026, 6, 11), enterprise.Id);
        wrongOutlet["participants"] = -1;
        var badClass = Activity("Class", new DateOnly(2026, 5, 20));
        badClass["participants"] = 10_001;
        badClass["enterpriseIds"] = new[] { enterprise.Id, haNoiEnterprise.Id, outlet.Id };
        var fewDeclared = Activity("Class", new DateOnly(2026, 5, 20));
        fewDeclared["enterpriseIds"] = new[] { enterprise.Id };
        fewDeclared["enterprisesReachedCount"] = 0;

        using var r1 = await officer.PostAsJsonAsync(Path, noOutlet, Cancellation);
        using var r2 = await officer.PostAsJsonAsync(Path, wrongOutlet, Cancellation);
        using var r3 = await officer.PostAsJsonAsync(Path, badClass, Cancellation);
        using var r4 = await officer.PostAsJsonAsync(Path, fewDeclared, Cancellation);
        using var r5 = await officer.PostAsJsonAsync(Path, new { kind = "Podcast", title = "" }, Cancellation);

        var p1 = await r1.ShouldBeProblem(HttpStatusCode.BadRequest);
        p1.ErrorsFor("outletId").Single().ShouldBe("Bài báo và phóng sự phải có cơ quan báo chí đăng tải.");
        p1.ErrorsFor("link").Single().ShouldBe("Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ.");
        var p2 = await r2.ShouldBeProblem(HttpStatusCode.BadRequest);
        p2.ErrorsFor("outletId").Single().ShouldBe("Tổ chức này không phải là cơ quan báo chí, phát thanh - truyền hình.");
        p2.ErrorsFor("heldOn").ShouldNotBeEmpty();
        p2.ErrorsFor("participants").ShouldNotBeEmpty();
        var p3 = await r3.ShouldBeProblem(HttpStatusCode.BadRequest);
        p3.ErrorsFor("participants").Single().ShouldBe("Số lượng phải từ 0 đến 10000.");
        p3.ErrorsFor("enterpriseIds").Single().ShouldBe($"Không phải doanh nghiệp của tỉnh: {string.Join(", ", new[] { haNoiEnterprise.Id, outlet.Id }.Order())}.");
        (await r4.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("enterprisesReachedCount").Single()
            .ShouldBe("Số doanh nghiệp được tiếp cận không thể nhỏ hơn số doanh nghiệp đã chọn (1).");
        var p5 = await r5.ShouldBeProblem(HttpStatusCode.BadRequest);
        p5.ErrorsFor("kind").ShouldNotBeEmpty();
        p5.ErrorsFor("heldOn").ShouldNotBeEmpty();
        p5.ErrorsFor("title").ShouldNotBeEmpty();
        (await (await officer.GetAsync($"{Path}?pageSize=1", Cancellation)).ShouldReturn<PageJson<OutreachJson>>()).Total.ShouldBe(before);
    }

    [Fact]
    public async Task Linked_enterprises_default_the_declared_count_and_can_be_changed()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var first = await officer.CreateOrganization(TestData.Enterprise(TestData.Unique("Công ty A")));
        var second = await officer.CreateOrganization(TestData.Enterprise(TestData.Unique("Công ty B")));
        var body = Activity("Class", new DateOnly(2026, 6, 10));
        body["enterpriseIds"] = new[] { first.Id, second.Id, first.Id };
        body["participants"] = 45;

        var created = await Create(officer, body);
        created.EnterprisesReachedCount.ShouldBe(2);
        created.Enterprises.Select(e => e.Id).Order().ShouldBe(new[] { first.Id, second.Id }.Order());

        body["enterpriseIds"] = new[] { second.Id };
        body["enterprisesReachedCount"] = 42;
        using var change = await officer.PutAsJsonAsync($"{Path}/{created.Id}", body, Cancellation);
        var changed = await change.ShouldReturn<OutreachJson>();
        changed.EnterprisesReachedCount.ShouldBe(42);
        changed.Enterprises.Select(e => e.Name).ShouldBe([second.Name]);
        (await (await officer.GetAsync($"{Path}/{created.Id}", Cancellation)).ShouldReturn<OutreachJson>()).Participants.ShouldBe(45);
    }

    [Fact]
    public async Task The_summary_counts_each_kind_in_the_year_and_since_2020_and_the_list_filters_by_kind_and_year()
    {
        // A province of its own, so the other tests' activities do not change the counts.
        var account = await App.Arranged("HueOutreachOfficer", app => app.CreateAsync("ProvinceOfficer", "hue"));
        using var hue = await App.As(account.Email, UserApi.Password);
        var outlet = await CreateOutlet(hue);
        await Create(hue, Activity("Article", new DateOnly(2019, 12, 31), outlet.Id));
        await Create(hue, Activity("Article", new DateOnly(2020, 1, 1), outlet.Id));
        await Create(hue, Activity("Broadcast", new DateOnly(2021, 7, 1), outlet.Id));
        await Create(hue, Activity("Article", new DateOnly(2022, 1, 1), outlet.Id));
        await Create(hue, Activity("Article", new DateOnly(2022, 12, 31), outlet.Id));
        await Create(hue, Activity("Class", new DateOnly(2022, 10, 6)));
        await Create(hue, Activity("Workshop", new DateOnly(2022, 11, 29)));
        await Create(hue, Activity("StaffTraining", new DateOnly(2023, 1, 1)));

        var y2022 = await (await hue.GetAsync($"{Path}/summary?year=2022", Cancellation)).ShouldReturn<OutreachSummaryJson>();
        var y2023 = await (await hue.GetAsync($"{Path}/summary?year=2023", Cancellation)).ShouldReturn<OutreachSummaryJson>();

        // 2022: 2 articles (1/1 and 31/12), 1 class, 1 workshop; since 2020 add the 2020 article and the 2021 broadcast, not 2019's.
        y2022.Since.ShouldBe(2020);
        y2022.Kinds.Select(k => (k.Kind, k.Year, k.Cumulative)).ShouldBe(
            [("Article", 2, 3), ("Broadcast", 0, 1), ("Class", 1, 1), ("Workshop", 1, 1), ("StaffTraining", 0, 0)]);
        y2023.Kinds.Select(k => (k.Kind, k.Year, k.Cumulative)).ShouldBe(
            [("Article", 0, 3), ("Broadcast", 0, 1), ("Class", 0, 1), ("Workshop", 0, 1), ("StaffTraining", 1, 1)]);
        var articles2022 = await (await hue.GetAsync($"{Path}?kind=article&year=2022", Cancellation)).ShouldReturn<PageJson<OutreachJson>>();
        articles2022.Items.Select(a => a.HeldOn).ShouldBe([new DateOnly(2022, 12, 31), new DateOnly(2022, 1, 1)]);
        articles2022.Items.ShouldAllBe(a => a.OutletName == outlet.Name);
        using var badKind = await hue.GetAsync($"{Path}?kind=Podcast", Cancellation);
        (await badKind.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("kind").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Another_provinces_activity_is_404_inspectors_read_only_and_labs_cannot_read()
    {
        var haNoiAccount = await App.Arranged("HaNoiOutreachOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiAccount.Email, UserApi.Password);
        var haNoiActivity = await Create(haNoi, Activity("Workshop", new DateOnly(2026, 4, 1), title: "Hội thảo của Hà Nội"));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await Create(officer, Activity("Workshop", new DateOnly(2026, 4, 2)));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var lab = await App.As(TestData.QuangTriLabOperator);

        using var read = await officer.GetAsync($"{Path}/{haNoiActivity.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{Path}/{haNoiActivity.Id}", Activity("Workshop", new DateOnly(2026, 4, 1), title: "Chiếm quyền"), Cancellation);
        var list = await (await officer.GetAsync($"{Path}?year=2026&pageSize=200", Cancellation)).ShouldReturn<PageJson<OutreachJson>>();
        using var inspectorWrites = await inspector.PostAsJsonAsync(Path, Activity("Workshop", new DateOnly(2026, 4, 2)), Cancellation);
        using var labReads = await lab.GetAsync($"{Path}/summary", Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        list.Items.ShouldNotContain(a => a.Id == haNoiActivity.Id);
        (await (await inspector.GetAsync($"{Path}/{own.Id}", Cancellation)).ShouldReturn<OutreachJson>()).Title.ShouldBe(own.Title);
        await inspectorWrites.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await labReads.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await (await haNoi.GetAsync($"{Path}/{haNoiActivity.Id}", Cancellation)).ShouldReturn<OutreachJson>()).Title.ShouldBe("Hội thảo của Hà Nội");
    }

    public sealed class Sqlite(PlanSqliteApp app) : OutreachApiTests(app), IClassFixture<PlanSqliteApp>;

    public sealed class Postgres(PlanPostgresApp app) : OutreachApiTests(app), IClassFixture<PlanPostgresApp>;
}
