using Metrology.Core.Data;
using Metrology.Core.Imports;
using Metrology.Core.Instruments;
using Metrology.Web.Features.Instruments;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Imports.Instruments;

/// <summary>
/// Instruments of one province. Natural key: Group 2 type code + manufacturer + serial number (the registry's
/// unique index). The owner is named by its tax code and must be an organisation of the province; the type code,
/// when given, must be on the Group 2 list. Last-verified and due dates are not imported: they come from
/// verification records.
/// </summary>
public sealed class InstrumentImportHandler(IDbContextFactory<AppDbContext> dbFactory, ImportText text, TimeProvider clock)
    : ImportHandlerBase<(string? Type, string Manufacturer, string Serial), Instrument>(dbFactory, text, clock)
{
    private HashSet<UInt128> existing = [];
    private Dictionary<string, int> ownerByTaxCode = [];
    private HashSet<string> typeCodes = [];
    private ChoiceLabels<InstrumentStatus>? statuses;

    public override ImportKind Kind => ImportKind.Instruments;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("ownerTaxCode", "Mã số thuế chủ sở hữu", "Owner tax code", true,
            "Mã số thuế của tổ chức sở hữu phương tiện; tổ chức phải có trong danh sách tổ chức của tỉnh.",
            "Tax code of the organisation that owns the instrument; it must be one of the province's organisations.",
            "3200123452", ["MST chủ sở hữu", "Chủ sở hữu", "Owner"]),
        new("typeCode", "Mã loại phương tiện", "Type code", false,
            "Mã trong Danh mục phương tiện đo nhóm 2 (Thông tư 23/2013, sửa đổi 07/2019, 03/2024); để trống với phương tiện ngoài nhóm 2.",
            "Code on the Group 2 list (Circular 23/2013 as amended by 07/2019 and 03/2024); empty for instruments outside Group 2.",
            "fuel-dispenser", ["Mã loại", "Type"]),
        new("manufacturer", "Hãng sản xuất", "Manufacturer", true, "Tối đa 200 ký tự.", "At most 200 characters.", "Tatsuno", ["Nhà sản xuất", "Hãng"]),
        new("model", "Kiểu", "Model", false, "Tối đa 200 ký tự.", "At most 200 characters.", "SUNNY-DF", ["Model", "Kiểu/Model"]),
        new("serialNumber", "Số sản xuất", "Serial number", true, "Số sản xuất (số seri), tối đa 100 ký tự.", "Serial number, at most 100 characters.", "TS-2021-00417", ["Số seri", "Serial", "Số máy"]),
        new("patternApprovalNumber", "Số quyết định phê duyệt mẫu", "Pattern approval number", false, "Tối đa 100 ký tự.", "At most 100 characters.", "PDM 125-2019", ["Phê duyệt mẫu", "Pattern approval"]),
        new("accuracyClass", "Cấp chính xác", "Accuracy class", false, "Tối đa 50 ký tự.", "At most 50 characters.", "0,5", ["Accuracy"]),
        new("measuringRange", "Phạm vi đo", "Measuring range", false, "Tối đa 200 ký tự.", "At most 200 characters.", "(5 ÷ 50) L/min", ["Range"]),
        new("location", "Nơi sử dụng", "Location", false, "Tối đa 300 ký tự.", "At most 300 characters.", "Cửa hàng xăng dầu số 1, Đông Hà", ["Vị trí", "Địa điểm"]),
        new("status", "Trạng thái", "Status", false, "Đang sử dụng (mặc định), Ngừng sử dụng hoặc Đã thanh lý.", "In service (the default), Out of service or Scrapped.", "Đang sử dụng", ["Tình trạng"]),
    ];

    protected override string KeyColumn => "serialNumber";

    public override async Task<bool> UndoAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var created = db.Instruments.IgnoreQueryFilters().Where(i => i.ImportJobId == job.Id);
        // Legal records keep their instrument (InstrumentService.DeleteAsync), whoever wrote them.
        var referenced = await db.Verifications.IgnoreQueryFilters().AnyAsync(v => created.Any(i => i.Id == v.InstrumentId), cancellationToken)
            || await db.Certificates.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.Calibrations.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.ReferenceVerificationCases.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken)
            || await db.InspectedInstruments.IgnoreQueryFilters().AnyAsync(c => created.Any(i => i.Id == c.InstrumentId), cancellationToken);
        if (referenced)
        {
            return false;
        }

        try
        {
            await db.RemindersSent.Where(r => created.Any(i => i.Id == r.InstrumentId)).ExecuteDeleteAsync(cancellationToken);
            await created.ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false;
        }

        return true;
    }

    protected override async Task PrepareAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        // Streamed and kept as fingerprints: a large province has hundreds of thousands of instruments.
        existing = [];
        await foreach (var k in db.Instruments.IgnoreQueryFilters().AsNoTracking().Where(i => i.ProvinceId == context.ProvinceId)
            .Select(i => new { i.TypeCode, i.Manufacturer, i.SerialNumber }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing.Add(ImportKeys.Fingerprint((k.TypeCode, k.Manufacturer, k.SerialNumber)));
        }

        var owners = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.ProvinceId == context.ProvinceId && o.TaxCode != null)
            .Select(o => new { o.TaxCode, o.Id })
            .ToListAsync(cancellationToken);
        ownerByTaxCode = owners.ToDictionary(o => o.TaxCode!, o => o.Id, StringComparer.Ordinal);
        typeCodes = (await db.Group2InstrumentTypes.Select(t => t.Code).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        statuses = new ChoiceLabels<InstrumentStatus>(Text, "Instruments.Status.");
    }

    protected override ((string? Type, string Manufacturer, string Serial) Key, Instrument Entity)? Check(RowCheck row, ImportContext context)
    {
        var ownerTaxCode = row.TaxCodeValue("ownerTaxCode", required: true);
        int? ownerId = null;
        if (ownerTaxCode is not null)
        {
            if (ownerByTaxCode.TryGetValue(ownerTaxCode, out var id))
            {
                ownerId = id;
            }
            else
            {
                row.Fail("ownerTaxCode", "Imports.Error.OwnerUnknown");
            }
        }

        var typeCode = row.Text("typeCode", Group2InstrumentType.CodeMaxLength);
        if (typeCode is not null && !typeCodes.TryGetValue(typeCode, out typeCode))
        {
            row.Fail("typeCode", "Imports.Error.TypeUnknown");
        }

        var manufacturer = row.Text("manufacturer", Instrument.TextMaxLength, required: true);
        var model = row.Text("model", Instrument.TextMaxLength);
        var serial = row.Text("serialNumber", InstrumentService.SerialMaxLength, required: true);
        var pattern = row.Text("patternApprovalNumber", InstrumentService.PatternApprovalMaxLength);
        var accuracy = row.Text("accuracyClass", InstrumentService.AccuracyClassMaxLength);
        var range = row.Text("measuringRange", Instrument.TextMaxLength);
        var location = row.Text("location", InstrumentService.LocationMaxLength);
        var status = row.Choice("status", statuses!, required: false) ?? InstrumentStatus.InService;
        if (!row.IsValid)
        {
            return null;
        }

        var now = Now;
        var instrument = new Instrument
        {
            ProvinceId = context.ProvinceId,
            OwnerId = ownerId!.Value,
            TypeCode = typeCode,
            Manufacturer = manufacturer!,
            Model = model,
            SerialNumber = serial!,
            PatternApprovalNumber = pattern,
            AccuracyClass = accuracy,
            MeasuringRange = range,
            Location = location,
            Status = status,
            ImportJobId = context.Job.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        instrument.RefreshSearchText();
        return ((typeCode, manufacturer!, serial!), instrument);
    }

    protected override bool Exists((string? Type, string Manufacturer, string Serial) key) => existing.Contains(ImportKeys.Fingerprint(key));
}
