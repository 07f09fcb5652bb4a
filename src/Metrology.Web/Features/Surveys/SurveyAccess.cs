using Metrology.Core.Accounts;

namespace Metrology.Web.Features.Surveys;

/// <summary>Who may do what with surveys (design/domain.md, Roles: "programme records, surveys, MAP").</summary>
public static class SurveyAccess
{
    /// <summary>Build questionnaires, run campaigns, enter paper answers: the province's officer (national roles read).</summary>
    public static readonly string[] Writers = [Roles.ProvinceOfficer];

    /// <summary>See questionnaires, campaigns and results (national roles everywhere, the others in their province).</summary>
    public static readonly string[] Readers = [Roles.SystemAdmin, Roles.MinistryOfficer, Roles.ProvinceAdmin, Roles.ProvinceOfficer, Roles.Inspector];

    /// <summary>Answer the surveys their organisation is asked to answer.</summary>
    public static readonly string[] Respondents = [Roles.LabOperator, Roles.EnterpriseUser];
}
