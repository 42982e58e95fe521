namespace Diligence.Core.Definitions;

public enum ItemType
{
    YesNoNa,
    SingleChoice,
    MultiChoice,
    Text,
    Markdown,
    Number,
    Date,
    Url,
    Matrix,
    Repeat,
    Evidence,
    Display,
    Group,
}
