namespace Diligence.Data;

/// <summary>The audit key is missing, unreadable or not the one the log was signed with; the message says which and where.</summary>
public sealed class AuditKeyException(string message, Exception? innerException = null) : Exception(message, innerException);
