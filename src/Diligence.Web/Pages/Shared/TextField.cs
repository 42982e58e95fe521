namespace Diligence.Web.Pages.Shared;

/// <summary>A labelled input with its help and error text tied to it by aria-describedby.</summary>
public sealed record TextField(
    string Name,
    string Label,
    string? Value,
    IReadOnlyDictionary<string, string> Errors,
    string InputType = "text",
    string? AutoComplete = null,
    string? Help = null)
{
    public string? Error => Errors.TryGetValue(Name, out var message) ? message : null;

    public string Id => IdFor(Name);

    /// <summary>The element id of the input for field <paramref name="name"/>, for the error summary's links too.</summary>
    public static string IdFor(string name) => "f-" + name.ToLowerInvariant();

    public string? DescribedBy =>
        string.Join(' ', new[] { Help is null ? null : Id + "-help", Error is null ? null : Id + "-error" }
            .Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
