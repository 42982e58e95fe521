using System.Reflection;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>An implementation of any interface whose every call throws, to force an unhandled exception in a request.</summary>
public class FailingService : DispatchProxy
{
    public const string Message = "Forced failure: secret internal detail 7f3a";

    public static T Of<T>() where T : class => Create<T, FailingService>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException(Message);
}
