namespace Diligence.Web.Reviews;

/// <summary>One entry of the step navigation: the step and how much of it is done.</summary>
public sealed record StepLink(string Id, string Title, int Number, int Answered, int Required, bool Current)
{
    public bool Done => Answered >= Required;

    public string Count => Required == 0 ? "—" : $"{Answered}/{Required}";
}
