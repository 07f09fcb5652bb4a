using System.Globalization;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Metrology.EndToEndTests;

/// <summary>What a province officer, a province admin and a stranger see in the browser.</summary>
public sealed class UserJourneyTests(MetrologyApp app)
{
    private const string Officer = "officer@quangtri.demo";
    private const string ProvinceAdmin = "provinceadmin@quangtri.demo";

    [Fact]
    public async Task Officer_signs_in_and_lands_on_the_home_page_with_the_demo_banner_and_counts()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("Dữ liệu trình diễn");
        await Expect(page.GetByTestId("home-scope")).ToContainTextAsync("Quảng Trị");
        var enterprises = int.Parse(await page.GetByTestId("count-Home.Count.Enterprises").InnerTextAsync(), CultureInfo.InvariantCulture);
        enterprises.ShouldBeGreaterThanOrEqualTo(40);
        (await page.GetByTestId("count-Home.Count.Provinces").InnerTextAsync()).ShouldBe("34");
        await page.ScreenshotAsync("01-officer-home");

        // The count links to the list, filtered to the same kind.
        await page.GetByTestId("open-Home.Count.Enterprises").ClickAsync();
        await page.WaitForURLAsync("**/organizations?kind=Enterprise");
        await Expect(page.GetByTestId("org-name-link").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("org-kind-filter")).ToContainTextAsync("Doanh nghiệp");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("org-table")).ToContainTextAsync($"1-20 / {enterprises}");

        // Choosing another kind puts it in the address, so a reload keeps the filter.
        await page.GetByLabel("Loại tổ chức").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Tổ chức kiểm định" }).ClickAsync();
        await page.WaitForURLAsync("**/organizations?kind=VerificationBody");
        await Expect(page.GetByTestId("org-table")).ToContainTextAsync("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị");
        await Expect(page.GetByTestId("org-table")).ToContainTextAsync("1-3 / 3");
    }

    [Fact]
    public async Task A_system_admin_filters_organisations_by_province()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@demo.local");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByTestId("home-scope")).ToContainTextAsync("toàn quốc");
        await page.GotoAsync("/organizations");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=org-table] th").Filter(new() { HasText = "Tỉnh, thành phố" })).ToBeVisibleAsync();

        await page.GetByLabel("Tỉnh, thành phố", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Hà Nội" }).ClickAsync();
        await Expect(page.GetByTestId("org-no-records")).ToBeVisibleAsync();

        await page.GetByLabel("Tỉnh, thành phố", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Quảng Trị" }).ClickAsync();
        await Expect(page.GetByTestId("org-name-link").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("15-system-admin-province-filter");
    }

    [Fact]
    public async Task The_language_switch_turns_the_ui_to_english_and_back_on_interactive_and_static_pages()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("02-login-english");

        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        // In-app navigation: the switch must then send the user back to the page they moved to, not the first one.
        await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Organisations" }).ClickAsync();
        await page.WaitForURLAsync("**/organizations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisations" })).ToBeVisibleAsync();
        await Expect(page.Locator("table th").Filter(new() { HasText = "Tax code" })).ToBeVisibleAsync();
        (await page.TitleAsync()).ShouldStartWith("Organisations");
        await page.ScreenshotAsync("03-organizations-english");

        await page.GetByTestId("lang-vi").ClickAsync();
        await page.WaitForURLAsync("**/organizations");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổ chức, doanh nghiệp" })).ToBeVisibleAsync();
        await Expect(page.Locator("table th").Filter(new() { HasText = "Mã số thuế" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("04-organizations-vietnamese");
    }

    [Fact]
    public async Task An_enterprise_with_a_wrong_check_digit_is_refused_then_created_and_found_without_diacritics()
    {
        const string name = "Công ty TNHH Đo lường Thử nghiệm Đông Hà";
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/organizations");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("org-name-link").First).ToBeVisibleAsync();

        await page.GetByTestId("org-create").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Tên tổ chức").FillAsync(name);
        await dialog.GetByLabel("Mã số thuế").FillAsync("0300588568");
        await dialog.GetByLabel("Địa chỉ").FillAsync("15 Lê Duẩn, phường Đông Hà, tỉnh Quảng Trị");
        await dialog.GetByTestId("org-save").ClickAsync();

        var taxCodeField = dialog.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("Mã số thuế") });
        await Expect(taxCodeField.Locator(".mud-input-helper-text")).ToContainTextAsync("chữ số kiểm tra");
        await Expect(dialog.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("Tên tổ chức") }).Locator(".mud-input-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("05-taxcode-check-digit-error");

        await dialog.GetByTestId("org-cancel").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await page.GetByLabel("Tìm kiếm").FillAsync("thu nghiem dong ha");
        await Expect(page.GetByTestId("org-no-records")).ToBeVisibleAsync();

        await page.GetByTestId("org-create").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Tên tổ chức").FillAsync(name);
        await dialog.GetByLabel("Mã số thuế").FillAsync("0300588569");
        await dialog.GetByLabel("Địa chỉ").FillAsync("15 Lê Duẩn, phường Đông Hà, tỉnh Quảng Trị");
        await dialog.GetByTestId("org-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã lưu");

        await page.GetByLabel("Tìm kiếm").FillAsync("do luong dong ha");
        // The demo lab "...Đo lường Miền Trung" at "Nam Đông Hà" matches every word too: seeing it proves the new search ran.
        var rows = page.Locator("[data-testid=org-table] tbody tr");
        await Expect(rows.Filter(new() { HasText = "Kiểm định Hiệu chuẩn Đo lường Miền Trung" })).ToHaveCountAsync(1);
        var found = page.GetByTestId("org-name-link").Filter(new() { HasText = name });
        await Expect(found).ToHaveCountAsync(1);
        (await rows.CountAsync()).ShouldBeLessThan(5);
        await Expect(page.Locator("table tbody tr").Filter(new() { HasText = name })).ToContainTextAsync("0300588569");
        await page.ScreenshotAsync("06-enterprise-found-without-diacritics");

        // A second enterprise with the same tax code is a duplicate, reported under the field.
        await page.GetByTestId("org-create").ClickAsync();
        await dialog.GetByLabel("Tên tổ chức").FillAsync("Công ty trùng mã số thuế");
        await dialog.GetByLabel("Mã số thuế").FillAsync("0300588569");
        await dialog.GetByTestId("org-save").ClickAsync();
        await Expect(taxCodeField.Locator(".mud-input-helper-text")).ToContainTextAsync("đã được đăng ký");
        await dialog.GetByTestId("org-cancel").ClickAsync();

        await found.ClickAsync();
        await Expect(page.GetByTestId("org-title")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("org-detail-taxcode")).ToHaveTextAsync("0300588569");
        await page.ScreenshotAsync("07-enterprise-detail");
    }

    [Fact]
    public async Task An_unknown_organisation_shows_the_not_found_message()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/organizations/999999");
        await Expect(page.GetByTestId("org-not-found")).ToContainTextAsync("Không tìm thấy");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_on_the_login_page()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer, "Wrong!2345");

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Email hoặc mật khẩu không đúng.");
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login");
        await page.ScreenshotAsync("08-login-wrong-password");
    }

    [Fact]
    public async Task An_officer_does_not_see_the_administration_menu_nor_reach_its_pages()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitInteractiveAsync();

        var menu = page.Locator(".mud-drawer");
        await Expect(menu).ToContainTextAsync("Tổ chức, doanh nghiệp");
        await Expect(menu).Not.ToContainTextAsync("Quản trị");
        await Expect(page.Locator("a[href='admin/users']")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Không có quyền truy cập");
        await page.ScreenshotAsync("09-officer-access-denied");
    }

    [Fact]
    public async Task A_province_admin_creates_a_user_who_can_then_sign_in()
    {
        const string email = "canbo.moi@quangtri.demo";
        const string password = "Moi!2345x";
        var page = await app.NewPageAsync();
        await page.SignInAsync(ProvinceAdmin);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator(".mud-drawer")).ToContainTextAsync("Quản trị");

        await page.GotoAsync("/admin/users");
        await page.WaitInteractiveAsync();
        await Expect(page.GetByTestId("user-email").First).ToBeVisibleAsync();
        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Họ và tên").FillAsync("Võ Thị Lan");
        await dialog.GetByLabel("Mật khẩu").FillAsync(password);

        // Saving without a role names the field.
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control").Filter(new() { HasText = "Vai trò" }).Locator(".mud-input-helper-text"))
            .ToContainTextAsync("bắt buộc");

        await dialog.GetByLabel("Vai trò").ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(options.Filter(new() { HasText = "Cán bộ Sở KH&CN" })).ToBeVisibleAsync();
        // A ProvinceAdmin may not grant national roles, so they are not offered.
        await Expect(options.Filter(new() { HasText = "Quản trị hệ thống" })).ToHaveCountAsync(0);
        await Expect(options.Filter(new() { HasText = "Cán bộ Bộ KH&CN" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("10-user-role-choices");
        await options.Filter(new() { HasText = "Cán bộ Sở KH&CN" }).ClickAsync();
        await Expect(dialog.GetByTestId("user-province")).ToHaveCountAsync(0);
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await page.GetByLabel("Tìm kiếm").FillAsync("canbo.moi");
        await Expect(page.Locator("[data-testid=user-table] tbody tr")).ToHaveCountAsync(1);
        var row = page.Locator("[data-testid=user-table] tbody tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Võ Thị Lan");
        await Expect(row).ToContainTextAsync("Cán bộ Sở KH&CN");
        await Expect(row).ToContainTextAsync("Quảng Trị");
        await page.ScreenshotAsync("11-user-created");

        var newcomer = await app.NewPageAsync();
        await newcomer.SignInAsync(email, password);
        await newcomer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(newcomer.GetByTestId("home-scope")).ToContainTextAsync("Quảng Trị");

        // Locking the account keeps the newcomer out, and the audit log shows the change.
        await row.GetByTestId("user-edit").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Khóa tài khoản").CheckAsync();
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("Đã khóa");

        var locked = await app.NewPageAsync();
        await locked.SignInAsync(email, password);
        await Expect(locked.GetByTestId("login-error")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/audit");
        await page.WaitInteractiveAsync();
        // Other tests write to the log at the same time: take the newest line about this account.
        var latest = page.Locator("[data-testid=audit-table] tbody tr").Filter(new() { HasTextString = email }).First;
        await Expect(latest).ToContainTextAsync("Sửa");
        await Expect(latest).ToContainTextAsync(email);
        await Expect(latest).ToContainTextAsync("LockoutEnd");
        await Expect(latest).ToContainTextAsync("vô thời hạn");
        await latest.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(page.Locator("[data-testid=audit-table] pre.audit-json").First).ToContainTextAsync("Võ Thị Lan");
        await page.ScreenshotAsync("12-audit-log-after-lock");
    }

    [Fact]
    public async Task The_audit_log_shows_who_changed_what_for_a_province_admin()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(ProvinceAdmin);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/admin/audit");
        await page.WaitInteractiveAsync();
        var rows = page.Locator("[data-testid=audit-table] tbody tr");
        // Other tests may add lines first; the seeded organisations' creations are there whatever the order.
        var created = rows.Filter(new() { HasText = "Thêm mới" }).First;
        await Expect(created).ToBeVisibleAsync();
        await Expect(created).ToContainTextAsync(DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("12-audit-log-seeded");
    }

    [Fact]
    public async Task The_reference_lists_show_the_provinces_and_the_group_2_instruments()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Officer);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/reference/provinces");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=province-table] tbody tr")).ToHaveCountAsync(34);
        await page.GetByLabel("Tìm kiếm").FillAsync("quang binh");
        await Expect(page.Locator("[data-testid=province-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=province-table] tbody tr")).ToContainTextAsync("Quảng Trị");
        await page.ScreenshotAsync("13-provinces");

        await page.GotoAsync("/reference/group2");
        await page.WaitInteractiveAsync();
        await page.GetByLabel("Tìm kiếm").FillAsync("cong to dien");
        var rows = page.Locator("[data-testid=group2-table] tbody tr");
        await Expect(rows.First).ToContainTextAsync("Công tơ điện");
        await Expect(rows.First).ToContainTextAsync("✓");
        await page.ScreenshotAsync("14-group2");
    }

    [Fact]
    public async Task A_province_admin_attaches_a_new_inspector_to_its_agency()
    {
        const string email = "thanhtra.moi@quangtri.demo";
        const string agency = "Chi cục Quản lý thị trường tỉnh Quảng Trị";
        var page = await app.NewPageAsync();
        await page.SignInAsync(ProvinceAdmin);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await page.GotoAsync("/admin/users");
        await page.WaitInteractiveAsync();
        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Họ và tên").FillAsync("Đặng Văn Tú");
        await dialog.GetByLabel("Mật khẩu").FillAsync("Moi!2345x");
        await dialog.GetByLabel("Vai trò").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Thanh tra viên" }).ClickAsync();

        // An inspector writes plans and records for its agency only, so the dialog offers the province's agencies.
        await page.PickAsync(dialog.GetByTestId("user-organization"), "quan ly thi truong", agency);
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await page.GetByLabel("Tìm kiếm").FillAsync("thanhtra.moi");
        var row = page.Locator("[data-testid=user-table] tbody tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Thanh tra viên");
        await Expect(row).ToContainTextAsync(agency);
    }
}
