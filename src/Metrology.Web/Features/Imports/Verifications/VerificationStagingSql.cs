namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// The set-based part of a verification import, as SQL both engines run (PostgreSQL, and SQLite 3.33+ which
/// has UPDATE ... FROM and window functions). The staging table holds the rows that passed the per-row
/// checks; these statements add the checks that need other rows or the database, then merge in a handful
/// of statements instead of a million round trips. The staging table is only ever appended to and, for rows
/// that drop out, deleted from: updating its rows would rewrite every row and its indexes once more.
/// </summary>
internal static class VerificationStagingSql
{
    public const string Table = "import_verification_staging";
    public const string Errors = "import_verification_errors";
    public const string Unchanged = "import_verification_unchanged";

    /// <summary>The columns the loader writes, in order.</summary>
    public static readonly string[] LoadedColumns =
    [
        "row_no", "body_id", "owner_id", "owner_tax", "type_code", "manufacturer", "model", "serial", "search_text",
        "kind", "date", "result", "stamp", "cert_no", "next_due", "cycle_months", "override_reason", "verifier", "signer", "token",
    ];

    public static string CreateStaging(bool postgres)
    {
        var date = postgres ? "date" : "TEXT";
        // PostgreSQL drops temp tables at commit or rollback; SQLite keeps them on the pooled connection, so the
        // handler drops them itself.
        var onCommit = postgres ? " ON COMMIT DROP" : string.Empty;
        return $"""
            CREATE TEMP TABLE {Table} (
                row_no integer PRIMARY KEY, body_id integer NOT NULL, owner_id integer NOT NULL, owner_tax text NOT NULL,
                type_code text NOT NULL, manufacturer text NOT NULL, model text, serial text NOT NULL, search_text text NOT NULL,
                kind text NOT NULL, date {date} NOT NULL, result text NOT NULL, stamp text, cert_no text, next_due {date},
                cycle_months integer, override_reason text, verifier text NOT NULL, signer text, token text){onCommit};
            CREATE TEMP TABLE {Errors} (row_no integer NOT NULL, col text NOT NULL, value text, code text NOT NULL, arg integer){onCommit};
            CREATE TEMP TABLE {Unchanged} (row_no integer PRIMARY KEY){onCommit};
            """;
    }

    public const string DropStaging = $"DROP TABLE IF EXISTS {Table}; DROP TABLE IF EXISTS {Errors}; DROP TABLE IF EXISTS {Unchanged};";

    /// <summary>Indexes for the joins to come, built once after the load (cheaper than maintaining them row by row).</summary>
    public const string IndexStaging = $"""
        CREATE INDEX {Table}_instrument ON {Table} (type_code, manufacturer, serial);
        CREATE INDEX {Table}_stamp ON {Table} (body_id, stamp);
        """;

    /// <summary>The instrument a staging row names, by the natural key (province, type, manufacturer, serial).</summary>
    private const string SameInstrument = $"""
        i."ProvinceId" = @province AND i."TypeCode" = s.type_code AND i."Manufacturer" = s.manufacturer AND i."SerialNumber" = s.serial
        """;

    /// <summary>
    /// A row whose verification (same body, instrument and date) is on record is "unchanged": that is what makes
    /// importing a file twice change nothing. Its certificate and stamp are then its own, not duplicates.
    /// </summary>
    public const string FindUnchanged = $"""
        INSERT INTO {Unchanged} (row_no)
        SELECT s.row_no FROM {Table} s JOIN "Instruments" i ON {SameInstrument}
        WHERE EXISTS (SELECT 1 FROM "Verifications" v WHERE v."InstrumentId" = i."Id" AND v."BodyId" = s.body_id AND v."Date" = s.date);
        """;

    /// <summary>
    /// Each check returns (row, column, value, problem, argument); "arg" is the earlier row a duplicate repeats.
    /// The problem codes are <see cref="VerificationImportProblem"/> names.
    /// </summary>
    public const string FindErrors = $"""
        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT s.row_no, 'ownerTaxCode', s.owner_tax, 'OwnerMismatch', NULL FROM {Table} s JOIN "Instruments" i ON {SameInstrument}
        WHERE i."OwnerId" <> s.owner_id AND s.row_no NOT IN (SELECT row_no FROM {Unchanged});

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT row_no, 'ownerTaxCode', owner_tax, 'OwnerMismatchInFile', first_row FROM (
            SELECT row_no, owner_tax, owner_id, first_value(owner_id) OVER w AS first_owner, first_value(row_no) OVER w AS first_row
            FROM {Table} s WHERE NOT EXISTS (SELECT 1 FROM "Instruments" i WHERE {SameInstrument})
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
        WHERE s.cert_no IS NOT NULL AND s.row_no NOT IN (SELECT row_no FROM {Unchanged})
          AND EXISTS (SELECT 1 FROM "Certificates" c WHERE c."BodyId" = s.body_id AND c."Number" = s.cert_no);

        INSERT INTO {Errors} (row_no, col, value, code, arg)
        SELECT s.row_no, 'stampSerial', s.stamp, 'StampTaken', NULL FROM {Table} s
        WHERE s.stamp IS NOT NULL AND s.row_no NOT IN (SELECT row_no FROM {Unchanged})
          AND EXISTS (SELECT 1 FROM "Verifications" v WHERE v."BodyId" = s.body_id AND v."StampSerial" = s.stamp);
        """;

    public const string ReadErrors = $"SELECT row_no, col, value, code, arg FROM {Errors} ORDER BY row_no, col";

    public const string CountErrorRows = $"SELECT COUNT(DISTINCT row_no) FROM {Errors}";

    /// <summary>Unchanged rows that have no error (an unchanged row can still repeat a number inside the file).</summary>
    public const string CountUnchanged = $"SELECT COUNT(*) FROM {Unchanged} WHERE row_no NOT IN (SELECT row_no FROM {Errors})";

    /// <summary>What is left in the staging table after this is exactly what gets written.</summary>
    public const string DropRowsNotWritten = $"""
        DELETE FROM {Table} WHERE row_no IN (SELECT row_no FROM {Errors}) OR row_no IN (SELECT row_no FROM {Unchanged});
        """;

    public const string CountStaged = $"SELECT COUNT(*) FROM {Table}";

    /// <summary>
    /// One new instrument per natural key: owner and model from the first row that names it, due fields from
    /// its latest row (the instrument shows its latest verification, as on the manual path).
    /// </summary>
    public const string InsertInstruments = $"""
        INSERT INTO "Instruments" ("ProvinceId", "OwnerId", "TypeCode", "Manufacturer", "Model", "SerialNumber", "Status",
            "MustNotBeUsed", "LastVerifiedOn", "NextDueDate", "SearchText", "ImportJobId", "CreatedAt", "UpdatedAt")
        SELECT @province, owner_id, type_code, manufacturer, model, serial, 'InService',
            (last_result = 'Fail'), last_date, last_due, search_text, @job, @now, @now
        FROM (SELECT owner_id, type_code, manufacturer, model, serial, search_text,
                     row_number() OVER first_row AS n,
                     first_value(date) OVER latest AS last_date, first_value(next_due) OVER latest AS last_due,
                     first_value(result) OVER latest AS last_result
              FROM {Table} s WHERE NOT EXISTS (SELECT 1 FROM "Instruments" i WHERE {SameInstrument})
              WINDOW first_row AS (PARTITION BY type_code, manufacturer, serial ORDER BY row_no),
                     latest AS (PARTITION BY type_code, manufacturer, serial ORDER BY date DESC, row_no DESC)) x
        WHERE n = 1;
        """;

    private const string VerificationColumns = """
        "ProvinceId", "InstrumentId", "OwnerId", "BodyId", "Kind", "Date", "Result", "StampSerial",
        "VerifierName", "TypeCode", "CycleMonths", "NextDueDate", "DueDateOverrideReason", "StandardOutOfCalibration",
        "ImportJobId", "CreatedAt", "CreatedByUserId"
        """;

    private const string VerificationValues = $"""
        SELECT @province, i."Id", s.owner_id, s.body_id, s.kind, s.date, s.result, s.stamp,
            s.verifier, s.type_code, s.cycle_months, s.next_due, s.override_reason, FALSE, @job, @now, @user
        FROM {Table} s JOIN "Instruments" i ON {SameInstrument}
        ORDER BY s.row_no
        """;

    private const string CertificateColumns = """
        "ProvinceId", "BodyId", "InstrumentId", "OwnerId", "VerificationId", "Number", "PublicToken",
        "IssuedOn", "ValidUntil", "SignerName", "ImportJobId", "CreatedAt"
        """;

    /// <summary>SQLite: the verifications, then their certificates found again by (body, stamp), unique per body.</summary>
    public const string InsertVerifications = $"INSERT INTO \"Verifications\" ({VerificationColumns}) {VerificationValues};";

    public const string InsertCertificates = $"""
        INSERT INTO "Certificates" ({CertificateColumns})
        SELECT @province, s.body_id, v."InstrumentId", v."OwnerId", v."Id", s.cert_no, s.token, s.date, s.next_due, s.signer, @job, @now
        FROM {Table} s JOIN "Verifications" v ON v."BodyId" = s.body_id AND v."StampSerial" = s.stamp
        WHERE s.cert_no IS NOT NULL
        ORDER BY s.row_no;
        """;

    /// <summary>
    /// PostgreSQL: one statement; the certificates join the verifications RETURNING gives back (in memory)
    /// instead of looking each one up again in the table's index.
    /// </summary>
    public const string InsertVerificationsAndCertificates = $"""
        WITH v AS (
            INSERT INTO "Verifications" ({VerificationColumns}) {VerificationValues}
            RETURNING "Id", "BodyId", "InstrumentId", "OwnerId", "StampSerial")
        INSERT INTO "Certificates" ({CertificateColumns})
        SELECT @province, v."BodyId", v."InstrumentId", v."OwnerId", v."Id", s.cert_no, s.token, s.date, s.next_due, s.signer, @job, @now
        FROM v JOIN {Table} s ON s.body_id = v."BodyId" AND s.stamp = v."StampSerial"
        WHERE s.cert_no IS NOT NULL;
        """;

    /// <summary>
    /// Instruments that were there before: the file's latest row per instrument wins unless the instrument
    /// already has a later verification on record (instruments the import created got theirs at insert).
    /// </summary>
    public const string UpdateInstrumentDueDates = $"""
        UPDATE "Instruments" SET "LastVerifiedOn" = l.date, "NextDueDate" = l.next_due, "MustNotBeUsed" = (l.result = 'Fail'), "UpdatedAt" = @now
        FROM (SELECT type_code, manufacturer, serial, date, next_due, result,
                     row_number() OVER (PARTITION BY type_code, manufacturer, serial ORDER BY date DESC, row_no DESC) AS n
              FROM {Table}) l
        WHERE l.n = 1 AND "Instruments"."ProvinceId" = @province AND "Instruments"."TypeCode" = l.type_code
          AND "Instruments"."Manufacturer" = l.manufacturer AND "Instruments"."SerialNumber" = l.serial
          AND ("Instruments"."ImportJobId" IS NULL OR "Instruments"."ImportJobId" <> @job)
          AND ("Instruments"."LastVerifiedOn" IS NULL OR "Instruments"."LastVerifiedOn" <= l.date);
        """;

    public const string InsertAudit = """
        INSERT INTO "AuditEntries" ("At", "UserId", "UserEmail", "ProvinceId", "EntityType", "EntityId", "Action", "Before", "After")
        VALUES (@now, @user, @email, @province, 'ImportJob', @entity, @action, NULL, @after);
        """;
}
