using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

/// <summary>The password policy: a configurable minimum length, and no password made of a few repeated characters.</summary>
public sealed class PasswordPolicyTests
{
    [TestCase(null, "Use at least 12 characters.")]
    [TestCase("short", "Use at least 12 characters.")]
    [TestCase("abababababababab", "Use a less repetitive password.")]
    [TestCase(TestApp.Password, null)]
    public void The_default_policy(string? password, string? message)
    {
        using var app = new TestApp();

        Assert.That(app.Get<PasswordPolicy>().Check(password), Is.EqualTo(message));
    }

    [Test]
    public void The_minimum_length_is_configurable()
    {
        using var app = new TestApp(new Dictionary<string, string> { ["Accounts:MinimumPasswordLength"] = "30" });

        Assert.That(app.Get<PasswordPolicy>().Check(TestApp.Password), Is.EqualTo("Use at least 30 characters."));
    }
}
