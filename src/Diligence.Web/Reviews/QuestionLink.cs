namespace Diligence.Web.Reviews;

/// <summary>A question's prompt and the address of the question on its step page.</summary>
public sealed record QuestionLink(string Prompt, string Href);
