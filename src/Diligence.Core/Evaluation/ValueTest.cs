using Diligence.Core.Answers;

namespace Diligence.Core.Evaluation;

/// <summary>A leaf's test on one answered (non-empty) value.</summary>
internal delegate bool ValueTest(AnswerValue value, DateOnly today);
