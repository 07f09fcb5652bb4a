namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// The set-based part of a verification import, as SQL both engines run (PostgreSQL, and SQLite 3.33+ which
/// has UPDATE ... FROM and window functions). The staging table holds the rows that passed the per-row
/// checks; these statements add the checks that need other rows or the database, then merge in a handful
/// of statements instead of a million round trips.
/// </summary>
internal static class VerificationStagingSql
{
    public const string Table = "import_verification_staging";
    public const string Errors = "import_verification_errors";

    /// <summary>The columns the loader writes, in order; the rest are filled by the statements below.</summary>
    public static readonly string[] LoadedColumns =
    [
        "row_no", "body_id", "owner_id", "owner_tax", "type_code", "manufacturer", "model", "serial", "search_text",
        "kind", "date", "result", "stamp", "cert_no", "next_due", "cycle_months", "override_reason", "verifier", "signer", "token",
    ];

    public static string CreateStaging(bool postgres)
    {
        var date = postgres ? "date" : "TEXT";
        var flag = postgres ? "boolean" : "INTEGER";
        var (no, yes) = postgres ? ("FALSE", "TRUE") : ("0", "1");
        // PostgreSQL drops temp tables at commit or rollback; SQLite keeps them on the pooled connection, so the
        // handler drops them itself.
        var onCommit = postgres ? " ON COMMIT DROP" : string.Empty;
        return $"""
            CREATE TEMP TABLE {Table} (
                row_no integer PRIMARY KEY, body_id integer NOT NULL, owner_id integer NOT NULL, owner_tax text NOT NULL,
                type_code text NOT NULL, manufacturer text NOT NULL, model text, serial text NOT NULL, search_text text NOT NULL,
                kind text NOT NULL, date {date} NOT NULL, result text NOT NULL, stamp text, cert_no text, next_due {date},
                cycle_months integer, override_reason text, verifier text NOT NULL, signer text, token text,
                instrument_id integer, instrument_owner_id integer,
                unchanged {flag} NOT NULL DEFAULT {no}, ok {flag} NOT NULL DEFAULT {yes}){onCommit};
            CREATE TEMP TABLE {Errors} (row_no integer NOT NULL, col text NOT NULL, value text, code text NOT NULL, arg integer){onCommit};
            """;
    }

    public const string DropStaging = $"DROP TABLE IF EXISTS {Table}; DROP TABLE IF EXISTS {Errors};";

    /// <summary>Indexes for the joins to come, built once after the load (cheaper than maintaining them row by row).</summary>
    public const string IndexStaging = $"""
        CREATE INDEX {Table}_instrument ON {Table} (type_code, manufacturer, serial);
        CREATE INDEX {Table}_certificate ON {Table} (body_id, cert_no);
        CREATE INDEX {Table}_stamp ON {Table} (body_id, stamp);
        """;

    /// <summary>Instruments already registered under the natural key (province, type, manufacturer, serial).</summary>
    public const string ResolveInstruments = $"""
        UPDATE {Table} SET instrument_id = i."Id", instrument_owner_id = i."OwnerId"
        FROM "Instruments" i
        WHERE {Table}.instrument_id IS NULL AND i."ProvinceId" = @province AND i."TypeCode" = {Table}.type_code
          AND i."Manufacturer" = {Table}.manufacturer AND i."SerialNumber" = {Table}.serial;
        """;

    /// <summary>
    /// A row whose verification (same body, instrument and date) is on record is "unchanged": that is what makes
    /// importing a file twice change nothing. Its certificate and stamp are then its own, not duplicates.
    /// </summary>
    public const string MarkUnchanged = $"""
        UPDATE {Table} SET unchanged = TRUE
        WHERE instrument_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM "Verifications" v
            WHERE v."InstrumentId" = {Table}.instrument_id AND v."BodyId" = {Table}.body_id AND v."Date" = {Table}.date);
        """;

    /// <summary>
    /// Each check returns (row, column, value, problem, argument); "arg" is the earlier row a duplicate repeats.
    /// The problem codes are <see cref="VerificationImportProblem"/> names.
    /// </summary>
    public const string FindErrors = $"""
        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'ownerTaxCode', owner_tax, 'OwnerMismatch', NULL FROM {Table}
        WHERE NOT unchanged AND instrument_owner_id IS NOT NULL AND instrument_owner_id <> owner_id;

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'ownerTaxCode', owner_tax, 'OwnerMismatchInFile', first_row FROM (
            SELECT row_no, owner_tax, owner_id, first_value(owner_id) OVER w AS first_owner, first_value(row_no) OVER w AS first_row
            FROM {Table} WHERE instrument_id IS NULL
            WINDOW w AS (PARTITION BY type_code, manufacturer, serial ORDER BY row_no)) x
        WHERE owner_id <> first_owner;

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'certificateNumber', cert_no, 'CertificateDuplicateInFile', first_row FROM (
            SELECT row_no, cert_no, row_number() OVER w AS n, first_value(row_no) OVER w AS first_row
            FROM {Table} WHERE cert_no IS NOT NULL
            WINDOW w AS (PARTITION BY body_id, cert_no ORDER BY row_no)) x
        WHERE n > 1;

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'stampSerial', stamp, 'StampDuplicateInFile', first_row FROM (
            SELECT row_no, stamp, row_number() OVER w AS n, first_value(row_no) OVER w AS first_row
            FROM {Table} WHERE stamp IS NOT NULL
            WINDOW w AS (PARTITION BY body_id, stamp ORDER BY row_no)) x
        WHERE n > 1;

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'date', NULL, 'VerificationDuplicateInFile', first_row FROM (
            SELECT row_no, row_number() OVER w AS n, first_value(row_no) OVER w AS first_row
            FROM {Table}
            WINDOW w AS (PARTITION BY body_id, type_code, manufacturer, serial, date ORDER BY row_no)) x
        WHERE n > 1;

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT s.row_no, 'certificateNumber', s.cert_no, 'CertificateTaken', NULL FROM {Table} s
        WHERE NOT s.unchanged AND s.cert_no IS NOT NULL
          AND EXISTS (SELECT 1 FROM "Certificates" c WHERE c."BodyId" = s.body_id AND c."Number" = s.cert_no);

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT s.row_no, 'stampSerial', s.stamp, 'StampTaken', NULL FROM {Table} s
        WHERE NOT s.unchanged AND s.stamp IS NOT NULL
          AND EXISTS (SELECT 1 FROM "Verifications" v WHERE v."BodyId" = s.body_id AND v."StampSerial" = s.stamp);

        UPDATE {Table} SET ok = FALSE WHERE row_no IN (SELECT row_no FROM {Errors});
        """;

    public const string ReadErrors = $"SELECT row_no, col, value, code, arg FROM {Errors} ORDER BY row_no, col";

    public const string CountErrorRows = $"SELECT COUNT(DISTINCT row_no) FROM {Errors}";

    public const string CountUnchanged = $"SELECT COUNT(*) FROM {Table} WHERE ok AND unchanged";

    /// <summary>One new instrument per natural key, from the first valid row that names it.</summary>
    public const string InsertInstruments = $"""
        INSERT INTO "Instruments" ("ProvinceId", "OwnerId", "TypeCode", "Manufacturer", "Model", "SerialNumber", "Status",
            "MustNotBeUsed", "SearchText", "ImportJobId", "CreatedAt", "UpdatedAt")
        SELECT @province, owner_id, type_code, manufacturer, model, serial, 'InService', FALSE, search_text, @job, @now, @now
        FROM (SELECT owner_id, type_code, manufacturer, model, serial, search_text,
                     row_number() OVER (PARTITION BY type_code, manufacturer, serial ORDER BY row_no) AS n
              FROM {Table} WHERE ok AND NOT unchanged AND instrument_id IS NULL) x
        WHERE n = 1;
        """;

    public const string InsertVerifications = $"""
        INSERT INTO "Verifications" ("ProvinceId", "InstrumentId", "OwnerId", "BodyId", "Kind", "Date", "Result", "StampSerial",
            "VerifierName", "TypeCode", "CycleMonths", "NextDueDate", "DueDateOverrideReason", "StandardOutOfCalibration",
            "ImportJobId", "CreatedAt", "CreatedByUserId")
        SELECT @province, instrument_id, owner_id, body_id, kind, date, result, stamp,
            verifier, type_code, cycle_months, next_due, override_reason, FALSE, @job, @now, @user
        FROM {Table} WHERE ok AND NOT unchanged ORDER BY row_no;
        """;

    /// <summary>
    /// A passing row has a stamp unique for its body (checked above), so (body, stamp) finds the verification
    /// just inserted without a RETURNING round trip per row.
    /// </summary>
    public const string InsertCertificates = $"""
        INSERT INTO "Certificates" ("ProvinceId", "BodyId", "InstrumentId", "OwnerId", "VerificationId", "Number", "PublicToken",
            "IssuedOn", "ValidUntil", "SignerName", "ImportJobId", "CreatedAt")
        SELECT @province, s.body_id, s.instrument_id, s.owner_id, v."Id", s.cert_no, s.token, s.date, s.next_due, s.signer, @job, @now
        FROM {Table} s JOIN "Verifications" v ON v."BodyId" = s.body_id AND v."StampSerial" = s.stamp AND v."ImportJobId" = @job
        WHERE s.ok AND NOT s.unchanged AND s.cert_no IS NOT NULL
        ORDER BY s.row_no;
        """;

    /// <summary>
    /// The instrument shows its latest verification, as on the manual path: the file's latest row per instrument
    /// wins unless the instrument already has a later one on record.
    /// </summary>
    public const string UpdateInstrumentDueDates = $"""
        UPDATE "Instruments" SET "LastVerifiedOn" = l.date, "NextDueDate" = l.next_due, "MustNotBeUsed" = (l.result = 'Fail'), "UpdatedAt" = @now
        FROM (SELECT instrument_id, date, next_due, result,
                     row_number() OVER (PARTITION BY instrument_id ORDER BY date DESC, row_no DESC) AS n
              FROM {Table} WHERE ok AND NOT unchanged) l
        WHERE l.n = 1 AND "Instruments"."Id" = l.instrument_id
          AND ("Instruments"."LastVerifiedOn" IS NULL OR "Instruments"."LastVerifiedOn" <= l.date);
        """;

    public const string CountInserted = $"SELECT COUNT(*) FROM {Table} WHERE ok AND NOT unchanged";

    public const string InsertAudit = """
        INSERT INTO "AuditEntries" ("At", "UserId", "UserEmail", "ProvinceId", "EntityType", "EntityId", "Action", "Before", "After")
        VALUES (@now, @user, @email, @province, 'ImportJob', @entity, @action, NULL, @after);
        """;
}
