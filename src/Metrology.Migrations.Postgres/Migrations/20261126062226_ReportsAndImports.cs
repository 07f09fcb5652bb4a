using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metrology.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportsAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "Verifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "Organizations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "Instruments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "InspectionTargets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "InspectionPlans",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportJobId",
                table: "Certificates",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReportingUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApprovedSnapshotJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Header_Addressee = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Header_IssuerAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_IssuerUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Header_Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Header_Recipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Header_ReportDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Header_RequestLetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Header_RequestLetterIssuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Header_RequestLetterNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Header_SignerCapacity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SigningAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_Symbol = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    StoredFilePath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    InsertedRows = table.Column<int>(type: "integer", nullable: false),
                    UnchangedRows = table.Column<int>(type: "integer", nullable: false),
                    ErrorRows = table.Column<int>(type: "integer", nullable: false),
                    ErrorFilePath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FailureMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    Indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDeadlines",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDeadlines", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ReportHeaderDefaults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Header_Addressee = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Header_IssuerAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_IssuerUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Header_Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Header_Recipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Header_ReportDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Header_RequestLetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Header_RequestLetterIssuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Header_RequestLetterNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Header_SignerCapacity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_SigningAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Header_Symbol = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportHeaderDefaults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSections_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MessageVi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MessageEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRowErrors_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_ImportJobId",
                table: "Verifications",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ImportJobId",
                table: "Organizations",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ImportJobId",
                table: "Instruments",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_ImportJobId",
                table: "InspectionTargets",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_ImportJobId",
                table: "InspectionPlans",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ImportJobId",
                table: "Certificates",
                column: "ImportJobId",
                filter: "\"ImportJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_ProvinceId_Year_ReportingUnit",
                table: "AnnualReports",
                columns: new[] { "ProvinceId", "Year", "ReportingUnit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_Status",
                table: "AnnualReports",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_OneActivePerFile",
                table: "ImportJobs",
                columns: new[] { "ProvinceId", "Kind", "FileHash" },
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_ProvinceId_CreatedAt",
                table: "ImportJobs",
                columns: new[] { "ProvinceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_JobId_Row",
                table: "ImportRowErrors",
                columns: new[] { "JobId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_ProvinceId_Indicator_TargetYear",
                table: "IndicatorTargets",
                columns: new[] { "ProvinceId", "Indicator", "TargetYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportHeaderDefaults_ProvinceId",
                table: "ReportHeaderDefaults",
                column: "ProvinceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSections_ReportId_Key",
                table: "ReportSections",
                columns: new[] { "ReportId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRowErrors");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "ReportDeadlines");

            migrationBuilder.DropTable(
                name: "ReportHeaderDefaults");

            migrationBuilder.DropTable(
                name: "ReportSections");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropIndex(
                name: "IX_Verifications_ImportJobId",
                table: "Verifications");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_ImportJobId",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Instruments_ImportJobId",
                table: "Instruments");

            migrationBuilder.DropIndex(
                name: "IX_InspectionTargets_ImportJobId",
                table: "InspectionTargets");

            migrationBuilder.DropIndex(
                name: "IX_InspectionPlans_ImportJobId",
                table: "InspectionPlans");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ImportJobId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "Verifications");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "InspectionTargets");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "InspectionPlans");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "Certificates");
        }
    }
}
