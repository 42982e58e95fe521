namespace Diligence.Core.Definitions;

public enum ConditionOperator
{
    Eq,
    Ne,
    Lt,
    Gt,
    AnyOf,
    AllOf,
    NoneOf,
    Contains,
    Empty,
    NotEmpty,
}
