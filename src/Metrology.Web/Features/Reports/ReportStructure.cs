namespace Metrology.Web.Features.Reports;

/// <summary>
/// The headings of the report in order (design/report.md, the seed report's structure, which every province
/// uses). An entry with a <see cref="Key"/> is a section with its own text; one without is a heading only.
/// Headings take the report's year where the seed names it.
/// </summary>
public sealed record ReportEntry(string? Key, int Level, Func<int, string>? Heading, bool Narrative = false);

public static class ReportStructure
{
    public const string Opening = "opening";
    public const string Closing = "closing";

    /// <summary>Longest text an officer may store for one section.</summary>
    public const int SectionMaxLength = 20_000;

    public static readonly IReadOnlyList<ReportEntry> Entries =
    [
        new(Opening, 0, null),
        new(null, 1, _ => "I. Tình hình triển khai và kết quả thực hiện Đề án 996"),
        new(null, 2, _ => "1. Kết quả công tác chỉ đạo, điều hành, kiểm tra, giám sát việc thực hiện Đề án 996"),
        new("I.1.a", 3, _ => "a) Công tác xây dựng, trình cấp có thẩm quyền phê duyệt, triển khai kế hoạch thực hiện các nhiệm vụ thuộc Đề án 996:"),
        new("I.1.b", 3, _ => "b) Về xây dựng văn bản quản lý, điều hành triển khai thực hiện các nhiệm vụ:"),
        new("I.1.c", 3, _ => "c) Về lồng ghép các nhiệm vụ trong các nhiệm vụ, đề án, chương trình khác tại địa phương:"),
        new(null, 2, _ => "2. Kết quả triển khai thực hiện các nhiệm vụ thuộc Đề án 996:"),
        new("I.2.1", 3, _ => "2.1. Đổi mới, sửa đổi chính sách tạo thuận lợi hoạt động đo lường hỗ trợ doanh nghiệp:"),
        new("I.2.2", 3, _ => "2.2. Công tác tăng cường phát triển hạ tầng đo lường tại địa phương:"),
        new("I.2.3", 3, _ => "2.3. Nâng cao hiệu quả công tác quản lý nhà nước về đo lường:"),
        new("I.2.4", 3, _ => "2.4. Triển khai công tác hỗ trợ doanh nghiệp đảm bảo chất lượng sản phẩm hàng hóa:"),
        new("I.2.5", 3, _ => "2.5. Công tác truyền thông về hoạt động đo lường, thông tin, tuyên truyền chính sách, pháp luật, nâng cao nhận thức của doanh nghiệp và xã hội về hoạt động đo lường nhằm nâng cao hiệu quả công tác quản lý nhà nước về đo lường:"),
        new(null, 1, y => $"II. Đánh giá kết quả đạt được trong năm {y} và lũy kế kết quả, hiệu quả đạt được từ khi thực hiện Đề án 996 đến hết năm {y}:"),
        new("II.1", 2, _ => "1. Đánh giá kết quả, hiệu quả đạt được.", Narrative: true),
        new("II.2", 2, _ => "2. Tồn tại, vướng mắc.", Narrative: true),
        new(null, 1, y => $"III. Phương hướng, giải pháp thực hiện triển khai Đề án 996 trong năm {y + 1} và các năm tiếp theo."),
        new("III.1", 2, _ => "1. Phương hướng:", Narrative: true),
        new("III.2", 2, _ => "2. Giải pháp:"),
        new("IV", 1, _ => "IV. Đề xuất, kiến nghị:", Narrative: true),
        new(Closing, 0, null),
    ];

    public static IEnumerable<ReportEntry> Sections => Entries.Where(e => e.Key is not null);

    /// <summary>A heading without its number and final punctuation: "Tồn tại, vướng mắc" for "2. Tồn tại, vướng mắc.".</summary>
    public static string Title(ReportEntry entry, int year)
    {
        var heading = entry.Heading?.Invoke(year) ?? entry.Key ?? string.Empty;
        var space = heading.IndexOf(' ', StringComparison.Ordinal);
        return (space > 0 && heading[..space].EndsWith('.') ? heading[(space + 1)..] : heading).TrimEnd(':', '.');
    }

    public static ReportEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));
}
