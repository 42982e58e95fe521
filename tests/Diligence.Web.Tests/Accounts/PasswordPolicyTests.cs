using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

/// <summary>
/// The password policy: a configurable minimum length, no password made of a few repeated characters, none of the
/// 100,000 commonest, and none made from the account's own e-mail address or name.
/// </summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "jane.doe@example.com";
    private const string Name = "Jane Doe";

    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase(null, "Use at least 12 characters.")]
    [TestCase("short", "Use at least 12 characters.")]
    [TestCase("abababababababab", PasswordPolicy.Repetitive)]
    [TestCase("password1234", PasswordPolicy.Common)]
    [TestCase("PASSWORD1234", PasswordPolicy.Common)]
    [TestCase("qwertyuiop123", PasswordPolicy.Common)]
    [TestCase("iloveyou1234", PasswordPolicy.Common)]
    [TestCase("my jane.doe@example.com key", PasswordPolicy.Personal)]
    [TestCase("Jane.Doe-was-here-2026", PasswordPolicy.Personal)]
    [TestCase("sunrise over DOE valley", PasswordPolicy.Personal)]
    [TestCase(TestApp.Password, null)]
    [TestCase("violet kettle 48 harbour", null)]
    public void The_default_policy(string? password, string? message) =>
        Assert.That(_app.Get<PasswordPolicy>().Check(password, Email, Name), Is.EqualTo(message));

    [Test]
    public void The_common_password_list_holds_a_hundred_thousand_entries() =>
        Assert.That(_app.Get<CommonPasswords>().Count, Is.EqualTo(100_000));

    [Test]
    public void The_minimum_length_is_configurable()
    {
        using var app = new TestApp(new Dictionary<string, string> { ["Accounts:MinimumPasswordLength"] = "30" });

        Assert.That(app.Get<PasswordPolicy>().Check(TestApp.Password, Email, Name), Is.EqualTo("Use at least 30 characters."));
    }
}
