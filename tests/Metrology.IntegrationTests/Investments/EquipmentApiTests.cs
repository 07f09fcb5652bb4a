using System.Net;
using System.Net.Http.Json;
using Metrology.IntegrationTests.Designations;
using Metrology.IntegrationTests.Infrastructure;
using static Metrology.IntegrationTests.Investments.InvestmentArrange;

namespace Metrology.IntegrationTests.Investments;

/// <summary>Equipment bought by projects: recording, filtering, and the lab that may only change what it holds.</summary>
public abstract class EquipmentApiTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Equipment_is_found_by_project_status_holder_inspection_flag_and_by_words_without_diacritics()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var holder = await officer.CreateHolder("Trung tâm Kỹ thuật TCĐLCL");
        var project = await officer.CreateProject(Project());
        var measuring = project.Components[0];
        var volume = await officer.CreateEquipment(Equipment(project.Id, measuring.Id, holder.Id, "Bình chuẩn dung tích 10 L", forInspection: true));
        var octane = await officer.CreateEquipment(Equipment(project.Id, measuring.Id, holder.Id, "Thiết bị đo chỉ số Octan", forInspection: true));
        var ordered = await officer.CreateEquipment(Equipment(project.Id, null, holder.Id, "Tủ an toàn sinh học cấp II", status: "Ordered"));

        async Task<List<int>> Ids(string query) =>
            [.. (await (await officer.GetAsync($"{EquipmentPath}?{query}&pageSize=200", Cancellation)).ShouldReturn<PageJson<EquipmentJson>>()).Items.Select(e => e.Id)];

        (await Ids($"projectId={project.Id}")).ShouldBe([volume.Id, octane.Id, ordered.Id], ignoreOrder: true);
        (await Ids($"holderId={holder.Id}&forInspection=true")).ShouldBe([volume.Id, octane.Id], ignoreOrder: true);
        (await Ids($"holderId={holder.Id}&status=Ordered")).ShouldBe([ordered.Id]);
        (await Ids($"holderId={holder.Id}&search={Uri.EscapeDataString("binh chuan dung tich")}")).ShouldBe([volume.Id]);
        volume.ComponentName.ShouldBe("Thiết bị đo lường, thử nghiệm");
        volume.HolderName.ShouldBe(holder.Name);
        var detail = await (await officer.GetAsync($"{ProjectsPath}/{project.Id}", Cancellation)).ShouldReturn<ProjectJson>();
        detail.Equipment.Select(e => e.Name).ShouldBe(["Bình chuẩn dung tích 10 L", "Thiết bị đo chỉ số Octan", "Tủ an toàn sinh học cấp II"]);
    }

    [Fact]
    public async Task Future_delivery_bad_quantity_or_value_unknown_status_and_a_component_of_another_project_are_refused()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var project = await officer.CreateProject(Project());
        var other = await officer.CreateProject(Project());
        var before = await App.CountInvestmentRowsAsync();

        using var response = await officer.PostAsJsonAsync(EquipmentPath, new
        {
            projectId = project.Id,
            componentId = other.Components[0].Id,
            name = " ",
            quantity = 0,
            value = -1L,
            deliveredOn = DesignationApi.Today.AddDays(1),
            status = "Lost",
        }, Cancellation);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.ErrorsFor("componentId").Single().ShouldBe("Hạng mục này không thuộc dự án đã chọn.");
        problem.ErrorsFor("name").ShouldNotBeEmpty();
        problem.ErrorsFor("quantity").ShouldNotBeEmpty();
        problem.ErrorsFor("value").ShouldNotBeEmpty();
        problem.ErrorsFor("deliveredOn").Single().ShouldBe("Ngày bàn giao không được ở tương lai.");
        problem.ErrorsFor("status").ShouldNotBeEmpty();
        (await App.CountInvestmentRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_lab_operator_reads_the_provinces_equipment_but_writes_only_what_its_body_holds()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var ownBody = await officer.CreateHolder("Phòng thí nghiệm Đông Hà");
        var otherBody = await officer.CreateHolder("Phòng thí nghiệm Quảng Trị");
        var others = await officer.CreateEquipment(Equipment(holderId: otherBody.Id, name: "Cân phân tích"));
        var account = await App.CreateAsync("LabOperator", TestData.QuangTri, ownBody.Id);
        using var lab = await App.As(account.Email, UserApi.Password);

        var own = await lab.CreateEquipment(Equipment(holderId: otherBody.Id, name: "Nhiệt kế chuẩn"));
        using var changeOwn = await lab.PutAsJsonAsync($"{EquipmentPath}/{own.Id}", Equipment(holderId: ownBody.Id, name: "Nhiệt kế chuẩn", status: "UnderRepair"), Cancellation);
        using var changeOther = await lab.PutAsJsonAsync($"{EquipmentPath}/{others.Id}", Equipment(holderId: ownBody.Id, name: "Chiếm quyền"), Cancellation);
        using var readOther = await lab.GetAsync($"{EquipmentPath}/{others.Id}", Cancellation);

        own.HolderId.ShouldBe(ownBody.Id);
        (await changeOwn.ShouldReturn<EquipmentJson>()).Status.ShouldBe("UnderRepair");
        await changeOther.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await readOther.ShouldReturn<EquipmentJson>()).Name.ShouldBe("Cân phân tích");
        var unchanged = await (await officer.GetAsync($"{EquipmentPath}/{others.Id}", Cancellation)).ShouldReturn<EquipmentJson>();
        unchanged.HolderId.ShouldBe(otherBody.Id);
    }

    [Fact]
    public async Task Another_provinces_equipment_is_404_the_inspector_only_reads_and_enterprises_see_nothing()
    {
        var haNoiOfficer = await App.Arranged("HaNoiEquipmentOfficer", app => app.CreateAsync("ProvinceOfficer", TestData.HaNoi));
        using var haNoi = await App.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiEquipment = await haNoi.CreateEquipment(Equipment(name: "Bình chuẩn Hà Nội"));
        using var officer = await App.As(TestData.QuangTriOfficer);
        var own = await officer.CreateEquipment(Equipment(name: "Bình chuẩn dung tích 5 L", forInspection: true));
        using var inspector = await App.As(TestData.QuangTriInspector);
        using var enterprise = await App.As(TestData.QuangTriEnterpriseUser);

        using var read = await officer.GetAsync($"{EquipmentPath}/{haNoiEquipment.Id}", Cancellation);
        using var change = await officer.PutAsJsonAsync($"{EquipmentPath}/{haNoiEquipment.Id}", Equipment(name: "Chiếm quyền"), Cancellation);
        using var inspectorWrite = await inspector.PutAsJsonAsync($"{EquipmentPath}/{own.Id}", Equipment(name: "Sửa"), Cancellation);
        using var enterpriseRead = await enterprise.GetAsync(EquipmentPath, Cancellation);

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await change.ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await inspector.GetAsync($"{EquipmentPath}?forInspection=true&pageSize=200", Cancellation)).ShouldReturn<PageJson<EquipmentJson>>()).Items.ShouldContain(e => e.Id == own.Id);
        await inspectorWrite.ShouldHaveStatus(HttpStatusCode.Forbidden);
        await enterpriseRead.ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await (await haNoi.GetAsync($"{EquipmentPath}/{haNoiEquipment.Id}", Cancellation)).ShouldReturn<EquipmentJson>()).Name.ShouldBe("Bình chuẩn Hà Nội");
    }

    public sealed class Sqlite(SqliteApp app) : EquipmentApiTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : EquipmentApiTests(app), IClassFixture<PostgresApp>;
}
