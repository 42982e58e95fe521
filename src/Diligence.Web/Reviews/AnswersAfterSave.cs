using Diligence.Core.Answers;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>
/// The answers after a save that changed one: as stored, and as Core reads them (the sheet before it with that one
/// answer replaced, so the other answers are not read again).
/// </summary>
public sealed record AnswersAfterSave(IReadOnlyDictionary<string, StoredAnswer> Stored, AnswerSheet Sheet);
