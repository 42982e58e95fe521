namespace Diligence.Data.SqlServer;

/// <summary>Turns the error number of a failed SQL Server connection into one sentence saying which setting to check.</summary>
public static class SqlServerConnectionFailure
{
    // Login failed, for an unknown user or a wrong password (the server does not tell which), or a locked/expired login.
    private static readonly HashSet<int> LoginRefused = [18456, 18452, 18486, 18487, 18488];

    // Cannot open database requested by the login.
    private const int DatabaseUnavailable = 4060;

    // Timeouts and socket errors as SqlClient reports them; severity 20 and above is a broken connection.
    private static readonly HashSet<int> Unreachable = [-2, -1, 0, 2, 53, 121, 258, 1231, 10053, 10054, 10060, 10061, 11001];

    private const byte ConnectionSeverity = 20;

    /// <param name="number">SqlException.Number.</param>
    /// <param name="severity">SqlException.Class.</param>
    /// <param name="detail">The driver's message, used only for errors that are none of the known kinds.</param>
    /// <param name="settingKey">The configuration key holding the connection string, named in every message.</param>
    public static string Describe(int number, byte severity, string server, string database, string detail, string settingKey)
    {
        if (LoginRefused.Contains(number))
        {
            return $"SQL Server '{server}' refused the login: check the user and password in {settingKey}.";
        }
        if (number == DatabaseUnavailable)
        {
            return $"Database '{database}' does not exist on SQL Server '{server}' or the login may not open it: "
                + $"create it and grant the login access, or correct {settingKey}.";
        }
        if (Unreachable.Contains(number) || severity >= ConnectionSeverity)
        {
            return $"Cannot reach SQL Server '{server}': check the server and port in {settingKey}, the firewall, and that SQL Server is running.";
        }
        return $"SQL Server '{server}' refused the start-up work (error {number}): {detail.ReplaceLineEndings(" ")} Check {settingKey}.";
    }
}
