namespace Diligence.Web.Hosting;

/// <summary>Start-up cannot go on; the message says what to fix and is all the operator sees.</summary>
public sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
