using Diligence.Data.SqlServer;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>
/// The one start-up line an operator sees for each way a SQL Server connection fails. The unreachable case is also run
/// end to end by the web host's start-up tests; a wrong password and a missing database need a server, so their
/// SqlClient error numbers are given here.
/// </summary>
public sealed class SqlServerConnectionFailureTests
{
    private const string Key = "ConnectionStrings:Diligence";

    [TestCase(18456)]
    [TestCase(18488)]
    public void A_refused_login_names_the_user_and_password_setting(int number) =>
        Assert.That(SqlServerConnectionFailure.Describe(number, 14, "db.example,1433", "Diligence", "Login failed for user 'app'.", Key),
            Is.EqualTo("SQL Server 'db.example,1433' refused the login: check the user and password in ConnectionStrings:Diligence."));

    [Test]
    public void A_missing_database_says_to_create_it() =>
        Assert.That(SqlServerConnectionFailure.Describe(4060, 11, "db.example", "Diligence", "Cannot open database \"Diligence\".", Key),
            Is.EqualTo("Database 'Diligence' does not exist on SQL Server 'db.example' or the login may not open it: "
                + "create it and grant the login access, or correct ConnectionStrings:Diligence."));

    [TestCase(-2, (byte)11)]
    [TestCase(10061, (byte)20)]
    [TestCase(35, (byte)20)]
    public void A_server_that_does_not_answer_is_unreachable(int number, byte severity) =>
        Assert.That(SqlServerConnectionFailure.Describe(number, severity, "db.example", "Diligence", "A network-related error", Key),
            Is.EqualTo("Cannot reach SQL Server 'db.example': check the server and port in ConnectionStrings:Diligence, the firewall, "
                + "and that SQL Server is running."));

    [Test]
    public void Any_other_error_keeps_the_servers_words_on_one_line() =>
        Assert.That(SqlServerConnectionFailure.Describe(262, 14, "db.example", "Diligence", "CREATE TABLE permission denied\nin database 'Diligence'.", Key),
            Is.EqualTo("SQL Server 'db.example' refused the start-up work (error 262): CREATE TABLE permission denied in database 'Diligence'. "
                + "Check ConnectionStrings:Diligence."));
}
