namespace Diligence.Web.Pages.Shared;

/// <summary>One problem in an error summary: its message, linking to the element of the field it is about (none for the whole form).</summary>
public sealed record ErrorLink(string? FieldId, string Message);

/// <summary>
/// The problems of a form that failed validation, shown at the top of the page (GOV.UK's error summary) with a link to
/// each field; <paramref name="Description"/> says what happened to the input, when that needs saying.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorLink> Errors, string? Description = null)
{
    /// <summary>
    /// Errors keyed by field name, as <see cref="TextField"/> shows them (element id <c>f-{name}</c>). A problem of no
    /// field on the form (the empty key, or a name outside <paramref name="fields"/> when given) is listed without a link.
    /// </summary>
    public static ErrorSummary ForFields(
        IReadOnlyDictionary<string, string> errors, string? description = null, IReadOnlyCollection<string>? fields = null) =>
        new(errors
            .Select(e => new ErrorLink(
                e.Key.Length > 0 && (fields is null || fields.Contains(e.Key)) ? TextField.IdFor(e.Key) : null, e.Value))
            .ToList(), description);
}
