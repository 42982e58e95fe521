namespace Diligence.Core.Answers;

/// <summary>The questionnaire an answers file is for; a part missing from the file reads as an empty string.</summary>
public sealed record AnswersHeader(string QuestionnaireId, string QuestionnaireVersion);
