using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrology.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StampKey",
                table: "Verifications",
                type: "TEXT",
                maxLength: 60,
                nullable: true,
                computedColumnSql: "lower(replace(replace(replace(replace(replace(replace(replace(\"StampSerial\", 'Đ', 'd'), 'đ', 'd'), '-', ''), '/', ''), ' ', ''), '.', ''), '_', ''))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "Certificates",
                type: "TEXT",
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
        }
    }
}
