using Diligence.Web.Reviews;

namespace Diligence.Web.Hosting;

public static class ReviewsSetup
{
    /// <summary>Questionnaires, the review workspace and its autosave endpoint.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionnaireOptions>().BindConfiguration(QuestionnaireOptions.Section);
        builder.Services.AddSingleton<QuestionnaireCatalog>();
        builder.Services.AddSingleton<Diligence.Reports.MarkdownRenderer>();
        builder.Services.AddScoped<ReviewWorkspace>();
        builder.Services.AddScoped<ReviewImport>();
        builder.Services.AddScoped<DashboardQuery>();
        builder.Services.AddScoped<VendorDirectory>();
        builder.Services.AddScoped<NewReviewService>();
        builder.Services.AddScoped<ReviewLifecycleService>();
        builder.Services.AddScoped<LibraryUpdates>();
        builder.Services.AddScoped<FindingsService>();
        builder.Services.AddScoped<AnswerHistoryQuery>();
        return builder;
    }
}
