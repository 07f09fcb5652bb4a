using System.Globalization;

namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>Accounts of the demo data and fresh values that do not collide with it or with each other.</summary>
public static class TestData
{
    public const string QuangTri = "quang-tri";
    public const string HaNoi = "ha-noi";

    public const string DemoSystemAdmin = "admin@demo.local";
    public const string DemoMinistryOfficer = "ministry@demo.local";
    public const string QuangTriAdmin = "provinceadmin@quangtri.demo";
    public const string QuangTriOfficer = "officer@quangtri.demo";
    public const string QuangTriLabOperator = "lab@quangtri.demo";
    public const string QuangTriInspector = "inspector@quangtri.demo";
    public const string QuangTriEnterpriseUser = "enterprise@quangtri.demo";

    /// <summary>Demo data: 4 agencies, 3 labs, 2 media outlets and 40 enterprises in Quảng Trị.</summary>
    public const int DemoOrganizationCount = 50;

    private static int sequence = Random.Shared.Next(1_000_000);

    /// <summary>A valid 10-digit tax code, unique within the test run; the 79 prefix is not used by the demo data.</summary>
    public static string NewTaxCode()
    {
        while (true)
        {
            var firstNine = "79" + (Interlocked.Increment(ref sequence) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
            var sum = firstNine.Select((c, i) => weights[i] * (c - '0')).Sum();
            var check = 10 - (sum % 11);
            if (check < 10)
            {
                return firstNine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@tests.local";

    /// <summary>A request body for an enterprise; tests override the fields they are about.</summary>
    public static Dictionary<string, object?> Enterprise(string? name = null, string? taxCode = null, string? provinceSlug = null) => new()
    {
        ["name"] = name ?? Unique("Công ty TNHH Kiểm thử"),
        ["kind"] = "Enterprise",
        ["taxCode"] = taxCode ?? NewTaxCode(),
        ["address"] = "1 Lê Duẩn, phường Đông Hà",
        ["phone"] = "0233 3852 590",
        ["email"] = "contact@example.vn",
        ["provinceSlug"] = provinceSlug,
    };
}
