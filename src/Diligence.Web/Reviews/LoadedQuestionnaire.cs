using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Web.Reviews;

/// <summary>A published questionnaire version with its evaluator, built once and shared by every review on it.</summary>
public sealed record LoadedQuestionnaire(Questionnaire Definition, QuestionnaireEvaluator Evaluator);
