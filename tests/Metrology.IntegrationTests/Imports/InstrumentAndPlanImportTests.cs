using System.Net;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Inspections;
using Metrology.IntegrationTests.Instruments;

namespace Metrology.IntegrationTests.Imports;

/// <summary>Instruments (owner by tax code, Group 2 type) and inspection plans (rows = targets, grouped into plans) imported through the API.</summary>
public abstract class InstrumentAndPlanImportTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Instruments_name_their_owner_by_tax_code_and_the_owners_import_cannot_be_undone_while_they_exist()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var lab = await App.As(TestData.QuangTriLabOperator);
        var owners = await officer.Import("organizations", ImportFiles.Read("organizations-utf8-bom-semicolon.csv"), "to-chuc.csv");

        var instruments = await lab.Import("instruments", ImportFiles.Read("instruments-utf8.csv"), "phuong-tien.csv");

        (instruments.Status, instruments.InsertedRows).ShouldBe(("Succeeded", 3));
        var dispenser = (await officer.ListInstruments("search=TS-2021-00417")).Items.Single();
        dispenser.OwnerName.ShouldBe("Công ty TNHH Xăng dầu Hướng Hóa");
        dispenser.TypeCode.ShouldBe("fuel-dispenser");
        dispenser.Status.ShouldBe("InService");
        dispenser.AccuracyClass.ShouldBe("0,5");
        dispenser.NextDueDate.ShouldBeNull();
        (await officer.ListInstruments("search=MT-60T-2019-07")).Items.Single().Status.ShouldBe("InService");

        using var undoOwners = await officer.PostAsync($"{ImportApi.Path}/{owners.Id}/undo", null, Cancellation);
        (await undoOwners.ShouldBeProblem(HttpStatusCode.Conflict)).Detail.ShouldStartWith("Không hoàn tác được");
        using var undoInstruments = await lab.PostAsync($"{ImportApi.Path}/{instruments.Id}/undo", null, Cancellation);
        (await undoInstruments.ShouldReturn<ImportJobJson>()).Status.ShouldBe("Undone");
        (await officer.ListInstruments("search=TS-2021-00417")).Items.ShouldBeEmpty();
        using var undoOwnersNow = await officer.PostAsync($"{ImportApi.Path}/{owners.Id}/undo", null, Cancellation);
        await undoOwnersNow.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_instrument_row_with_an_unknown_owner_or_type_or_a_repeated_serial_is_reported_on_that_column()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        var owner = await officer.CreateOrganization(TestData.Enterprise());
        var file = Encoding.UTF8.GetBytes(
            "Owner tax code,Type code,Manufacturer,Serial number,Status\r\n" +
            $"{owner.TaxCode},fuel-dispenser,Tokheim,TK-1,In service\r\n" +
            $"{ImportFiles.TaxCode("88", 1)},fuel-dispenser,Tokheim,TK-2,\r\n" +
            $"{owner.TaxCode},may-do-khong-co,Tokheim,TK-3,\r\n" +
            $"{owner.TaxCode},fuel-dispenser,Tokheim,TK-1,\r\n" +
            $"{owner.TaxCode},,Tokheim,TK-5,Hỏng\r\n");

        var job = await officer.Import("instruments", file, "loi.csv");

        job.Status.ShouldBe("Rejected");
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(3, "ownerTaxCode"), (4, "typeCode"), (5, "serialNumber"), (6, "status")]);
        job.Errors[0].MessageVi.ShouldBe("Không có tổ chức nào trong tỉnh mang mã số thuế này; hãy nhập tổ chức trước.");
        job.Errors[2].MessageVi.ShouldBe("Trùng với dòng 2 của tệp.");
        job.Errors[3].MessageVi.ShouldStartWith("Giá trị không hợp lệ; dùng một trong: Đang sử dụng (In service)");
    }

    [Fact]
    public async Task An_inspector_imports_targets_grouped_into_draft_plans_of_their_agency_and_a_second_import_changes_nothing()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var inspector = await App.As(TestData.QuangTriInspector);
        var first = await officer.CreateOrganization(TestData.Enterprise(name: "Công ty Xăng dầu Mục tiêu Một"));
        var second = await officer.CreateOrganization(TestData.Enterprise(name: "Công ty Cân Mục tiêu Hai"));
        var year = InspectionArrange.FreshYear();
        var file = ImportFiles.Csv(
        [
            ["Năm", "Tên kế hoạch", "Hình thức", "Mã số thuế đối tượng", "Nội dung", "Từ tháng", "Đến tháng"],
            [$"{year}", $"Kế hoạch kiểm tra đo lường năm {year}", "Kiểm tra", first.TaxCode, "Phương tiện đo nhóm 2; Chất lượng xăng dầu", "3", "4"],
            [$"{year}", $"Kế hoạch kiểm tra đo lường năm {year}", "Kiểm tra", second.TaxCode, "Group 2 instruments", "5", "5"],
            [$"{year}", $"Kế hoạch thanh tra năm {year}", "Thanh tra", first.TaxCode, "Hàng đóng gói sẵn", "9", "9"],
        ], ';', ImportFiles.Utf8Bom);

        var job = await inspector.Import("inspection-plans", file, "ke-hoach.csv");
        var again = await inspector.Import("inspection-plans", file, "ke-hoach.csv");
        using var byOfficer = await officer.Upload("inspection-plans", file, "ke-hoach.csv");

        (job.Status, job.InsertedRows).ShouldBe(("Succeeded", 3));
        (again.InsertedRows, again.UnchangedRows).ShouldBe((0, 3));
        await byOfficer.ShouldBeProblem(HttpStatusCode.Forbidden);
        using var list = await inspector.GetAsync($"{InspectionArrange.PlansPath}?year={year}", Cancellation);
        var plans = (await list.ShouldReturn<List<PlanListItemJson>>()).OrderBy(p => p.Title).ToList();
        plans.Select(p => (p.Title, p.Kind, p.Status, p.TargetCount)).ShouldBe(
        [
            ($"Kế hoạch kiểm tra đo lường năm {year}", "Check", "Draft", 2),
            ($"Kế hoạch thanh tra năm {year}", "Inspection", "Draft", 1),
        ]);
    }

    [Fact]
    public async Task A_plan_row_naming_an_agency_as_target_or_months_in_reverse_is_refused_on_that_column()
    {
        using var officer = await App.As(TestData.QuangTriOfficer);
        using var inspector = await App.As(TestData.QuangTriInspector);
        var agency = await officer.CreateOrganization(new { name = TestData.Unique("Chi cục Thử"), kind = "Agency", taxCode = ImportFiles.TaxCode("89", 1) });
        var target = await officer.CreateOrganization(TestData.Enterprise());
        var year = InspectionArrange.FreshYear();
        var file = ImportFiles.Csv(
        [
            ["Năm", "Tên kế hoạch", "Hình thức", "Mã số thuế đối tượng", "Nội dung", "Từ tháng", "Đến tháng"],
            [$"{year}", "Kế hoạch A", "Kiểm tra", agency.TaxCode, "Phương tiện đo nhóm 2", "3", "4"],
            [$"{year}", "Kế hoạch A", "Kiểm tra", target.TaxCode, "Phương tiện đo nhóm 2", "6", "5"],
            [$"{year}", "Kế hoạch A", "Kiểm tra", target.TaxCode, "Xăng pha", "6", "7"],
        ], ',', ImportFiles.Utf8Bom);

        var job = await inspector.Import("inspection-plans", file, "sai.csv");

        job.Status.ShouldBe("Rejected");
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "targetTaxCode"), (3, "toMonth"), (4, "content")]);
        job.Errors[0].MessageVi.ShouldBe("Không lập kế hoạch thanh tra, kiểm tra đối với cơ quan thanh tra.");
    }

    public sealed class Sqlite(SqliteApp app) : InstrumentAndPlanImportTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : InstrumentAndPlanImportTests(app), IClassFixture<PostgresApp>;
}
