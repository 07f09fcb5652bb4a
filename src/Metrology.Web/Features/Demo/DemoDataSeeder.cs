using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// Demo data of the new Quảng Trị (merged with Quảng Bình on 1/7/2025): its agencies, labs, media outlets,
/// 40 enterprises and one account per role, then (Demo:SeedRecords) the verification side: see
/// <see cref="DemoVerificationSeeder"/>. Loaded once; the marker row also drives the UI's demo banner.
/// Names of the labs other than the provincial Technical Centre, and of all enterprises, are invented.
/// </summary>
public sealed class DemoDataSeeder(
    AppDbContext db,
    UserManager<AppUser> userManager,
    IConfiguration configuration,
    TimeProvider clock,
    IEnumerable<IDemoRecordSeeder> recordSeeders)
{
    public const string ProvinceSlug = "quang-tri";
    public const string DefaultPassword = "Demo!2345";
    public const string TechnicalCentreName = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị";

    public static async Task<bool> IsLoadedAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await db.AppSettings.AnyAsync(s => s.Key == AppSetting.DemoDataLoaded, cancellationToken);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await IsLoadedAsync(db, cancellationToken))
        {
            return;
        }

        var province = await db.Provinces.SingleAsync(p => p.Slug == ProvinceSlug, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Organization Add(string name, OrganizationKind kind, string? taxCode, string address, string? phone = null, string? email = null)
        {
            var organization = new Organization
            {
                Name = name,
                Kind = kind,
                TaxCode = taxCode,
                Address = address,
                Phone = phone,
                Email = email,
                ProvinceId = province.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            organization.RefreshSearchText();
            db.Organizations.Add(organization);
            return organization;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = Add("Sở Khoa học và Công nghệ tỉnh Quảng Trị", OrganizationKind.Agency, null, "204 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị", "0233 3852 590");
        var metrologyUnit = Add("Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng - Sở Khoa học và Công nghệ Quảng Trị", OrganizationKind.Agency, null, "204 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị");
        var scienceInspectorate = Add("Thanh tra Sở Khoa học và Công nghệ Quảng Trị", OrganizationKind.Agency, null, "204 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị");
        var tradeInspectorate = Add("Thanh tra Sở Công Thương Quảng Trị", OrganizationKind.Agency, null, "20 Trần Hưng Đạo, phường Đông Hà, tỉnh Quảng Trị");
        var marketSurveillance = Add("Chi cục Quản lý thị trường tỉnh Quảng Trị", OrganizationKind.Agency, null, "Km 5, Quốc lộ 9, phường Đông Hà, tỉnh Quảng Trị");
        var centre = Add(TechnicalCentreName, OrganizationKind.VerificationBody, DemoTaxCode(9000), "02 Lê Lợi, phường Đông Hà, tỉnh Quảng Trị", "0233 3550 168");
        var regionalLab = Add("Công ty TNHH Kiểm định Hiệu chuẩn Đo lường Miền Trung", OrganizationKind.VerificationBody, DemoTaxCode(9001), "Khu công nghiệp Nam Đông Hà, phường Đông Hà, tỉnh Quảng Trị");
        var electricityLab = Add("Trung tâm Thí nghiệm Điện Quảng Bình", OrganizationKind.VerificationBody, DemoTaxCode(9002), "Tiểu khu 6, phường Đồng Hới, tỉnh Quảng Trị");
        var newspaper = Add("Báo Quảng Trị", OrganizationKind.MediaOutlet, null, "124 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị", null, "baoquangtri@quangtri.gov.vn");
        var broadcaster = Add("Đài Phát thanh - Truyền hình Quảng Trị (QRTV)", OrganizationKind.MediaOutlet, null, "33 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị");

        var enterprises = new List<Organization>();
        for (var i = 0; i < 40; i++)
        {
            var (name, place) = EnterpriseName(i);
            enterprises.Add(Add(name, OrganizationKind.Enterprise, DemoTaxCode(i), $"{place}, tỉnh Quảng Trị"));
        }

        var firstEnterprise = enterprises[0];
        await db.SaveChangesAsync(cancellationToken);

        // Instruments, verifications, designations, standards (thousands of rows), then every area's records.
        // The integration test host turns them off (Demo:SeedRecords=false) for every fixture but the ones
        // that check them, so tests start from an empty province.
        if (configuration.GetValue("Demo:SeedRecords", true))
        {
            var today = Infrastructure.DisplayFormat.Today(clock);
            await new DemoVerificationSeeder(db, now, today)
                .SeedAsync(province.Id, centre, regionalLab, electricityLab, enterprises, cancellationToken);
            var context = new DemoSeedContext(
                province.Id, now, today, department, metrologyUnit, scienceInspectorate, tradeInspectorate, marketSurveillance,
                centre, [centre, regionalLab, electricityLab], newspaper, broadcaster, enterprises);
            foreach (var seeder in recordSeeders.OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(context, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;
        await AddUserAsync("admin@demo.local", "Quản trị hệ thống (demo)", Roles.SystemAdmin, null, null, password);
        await AddUserAsync("ministry@demo.local", "Cán bộ Bộ KH&CN (demo)", Roles.MinistryOfficer, null, null, password);
        await AddUserAsync("provinceadmin@quangtri.demo", "Quản trị Sở KH&CN Quảng Trị (demo)", Roles.ProvinceAdmin, province.Id, null, password);
        await AddUserAsync("officer@quangtri.demo", "Nguyễn Thị Hoa (demo)", Roles.ProvinceOfficer, province.Id, null, password);
        await AddUserAsync("lab@quangtri.demo", "Trần Văn Minh (demo)", Roles.LabOperator, province.Id, centre.Id, password);
        await AddUserAsync("inspector@quangtri.demo", "Lê Quang Dũng (demo)", Roles.Inspector, province.Id, scienceInspectorate.Id, password);
        await AddUserAsync("inspector.trade@quangtri.demo", "Hoàng Văn Sơn (demo)", Roles.Inspector, province.Id, tradeInspectorate.Id, password);
        await AddUserAsync("enterprise@quangtri.demo", "Phạm Thu Hà (demo)", Roles.EnterpriseUser, province.Id, firstEnterprise.Id, password);

        db.AppSettings.Add(new AppSetting { Key = AppSetting.DemoDataLoaded, Value = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task AddUserAsync(string email, string fullName, string role, int? provinceId, int? organizationId, string password) =>
        AddDemoUserAsync(userManager, email, fullName, role, provinceId, organizationId, clock.GetUtcNow().UtcDateTime, password);

    /// <summary>Creates a demo account unless it exists (also used by the other demo provinces' seeders).</summary>
    internal static async Task AddDemoUserAsync(
        UserManager<AppUser> userManager, string email, string fullName, string role, int? provinceId, int? organizationId, DateTime createdAt, string password)
    {
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            Role = role,
            ProvinceId = provinceId,
            OrganizationId = organizationId,
            CreatedAt = createdAt,
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await userManager.AddToRoleAsync(user, role);
    }

    private static readonly string[] Forms = ["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã"];

    private static readonly string[] Trades =
    [
        "Xăng dầu", "Cấp nước", "Điện lực", "Chế biến gỗ", "Thực phẩm", "Vật liệu xây dựng", "Cà phê", "Hồ tiêu",
        "Thủy sản", "Cao su", "Dược phẩm", "Bao bì", "Cơ khí", "Vận tải", "Khí hóa lỏng", "Nông sản",
        "Tinh bột sắn", "May mặc", "Bê tông", "Thương mại tổng hợp",
    ];

    private static readonly string[] Places =
    [
        "Đông Hà", "Quảng Trị", "Đồng Hới", "Lệ Thủy", "Gio Linh", "Hải Lăng", "Vĩnh Linh", "Cam Lộ",
        "Triệu Phong", "Bố Trạch", "Quảng Trạch", "Ba Đồn", "Khe Sanh", "Lao Bảo", "Cửa Việt", "Nhật Lệ",
    ];

    private static (string Name, string Place) EnterpriseName(int i)
    {
        var place = Places[i % Places.Length];
        return ($"{Forms[i % Forms.Length]} {Trades[i % Trades.Length]} {place}", $"phường {place}");
    }

    /// <summary>
    /// A valid 10-digit tax code: Quảng Trị codes start with 32, former Quảng Bình ones with 31; the last digit
    /// is the check digit. Numbers whose check would be 10 (no valid code) are skipped.
    /// </summary>
    private static string DemoTaxCode(int seed)
    {
        for (var n = seed * 7919 + 1234; ; n++)
        {
            var prefix = (seed % 2 == 0 ? "32" : "31") + (n % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            if (TaxCode.CheckDigitOf(prefix) is { } check)
            {
                return prefix + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
