using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metrology.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Designations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Designations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Designations_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Manufacturer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PatternApprovalNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AccuracyClass = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MeasuringRange = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MustNotBeUsed = table.Column<bool>(type: "boolean", nullable: false),
                    LastVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instruments_Organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Quantity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MeasuringRange = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AccuracyOrUncertainty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Traceability = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CalibrationDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(900)", maxLength: 900, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurementStandards_Organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignationScopes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DesignationId = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Initial = table.Column<bool>(type: "boolean", nullable: false),
                    Periodic = table.Column<bool>(type: "boolean", nullable: false),
                    AfterRepair = table.Column<bool>(type: "boolean", nullable: false),
                    Reference = table.Column<bool>(type: "boolean", nullable: false),
                    MeasuringRange = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignationScopes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignationScopes_Designations_DesignationId",
                        column: x => x.DesignationId,
                        principalTable: "Designations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Calibrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CalibratedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecisionRule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Overall = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calibrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calibrations_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calibrations_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceVerificationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MeterKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: true),
                    MeterSerial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MeterDescription = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RequesterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BuyerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SellerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SellerId = table.Column<int>(type: "integer", nullable: true),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemovedAndSealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ConclusionSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceVerificationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferenceVerificationCases_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferenceVerificationCases_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferenceVerificationCases_Organizations_SellerId",
                        column: x => x.SellerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RemindersSent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemindersSent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemindersSent_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Verifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StampSerial = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    VerifierName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CycleMonths = table.Column<int>(type: "integer", nullable: true),
                    NextDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDateOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StandardOutOfCalibration = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Verifications_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Verifications_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StandardCalibrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CalibratedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardCalibrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandardCalibrations_MeasurementStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "MeasurementStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationPoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalibrationId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Nominal = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    Indication = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    Error = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    ExpandedUncertainty = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    CoverageFactor = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    Tolerance = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: true),
                    Conformity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationPoints_Calibrations_CalibrationId",
                        column: x => x.CalibrationId,
                        principalTable: "Calibrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    VerificationId = table.Column<long>(type: "bigint", nullable: true),
                    CalibrationId = table.Column<long>(type: "bigint", nullable: true),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PublicToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RevokedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReplacedById = table.Column<long>(type: "bigint", nullable: true),
                    ReplacesId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Calibrations_CalibrationId",
                        column: x => x.CalibrationId,
                        principalTable: "Calibrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Certificates_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Certificates_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Verifications_VerificationId",
                        column: x => x.VerificationId,
                        principalTable: "Verifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VerificationStandardUses",
                columns: table => new
                {
                    VerificationId = table.Column<long>(type: "bigint", nullable: false),
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    WasInCalibration = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationStandardUses", x => new { x.VerificationId, x.StandardId });
                    table.ForeignKey(
                        name: "FK_VerificationStandardUses_MeasurementStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "MeasurementStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VerificationStandardUses_Verifications_VerificationId",
                        column: x => x.VerificationId,
                        principalTable: "Verifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationPoints_CalibrationId",
                table: "CalibrationPoints",
                column: "CalibrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Calibrations_BodyId_Date",
                table: "Calibrations",
                columns: new[] { "BodyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Calibrations_InstrumentId_Date",
                table: "Calibrations",
                columns: new[] { "InstrumentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_BodyId_Number",
                table: "Certificates",
                columns: new[] { "BodyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CalibrationId",
                table: "Certificates",
                column: "CalibrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_InstrumentId",
                table: "Certificates",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProvinceId_IssuedOn",
                table: "Certificates",
                columns: new[] { "ProvinceId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PublicToken",
                table: "Certificates",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ReplacedById",
                table: "Certificates",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ReplacesId",
                table: "Certificates",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationId",
                table: "Certificates",
                column: "VerificationId");

            migrationBuilder.CreateIndex(
                name: "IX_Designations_BodyId_DecisionNumber",
                table: "Designations",
                columns: new[] { "BodyId", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Designations_ProvinceId_ValidUntil",
                table: "Designations",
                columns: new[] { "ProvinceId", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignationScopes_DesignationId",
                table: "DesignationScopes",
                column: "DesignationId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_OwnerId_NextDueDate_Id",
                table: "Instruments",
                columns: new[] { "OwnerId", "NextDueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ProvinceId_NextDueDate_Id",
                table: "Instruments",
                columns: new[] { "ProvinceId", "NextDueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ProvinceId_TypeCode_Id",
                table: "Instruments",
                columns: new[] { "ProvinceId", "TypeCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ProvinceId_TypeCode_Manufacturer_SerialNumber",
                table: "Instruments",
                columns: new[] { "ProvinceId", "TypeCode", "Manufacturer", "SerialNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementStandards_OwnerId_CalibrationDueDate",
                table: "MeasurementStandards",
                columns: new[] { "OwnerId", "CalibrationDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementStandards_ProvinceId_Name",
                table: "MeasurementStandards",
                columns: new[] { "ProvinceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceVerificationCases_BodyId",
                table: "ReferenceVerificationCases",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceVerificationCases_InstrumentId",
                table: "ReferenceVerificationCases",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceVerificationCases_ProvinceId_CaseNumber",
                table: "ReferenceVerificationCases",
                columns: new[] { "ProvinceId", "CaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceVerificationCases_ProvinceId_RequestedOn",
                table: "ReferenceVerificationCases",
                columns: new[] { "ProvinceId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceVerificationCases_SellerId",
                table: "ReferenceVerificationCases",
                column: "SellerId");

            migrationBuilder.CreateIndex(
                name: "IX_RemindersSent_InstrumentId_DueDate_Kind",
                table: "RemindersSent",
                columns: new[] { "InstrumentId", "DueDate", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandardCalibrations_StandardId_Date",
                table: "StandardCalibrations",
                columns: new[] { "StandardId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_BodyId_Date",
                table: "Verifications",
                columns: new[] { "BodyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_BodyId_StampSerial",
                table: "Verifications",
                columns: new[] { "BodyId", "StampSerial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_InstrumentId_Date",
                table: "Verifications",
                columns: new[] { "InstrumentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_ProvinceId_Date",
                table: "Verifications",
                columns: new[] { "ProvinceId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_StampSerial",
                table: "Verifications",
                column: "StampSerial");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationStandardUses_StandardId",
                table: "VerificationStandardUses",
                column: "StandardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalibrationPoints");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "DesignationScopes");

            migrationBuilder.DropTable(
                name: "ReferenceVerificationCases");

            migrationBuilder.DropTable(
                name: "RemindersSent");

            migrationBuilder.DropTable(
                name: "StandardCalibrations");

            migrationBuilder.DropTable(
                name: "VerificationStandardUses");

            migrationBuilder.DropTable(
                name: "Calibrations");

            migrationBuilder.DropTable(
                name: "Designations");

            migrationBuilder.DropTable(
                name: "MeasurementStandards");

            migrationBuilder.DropTable(
                name: "Verifications");

            migrationBuilder.DropTable(
                name: "Instruments");
        }
    }
}
