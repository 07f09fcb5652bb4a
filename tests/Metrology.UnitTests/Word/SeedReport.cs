using Metrology.Core.Reporting;

namespace Metrology.UnitTests.Word;

/// <summary>
/// The Quảng Trị 2022 report (design/../mission/seed-report-quang-tri-2022.vi.txt, section by section) as the
/// report feature hands it to the Word writer, with a key-indicator annex of plausible figures.
/// </summary>
public static class SeedReport
{
    public const string Subject = "Kết quả triển khai Đề án 996 trên địa bàn tỉnh Quảng Trị";
    public const string PlaceAndDate = "Quảng Trị, ngày      tháng 01 năm 2023";
    public const string Closing = "UBND tỉnh Quảng Trị báo cáo Bộ Khoa học và Công nghệ./.";
    public const string AnnexTitle = "PHỤ LỤC: CHỈ TIÊU CHỦ YẾU CỦA ĐỀ ÁN 996 NĂM 2022";

    public static ReportHeader Header(string? number = null) => new()
    {
        IssuerAuthority = "Ủy ban nhân dân",
        IssuerUnit = "Tỉnh Quảng Trị",
        Number = number,
        Symbol = "BC-UBND",
        Place = "Quảng Trị",
        Addressee = "Bộ Khoa học và Công nghệ",
        RequestLetterNumber = "04/BKH-CN-TĐC",
        RequestLetterDate = new DateOnly(2023, 1, 3),
        RequestLetterIssuer = "Bộ Khoa học và Công nghệ",
        Recipients = "Như trên;\nChủ tịch, các PCT UBND tỉnh;\nLưu: VT, KGVX.",
        SigningAuthority = "TM. ỦY BAN NHÂN DÂN",
        SignerCapacity = "KT. CHỦ TỊCH",
        SignerTitle = "PHÓ CHỦ TỊCH",
        SignerName = "Lê Đức Tiến",
    };

    public static ReportDocument Document(string? number = null, bool withAnnex = true) => new(
        Header(number), PlaceAndDate, Subject, Body, Closing, withAnnex ? Annex : null);

    public static readonly IReadOnlyList<ReportBlock> Body =
    [
        new ReportParagraph("""Thực hiện yêu cầu của Bộ Khoa học và Công nghệ tại Công văn số 04/BKH-CN-TĐC ngày 03/01/2023 về việc báo cáo kết quả triển khai Đề án 996 tại các tỉnh, thành phố trực thuộc Trung ương, UBND tỉnh Quảng Trị báo cáo kết quả triển khai Đề án 996 trên địa bàn tỉnh như sau:"""),
        new ReportHeading(1, """I. Tình hình triển khai và kết quả thực hiện Đề án 996"""),
        new ReportHeading(2, """1. Kết quả công tác chỉ đạo, điều hành, kiểm tra, giám sát việc thực hiện Đề án 996"""),
        new ReportHeading(3, """a) Công tác xây dựng, trình cấp có thẩm quyền phê duyệt, triển khai kế hoạch thực hiện các nhiệm vụ thuộc Đề án 996:"""),
        new ReportParagraph("""- Tham mưu Hội đồng nhân dân tỉnh Quảng Trị ban hành Nghị quyết số 99/2020/NQ-HĐND ngày 09/12/2020 về phê duyệt chủ trương đầu tư Dự án: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1); Nghị quyết số 163/2021/NQ-HĐND ngày 09/12/2021 về việc quy định một số chính sách hỗ trợ ứng dụng, nhân rộng các kết quả khoa học và công nghệ trên địa bàn tỉnh giai đoạn 2022-2026;"""),
        new ReportParagraph("""- UBND tỉnh Quảng Trị ban hành Quyết định số 1928/QĐ-UBND ngày 20/7/2020 về kế hoạch triển khai Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh. Theo đó, UBND tỉnh giao Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch hàng năm để triển khai các nhiệm vụ được giao theo Kế hoạch; hướng dẫn, kiểm tra, tổ chức sơ kết và tổng kết tình hình thực hiện Kế hoạch; định kỳ hàng năm báo cáo UBND tỉnh tình hình, tiến độ triển khai Kế hoạch."""),
        new ReportHeading(3, """b) Về xây dựng văn bản quản lý, điều hành triển khai thực hiện các nhiệm vụ:"""),
        new ReportParagraph("""Sở Khoa học và Công nghệ đã ban hành Kế hoạch tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế năm 2021, năm 2022; Khảo sát tình hình sử dụng phương tiện đo, thiết bị đo lường tại 03 đơn vị kiểm định/hiệu chuẩn/thử nghiệm phương tiện đo; 40 doanh nghiệp trọng điểm trên địa bàn tỉnh nhằm đánh giá năng lực đo lường, làm cơ sở để lựa chọn, hướng dẫn thực hiện Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ, từng bước nâng cao năng lực đo lường của các đơn vị kiểm định/hiệu chuẩn/thử nghiệm phương tiện đo trên địa bàn."""),
        new ReportHeading(3, """c) Về lồng ghép các nhiệm vụ trong các nhiệm vụ, đề án, chương trình khác tại địa phương:"""),
        new ReportParagraph("""Sở Khoa học và Công nghệ đã phê duyệt nhiệm vụ KH&CN: Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ; nhiệm vụ thiết lập, duy trì bảo quản và khai thác chuẩn đo lường. Thực hiện kiểm định, hiệu chuẩn, bảo trì, bảo dưỡng, sửa chữa thiết bị đo lường và thiết bị đo lường chuẩn để phục vụ quản lý nhà nước về tiêu chuẩn đo lường trên địa bàn tỉnh; nhiệm vụ thực hiện hoạt động duy trì, mở rộng tổ chức kiểm định, hiệu chuẩn thiết bị đo lường, tổ chức thử nghiệm chất lượng sản phẩm phục vụ quản lý nhà nước về tiêu chuẩn đo lường trên địa bàn tỉnh."""),
        new ReportHeading(2, """2. Kết quả triển khai thực hiện các nhiệm vụ thuộc Đề án 996:"""),
        new ReportHeading(2, """2.1. Đổi mới, sửa đổi chính sách tạo thuận lợi hoạt động đo lường hỗ trợ doanh nghiệp:"""),
        new ReportParagraph("""Thực hiện chuẩn hóa năng lực, hoạt động của Trung tâm kỹ thuật Tiêu chuẩn Đo lường Chất lượng nhằm nâng cao chất lượng dịch vụ kiểm định phương tiện đo trên địa bàn tỉnh. Trung tâm kỹ thuật Tiêu chuẩn Đo lường Chất lượng được Tổng cục Tiêu chuẩn Đo lường Chất lượng chỉ định việc kiểm định đối chứng công tơ điện, đồng hồ đo nước lạnh trên địa bàn và kiểm định, hiệu chuẩn phương tiện đo nhóm 2 theo quy định tại Thông tư số 07/2019/TT-BKHCN ngày 26/7/2019 của Bộ KH&CN."""),
        new ReportHeading(2, """2.2. Công tác tăng cường phát triển hạ tầng đo lường tại địa phương:"""),
        new ReportParagraph("""UBND tỉnh Quảng Trị đã ban hành Quyết định số 1338/QĐ-UBND ngày 28/5/2021 về phê duyệt báo cáo nghiên cứu khả thi dự án: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học (giai đoạn 1). Dự án có tổng mức đầu tư: 25,616 tỷ đồng, trong đó thiết bị đo lường thử nghiệm 58 bộ thiết bị và thiết bị công nghệ sinh học 02 thiết bị."""),
        new ReportHeading(2, """2.3. Nâng cao hiệu quả công tác quản lý nhà nước về đo lường:"""),
        new ReportParagraph("""Chỉ đạo Thanh tra của các sở, ban, ngành phối hợp trong việc xây dựng kế hoạch và thực hiện công tác thanh kiểm tra, tránh tình trạng chồng chéo, trùng lặp về nội dung, đối tượng thanh tra, kiểm tra; Đầu tư trang thiết bị phục vụ công tác quản lý nhà nước về tiêu chuẩn đo lường chất lượng như: chuẩn dung tích các loại, thiết bị kiểm tra chỉ số Octan của Xăng."""),
        new ReportHeading(2, """2.4. Triển khai công tác hỗ trợ doanh nghiệp đảm bảo chất lượng sản phẩm hàng hóa:"""),
        new ReportParagraph("""Phê duyệt Thuyết minh nhiệm vụ KH&CN cấp cơ sở: Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ. Từ đó làm cơ sở để nhân rộng mô hình Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ."""),
        new ReportHeading(2, """2.5. Công tác truyền thông về hoạt động đo lường, thông tin, tuyên truyền chính sách, pháp luật, nâng cao nhận thức của doanh nghiệp và xã hội về hoạt động đo lường nhằm nâng cao hiệu quả công tác quản lý nhà nước về đo lường:"""),
        new ReportParagraph("""- Đăng tải 04 bài báo về hoạt động đo lường hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh và hội nhập quốc tế trên Báo Quảng Trị; 02 phóng sự phát sóng trên truyền hình Quảng Trị QRTV."""),
        new ReportParagraph("""- Tổ chức 02 lớp về tuyên truyền, phổ biến Quyết định số 996/QĐ-TTg ngày 10/8/2018 của Thủ tướng Chính phủ, Quyết định số 1928/QĐ-UBND 20/7/2020 của UBND tỉnh Quảng Trị về việc ban hành Kế hoạch triển khai Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” cho hơn 40 Doanh nghiệp trên địa bàn."""),
        new ReportParagraph("""- Tổ chức 01 Hội thảo vai trò của Đo lường trong Cách mạng công nghiệp 4.0."""),
        new ReportParagraph("""- Cử công chức tham dự tập huấn về xây dựng và triển khai thực hiện Chương trình đảm bảo đo lường tại doanh nghiệp; tham dự khóa đào tạo về tư vấn, hỗ trợ xây dựng triển khai thực hiện Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ."""),
        new ReportHeading(1, """II. Đánh giá kết quả đạt được trong năm 2022 và lũy kế kết quả, hiệu quả đạt được từ khi thực hiện Đề án 996 đến hết năm 2022:"""),
        new ReportHeading(2, """1. Đánh giá kết quả, hiệu quả đạt được."""),
        new ReportParagraph("""Quyết định số 996/QĐ-TTg ngày 10/8/2018 của Thủ tướng Chính phủ và các hướng dẫn của Bộ Khoa học và Công nghệ đã giúp địa phương có căn cứ pháp lý để triển khai có hiệu quả các hoạt động quản lý nhà nước, phát triển cơ sở vật chất, hạ tầng dịch vụ kỹ thuật đo lường, hỗ trợ doanh nghiệp trong giai đoạn đến năm 2025, định hướng đến năm 2030."""),
        new ReportHeading(2, """2. Tồn tại, vướng mắc."""),
        new ReportParagraph("""Dịch bệnh Covid-19 diễn ra đã dẫn đến công tác triển khai thực hiện Đề án 996 tại địa phương còn gặp nhiều khó khăn; Nhận thức của nhiều doanh nghiệp trên địa bàn về tầm quan trọng của đổi mới đo lường còn hạn chế, dẫn tới khó khăn trong việc hướng dẫn áp dụng triển khai các cơ chế chính sách theo nội dung của Đề án 996."""),
        new ReportHeading(1, """III. Phương hướng, giải pháp thực hiện triển khai Đề án 996 trong năm 2023 và các năm tiếp theo."""),
        new ReportHeading(2, """1. Phương hướng:"""),
        new ReportParagraph("""Tiếp tục triển khai thực hiện Quyết định số 996/QĐ-TTg ngày 10/8/2018 của Thủ tướng Chính phủ về Đề án “Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Quảng Trị đảm bảo hiệu quả, đúng tiến độ."""),
        new ReportHeading(2, """2. Giải pháp:"""),
        new ReportParagraph("""- Tăng cường phát triển hạ tầng đo lường tại địa phương: Đầu tư thiết bị đo lường thử nghiệm và công nghệ sinh học theo Nghị quyết số 99/2020/NQ-HĐND ngày 09/12/2020 của Hội đồng nhân dân tỉnh Quảng Trị."""),
        new ReportParagraph("""- Hỗ trợ các Doanh nghiệp đổi mới công nghệ, chuyển giao công nghệ tiên tiến, công nghệ cao trong sản xuất công nghiệp và dịch vụ, nông nghiệp, nông lâm thủy sản theo Nghị quyết số 163/2021/NQ-HĐND ngày 09/12/2021 của Hội đồng nhân dân tỉnh Quảng Trị về Quy định một số chính sách hỗ trợ ứng dụng, nhân rộng các kết quả khoa học và công nghệ trên địa bàn tỉnh giai đoạn 2022-2026."""),
        new ReportParagraph("""- Đẩy mạnh truyền thông về hoạt động đo lường, tuyên truyền chính sách, pháp luật, nâng cao nhận thức của doanh nghiệp và xã hội về hoạt động đo lường, nâng cao hiệu của công tác quản lý nhà nước về đo lường."""),
        new ReportParagraph("""- Xây dựng mô hình điểm áp dụng Chương trình đảm bảo đo lường tại các đơn vị, doanh nghiệp trên địa bàn tỉnh Quảng Trị nhằm nâng cao năng suất và chất lượng sản phẩm hàng hóa, dịch vụ. Từ đó làm cơ sở để nhân rộng mô hình Chương trình đảm bảo đo lường theo quy định của Bộ Khoa học và Công nghệ."""),
        new ReportHeading(1, """IV. Đề xuất, kiến nghị:"""),
        new ReportParagraph("""Đề nghị Bộ Khoa học và Công nghệ tổ chức các Hội nghị, Hội thảo, đào tạo chuyên gia tư vấn, hỗ trợ xây dựng triển khai thực hiện Chương trình đảm bảo đo lường để các địa phương có đội ngũ chuyên gia chuyên sâu về đo lường."""),
    ];

    public static readonly ReportTable Annex = new(
        AnnexTitle,
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Lũy kế đến hết năm 2022"],
        [
            ["1", "Doanh nghiệp áp dụng Chương trình đảm bảo đo lường", "doanh nghiệp", "2", "3"],
            ["2", "Tổ chức kiểm định được chỉ định", "tổ chức", "1", "2"],
            ["3", "Phương tiện đo nhóm 2 được kiểm định", "phương tiện", "12.480", "31.907"],
            ["4", "Phương tiện đo nhóm 2 quá hạn kiểm định", "phương tiện", "37", "37"],
            ["5", "Hoạt động truyền thông, đào tạo", "lượt", "9", "15"],
            ["6", "Người được đào tạo, tập huấn", "người", "40", "95"],
            ["7", "Vốn đầu tư hạ tầng đo lường đã phê duyệt", "triệu đồng", "0", "25.616"],
        ],
        new HashSet<int> { 3, 4 });
}
