using Metrology.Core.Accounts;
using Shouldly;

namespace Metrology.UnitTests.Accounts;

public class RolesTests
{
    [Theory]
    [InlineData(Roles.SystemAdmin, true)]
    [InlineData(Roles.MinistryOfficer, true)]
    [InlineData(Roles.ProvinceAdmin, false)]
    [InlineData(Roles.EnterpriseUser, false)]
    public void Only_system_admins_and_ministry_officers_see_every_province(string role, bool national) =>
        Roles.IsNational(role).ShouldBe(national);

    [Theory]
    [InlineData(Roles.LabOperator, true)]
    [InlineData(Roles.EnterpriseUser, true)]
    [InlineData(Roles.Inspector, false)]
    [InlineData(Roles.ProvinceOfficer, false)]
    public void Lab_operators_and_enterprise_users_act_for_one_organisation(string role, bool needsOrganization) =>
        Roles.NeedsOrganization(role).ShouldBe(needsOrganization);

    [Theory]
    [InlineData("provinceofficer", Roles.ProvinceOfficer)]
    [InlineData(" LabOperator ", Roles.LabOperator)]
    [InlineData("Admin", null)]
    [InlineData(null, null)]
    public void Role_names_are_matched_without_case(string? input, string? expected) => Roles.Canonical(input).ShouldBe(expected);
}
