namespace Diligence.Core.Evaluation;

internal delegate bool CompiledCondition(EvaluationState state);
