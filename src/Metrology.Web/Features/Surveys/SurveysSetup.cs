namespace Metrology.Web.Features.Surveys;

public static class SurveysSetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services) =>
        services
            .AddScoped<QuestionnaireService>()
            .AddScoped<SurveyCampaignService>()
            .AddScoped<SurveyResponseService>()
            .AddScoped<SurveyResultsService>();
}
