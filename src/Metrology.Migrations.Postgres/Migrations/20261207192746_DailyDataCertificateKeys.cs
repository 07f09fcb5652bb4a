using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrology.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DailyDataCertificateKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateNumberPattern",
                table: "Organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Tolerance",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Nominal",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10);

            migrationBuilder.AlterColumn<decimal>(
                name: "Indication",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10);

            migrationBuilder.AlterColumn<decimal>(
                name: "ExpandedUncertainty",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10);

            migrationBuilder.AlterColumn<decimal>(
                name: "Error",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10);

            migrationBuilder.AlterColumn<decimal>(
                name: "CoverageFactor",
                table: "CalibrationPoints",
                type: "numeric",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(28,10)",
                oldPrecision: 28,
                oldScale: 10);

            migrationBuilder.AddColumn<string>(
                name: "StampKey",
                table: "Verifications",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true,
                computedColumnSql: "lower(replace(replace(replace(replace(replace(replace(replace(\"StampSerial\", 'Đ', 'd'), 'đ', 'd'), '-', ''), '/', ''), ' ', ''), '.', ''), '_', ''))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "Certificates",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                computedColumnSql: "lower(replace(replace(replace(replace(replace(replace(replace(\"Number\", 'Đ', 'd'), 'đ', 'd'), '-', ''), '/', ''), ' ', ''), '.', ''), '_', ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_StampKey",
                table: "Verifications",
                column: "StampKey");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_NumberKey",
                table: "Certificates",
                column: "NumberKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Verifications_StampKey",
                table: "Verifications");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_NumberKey",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StampKey",
                table: "Verifications");

            migrationBuilder.DropColumn(
                name: "NumberKey",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "CertificateNumberPattern",
                table: "Organizations");

            migrationBuilder.AlterColumn<decimal>(
                name: "Tolerance",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Nominal",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric");

            migrationBuilder.AlterColumn<decimal>(
                name: "Indication",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric");

            migrationBuilder.AlterColumn<decimal>(
                name: "ExpandedUncertainty",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric");

            migrationBuilder.AlterColumn<decimal>(
                name: "Error",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric");

            migrationBuilder.AlterColumn<decimal>(
                name: "CoverageFactor",
                table: "CalibrationPoints",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric");
        }
    }
}
