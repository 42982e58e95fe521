using Diligence.Web.Accounts;

namespace Diligence.Web.Tests.Accounts;

public sealed class BrowserNameTests
{
    [TestCase("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [TestCase("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [TestCase("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS")]
    [TestCase("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [TestCase("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [TestCase("curl/8.11.0", "Unknown browser")]
    [TestCase("", "Unknown browser")]
    public void A_user_agent_is_named_as_a_person_knows_their_device(string userAgent, string expected) =>
        Assert.That(BrowserName.Of(userAgent), Is.EqualTo(expected));
}
