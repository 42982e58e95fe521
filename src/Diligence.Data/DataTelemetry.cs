using System.Data.Common;
using System.Diagnostics;

namespace Diligence.Data;

/// <summary>
/// Traces of database work: one span per unit of work, from opening a connection (or beginning a write) to disposing it,
/// named after the store and method that opened it ("SqliteAnswerStore.SaveAsync"). Microsoft.Data.Sqlite emits no
/// diagnostics of its own, and one span per store call is the grain people read a trace at.
/// </summary>
public static class DataTelemetry
{
    public const string Name = "Diligence.Data";

    private static readonly ActivitySource _source = new(Name);

    /// <summary>Starts the span for <paramref name="connection"/> when anyone listens; it ends when the connection is disposed.</summary>
    internal static void Trace(DbConnection connection, string system, string callerFile, string callerMethod)
    {
        if (Start(system, connection.Database, callerFile, callerMethod) is { } activity)
        {
            connection.Disposed += (_, _) => activity.Dispose();
        }
    }

    /// <summary>Starts a span the caller ends, when anyone listens; for work on a connection that outlives it.</summary>
    internal static Activity? Start(string system, string database, string callerFile, string callerMethod)
    {
        if (!_source.HasListeners())
        {
            return null;
        }
        var activity = _source.StartActivity($"{Path.GetFileNameWithoutExtension(callerFile)}.{callerMethod}", ActivityKind.Client);
        activity?.SetTag("db.system", system);
        activity?.SetTag("db.name", database);
        return activity;
    }
}
