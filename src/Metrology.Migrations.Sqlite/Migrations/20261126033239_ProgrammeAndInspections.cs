using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrology.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeAndInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPlans_Organizations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Participants = table.Column<int>(type: "INTEGER", nullable: true),
                    EnterprisesReachedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachActivities_Organizations_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questionnaires_Questionnaires_PreviousVersionId",
                        column: x => x.PreviousVersionId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualPlans_DirectiveDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DirectiveDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvestmentProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InvestorId = table.Column<int>(type: "INTEGER", nullable: true),
                    PolicyDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    FeasibilityDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    TotalBudget = table.Column<long>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestmentProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestmentProjects_DirectiveDocuments_FeasibilityDocumentId",
                        column: x => x.FeasibilityDocumentId,
                        principalTable: "DirectiveDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvestmentProjects_DirectiveDocuments_PolicyDocumentId",
                        column: x => x.PolicyDocumentId,
                        principalTable: "DirectiveDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvestmentProjects_Organizations_InvestorId",
                        column: x => x.InvestorId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScienceTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    HostOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovalDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScienceTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScienceTasks_DirectiveDocuments_ApprovalDocumentId",
                        column: x => x.ApprovalDocumentId,
                        principalTable: "DirectiveDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScienceTasks_Organizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedIntoTargetId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_InspectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InspectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_InspectionTargets_MergedIntoTargetId",
                        column: x => x.MergedIntoTargetId,
                        principalTable: "InspectionTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEnterprises",
                columns: table => new
                {
                    OutreachId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEnterprises", x => new { x.OutreachId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_OutreachEnterprises_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachEnterprises_OutreachActivities_OutreachId",
                        column: x => x.OutreachId,
                        principalTable: "OutreachActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    QuestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyCampaigns_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    QuestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MinValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    MaxValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTasks_AnnualPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "AnnualPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanTasks_DirectiveDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "DirectiveDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Disbursements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    OverBudgetReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disbursements_InvestmentProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "InvestmentProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectComponents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectComponents_InvestmentProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "InvestmentProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_InspectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InspectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_InspectionTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "InspectionTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_Organizations_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OverlapResolutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstTargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondTargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResolvedByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverlapResolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OverlapResolutions_InspectionTargets_FirstTargetId",
                        column: x => x.FirstTargetId,
                        principalTable: "InspectionTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OverlapResolutions_InspectionTargets_SecondTargetId",
                        column: x => x.SecondTargetId,
                        principalTable: "InspectionTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScienceTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    SelectedFromCampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceProgrammes_Organizations_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssuranceProgrammes_ScienceTasks_ScienceTaskId",
                        column: x => x.ScienceTaskId,
                        principalTable: "ScienceTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssuranceProgrammes_SurveyCampaigns_SelectedFromCampaignId",
                        column: x => x.SelectedFromCampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnteredOnPaper = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyTargets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyTargets_SurveyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTaskNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTaskNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTaskNotes_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Equipment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    ComponentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HolderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ForInspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Equipment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Equipment_InvestmentProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "InvestmentProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Equipment_Organizations_HolderId",
                        column: x => x.HolderId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Equipment_ProjectComponents_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "ProjectComponents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectedInstruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectedInstruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectedInstruments_InspectionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectedInstruments_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFollowUps_InspectionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionViolations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SanctionAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    SanctionDecision = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionViolations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionViolations_InspectionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvidenceNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceSteps_AssuranceProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AssuranceProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ValueNumber = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionEquipmentUses",
                columns: table => new
                {
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    EquipmentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionEquipmentUses", x => new { x.RecordId, x.EquipmentId });
                    table.ForeignKey(
                        name: "FK_InspectionEquipmentUses_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionEquipmentUses_InspectionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualPlans_DocumentId",
                table: "AnnualPlans",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualPlans_ProvinceId_Year",
                table: "AnnualPlans",
                columns: new[] { "ProvinceId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceProgrammes_EnterpriseId",
                table: "AssuranceProgrammes",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceProgrammes_ProvinceId_StartedOn",
                table: "AssuranceProgrammes",
                columns: new[] { "ProvinceId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceProgrammes_ScienceTaskId",
                table: "AssuranceProgrammes",
                column: "ScienceTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceProgrammes_SelectedFromCampaignId",
                table: "AssuranceProgrammes",
                column: "SelectedFromCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceSteps_ProgrammeId",
                table: "AssuranceSteps",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Sha256",
                table: "Attachments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Target_TargetId",
                table: "Attachments",
                columns: new[] { "Target", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveDocuments_ProvinceId_IssuedOn",
                table: "DirectiveDocuments",
                columns: new[] { "ProvinceId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveDocuments_ProvinceId_Number_IssuedOn",
                table: "DirectiveDocuments",
                columns: new[] { "ProvinceId", "Number", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disbursements_ProjectId_Year",
                table: "Disbursements",
                columns: new[] { "ProjectId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_ComponentId",
                table: "Equipment",
                column: "ComponentId");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_HolderId",
                table: "Equipment",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_ProjectId",
                table: "Equipment",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_ProvinceId_DeliveredOn",
                table: "Equipment",
                columns: new[] { "ProvinceId", "DeliveredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectedInstruments_InstrumentId",
                table: "InspectedInstruments",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectedInstruments_RecordId_InstrumentId",
                table: "InspectedInstruments",
                columns: new[] { "RecordId", "InstrumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionEquipmentUses_EquipmentId",
                table: "InspectionEquipmentUses",
                column: "EquipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFollowUps_RecordId",
                table: "InspectionFollowUps",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_AgencyId_Year",
                table: "InspectionPlans",
                columns: new[] { "AgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_ProvinceId_Year",
                table: "InspectionPlans",
                columns: new[] { "ProvinceId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_AgencyId",
                table: "InspectionRecords",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_OrganizationId_StartedOn",
                table: "InspectionRecords",
                columns: new[] { "OrganizationId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_PlanId",
                table: "InspectionRecords",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_ProvinceId_StartedOn",
                table: "InspectionRecords",
                columns: new[] { "ProvinceId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_TargetId",
                table: "InspectionRecords",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_MergedIntoTargetId",
                table: "InspectionTargets",
                column: "MergedIntoTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_OrganizationId",
                table: "InspectionTargets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_PlanId_OrganizationId",
                table: "InspectionTargets",
                columns: new[] { "PlanId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_ProvinceId_OrganizationId",
                table: "InspectionTargets",
                columns: new[] { "ProvinceId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionViolations_RecordId",
                table: "InspectionViolations",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_FeasibilityDocumentId",
                table: "InvestmentProjects",
                column: "FeasibilityDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_InvestorId",
                table: "InvestmentProjects",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_PolicyDocumentId",
                table: "InvestmentProjects",
                column: "PolicyDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentProjects_ProvinceId",
                table: "InvestmentProjects",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_OutletId",
                table: "OutreachActivities",
                column: "OutletId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_ProvinceId_HeldOn",
                table: "OutreachActivities",
                columns: new[] { "ProvinceId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEnterprises_OrganizationId",
                table: "OutreachEnterprises",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OverlapResolutions_FirstTargetId_SecondTargetId_Kind",
                table: "OverlapResolutions",
                columns: new[] { "FirstTargetId", "SecondTargetId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OverlapResolutions_SecondTargetId",
                table: "OverlapResolutions",
                column: "SecondTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTaskNotes_TaskId",
                table: "PlanTaskNotes",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_PlanId",
                table: "PlanTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_ProvinceId_Deadline",
                table: "PlanTasks",
                columns: new[] { "ProvinceId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_SourceDocumentId",
                table: "PlanTasks",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectComponents_ProjectId",
                table: "ProjectComponents",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_PreviousVersionId",
                table: "Questionnaires",
                column: "PreviousVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_ProvinceId",
                table: "Questionnaires",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScienceTasks_ApprovalDocumentId",
                table: "ScienceTasks",
                column: "ApprovalDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScienceTasks_HostOrganizationId",
                table: "ScienceTasks",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScienceTasks_ProvinceId_StartOn",
                table: "ScienceTasks",
                columns: new[] { "ProvinceId", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId",
                table: "SurveyAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId_QuestionId",
                table: "SurveyAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaigns_ProvinceId_Year",
                table: "SurveyCampaigns",
                columns: new[] { "ProvinceId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaigns_QuestionnaireId",
                table: "SurveyCampaigns",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_QuestionnaireId_Position",
                table: "SurveyQuestions",
                columns: new[] { "QuestionnaireId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CampaignId_OrganizationId",
                table: "SurveyResponses",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_OrganizationId",
                table: "SurveyResponses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTargets_CampaignId_OrganizationId",
                table: "SurveyTargets",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTargets_OrganizationId",
                table: "SurveyTargets",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssuranceSteps");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "Disbursements");

            migrationBuilder.DropTable(
                name: "InspectedInstruments");

            migrationBuilder.DropTable(
                name: "InspectionEquipmentUses");

            migrationBuilder.DropTable(
                name: "InspectionFollowUps");

            migrationBuilder.DropTable(
                name: "InspectionViolations");

            migrationBuilder.DropTable(
                name: "OutreachEnterprises");

            migrationBuilder.DropTable(
                name: "OverlapResolutions");

            migrationBuilder.DropTable(
                name: "PlanTaskNotes");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyTargets");

            migrationBuilder.DropTable(
                name: "AssuranceProgrammes");

            migrationBuilder.DropTable(
                name: "Equipment");

            migrationBuilder.DropTable(
                name: "InspectionRecords");

            migrationBuilder.DropTable(
                name: "OutreachActivities");

            migrationBuilder.DropTable(
                name: "PlanTasks");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "ScienceTasks");

            migrationBuilder.DropTable(
                name: "ProjectComponents");

            migrationBuilder.DropTable(
                name: "InspectionTargets");

            migrationBuilder.DropTable(
                name: "AnnualPlans");

            migrationBuilder.DropTable(
                name: "SurveyCampaigns");

            migrationBuilder.DropTable(
                name: "InvestmentProjects");

            migrationBuilder.DropTable(
                name: "InspectionPlans");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "DirectiveDocuments");
        }
    }
}
