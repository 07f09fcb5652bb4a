using System.IO.Compression;
using System.Net;
using System.Text;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Instruments;
using MiniExcelLibs;

namespace Metrology.IntegrationTests.Exports;

/// <summary>
/// /api/v1/exports as CSV and XLSX: the lists' filters, the tenant scope, formula-proof cells. Today is
/// 15/01/2027 (<see cref="FixedClock"/>), the due-soon window 30 days: due 14/01/2027 is overdue by 1 day,
/// 10/02/2027 due soon, 01/04/2027 (76 days away) in date but inside a 90-day "within".
/// </summary>
public abstract class ExportApiTests(MetrologyApp app) : IntegrationTest(app)
{
    private const string Path = "/api/v1/exports";
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/x\",\"Bấm vào đây\")";
    private static readonly string[] InstrumentHeaders =
    [
        "Mã loại phương tiện đo", "Tên loại phương tiện đo", "Nhà sản xuất", "Kiểu (model)", "Số sản xuất (số serial)", "Số quyết định phê duyệt mẫu",
        "Cấp chính xác", "Phạm vi đo", "Mã số thuế chủ sở hữu", "Tên chủ sở hữu", "Vị trí lắp đặt, sử dụng", "Trạng thái", "Ngày kiểm định gần nhất",
        "Hạn kiểm định tiếp theo", "Tình trạng hạn kiểm định",
    ];

    /// <summary>The CSV header line: the one header with a comma is quoted.</summary>
    private static readonly string InstrumentHeader = string.Join(',', InstrumentHeaders.Select(h => h.Contains(',', StringComparison.Ordinal) ? $"\"{h}\"" : h));

    /// <summary>
    /// A Quảng Trị enterprise with four instruments (one with a formula as manufacturer) and two verifications,
    /// a second Quảng Trị enterprise with its own account and instrument, and a Hà Nội instrument with the same tag.
    /// </summary>
    private sealed record Scene(
        string Tag, OrganizationJson Owner, InstrumentJson Overdue, InstrumentJson DueSoon, InstrumentJson InDate, InstrumentJson Never,
        OrganizationJson Other, UserJson OtherUser, InstrumentJson OtherInstrument, UserJson HaNoiOfficer, InstrumentJson HaNoiInstrument);

    private Task<Scene> ArrangeScene() => App.Arranged(nameof(Scene), async app =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var owner = await app.NewEnterprise($"Công ty TNHH Xăng dầu Cam Lộ {tag}");
        using var officer = await app.As(TestData.QuangTriOfficer);
        async Task<InstrumentJson> Make(int ownerId, DateOnly? due, string manufacturer = "Tatsuno", string typeCode = "fuel-dispenser", HttpClient? client = null)
        {
            var instrument = await (client ?? officer).CreateInstrument(InstrumentApi.Body(ownerId, InstrumentApi.NewSerial($"EX{tag}"), typeCode, manufacturer));
            if (due is not null)
            {
                await app.SetDueState(instrument.Id, new DateOnly(2026, 1, 10), due);
            }

            return (await (client ?? officer).GetInstrument(instrument.Id)).Instrument;
        }

        var overdue = await Make(owner.Id, new DateOnly(2027, 1, 14), manufacturer: Hyperlink);
        var dueSoon = await Make(owner.Id, new DateOnly(2027, 2, 10));
        var inDate = await Make(owner.Id, new DateOnly(2027, 4, 1));
        var never = await Make(owner.Id, null, typeCode: "water-meter-cold-mechanical");
        var body = await app.DemoBodyId();
        await app.AddVerification(overdue.Id, body, new DateOnly(2026, 1, 10), nextDueDate: new DateOnly(2027, 1, 14));
        await app.AddVerification(dueSoon.Id, body, new DateOnly(2026, 2, 9), nextDueDate: new DateOnly(2027, 2, 10));

        var other = await app.NewEnterprise($"Công ty Cổ phần Cấp nước Gio Linh {tag}");
        var otherUser = await app.CreateAsync("EnterpriseUser", TestData.QuangTri, other.Id);
        var otherInstrument = await Make(other.Id, new DateOnly(2027, 1, 20));
        await app.AddVerification(otherInstrument.Id, body, new DateOnly(2026, 1, 18), nextDueDate: new DateOnly(2027, 1, 20));

        var haNoiOfficer = await app.CreateAsync("ProvinceOfficer", TestData.HaNoi);
        using var haNoi = await app.As(haNoiOfficer.Email, UserApi.Password);
        var haNoiOwner = await haNoi.CreateOrganization(TestData.Enterprise(name: $"Công ty TNHH Xăng dầu Long Biên {tag}"));
        var haNoiInstrument = await Make(haNoiOwner.Id, new DateOnly(2027, 1, 10), client: haNoi);
        await app.AddVerification(haNoiInstrument.Id, haNoiOwner.Id, new DateOnly(2026, 1, 12), nextDueDate: new DateOnly(2027, 1, 10));
        return new Scene(tag, owner, overdue, dueSoon, inDate, never, other, otherUser, otherInstrument, haNoiOfficer, haNoiInstrument);
    });

    [Fact]
    public async Task The_instrument_csv_has_vietnamese_headers_a_bom_dd_mm_yyyy_dates_and_a_defused_formula()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.GetAsync($"{Path}/instruments?format=csv&ownerId={s.Owner.Id}", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("phuong-tien-do-2027-01-15.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Lines(bytes);
        lines[0].ShouldBe(InstrumentHeader);
        lines.Length.ShouldBe(5);
        // The formula starts with an apostrophe, so Excel shows it as text; the cell is quoted for its comma and quotes.
        lines[1].ShouldBe(
            $"fuel-dispenser,Cột đo xăng dầu,\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"Bấm vào đây\"\")\",Sunny NP,{s.Overdue.SerialNumber},PDM 123-2019,"
            + $"\"0,5\",5-50 L/min,{s.Owner.TaxCode},{s.Owner.Name},\"Cửa hàng xăng dầu số 3, phường Đông Hà\",Đang sử dụng,10/01/2026,14/01/2027,Quá hạn");
        lines[2].ShouldEndWith(",Đang sử dụng,10/01/2026,10/02/2027,Sắp đến hạn");
        lines[3].ShouldEndWith(",Đang sử dụng,10/01/2026,01/04/2027,Còn hạn");
        lines[4].ShouldStartWith("water-meter-cold-mechanical,");
        lines[4].ShouldEndWith(",Đang sử dụng,,,Chưa kiểm định");
    }

    [Fact]
    public async Task The_instrument_xlsx_holds_the_formula_as_plain_text_and_the_dates_as_dates()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);

        using var response = await officer.GetAsync($"{Path}/instruments?format=xlsx&ownerId={s.Owner.Id}", Cancellation);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("phuong-tien-do-2027-01-15.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        var rows = Sheet(bytes);
        rows[0].ShouldBe(InstrumentHeaders);
        rows.Count.ShouldBe(5);
        rows[1][2].ShouldBe(Hyperlink);
        rows[1][4].ShouldBe(s.Overdue.SerialNumber);
        rows[1][9].ShouldBe(s.Owner.Name);
        rows[1][13].ShouldBe(new DateTime(2027, 1, 14));
        rows[1][14].ShouldBe("Quá hạn");

        // No cell is a formula: the manufacturer is a typed string that Excel never evaluates.
        var sheet = SheetXml(bytes);
        sheet.ShouldNotContain("<x:f>");
        sheet.ShouldNotContain("<f>");
        sheet.ShouldContain("t=\"str\"");
    }

    [Fact]
    public async Task The_export_honours_the_registry_filters()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);

        var overdue = Lines(await officer.GetByteArrayAsync($"{Path}/instruments?ownerId={s.Owner.Id}&dueState=overdue", Cancellation));
        var water = Lines(await officer.GetByteArrayAsync($"{Path}/instruments?search={s.Tag}&typeCode=water-meter-cold-mechanical", Cancellation));
        var searched = Lines(await officer.GetByteArrayAsync($"{Path}/instruments?search={Uri.EscapeDataString($"gio linh {s.Tag}")}", Cancellation));

        overdue.Skip(1).ShouldHaveSingleItem().ShouldContain(s.Overdue.SerialNumber);
        water.Skip(1).ShouldHaveSingleItem().ShouldContain(s.Never.SerialNumber);
        // Diacritics ignored: "gio linh" finds "Gio Linh" through the owner's name.
        searched.Skip(1).ShouldHaveSingleItem().ShouldContain(s.OtherInstrument.SerialNumber);
    }

    [Fact]
    public async Task An_english_user_gets_english_headers_and_labels_with_the_same_filters()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");

        var lines = Lines(await officer.GetByteArrayAsync($"{Path}/instruments?ownerId={s.Owner.Id}&dueState=dueSoon", Cancellation));

        lines[0].ShouldBe("Instrument type code,Instrument type,Manufacturer,Model,Serial number,Pattern approval number,Accuracy class,"
            + "Measuring range,Owner tax code,Owner,Location,Status,Last verified on,Next verification due,Due state");
        lines.Skip(1).ShouldHaveSingleItem().ShouldContain(s.DueSoon.SerialNumber);
        lines[1].ShouldEndWith(",In service,10/01/2026,10/02/2027,Due soon");
    }

    [Fact]
    public async Task The_due_export_takes_a_window_in_days_and_counts_the_days_overdue()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);

        var standard = Lines(await officer.GetByteArrayAsync($"{Path}/due?ownerId={s.Owner.Id}", Cancellation));
        var wide = Lines(await officer.GetByteArrayAsync($"{Path}/due?ownerId={s.Owner.Id}&within=90", Cancellation));
        var late = Lines(await officer.GetByteArrayAsync($"{Path}/due?ownerId={s.Owner.Id}&within=90&state=overdue", Cancellation));
        var xlsx = await officer.GetAsync($"{Path}/due?format=xlsx&ownerId={s.Owner.Id}&within=90", Cancellation);

        standard[0].ShouldBe(InstrumentHeader + ",Số ngày quá hạn");
        standard.Skip(1).Select(l => l.Contains(s.Overdue.SerialNumber, StringComparison.Ordinal) ? "overdue" : l.Contains(s.DueSoon.SerialNumber, StringComparison.Ordinal) ? "soon" : l)
            .ShouldBe(["overdue", "soon"]);
        standard[1].ShouldEndWith(",14/01/2027,Quá hạn,1");
        standard[2].ShouldEndWith(",10/02/2027,Sắp đến hạn,");
        // 90 days: 01/04/2027 (76 days away) is due soon in this file, earliest due date first.
        wide.Length.ShouldBe(4);
        wide[3].ShouldContain(s.InDate.SerialNumber);
        wide[3].ShouldEndWith(",01/04/2027,Sắp đến hạn,");
        late.Skip(1).ShouldHaveSingleItem().ShouldContain(s.Overdue.SerialNumber);
        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("den-han-kiem-dinh-2027-01-15.xlsx");
        var rows = Sheet(await xlsx.Content.ReadAsByteArrayAsync(Cancellation));
        rows.Count.ShouldBe(4);
        rows[1][15].ShouldBe(1d);
    }

    [Fact]
    public async Task The_verification_export_filters_by_date_and_body_and_names_the_lab()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);
        var body = await App.DemoBodyId();

        var january = Lines(await officer.GetByteArrayAsync($"{Path}/verifications?from=2026-01-01&to=31/01/2026&bodyId={body}&search={s.Tag}", Cancellation));
        var xlsx = await officer.GetAsync($"{Path}/verifications?format=xlsx&search={s.Tag}", Cancellation);

        january[0].ShouldBe("Ngày kiểm định,Hình thức kiểm định,Kết quả,Mã loại phương tiện đo,Tên loại phương tiện đo,Nhà sản xuất,Kiểu (model),"
            + "Số sản xuất (số serial),Tên chủ sở hữu,Tổ chức kiểm định,Kiểm định viên,Số tem kiểm định,Số giấy chứng nhận kiểm định,Hạn kiểm định tiếp theo");
        // Newest first; February's record and Hà Nội's are outside the filters.
        january.Length.ShouldBe(3);
        january[1].ShouldStartWith($"18/01/2026,Định kỳ,Đạt,fuel-dispenser,Cột đo xăng dầu,Tatsuno,Sunny NP,{s.OtherInstrument.SerialNumber},{s.Other.Name},"
            + "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị,Trần Văn Minh,TEM-");
        january[1].ShouldEndWith(",,20/01/2027");
        january[2].ShouldStartWith("10/01/2026,Định kỳ,Đạt,fuel-dispenser,Cột đo xăng dầu,\"'=HYPERLINK(");
        var rows = Sheet(await xlsx.Content.ReadAsByteArrayAsync(Cancellation));
        rows.Count.ShouldBe(4);
        rows[1][0].ShouldBe(new DateTime(2026, 2, 9));
        rows[3][5].ShouldBe(Hyperlink);
    }

    [Fact]
    public async Task Another_provinces_rows_are_never_exported()
    {
        var s = await ArrangeScene();
        using var quangTri = await App.As(TestData.QuangTriOfficer);
        using var haNoi = await App.As(s.HaNoiOfficer.Email, UserApi.Password);

        var fromQuangTri = string.Join('\n', Lines(await quangTri.GetByteArrayAsync($"{Path}/instruments?search={s.Tag}", Cancellation)));
        var quangTriVerifications = string.Join('\n', Lines(await quangTri.GetByteArrayAsync($"{Path}/verifications?search={s.Tag}", Cancellation)));
        var quangTriDue = string.Join('\n', Lines(await quangTri.GetByteArrayAsync($"{Path}/due?within=90", Cancellation)));
        var fromHaNoi = Lines(await haNoi.GetByteArrayAsync($"{Path}/instruments?search={s.Tag}", Cancellation));
        var haNoiXlsx = Sheet(await haNoi.GetByteArrayAsync($"{Path}/verifications?format=xlsx", Cancellation));
        // Asking for a Quảng Trị owner by id from Hà Nội gives an empty file, not its instruments.
        var haNoiAskingQuangTri = Lines(await haNoi.GetByteArrayAsync($"{Path}/instruments?ownerId={s.Owner.Id}", Cancellation));

        fromQuangTri.ShouldContain(s.Overdue.SerialNumber);
        fromQuangTri.ShouldNotContain(s.HaNoiInstrument.SerialNumber);
        quangTriVerifications.ShouldNotContain(s.HaNoiInstrument.SerialNumber);
        quangTriDue.ShouldNotContain(s.HaNoiInstrument.SerialNumber);
        fromHaNoi.Skip(1).ShouldHaveSingleItem().ShouldContain(s.HaNoiInstrument.SerialNumber);
        haNoiXlsx.Skip(1).ShouldHaveSingleItem()[7].ShouldBe(s.HaNoiInstrument.SerialNumber);
        haNoiAskingQuangTri.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_enterprise_exports_only_its_own_instruments_and_their_verifications()
    {
        var s = await ArrangeScene();
        using var user = await App.As(s.OtherUser.Email, UserApi.Password);

        var instruments = Lines(await user.GetByteArrayAsync($"{Path}/instruments", Cancellation));
        var due = Lines(await user.GetByteArrayAsync($"{Path}/due?within=3650", Cancellation));
        var verifications = Lines(await user.GetByteArrayAsync($"{Path}/verifications?format=csv", Cancellation));
        var othersAsked = Lines(await user.GetByteArrayAsync($"{Path}/instruments?ownerId={s.Owner.Id}", Cancellation));

        instruments.Skip(1).ShouldHaveSingleItem().ShouldContain(s.OtherInstrument.SerialNumber);
        due.Skip(1).ShouldHaveSingleItem().ShouldContain(s.OtherInstrument.SerialNumber);
        // The lab's name is on its own record even though the enterprise cannot list the lab.
        verifications.Skip(1).ShouldHaveSingleItem().ShouldContain($"{s.OtherInstrument.SerialNumber},{s.Other.Name},Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị,");
        othersAsked.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_lab_operator_asking_for_another_bodys_records_gets_403_and_a_stranger_401()
    {
        var s = await ArrangeScene();
        using var lab = await App.As(TestData.QuangTriLabOperator);
        using var anonymous = App.Anonymous();

        using var due = await lab.GetAsync($"{Path}/due?bodyId={s.Owner.Id}", Cancellation);
        using var verifications = await lab.GetAsync($"{Path}/verifications?format=xlsx&bodyId={s.Owner.Id}", Cancellation);
        var own = Lines(await lab.GetByteArrayAsync($"{Path}/verifications?search={s.Tag}", Cancellation));
        using var stranger = await anonymous.GetAsync($"{Path}/instruments?format=xlsx", Cancellation);

        (await due.ShouldBeProblem(HttpStatusCode.Forbidden)).Detail.ShouldBe("Anh/chị chỉ xem được danh sách đến hạn của tổ chức kiểm định của mình.");
        await verifications.ShouldBeProblem(HttpStatusCode.Forbidden);
        own.Length.ShouldBe(4);
        stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_parameters_are_a_400_naming_each_field_in_the_users_language()
    {
        using var officer = await App.As(TestData.QuangTriOfficer, language: "en");
        using var vietnamese = await App.As(TestData.QuangTriOfficer);

        using var format = await officer.GetAsync($"{Path}/instruments?format=pdf&status=lost", Cancellation);
        using var within = await officer.GetAsync($"{Path}/due?within=-3", Cancellation);
        using var state = await officer.GetAsync($"{Path}/due?state=late", Cancellation);
        using var dates = await officer.GetAsync($"{Path}/verifications?from=31/02/2026", Cancellation);
        using var order = await vietnamese.GetAsync($"{Path}/verifications?from=2026-03-01&to=2026-02-01", Cancellation);

        var formatProblem = await format.ShouldBeProblem(HttpStatusCode.BadRequest);
        formatProblem.ErrorsFor("format").ShouldBe(["The file format must be csv or xlsx."]);
        formatProblem.ErrorsFor("status").ShouldHaveSingleItem();
        (await within.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("within").ShouldBe(["The number of days must be a whole number from 0 to 3650."]);
        (await state.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("state").ShouldHaveSingleItem().ShouldStartWith("Unknown due state.");
        (await dates.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("from").ShouldBe(["Invalid date (dd/MM/yyyy or yyyy-MM-dd)."]);
        (await order.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("to").ShouldBe(["Ngày kết thúc không được trước ngày bắt đầu."]);
    }

    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_rows()
    {
        var s = await ArrangeScene();
        using var officer = await App.As(TestData.QuangTriOfficer);
        await officer.GetByteArrayAsync($"{Path}/verifications?search={s.Tag}", Cancellation);

        App.Queries.Reset();
        Lines(await officer.GetByteArrayAsync($"{Path}/instruments?search={s.Tag}&dueState=overdue", Cancellation)).Length.ShouldBe(2);
        var forOne = App.Queries.Count;
        App.Queries.Reset();
        Lines(await officer.GetByteArrayAsync($"{Path}/instruments?search={s.Tag}", Cancellation)).Length.ShouldBe(6);
        var forFive = App.Queries.Count;
        App.Queries.Reset();
        Lines(await officer.GetByteArrayAsync($"{Path}/verifications?format=csv&search={s.Tag}", Cancellation)).Length.ShouldBe(4);
        var verifications = App.Queries.Count;

        forFive.ShouldBe(forOne);
        verifications.ShouldBeLessThanOrEqualTo(forOne + 2);
    }

    private static string[] Lines(byte[] csv)
    {
        csv[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        return Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The first sheet's cells, header row first, read back with MiniExcel as a user's Excel would show them.</summary>
    private static List<object?[]> Sheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.ToArray())
            .ToList();
    }

    private static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    public sealed class Sqlite(InstrumentSqliteApp app) : ExportApiTests(app), IClassFixture<InstrumentSqliteApp>;

    public sealed class Postgres(InstrumentPostgresApp app) : ExportApiTests(app), IClassFixture<InstrumentPostgresApp>;
}
