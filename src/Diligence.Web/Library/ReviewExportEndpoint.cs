using System.Text;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Interchange;
using Diligence.Web.Reviews;

namespace Diligence.Web.Library;

/// <summary>GET /reviews/{id}/export?format=yaml|xlsx: a review's answers as an answers file or workbook, for staff.</summary>
public static class ReviewExportEndpoint
{
    public static WebApplication MapReviewExport(this WebApplication app)
    {
        app.MapGet("/reviews/{reviewId:guid}/export", async (Guid reviewId, string? format, ReviewWorkspace workspace, CancellationToken ct) =>
        {
            if (await workspace.LoadAsync(reviewId, ct) is not { } state)
            {
                return Results.NotFound();
            }
            var definition = state.Questionnaire.Definition;
            var sheet = state.Sheet;
            var name = $"review-{reviewId:N}.answers";
            return format == "xlsx"
                ? Results.File(WorkbookExporter.Export(sheet, definition, Audience.Both), LibraryFiles.WorkbookContentType, name + ".xlsx")
                : Results.File(Encoding.UTF8.GetBytes(AnswersWriter.Write(sheet, definition)), LibraryFiles.YamlContentType, name + ".yaml");
        }).RequireAuthorization(Policies.Staff);
        return app;
    }
}
