using System.Globalization;
using Metrology.Core.Data;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Verification;
using Metrology.Web.Features.Calibrations;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Features.Demo;

/// <summary>
/// The verification side of the Quảng Trị demo: designations of the labs, about 3,000 instruments at the
/// demo enterprises with their verification history since 2020 and certificates, measurement standards with
/// calibration history, two reference-verification cases and a few calibrations.
/// Every record obeys the rules a lab operator's entry would: the body's designation covers the type and
/// kind on the date, and the due date is the date plus the cycle of the Group 2 row in force that day.
/// Dates are relative to the app's clock where "today" matters (overdue, due soon, an expiring designation),
/// fixed where history is meant (2020-2022). A fixed seed makes the data the same on every first start.
/// The bulk (instruments, verifications, certificates) is built in memory and written with multi-row
/// inserts (<see cref="DemoBulkInsert"/>); the few audited records (designations, standards, cases,
/// calibrations) go through EF. The first start stays a matter of seconds.
/// </summary>
public sealed class DemoVerificationSeeder(AppDbContext db, DateTime now, DateOnly today)
{
    public const string OldIssuer = "Tổng cục Tiêu chuẩn Đo lường Chất lượng";
    public const string NewIssuer = "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia";

    /// <summary>How many instruments the demo enterprises own, by type; the total is 3,000.</summary>
    private static readonly (string Type, int Count)[] InstrumentCounts =
    [
        ("fuel-dispenser", 600), ("lpg-dispenser", 60), ("water-meter-cold-mechanical", 900),
        ("electricity-meter-1p-electronic", 600), ("electricity-meter-3p-electronic", 150), ("taximeter", 250),
        ("technical-balance", 120), ("platform-counter-steelyard-scale", 250), ("truck-scale", 40),
        ("clinical-thermometer-infrared", 30),
    ];

    /// <summary>The Technical Centre's scope: the types above plus the other clinical thermometers.</summary>
    private static readonly string[] CentreScope =
    [
        .. InstrumentCounts.Select(c => c.Type), "water-meter-cold-electronic", "clinical-thermometer-mercury", "clinical-thermometer-electronic-contact",
    ];

    /// <summary>Reference (dispute) verification is allowed for these only (design/domain.md).</summary>
    private static readonly string[] ReferenceScope = ["electricity-meter-1p-electronic", "electricity-meter-3p-electronic", "water-meter-cold-mechanical"];

    private static readonly string[] RegionalScope = ["fuel-dispenser", "lpg-dispenser", "technical-balance", "platform-counter-steelyard-scale", "truck-scale"];

    private static readonly string[] ElectricityScope = ["electricity-meter-1p-electronic", "electricity-meter-3p-electronic"];

    private static readonly Dictionary<string, (string Manufacturer, string Model, string Prefix, string? Class, string Range)[]> Makes = new(StringComparer.Ordinal)
    {
        ["fuel-dispenser"] = [("Tatsuno", "Sunny NE", "TN", "0,5", "5 – 50 L/min"), ("Tokheim", "Quantium 510", "TK", "0,5", "5 – 50 L/min"), ("Gilbarco", "Encore 700", "GB", "0,5", "5 – 80 L/min"), ("Tiến Thu", "TT-NE 2", "TT", "0,5", "5 – 50 L/min")],
        ["lpg-dispenser"] = [("Tatsuno", "Sunny LPG", "TL", "1,0", "5 – 50 L/min"), ("Censtar", "CS42", "CS", "1,0", "5 – 50 L/min")],
        ["water-meter-cold-mechanical"] = [("Itron", "Multimag TM II", "IT", "B", "DN15, Q3 = 2,5 m³/h"), ("Zenner", "MTKD-N", "ZN", "B", "DN15, Q3 = 2,5 m³/h"), ("Asahi", "WVM-15", "AS", "B", "DN15, Q3 = 2,5 m³/h"), ("Sensus", "620C", "SS", "C", "DN20, Q3 = 4 m³/h")],
        ["electricity-meter-1p-electronic"] = [("EMIC", "CE-18", "EM", "1", "5(20) A, 220 V"), ("Vinasino", "VSE11-20", "VN", "1", "10(40) A, 220 V"), ("Gelex Emic", "DDS26D", "GE", "1", "5(20) A, 220 V")],
        ["electricity-meter-3p-electronic"] = [("EMIC", "ME-41", "E3", "0,5S", "3x220/380 V, 5(6) A"), ("Elster", "A1700", "EL", "0,5S", "3x57,7/100 V, 5(10) A"), ("Landis+Gyr", "E650", "LG", "1", "3x220/380 V, 10(100) A")],
        ["taximeter"] = [("Hale", "SX2", "HL", null, "0 – 999,9 km"), ("Taxitronic", "TX80", "TX", null, "0 – 999,9 km")],
        ["technical-balance"] = [("Ohaus", "PX3202", "OH", "II", "0,5 – 3200 g"), ("Shimadzu", "UX6200H", "SH", "II", "0,5 – 6200 g"), ("A&D", "GF-3000", "AD", "II", "0,5 – 3100 g")],
        ["platform-counter-steelyard-scale"] = [("Nhơn Hòa", "NHS-150", "NH", "III", "1 – 150 kg"), ("Mettler Toledo", "BBA231", "MT", "III", "0,2 – 60 kg"), ("Yaohua", "XK3190-A12", "YH", "III", "2 – 300 kg")],
        ["truck-scale"] = [("Mettler Toledo", "VTS-80", "MV", "III", "200 kg – 80 t"), ("Keli", "SCS-60", "KL", "III", "200 kg – 60 t")],
        ["clinical-thermometer-infrared"] = [("Microlife", "FR1MF1", "ML", null, "34 – 42,2 °C"), ("Omron", "MC-720", "OM", null, "34 – 42,2 °C")],
    };

    private static readonly string[] Verifiers =
    [
        "Trần Văn Minh", "Lê Thị Thu Hằng", "Nguyễn Hữu Phước", "Hoàng Minh Tuấn", "Phan Thị Ngọc Ánh", "Võ Đình Khôi",
    ];

    private readonly Random random = new(20261126);
    private readonly List<VerificationRecord> verifications = [];
    private readonly List<Certificate> certificates = [];
    private Organization? centreBody;
    private readonly Dictionary<int, int> stampCounters = [];
    private readonly Dictionary<int, int> certificateCounters = [];
    private List<Group2InstrumentType> group2 = [];

    /// <summary>
    /// Seeds into the caller's transaction. <paramref name="enterprises"/> are the 40 demo enterprises in
    /// the order DemoDataSeeder made them (their trade follows from the index).
    /// </summary>
    public async Task SeedAsync(int provinceId, Organization centre, Organization regionalLab, Organization electricityLab,
        IReadOnlyList<Organization> enterprises, CancellationToken cancellationToken)
    {
        centreBody = centre;
        group2 = await db.Group2InstrumentTypes.AsNoTracking().ToListAsync(cancellationToken);

        var designations = AddDesignations(provinceId, centre, regionalLab, electricityLab);
        var standards = AddStandards(provinceId, centre);
        await db.SaveChangesAsync(cancellationToken);

        // Each instrument is written once, already carrying its latest verification.
        var instruments = MakeInstruments(provinceId, enterprises);
        MakeVerifications(instruments, designations, centre, regionalLab, standards);
        await WriteBulkAsync(provinceId, instruments, cancellationToken);

        AddReferenceCases(provinceId, centre, instruments, enterprises);
        AddCalibrations(provinceId, centre, instruments);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Instruments, then their verifications, then certificates and standard uses, each reading back the ids the next needs.</summary>
    private async Task WriteBulkAsync(int provinceId, List<Instrument> instruments, CancellationToken cancellationToken)
    {
        await DemoBulkInsert.InsertAsync(db, "Instruments",
            ["ProvinceId", "OwnerId", "TypeCode", "Manufacturer", "Model", "SerialNumber", "PatternApprovalNumber", "AccuracyClass", "MeasuringRange",
             "Location", "Status", "MustNotBeUsed", "LastVerifiedOn", "NextDueDate", "SearchText", "CreatedAt", "UpdatedAt"],
            instruments.Select(i => new object?[]
            {
                i.ProvinceId, i.OwnerId, i.TypeCode, i.Manufacturer, i.Model, i.SerialNumber, i.PatternApprovalNumber, i.AccuracyClass, i.MeasuringRange,
                i.Location, i.Status.ToString(), i.MustNotBeUsed, i.LastVerifiedOn, i.NextDueDate, i.SearchText, i.CreatedAt, i.UpdatedAt,
            }),
            cancellationToken);
        // Serial numbers are unique across the demo's instruments.
        var instrumentIds = await db.Instruments.AsNoTracking().Where(i => i.ProvinceId == provinceId)
            .Select(i => new { i.Id, i.SerialNumber }).ToDictionaryAsync(i => i.SerialNumber, i => i.Id, cancellationToken);
        foreach (var instrument in instruments)
        {
            instrument.Id = instrumentIds[instrument.SerialNumber];
        }

        await DemoBulkInsert.InsertAsync(db, "Verifications",
            ["ProvinceId", "InstrumentId", "OwnerId", "BodyId", "Kind", "Date", "Result", "StampSerial", "VerifierName", "TypeCode", "CycleMonths",
             "NextDueDate", "StandardOutOfCalibration", "Notes", "CreatedAt"],
            verifications.Select(v => new object?[]
            {
                v.ProvinceId, v.Instrument!.Id, v.OwnerId, v.BodyId, v.Kind.ToString(), v.Date, v.Result.ToString(), v.StampSerial, v.VerifierName, v.TypeCode,
                v.CycleMonths, v.NextDueDate, v.StandardOutOfCalibration, v.Notes, v.CreatedAt,
            }),
            cancellationToken);
        // An instrument is verified at most once a day in the demo: (instrument, date) finds the row.
        var verificationIds = await db.Verifications.AsNoTracking().Where(v => v.ProvinceId == provinceId)
            .Select(v => new { v.Id, v.InstrumentId, v.Date }).ToDictionaryAsync(v => (v.InstrumentId, v.Date), v => v.Id, cancellationToken);
        foreach (var verification in verifications)
        {
            verification.Id = verificationIds[(verification.Instrument!.Id, verification.Date)];
        }

        await DemoBulkInsert.InsertAsync(db, "Certificates",
            ["ProvinceId", "BodyId", "InstrumentId", "OwnerId", "VerificationId", "Number", "PublicToken", "IssuedOn", "ValidUntil", "SignerName", "SignerTitle", "CreatedAt"],
            certificates.Select(c => new object?[]
            {
                c.ProvinceId, c.BodyId, c.Verification!.Instrument!.Id, c.OwnerId, c.Verification.Id, c.Number, c.PublicToken, c.IssuedOn, c.ValidUntil,
                c.SignerName, c.SignerTitle, c.CreatedAt,
            }),
            cancellationToken);
        await DemoBulkInsert.InsertAsync(db, "VerificationStandardUses",
            ["VerificationId", "StandardId", "WasInCalibration"],
            verifications.SelectMany(v => v.StandardsUsed.Select(u => new object?[] { v.Id, u.Standard!.Id, u.WasInCalibration })),
            cancellationToken);
    }

    private List<Designation> AddDesignations(int provinceId, Organization centre, Organization regionalLab, Organization electricityLab)
    {
        DesignationScope Scope(string type, bool reference = false)
        {
            var row = RowOn(type, today) ?? throw new InvalidOperationException($"Group 2 type {type} is not in the reference data.");
            return new DesignationScope
            {
                TypeCode = type,
                Initial = row.InitialVerification == true,
                Periodic = row.PeriodicVerification == true,
                AfterRepair = row.AfterRepairVerification == true,
                Reference = reference,
                MeasuringRange = Makes.TryGetValue(type, out var makes) ? makes[0].Range : null,
            };
        }

        Designation Add(Organization body, string number, DateOnly decided, string issuer, DateOnly from, DateOnly until, IEnumerable<DesignationScope> scopes, string? notes = null)
        {
            var designation = new Designation
            {
                ProvinceId = provinceId,
                Body = body,
                DecisionNumber = number,
                DecisionDate = decided,
                Issuer = issuer,
                ValidFrom = from,
                ValidUntil = until,
                Notes = notes,
                Scopes = scopes.ToList(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Designations.Add(designation);
            return designation;
        }

        List<DesignationScope> CentreScopes() => CentreScope.Select(t => Scope(t, ReferenceScope.Contains(t))).ToList();

        // The Centre's two consecutive decisions: the national body was renamed in 2025, so the issuer differs.
        var first = Add(centre, "2456/QĐ-TĐC", new DateOnly(2019, 12, 16), OldIssuer, new DateOnly(2019, 12, 20), new DateOnly(2024, 12, 19), CentreScopes());
        var second = Add(centre, "1587/QĐ-TĐC", new DateOnly(2024, 12, 12), OldIssuer, new DateOnly(2024, 12, 20), new DateOnly(2029, 12, 19), CentreScopes(),
            "Quyết định chỉ định lại; từ năm 2025 cơ quan chỉ định là " + NewIssuer + ".");
        // An invented private lab whose designation runs out within 60 days of today, so the warning shows.
        var regionalUntil = today.AddDays(45);
        var regionalDecided = regionalUntil.AddYears(-3).AddDays(-10);
        var regional = Add(regionalLab, $"312/QĐ-{(IssuerOn(regionalDecided) == OldIssuer ? "TĐC" : "UBTCQG")}", regionalDecided, IssuerOn(regionalDecided), regionalUntil.AddYears(-3), regionalUntil,
            RegionalScope.Select(t => Scope(t)));
        Add(electricityLab, "215/QĐ-UBTCQG", new DateOnly(2025, 8, 20), NewIssuer, new DateOnly(2025, 9, 1), new DateOnly(2030, 8, 31),
            ElectricityScope.Select(t => Scope(t)));
        return [first, second, regional];
    }

    private sealed record Standards(MeasurementStandard Volume20, MeasurementStandard Volume5, MeasurementStandard Weights);

    private Standards AddStandards(int provinceId, Organization centre)
    {
        MeasurementStandard Add(string name, string quantity, string? manufacturer, string serial, string range, string uncertainty, string traceability, params (DateOnly Date, int Months)[] history)
        {
            var standard = new MeasurementStandard
            {
                ProvinceId = provinceId,
                Owner = centre,
                Name = name,
                Quantity = quantity,
                Manufacturer = manufacturer,
                SerialNumber = serial,
                MeasuringRange = range,
                AccuracyOrUncertainty = uncertainty,
                Traceability = traceability,
                Calibrations = history.Select((h, i) => new StandardCalibration
                {
                    Date = h.Date,
                    CalibratedBy = traceability,
                    CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"V{h.Date.Year}/{serial}-{i + 1}"),
                    DueDate = h.Date.AddMonths(h.Months),
                }).ToList(),
                CalibrationDueDate = history.Length == 0 ? null : history[^1].Date.AddMonths(history[^1].Months),
                CreatedAt = now,
                UpdatedAt = now,
            };
            standard.RefreshSearchText();
            db.MeasurementStandards.Add(standard);
            return standard;
        }

        const string vmi = "Viện Đo lường Việt Nam (VMI)";
        const string quatest2 = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 2 (QUATEST 2)";
        // Recalibrated every 20 months for a 24-month validity, so they were in calibration all along...
        (DateOnly, int)[] History(int day)
        {
            var dates = new List<(DateOnly, int)>();
            for (var date = new DateOnly(2019, 10, day); date <= today.AddMonths(-1); date = date.AddMonths(20))
            {
                dates.Add((date, 24));
            }

            return [.. dates];
        }

        var volume20 = Add("Bình chuẩn dung tích kim loại hạng II 20 L", "Thể tích", "Công ty TNHH Cơ khí Đo lường Sài Gòn", "BC20-0418", "20 L", "U = 0,02 % (k = 2)", vmi, History(5));
        Add("Bình chuẩn dung tích kim loại hạng II 2 L", "Thể tích", "Công ty TNHH Cơ khí Đo lường Sài Gòn", "BC02-0112", "2 L", "U = 0,03 % (k = 2)", vmi, History(6));
        Add("Bình chuẩn dung tích kim loại hạng II 50 L", "Thể tích", "Công ty TNHH Cơ khí Đo lường Sài Gòn", "BC50-0231", "50 L", "U = 0,02 % (k = 2)", vmi, History(7));
        Add("Bình chuẩn dung tích kim loại hạng II 200 L", "Thể tích", "KGM Engineering", "BC200-0087", "200 L", "U = 0,025 % (k = 2)", vmi, History(8));
        // ...except the 5 L one: its calibration lapsed, so verifications that used it since are flagged.
        var volume5 = Add("Bình chuẩn dung tích kim loại hạng II 5 L", "Thể tích", "Công ty TNHH Cơ khí Đo lường Sài Gòn", "BC05-0233", "5 L", "U = 0,03 % (k = 2)", vmi,
            (new DateOnly(2019, 4, 15), 24), (new DateOnly(2021, 4, 12), 24), (new DateOnly(2023, 4, 10), 24));
        Add("Máy đo trị số octan xăng", "Trị số octan", "Shatox", "SX-300-2217", "40 – 120 RON", "± 0,5 RON", quatest2, History(9));
        var weights = Add("Bộ quả cân chuẩn cấp chính xác F1 (1 mg – 20 kg)", "Khối lượng", "Häfner", "F1-2019-035", "1 mg – 20 kg", "Cấp chính xác F1", vmi, History(10));
        Add("Quả cân chuẩn cấp chính xác M1 20 kg (50 quả)", "Khối lượng", "Công ty TNHH Cân Nhơn Hòa", "M1-20-1150", "1 t (50 × 20 kg)", "Cấp chính xác M1", quatest2, History(11));
        Add("Giàn kiểm định công tơ điện 3 pha", "Năng lượng điện", "EMH", "EMH-MTS-3104", "3x57,7/100 – 3x240/415 V; 0,01 – 120 A", "Cấp chính xác 0,05", vmi, History(12));
        Add("Giàn kiểm định đồng hồ đo nước lạnh DN15 – DN50", "Thể tích và lưu lượng", "Công ty CP Thiết bị Đo lường Hà Nội", "GKN-50-021", "0,01 – 30 m³/h", "U = 0,2 % (k = 2)", vmi, History(13));
        return new Standards(volume20, volume5, weights);
    }

    private List<Instrument> MakeInstruments(int provinceId, IReadOnlyList<Organization> enterprises)
    {
        // Owners by trade: the index of DemoDataSeeder's trade list (0 fuel, 1 water, 2 electricity, 13 transport, 14 LPG, 10 pharmacy).
        List<Organization> Trade(int trade) => enterprises.Where((_, i) => i % 20 == trade).ToList();
        var others = enterprises.Where((_, i) => i % 20 is not (0 or 1 or 2 or 13 or 14)).ToList();
        var owners = new Dictionary<string, List<Organization>>(StringComparer.Ordinal)
        {
            ["fuel-dispenser"] = Trade(0),
            ["lpg-dispenser"] = Trade(14),
            ["water-meter-cold-mechanical"] = Trade(1),
            ["electricity-meter-1p-electronic"] = Trade(2),
            ["electricity-meter-3p-electronic"] = Trade(2),
            ["taximeter"] = Trade(13),
            ["technical-balance"] = others,
            ["platform-counter-steelyard-scale"] = others,
            ["truck-scale"] = others,
            ["clinical-thermometer-infrared"] = Trade(10),
        };
        string[] places = ["Đông Hà", "Quảng Trị", "Đồng Hới", "Lệ Thủy", "Gio Linh", "Hải Lăng", "Vĩnh Linh", "Cam Lộ", "Ba Đồn", "Khe Sanh"];

        var instruments = new List<Instrument>();
        var serial = 0;
        foreach (var (type, count) in InstrumentCounts)
        {
            for (var i = 0; i < count; i++)
            {
                var make = Makes[type][random.Next(Makes[type].Length)];
                var owner = owners[type][i % owners[type].Count];
                var madeIn = 2013 + random.Next(9);
                serial++;
                var instrument = new Instrument
                {
                    ProvinceId = provinceId,
                    OwnerId = owner.Id,
                    TypeCode = type,
                    Manufacturer = make.Manufacturer,
                    Model = make.Model,
                    SerialNumber = string.Create(CultureInfo.InvariantCulture, $"{make.Prefix}{madeIn % 100:D2}{serial:D6}"),
                    PatternApprovalNumber = string.Create(CultureInfo.InvariantCulture, $"PDM {100 + random.Next(800)}-{madeIn}"),
                    AccuracyClass = make.Class,
                    MeasuringRange = make.Range,
                    Location = type.StartsWith("fuel", StringComparison.Ordinal) || type.StartsWith("lpg", StringComparison.Ordinal)
                        ? $"Cửa hàng xăng dầu số {i / 4 + 1}, {places[i % places.Length]}"
                        : $"phường {places[i % places.Length]}",
                    Status = InstrumentStatus.InService,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                instrument.RefreshSearchText();
                instruments.Add(instrument);
            }
        }

        return instruments;
    }

    /// <summary>
    /// Each instrument's history: installed between 2016 and 2022, verified at installation and then before
    /// each due date until today. About one in ten has missed its last periodic verification (overdue now),
    /// a few failed their last one (must not be used), a few failed once and passed after repair.
    /// </summary>
    private void MakeVerifications(List<Instrument> instruments, List<Designation> designations, Organization centre, Organization regionalLab, Standards standards)
    {
        var regional = designations[2];
        foreach (var instrument in instruments)
        {
            var type = instrument.TypeCode!;
            var installed = new DateOnly(2020, 1, 6).AddDays(random.Next(3 * 365));
            var overdue = random.NextDouble() < 0.10;
            var failsLast = !overdue && random.NextDouble() < 0.02;
            var failsOnce = random.NextDouble() < 0.03;
            var chain = new List<(DateOnly Date, VerificationKind Kind, VerificationResult Result)>();
            var date = installed;
            var kind = VerificationKind.Initial;
            while (date <= today)
            {
                var result = failsOnce && chain.Count == 2 ? VerificationResult.Fail : VerificationResult.Pass;
                chain.Add((date, kind, result));
                if (result == VerificationResult.Fail)
                {
                    // Repaired and verified again within a few weeks.
                    date = date.AddDays(10 + random.Next(20));
                    kind = VerificationKind.AfterRepair;
                    failsOnce = false;
                    continue;
                }

                var cycle = RowOn(type, date)?.CycleMonths;
                if (cycle is null)
                {
                    break;
                }

                // Owners bring instruments in during the weeks before the due date.
                date = date.AddMonths(cycle.Value).AddDays(-random.Next(25));
                kind = VerificationKind.Periodic;
            }

            if (overdue && chain.Count > 1)
            {
                chain.RemoveAt(chain.Count - 1);
            }

            if (failsLast && chain.Count > 0)
            {
                chain[^1] = chain[^1] with { Result = VerificationResult.Fail };
            }

            foreach (var (on, verificationKind, result) in chain)
            {
                var body = verificationKind != VerificationKind.Initial && regional.Covers(type, verificationKind, on) && random.NextDouble() < 0.3 ? regionalLab : centre;
                MakeVerification(instrument, body, verificationKind, on, result, standards);
            }

            // The instrument carries its latest verification, as recording one through the API would leave it.
            var latest = chain.LastOrDefault();
            if (chain.Count > 0)
            {
                instrument.LastVerifiedOn = latest.Date;
                instrument.MustNotBeUsed = latest.Result == VerificationResult.Fail;
                instrument.NextDueDate = latest.Result == VerificationResult.Pass && RowOn(type, latest.Date)?.CycleMonths is { } months
                    ? latest.Date.AddMonths(months)
                    : null;
                if (instrument.MustNotBeUsed)
                {
                    instrument.Status = InstrumentStatus.OutOfService;
                }
            }
        }
    }

    private void MakeVerification(Instrument instrument, Organization body, VerificationKind kind, DateOnly date, VerificationResult result, Standards standards)
    {
        var type = instrument.TypeCode!;
        var cycle = RowOn(type, date)?.CycleMonths;
        var passed = result == VerificationResult.Pass;
        var record = new VerificationRecord
        {
            ProvinceId = instrument.ProvinceId,
            Instrument = instrument,
            OwnerId = instrument.OwnerId,
            BodyId = body.Id,
            Kind = kind,
            Date = date,
            Result = result,
            StampSerial = passed ? string.Create(CultureInfo.InvariantCulture, $"{(body == centreBody ? "QT" : "MT")}{date.Year % 100:D2}-{Next(stampCounters, body.Id):D7}") : null,
            VerifierName = Verifiers[random.Next(Verifiers.Length)],
            TypeCode = type,
            CycleMonths = cycle,
            NextDueDate = passed && cycle is { } months ? date.AddMonths(months) : null,
            Notes = passed ? null : "Sai số vượt quá sai số lớn nhất cho phép; không đóng dấu kiểm định.",
            CreatedAt = now,
        };
        // LPG dispensers' low flow is checked against the 5 L standard, out of calibration since its due date.
        MeasurementStandard? standard = type switch
        {
            "fuel-dispenser" => standards.Volume20,
            "lpg-dispenser" => standards.Volume5,
            _ when type.Contains("balance", StringComparison.Ordinal) || type.Contains("scale", StringComparison.Ordinal) => standards.Weights,
            _ => null,
        };
        if (standard is not null)
        {
            var inCalibration = standard.Calibrations.Any(c => c.Date <= date && date <= c.DueDate);
            record.StandardsUsed.Add(new VerificationStandardUse { Standard = standard, WasInCalibration = inCalibration });
            record.StandardOutOfCalibration = !inCalibration;
        }

        verifications.Add(record);
        if (passed)
        {
            certificates.Add(new Certificate
            {
                ProvinceId = instrument.ProvinceId,
                BodyId = body.Id,
                OwnerId = instrument.OwnerId,
                Verification = record,
                Number = string.Create(CultureInfo.InvariantCulture, $"{Next(certificateCounters, body.Id):D6}/{date.Year}/GCNKĐ"),
                PublicToken = Certificate.NewToken(),
                IssuedOn = date,
                ValidUntil = record.NextDueDate,
                SignerName = body == centreBody ? "Nguyễn Đức Thắng" : "Lê Văn Hòa",
                SignerTitle = "Giám đốc",
                CreatedAt = now,
            });
        }
    }

    private void AddReferenceCases(int provinceId, Organization centre, List<Instrument> instruments, IReadOnlyList<Organization> enterprises)
    {
        var meter = instruments.First(i => i.TypeCode == "electricity-meter-1p-electronic" && !i.MustNotBeUsed);
        var waterMeter = instruments.First(i => i.TypeCode == "water-meter-cold-mechanical" && !i.MustNotBeUsed);
        var electricity = enterprises[2];
        var water = enterprises[1];
        db.ReferenceVerificationCases.Add(new ReferenceVerificationCase
        {
            ProvinceId = provinceId,
            CaseNumber = "ĐC-2022-001",
            MeterKind = ReferenceMeterKind.Electricity,
            InstrumentId = meter.Id,
            MeterSerial = meter.SerialNumber,
            MeterDescription = $"{meter.Manufacturer} {meter.Model}, {meter.MeasuringRange}",
            RequesterName = "Nguyễn Văn An",
            BuyerName = "Nguyễn Văn An (hộ tiêu dùng, phường Đông Hà)",
            SellerName = electricity.Name,
            SellerId = electricity.Id,
            Body = centre,
            RequestedOn = new DateOnly(2022, 6, 6),
            RemovedAndSealedOn = new DateOnly(2022, 6, 8),
            VerifiedOn = new DateOnly(2022, 6, 15),
            Result = VerificationResult.Pass,
            ConclusionSentOn = new DateOnly(2022, 6, 20),
            Conclusion = "Công tơ đạt yêu cầu kỹ thuật đo lường; sai số ở các tải thử nằm trong giới hạn của cấp chính xác 1. Chi phí kiểm định do bên yêu cầu chi trả.",
            CreatedAt = now,
            UpdatedAt = now,
        });
        // Still open: the meter was removed and sealed three weeks ago and is still waiting for its verification.
        db.ReferenceVerificationCases.Add(new ReferenceVerificationCase
        {
            ProvinceId = provinceId,
            CaseNumber = string.Create(CultureInfo.InvariantCulture, $"ĐC-{today.Year}-007"),
            MeterKind = ReferenceMeterKind.ColdWater,
            InstrumentId = waterMeter.Id,
            MeterSerial = waterMeter.SerialNumber,
            MeterDescription = $"{waterMeter.Manufacturer} {waterMeter.Model}, {waterMeter.MeasuringRange}",
            RequesterName = water.Name,
            BuyerName = "Trần Thị Bích (hộ tiêu dùng, phường Đồng Hới)",
            SellerName = water.Name,
            SellerId = water.Id,
            Body = centre,
            RequestedOn = today.AddDays(-26),
            RemovedAndSealedOn = today.AddDays(-21),
            Notes = "Tranh chấp về lượng nước tiêu thụ tháng cao bất thường; đồng hồ đã được tháo, niêm phong tại chỗ có chứng kiến của hai bên.",
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>Calibrations of non-legal equipment at enterprises, with points judged by ILAC-G8 rules.</summary>
    private void AddCalibrations(int provinceId, Organization centre, List<Instrument> instruments)
    {
        void Add(Instrument instrument, DateOnly date, string unit, string procedure, DecisionRule rule, string? certificate, params (decimal Nominal, decimal Indication, decimal U, decimal? T)[] points)
        {
            var evaluation = CalibrationService.Evaluate(points.Select(p => (p.Nominal, p.Indication, p.U, 2m, p.T)).ToList(), rule);
            var record = new CalibrationRecord
            {
                ProvinceId = provinceId,
                InstrumentId = instrument.Id,
                OwnerId = instrument.OwnerId,
                Body = centre,
                Date = date,
                CalibratedBy = "Hoàng Minh Tuấn",
                Procedure = procedure,
                Unit = unit,
                DecisionRule = rule,
                Overall = evaluation.Overall,
                Points = evaluation.ToEntities(),
                CreatedAt = now,
            };
            db.Calibrations.Add(record);
            if (certificate is not null)
            {
                db.Certificates.Add(new Certificate
                {
                    ProvinceId = provinceId,
                    Body = centre,
                    InstrumentId = instrument.Id,
                    OwnerId = instrument.OwnerId,
                    Calibration = record,
                    Number = certificate,
                    PublicToken = Certificate.NewToken(),
                    IssuedOn = date,
                    SignerName = "Nguyễn Đức Thắng",
                    SignerTitle = "Giám đốc",
                    CreatedAt = now,
                });
            }
        }

        var balances = instruments.Where(i => i.TypeCode == "technical-balance").ToList();
        var scales = instruments.Where(i => i.TypeCode == "platform-counter-steelyard-scale").ToList();
        Add(balances[0], today.AddMonths(-2), "g", "ĐLVN 16:2009", DecisionRule.GuardBand, string.Create(CultureInfo.InvariantCulture, $"HC-{today.Year}-0141"),
            (100m, 100.02m, 0.03m, 0.1m), (500m, 500.05m, 0.04m, 0.1m), (1000m, 1000.08m, 0.05m, 0.1m), (2000m, 2000.12m, 0.06m, 0.2m), (3000m, 3000.21m, 0.08m, 0.2m));
        Add(balances[1], today.AddMonths(-5), "g", "ĐLVN 16:2009", DecisionRule.SimpleAcceptance, string.Create(CultureInfo.InvariantCulture, $"HC-{today.Year}-0087"),
            (200m, 200.01m, 0.02m, 0.1m), (1000m, 999.96m, 0.04m, 0.1m), (3000m, 2999.93m, 0.07m, 0.2m));
        Add(scales[0], today.AddMonths(-1), "kg", "ĐLVN 14:2009", DecisionRule.GuardBand, null,
            (20m, 20.01m, 0.005m, 0.02m), (50m, 50.02m, 0.01m, 0.05m), (100m, 100.07m, 0.02m, 0.05m), (150m, 150.09m, 0.02m, 0.1m));
    }

    /// <summary>The national authority was renamed in 2025; decisions before that carry the old name.</summary>
    private static string IssuerOn(DateOnly decided) => decided < new DateOnly(2025, 3, 1) ? OldIssuer : NewIssuer;

    private Group2InstrumentType? RowOn(string code, DateOnly date) =>
        group2.FirstOrDefault(t => t.Code == code && t.IsInForceOn(date));

    private static int Next(Dictionary<int, int> counters, int key) =>
        counters[key] = counters.GetValueOrDefault(key) + 1;
}
