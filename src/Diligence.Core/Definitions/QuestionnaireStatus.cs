namespace Diligence.Core.Definitions;

public enum QuestionnaireStatus
{
    Draft,
    Published,
}
