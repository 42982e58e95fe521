namespace Diligence.Web.Reviews;

/// <summary>A required question still unanswered, with the step to answer it on.</summary>
public sealed record MissingAnswer(string Prompt, string StepId, string StepTitle);
