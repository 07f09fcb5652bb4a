using System.Globalization;
using Metrology.Core.Imports;
using Metrology.Core.Verification;
using Metrology.IntegrationTests.Infrastructure;
using Metrology.IntegrationTests.Verification;
using Metrology.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using static Metrology.IntegrationTests.Imports.Verifications.VerificationImportArrange;

namespace Metrology.IntegrationTests.Imports.Verifications;

/// <summary>
/// Importing verification records (issue 5) through the real handler on a real database: what a lab sees
/// afterwards (records, certificates the public lookup finds, instruments' due dates), the errors it is told,
/// all-or-nothing, valid rows only, re-import and undo.
/// </summary>
public abstract class VerificationImportTests(MetrologyApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_valid_file_creates_records_certificates_the_public_lookup_finds_and_updates_the_instruments()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var existingId = await App.NewInstrumentAsync(world.OtherOwnerId, FuelDispenser);
        var existing = await App.InstrumentAsync(existingId);
        var explicitDue = PassRow(world, $"NEW1-{tag}", $"GCN-1-{tag}", $"T1-{tag}");
        explicitDue["nextDueDate"] = "15/07/2024";
        var cycle = PassRow(world, $"NEW2-{tag}", $"GCN-2-{tag}", $"T2-{tag}");
        cycle["date"] = "2024-03-31";
        cycle["kind"] = "Ban đầu";
        var failed = PassRow(world, existing.SerialNumber, null!, null!);
        failed["ownerTaxCode"] = world.OtherOwnerTaxCode;
        failed["result"] = "Không đạt";
        failed["kind"] = "sau sửa chữa";
        failed["signerName"] = null;

        var run = await App.ImportAsync(world, [explicitDue, cycle, failed]);

        run.Errors.ShouldBeEmpty();
        run.Result.ShouldBe(new ImportResult(3, 3, 0, 0));
        await using var scope = await App.DbAsync();
        var db = scope.Db;
        var records = await db.Verifications.IgnoreQueryFilters().Include(v => v.Instrument)
            .Where(v => v.ImportJobId == run.JobId).OrderBy(v => v.Id).ToListAsync(Cancellation);
        records.Select(v => (v.Instrument!.SerialNumber, v.Kind, v.Date, v.Result, v.NextDueDate)).ShouldBe(
        [
            ($"NEW1-{tag}", VerificationKind.Periodic, new DateOnly(2024, 1, 31), VerificationResult.Pass, new DateOnly(2024, 7, 15)),
            // Fuel dispensers: 12-month cycle, so 31/03/2024 + 12 months = 31/03/2025.
            ($"NEW2-{tag}", VerificationKind.Initial, new DateOnly(2024, 3, 31), VerificationResult.Pass, new DateOnly(2025, 3, 31)),
            (existing.SerialNumber, VerificationKind.AfterRepair, new DateOnly(2024, 1, 31), VerificationResult.Fail, null),
        ]);
        records.ShouldAllBe(v => v.BodyId == world.BodyId && v.VerifierName == "Lê Văn Kiểm" && v.TypeCode == FuelDispenser && v.CycleMonths == 12);
        records[0].DueDateOverrideReason.ShouldBe("Hạn kiểm định theo tệp nhập kiem-dinh.csv.");
        records[1].DueDateOverrideReason.ShouldBeNull();

        // New instruments belong to the owner named in the file and show their verification.
        var created = await db.Instruments.IgnoreQueryFilters().Where(i => i.ImportJobId == run.JobId).OrderBy(i => i.SerialNumber).ToListAsync(Cancellation);
        created.Select(i => (i.SerialNumber, i.OwnerId, i.Model, i.LastVerifiedOn, i.NextDueDate, i.MustNotBeUsed)).ShouldBe(
        [
            ($"NEW1-{tag}", world.OwnerId, "SUNNY-2", new DateOnly(2024, 1, 31), new DateOnly(2024, 7, 15), false),
            ($"NEW2-{tag}", world.OwnerId, "SUNNY-2", new DateOnly(2024, 3, 31), new DateOnly(2025, 3, 31), false),
        ]);
        created.ShouldAllBe(i => i.ProvinceId == world.ProvinceId && i.SearchText.Contains("tatsuno"));
        var failedInstrument = await App.InstrumentAsync(existingId);
        failedInstrument.MustNotBeUsed.ShouldBeTrue();
        failedInstrument.LastVerifiedOn.ShouldBe(new DateOnly(2024, 1, 31));
        failedInstrument.NextDueDate.ShouldBeNull();

        // Two certificates (the failed row gets none), each with a 27-character token the public page accepts.
        var certificates = await db.Certificates.IgnoreQueryFilters().Where(c => c.ImportJobId == run.JobId).OrderBy(c => c.Number).ToListAsync(Cancellation);
        certificates.Select(c => (c.Number, c.IssuedOn, c.ValidUntil, c.SignerName)).ShouldBe(
        [
            ($"GCN-1-{tag}", new DateOnly(2024, 1, 31), (DateOnly?)new DateOnly(2024, 7, 15), "Nguyễn Văn Ký"),
            ($"GCN-2-{tag}", new DateOnly(2024, 3, 31), (DateOnly?)new DateOnly(2025, 3, 31), "Nguyễn Văn Ký"),
        ]);
        certificates.Select(c => c.PublicToken).Distinct().Count().ShouldBe(2);
        using var anonymous = App.Anonymous();
        foreach (var certificate in certificates)
        {
            certificate.PublicToken.Length.ShouldBe(27);
            using var response = await anonymous.GetAsync($"/api/v1/public/certificates/{certificate.PublicToken}", Cancellation);
            var found = await response.ShouldReturn<PublicCertificateResultJson>();
            found.Certificate.ShouldNotBeNull().CertificateNumber.ShouldBe(certificate.Number);
        }

        // One audit line for the whole job, not one per row.
        var jobKey = run.JobId.ToString(CultureInfo.InvariantCulture);
        var recordKeys = records.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var audit = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "ImportJob" && a.EntityId == jobKey).ToListAsync(Cancellation);
        audit.ShouldHaveSingleItem().After.ShouldNotBeNull().ShouldContain("\"InsertedRows\":3");
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == "VerificationRecord" && recordKeys.Contains(a.EntityId), Cancellation)).ShouldBe(0);
    }

    [Fact]
    public async Task Each_bad_cell_is_reported_with_its_row_column_value_and_a_message_in_both_languages()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var future = VerificationArrange.Today.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Dictionary<string, string?> Row(int n, string column, string? value)
        {
            var row = PassRow(world, $"BAD{n}-{tag}", $"GCN-B{n}-{tag}", $"TB{n}-{tag}");
            row[column] = value;
            return row;
        }

        var rows = new List<Dictionary<string, string?>>
        {
            Row(2, "typeCode", "khong-co-loai-nay"),
            Row(3, "ownerTaxCode", "3200123456"),
            Row(4, "ownerTaxCode", world.HaNoiOwnerTaxCode),
            Row(5, "date", future),
            Row(6, "date", "31/02/2024"),
            Row(7, "nextDueDate", "01/01/2024"),
            Row(8, "kind", "hàng năm"),
            Row(9, "result", "tốt"),
            Row(10, "certificateNumber", null),
            Row(11, "bodyTaxCode", world.OwnerTaxCode),
            Row(12, "kind", "Đối chứng"),
            Row(13, "date", "15/06/2019"),
            Row(14, "verifierName", null),
        };
        var failWithStamp = Row(15, "result", "Không đạt");
        failWithStamp["certificateNumber"] = null;
        rows.Add(failWithStamp);

        var run = await App.ImportAsync(world, rows);

        run.Result.ShouldBe(new ImportResult(14, 0, 0, 14));
        run.Errors.Select(e => (e.RowNumber, e.ColumnKey, e.Value)).ShouldBe(
        [
            (2, "typeCode", "khong-co-loai-nay"),
            (3, "ownerTaxCode", "3200123456"),
            (4, "ownerTaxCode", world.HaNoiOwnerTaxCode),
            (5, "date", future),
            (6, "date", "31/02/2024"),
            (7, "nextDueDate", "01/01/2024"),
            (8, "kind", "hàng năm"),
            (9, "result", "tốt"),
            (10, "certificateNumber", null),
            (11, "bodyTaxCode", world.OwnerTaxCode),
            (12, "kind", "Đối chứng"),
            (13, "date", "15/06/2019"),
            (14, "verifierName", null),
            (15, "stampSerial", $"TB15-{tag}"),
        ], ignoreOrder: true);
        var messages = run.Errors.ToDictionary(e => e.RowNumber);
        messages[2].MessageVi.ShouldBe("Không có loại phương tiện đo nhóm 2 nào mang mã này.");
        messages[2].MessageEn.ShouldBe("No Group 2 instrument type has this code.");
        messages[3].MessageEn.ShouldStartWith("Not a valid tax code");
        messages[4].MessageEn.ShouldBe("No organisation of the province has this tax code.");
        messages[5].MessageVi.ShouldBe("Ngày kiểm định sau ngày hôm nay.");
        messages[6].MessageEn.ShouldBe("Not a valid date; write it as dd/MM/yyyy.");
        messages[7].MessageEn.ShouldBe("The next due date must be after the verification date.");
        messages[11].MessageEn.ShouldBe("No verification body of the province has this tax code.");
        messages[12].MessageEn.ShouldBe("This kind of verification is outside the body's designated scope.");
        messages[13].MessageEn.ShouldBe("The body's designation is not in force on the verification date.");
        messages[15].MessageVi.ShouldBe("Phương tiện đo không đạt thì không được dán tem.");
        (await WrittenAsync(run.JobId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task A_certificate_or_stamp_repeated_in_the_file_or_already_on_record_is_refused_naming_the_earlier_row()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var first = await App.ImportAsync(world, [PassRow(world, $"OLD-{tag}", $"GCN-OLD-{tag}", $"TOLD-{tag}")]);
        first.Result.InsertedRows.ShouldBe(1);

        var run = await App.ImportAsync(world,
        [
            PassRow(world, $"A-{tag}", $"GCN-A-{tag}", $"TA-{tag}"),
            PassRow(world, $"B-{tag}", $"GCN-A-{tag}", $"TB-{tag}"),
            PassRow(world, $"C-{tag}", $"GCN-OLD-{tag}", $"TC-{tag}"),
            PassRow(world, $"D-{tag}", $"GCN-D-{tag}", $"TA-{tag}"),
            PassRow(world, $"E-{tag}", $"GCN-E-{tag}", $"TOLD-{tag}"),
        ]);

        run.Result.ShouldBe(new ImportResult(5, 0, 0, 4));
        run.Errors.Select(e => (e.RowNumber, e.ColumnKey, e.MessageEn)).ShouldBe(
        [
            (3, "certificateNumber", "This certificate number is already on row 2 of the file."),
            (4, "certificateNumber", "The body has already issued this certificate number for another verification."),
            (5, "stampSerial", "This stamp serial is already on row 2 of the file."),
            (6, "stampSerial", "The body has already used this stamp serial for another verification."),
        ]);
        run.Errors[0].MessageVi.ShouldBe("Số giấy chứng nhận này đã có ở dòng 2 của tệp.");
        (await WrittenAsync(run.JobId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_one_row_is_bad_and_valid_rows_only_writes_the_others()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var existingId = await App.NewInstrumentAsync(world.OwnerId, FuelDispenser);
        var existing = await App.InstrumentAsync(existingId);
        var rows = new List<Dictionary<string, string?>>
        {
            PassRow(world, $"G1-{tag}", $"GCN-G1-{tag}", $"TG1-{tag}"),
            PassRow(world, existing.SerialNumber, $"GCN-G2-{tag}", $"TG2-{tag}"),
            PassRow(world, $"G3-{tag}", $"GCN-G3-{tag}", $"TG3-{tag}"),
        };
        rows[2]["typeCode"] = "khong-co";

        var rejected = await App.ImportAsync(world, rows);

        rejected.Result.ShouldBe(new ImportResult(3, 0, 0, 1));
        (await WrittenAsync(rejected.JobId)).ShouldBe((0, 0, 0));
        (await App.InstrumentAsync(existingId)).LastVerifiedOn.ShouldBeNull();

        var partial = await App.ImportAsync(world, rows, ImportMode.ValidRowsOnly);

        partial.Result.ShouldBe(new ImportResult(3, 2, 0, 1));
        partial.Errors.ShouldHaveSingleItem().RowNumber.ShouldBe(4);
        (await WrittenAsync(partial.JobId)).ShouldBe((2, 2, 1));
        (await App.InstrumentAsync(existingId)).NextDueDate.ShouldBe(new DateOnly(2025, 1, 31));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var rows = new List<Dictionary<string, string?>>
        {
            PassRow(world, $"R1-{tag}", $"GCN-R1-{tag}", $"TR1-{tag}"),
            PassRow(world, $"R2-{tag}", $"GCN-R2-{tag}", $"TR2-{tag}"),
        };
        var first = await App.ImportAsync(world, rows);
        first.Result.ShouldBe(new ImportResult(2, 2, 0, 0));

        var again = await App.ImportAsync(world, rows);

        again.Errors.ShouldBeEmpty();
        again.Result.ShouldBe(new ImportResult(2, 0, 2, 0));
        (await WrittenAsync(again.JobId)).ShouldBe((0, 0, 0));
        (await WrittenAsync(first.JobId)).ShouldBe((2, 2, 2));
    }

    [Fact]
    public async Task Undo_deletes_what_the_import_created_and_gives_back_the_instruments_previous_due_date()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var existingId = await App.NewInstrumentAsync(world.OwnerId, FuelDispenser);
        var manual = VerificationArrange.Pass(existingId, new DateOnly(2023, 5, 10));
        await lab.RecordAsync(manual);
        var existing = await App.InstrumentAsync(existingId);
        existing.NextDueDate.ShouldBe(new DateOnly(2024, 5, 10));
        var run = await App.ImportAsync(world,
        [
            PassRow(world, existing.SerialNumber, $"GCN-U1-{tag}", $"TU1-{tag}"),
            PassRow(world, $"U2-{tag}", $"GCN-U2-{tag}", $"TU2-{tag}"),
        ]);
        (await App.InstrumentAsync(existingId)).NextDueDate.ShouldBe(new DateOnly(2025, 1, 31));

        (await App.UndoAsync(run.JobId)).ShouldBeTrue();

        (await WrittenAsync(run.JobId)).ShouldBe((0, 0, 0));
        var restored = await App.InstrumentAsync(existingId);
        restored.LastVerifiedOn.ShouldBe(new DateOnly(2023, 5, 10));
        restored.NextDueDate.ShouldBe(new DateOnly(2024, 5, 10));
        (await App.WrittenForAsync(existingId)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Undo_is_refused_once_a_created_instrument_has_a_later_verification_and_nothing_is_deleted()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        using var lab = await App.As(world.LabOperator, UserApi.Password);
        var run = await App.ImportAsync(world, [PassRow(world, $"K1-{tag}", $"GCN-K1-{tag}", $"TK1-{tag}")]);
        await using (var scope = await App.DbAsync())
        {
            var instrumentId = await scope.Db.Instruments.IgnoreQueryFilters().Where(i => i.ImportJobId == run.JobId).Select(i => i.Id).SingleAsync(Cancellation);
            await lab.RecordAsync(VerificationArrange.Pass(instrumentId, new DateOnly(2025, 2, 1)));
        }

        (await App.UndoAsync(run.JobId)).ShouldBeFalse();

        (await WrittenAsync(run.JobId)).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task A_lab_operator_cannot_import_another_bodys_verifications_but_an_administrator_can()
    {
        var world = await App.ImportWorld();
        var tag = Tag();
        var row = PassRow(world, $"O1-{tag}", $"GCN-O1-{tag}", $"TO1-{tag}");
        row["bodyTaxCode"] = world.OtherBodyTaxCode;

        var refused = await App.ImportAsync(world, [row]);

        var error = refused.Errors.ShouldHaveSingleItem();
        (error.RowNumber, error.ColumnKey, error.Value).ShouldBe((2, "bodyTaxCode", world.OtherBodyTaxCode));
        error.MessageEn.ShouldBe("You may import only your own body's verifications.");
        (await WrittenAsync(refused.JobId)).ShouldBe((0, 0, 0));

        var byAdmin = await App.ImportAsync(world, [row], createdBy: MetrologyApp.AdminEmail);

        byAdmin.Result.ShouldBe(new ImportResult(1, 1, 0, 0));
        await using var scope = await App.DbAsync();
        (await scope.Db.Verifications.IgnoreQueryFilters().SingleAsync(v => v.ImportJobId == byAdmin.JobId, Cancellation)).BodyId.ShouldBe(world.OtherBodyId);
    }

    [Fact]
    public async Task The_handler_reads_the_reference_tables_in_the_same_number_of_queries_for_two_rows_as_for_forty()
    {
        var world = await App.ImportWorld();
        async Task<int> QueriesFor(int count)
        {
            var tag = Tag();
            var rows = Enumerable.Range(0, count).Select(i => PassRow(world, $"Q{i}-{tag}", $"GCN-Q{i}-{tag}", $"TQ{i}-{tag}")).ToList();
            App.Queries.Reset();
            var run = await App.ImportAsync(world, rows);
            run.Result.InsertedRows.ShouldBe(count);
            return App.Queries.Count;
        }

        (await QueriesFor(40)).ShouldBe(await QueriesFor(2));
    }

    /// <summary>Rows carrying the job's id: (verifications, certificates, instruments created).</summary>
    private async Task<(int, int, int)> WrittenAsync(long jobId)
    {
        await using var scope = await App.DbAsync();
        var db = scope.Db;
        return (await db.Verifications.IgnoreQueryFilters().CountAsync(v => v.ImportJobId == jobId, Cancellation),
            await db.Certificates.IgnoreQueryFilters().CountAsync(c => c.ImportJobId == jobId, Cancellation),
            await db.Instruments.IgnoreQueryFilters().CountAsync(i => i.ImportJobId == jobId, Cancellation));
    }

    public sealed class Sqlite(SqliteApp app) : VerificationImportTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : VerificationImportTests(app), IClassFixture<PostgresApp>;
}
