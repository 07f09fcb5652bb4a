using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports.Organizations;

/// <summary>
/// Organisations of one province. Natural key: the tax code within the province, so in an import the tax code
/// is required for every kind (a form may leave it empty for an agency; a file row without one could never be
/// recognised again). A tax code already in the province is "unchanged": its row is neither updated nor an error.
/// </summary>
public sealed class OrganizationImportHandler(IDbContextFactory<AppDbContext> dbFactory, ImportText text, TimeProvider clock)
    : ImportHandlerBase<string, Organization>(dbFactory, text, clock)
{
    private HashSet<string> existing = [];
    private ChoiceLabels<OrganizationKind>? kinds;

    public override ImportKind Kind => ImportKind.Organizations;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("name", "Tên tổ chức", "Name", true, "Tên đầy đủ, tối đa 300 ký tự.", "Full name, at most 300 characters.",
            "Công ty TNHH Xăng dầu Đông Hà", ["Tên", "Tên doanh nghiệp", "Organisation", "Organization name"]),
        new("kind", "Loại", "Kind", true,
            "Doanh nghiệp; Tổ chức kiểm định, hiệu chuẩn, thử nghiệm; Cơ quan quản lý nhà nước; Cơ quan báo chí, truyền thông (hoặc tên tiếng Anh).",
            "Enterprise; Verification, calibration and testing body; Government agency; Media outlet (or the Vietnamese label).",
            "Doanh nghiệp", ["Loại tổ chức", "Type"]),
        new("taxCode", "Mã số thuế", "Tax code", true,
            "10 chữ số (chữ số thứ 10 là chữ số kiểm tra), 10 chữ số kèm \"-NNN\" cho chi nhánh, hoặc 12 chữ số. Là khóa nhận diện: mã đã có trong tỉnh thì dòng được bỏ qua (không cập nhật).",
            "10 digits (the 10th a check digit), 10 digits plus \"-NNN\" for a branch, or 12 digits. The identifying key: a code already in the province leaves the row unchanged (not updated).",
            "3200123452", ["MST", "Mã số DN", "Tax ID", "TaxCode"]),
        new("address", "Địa chỉ", "Address", false, "Tối đa 500 ký tự.", "At most 500 characters.", "01 Lê Duẩn, phường Đông Hà, Quảng Trị", []),
        new("phone", "Điện thoại", "Phone", false, "Chữ số, khoảng trắng và + - . ( ).", "Digits, spaces and + - . ( ).", "0233 3852 590", ["Số điện thoại", "Telephone"]),
        new("email", "Thư điện tử", "Email", false, "Một địa chỉ thư điện tử.", "One e-mail address.", "lienhe@xangdaudongha.vn", ["Email", "E-mail"]),
    ];

    protected override string KeyColumn => "taxCode";

    public override async Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var created = db.Organizations.IgnoreQueryFilters().Where(o => o.ImportJobId == job.Id);
        // Anything that points at one of them (an account, an instrument, a record...) keeps them all.
        var referenced = await db.Users.IgnoreQueryFilters().AnyAsync(u => created.Any(o => o.Id == u.OrganizationId), cancellationToken)
            || await db.Instruments.IgnoreQueryFilters().AnyAsync(i => created.Any(o => o.Id == i.OwnerId), cancellationToken)
            || await db.Verifications.IgnoreQueryFilters().AnyAsync(v => created.Any(o => o.Id == v.BodyId), cancellationToken)
            || await db.InspectionTargets.IgnoreQueryFilters().AnyAsync(t => created.Any(o => o.Id == t.OrganizationId), cancellationToken)
            || await db.InspectionPlans.IgnoreQueryFilters().AnyAsync(p => created.Any(o => o.Id == p.AgencyId), cancellationToken);
        if (referenced)
        {
            return false;
        }

        try
        {
            await created.ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A reference the checks above do not know (another area's record) blocked the delete.
            return false;
        }

        return true;
    }

    protected override async Task PrepareAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        existing = (await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.ProvinceId == context.ProvinceId && o.TaxCode != null)
            .Select(o => o.TaxCode!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        kinds = new ChoiceLabels<OrganizationKind>(Text, "Kind.");
    }

    protected override (string Key, Organization Entity)? Check(RowCheck row, ImportContext context)
    {
        var name = row.Text("name", Organization.NameMaxLength, required: true);
        var kind = row.Choice("kind", kinds!, required: true);
        var taxCode = row.TaxCodeValue("taxCode", required: true);
        var address = row.Text("address", Organization.AddressMaxLength);
        var phone = row.Phone("phone", Organization.PhoneMaxLength);
        var email = row.Email("email", Organization.EmailMaxLength);
        if (!row.IsValid)
        {
            return null;
        }

        var now = Now;
        var organization = new Organization
        {
            ProvinceId = context.ProvinceId,
            Name = name!,
            Kind = kind!.Value,
            TaxCode = taxCode,
            Address = address,
            Phone = phone,
            Email = email,
            ImportJobId = context.Job.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        organization.RefreshSearchText();
        return (taxCode!, organization);
    }

    protected override bool Exists(string key) => existing.Contains(key);
}
