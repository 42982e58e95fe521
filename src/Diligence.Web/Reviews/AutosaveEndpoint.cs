using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Antiforgery;

namespace Diligence.Web.Reviews;

/// <summary>
/// POST /reviews/{id}/answers/{item}: autosave of one answer from the step page's script. The same fields as the
/// form post, the same validation and concurrency; the reply tells the page what became visible or required.
/// POST /portal/answers/{item} does the same for the signed-in vendor's library.
/// </summary>
public static class AutosaveEndpoint
{
    public static WebApplication MapAutosave(this WebApplication app)
    {
        app.MapPost("/reviews/{reviewId:guid}/answers/{itemId}", SaveAsync).RequireAuthorization(Policies.Reviewer);
        app.MapPost("/portal/answers/{itemId}", SaveLibraryAsync).RequireAuthorization(Policies.Vendor);
        return app;
    }

    private static async Task<IResult> SaveLibraryAsync(
        string itemId, HttpContext http, LibraryWorkspace workspace, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await RefuseAsync(http, antiforgery) is { } refusal)
        {
            return refusal;
        }
        var form = await http.Request.ReadFormAsync(ct);
        var state = http.User.VendorId() is { } vendorId ? await workspace.LoadAsync(vendorId, ct) : null;
        if (state is null)
        {
            return Results.Problem(title: "There is no answer library for this account.", statusCode: StatusCodes.Status404NotFound);
        }
        var definition = state.Questionnaire.Definition;
        if (definition.FindItem(itemId) is not AnswerableItem item || !definition.AnswerableItems.Contains(item)
            || !item.Audience.HasFlag(Audience.Vendor))
        {
            return Results.Problem(title: "This question is not asked of vendors.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!state.Evaluation.IsVisible(item.Id))
        {
            return Hidden();
        }
        var expected = int.TryParse(form[FieldNames.Version(item.Id)], out var version) ? version : 0;
        var (outcome, next) = await workspace.SaveAsync(state, item, name => form[name], expected, http.User.UserId(), ct);
        return Reply(outcome, next, item, Audience.Vendor);
    }

    private static async Task<IResult?> RefuseAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(title: "The form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(title: "Send the answer as a form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        return null;
    }

    private static IResult Hidden() =>
        Results.Json(new { title = "Not saved", errors = new[] { "This question is hidden by other answers, so it was not saved." } },
            statusCode: StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> SaveAsync(
        Guid reviewId, string itemId, HttpContext http, ReviewWorkspace workspace, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await RefuseAsync(http, antiforgery) is { } refusal)
        {
            return refusal;
        }
        var form = await http.Request.ReadFormAsync(ct);
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null)
        {
            return Results.Problem(title: "There is no such review.", statusCode: StatusCodes.Status404NotFound);
        }
        var definition = state.Questionnaire.Definition;
        if (definition.FindItem(itemId) is not AnswerableItem item || !definition.AnswerableItems.Contains(item))
        {
            return Results.Problem(title: "This question is not part of the review's questionnaire.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!state.Evaluation.IsVisible(item.Id))
        {
            return Hidden();
        }
        var expected = int.TryParse(form[FieldNames.Version(item.Id)], out var version) ? version : 0;
        var (outcome, next) = await workspace.SaveAsync(state, item, name => form[name], expected, http.User.UserId(), ct);
        return Reply(outcome, next, item, Audience.Reviewer);
    }

    private static IResult Reply(ItemSaveOutcome outcome, IAnswerSet next, AnswerableItem item, Audience audience) =>
        outcome switch
        {
            ItemSaveOutcome.Saved saved => Results.Ok(new
            {
                version = saved.Version,
                unchanged = !saved.Changed,
                visibility = Visibility(next, item),
                required = Required(next, item),
                asks = ItemsOfStep(next, item).ToDictionary(i => i.Id, i => StepView.AskOf(next, i), StringComparer.Ordinal),
                findings = ItemsOfStep(next, item).ToDictionary(i => i.Id, i => StepView.FindingsOf(next, i, audience)
                    .Select(f => new { severity = f.Severity.ToString().ToLowerInvariant(), label = f.Severity.ToString(), text = f.Text }),
                    StringComparer.Ordinal),
                steps = next.Questionnaire.Definition.Steps.ToDictionary(s => s.Id, s => Count(next, s, audience)),
                // The page head's "N/M required" is the whole review's, which only reviewers' pages show.
                progress = audience.HasFlag(Audience.Reviewer)
                    ? new { answered = next.Evaluation.Overall.Answered, required = next.Evaluation.Overall.Required, percent = next.Evaluation.Overall.Percent }
                    : null,
            }),
            ItemSaveOutcome.Invalid invalid => Results.Json(new { title = "Not saved", errors = invalid.Errors },
                statusCode: StatusCodes.Status422UnprocessableEntity),
            ItemSaveOutcome.Conflict conflict => Results.Json(new
            {
                message = $"{conflict.Author} changed this answer while you were editing it. Yours is still in the field.",
                otherValue = conflict.CurrentText,
                author = conflict.Author,
                version = conflict.CurrentVersion,
            }, statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem(title: "This review is decided and read-only.", statusCode: StatusCodes.Status403Forbidden),
        };

    private static Dictionary<string, bool> Visibility(IAnswerSet state, Item item)
    {
        var step = state.Questionnaire.Definition.FindStepOf(item.Id);
        var map = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var inner in step is null ? [] : Flatten(step.Items))
        {
            map[inner.Id] = state.Evaluation.IsVisible(inner.Id);
        }
        return map;
    }

    private static Dictionary<string, bool> Required(IAnswerSet state, Item item) =>
        ItemsOfStep(state, item).ToDictionary(i => i.Id, i => state.Evaluation.IsRequired(i.Id), StringComparer.Ordinal);

    private static IEnumerable<AnswerableItem> ItemsOfStep(IAnswerSet state, Item item) =>
        state.Questionnaire.Definition.FindStepOf(item.Id) is { } step ? StepView.AnswerableItemsOf(step.Items) : [];

    private static string Count(IAnswerSet state, Step step, Audience audience)
    {
        var progress = StepView.ProgressOf(state, step, audience);
        return new StepLink(step.Id, step.Title, 0, progress.Answered, progress.Required, false).Count;
    }

    private static IEnumerable<Item> Flatten(IEnumerable<Item> items)
    {
        foreach (var item in items)
        {
            yield return item;
            if (item is Group group)
            {
                foreach (var inner in Flatten(group.Items))
                {
                    yield return inner;
                }
            }
        }
    }
}
