using System.Data.Common;
using System.Diagnostics;

namespace Diligence.Data;

/// <summary>
/// Traces of database work: one span per unit of work, from opening a connection to disposing it, named after the
/// store and method that opened it ("SqliteAnswerStore.SaveAsync"). Microsoft.Data.Sqlite emits no diagnostics of its
/// own, and one span per store call is the grain people read a trace at.
/// </summary>
public static class DataTelemetry
{
    public const string Name = "Diligence.Data";

    private static readonly ActivitySource _source = new(Name);

    /// <summary>Starts the span for <paramref name="connection"/> when anyone listens; it ends when the connection is disposed.</summary>
    internal static void Trace(DbConnection connection, string system, string callerFile, string callerMethod)
    {
        if (!_source.HasListeners())
        {
            return;
        }
        var activity = _source.StartActivity($"{Path.GetFileNameWithoutExtension(callerFile)}.{callerMethod}", ActivityKind.Client);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("db.system", system);
        activity.SetTag("db.name", connection.Database);
        connection.Disposed += (_, _) => activity.Dispose();
    }
}
