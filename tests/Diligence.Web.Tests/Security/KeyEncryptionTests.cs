using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Diligence.Web.Tests.Security;

/// <summary>The data-protection keys in the database, encrypted at rest with a configured certificate.</summary>
public sealed class KeyEncryptionTests
{
    private const string CertificatePassword = "pfx-password-91c2";

    private string _folder = null!;
    private string _certificate = null!;

    [OneTimeSetUp]
    public void CreateCertificate()
    {
        _folder = Path.Combine(Path.GetTempPath(), "diligence-tests", "cert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _certificate = Path.Combine(_folder, "keys.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Diligence key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    [OneTimeTearDown]
    public void DeleteCertificate() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void With_a_certificate_the_stored_keys_are_encrypted_and_still_read_back_after_a_restart()
    {
        using var app = new TestApp(new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = _certificate,
            ["DataProtection:CertificatePassword"] = CertificatePassword,
        });
        var cookie = app.Get<IDataProtectionProvider>().CreateProtector("session").Protect("signed in");

        var stored = app.Get<IDataProtectionKeyStore>().ListXml();
        app.Restart();
        var read = app.Get<IDataProtectionProvider>().CreateProtector("session").Unprotect(cookie);

        Assert.That(stored, Is.Not.Empty);
        Assert.That(stored, Is.All.Contain("<EncryptedData").And.All.Not.Contain("<masterKey"));
        Assert.That(read, Is.EqualTo("signed in"));
    }

    [Test]
    public void Without_a_certificate_the_keys_are_stored_as_plain_xml()
    {
        using var app = new TestApp();
        app.Get<IDataProtectionProvider>().CreateProtector("session").Protect("signed in");

        Assert.That(app.Get<IDataProtectionKeyStore>().ListXml(), Is.All.Contain("<masterKey").And.All.Not.Contain("<EncryptedData"));
    }

    [Test]
    public void A_wrong_password_stops_start_up_naming_the_key_but_not_the_password()
    {
        using var app = new TestApp(new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = _certificate,
            ["DataProtection:CertificatePassword"] = "not-the-password-5b7e",
        });

        var failure = Assert.Catch(() => app.Get<IDataProtectionProvider>());

        Assert.That(failure!.ToString(), Does.Contain($"DataProtection:CertificatePath: the certificate '{_certificate}' could not be opened")
            .And.Not.Contain("not-the-password-5b7e"));
        Assert.That(app.Logs.All, Does.Not.Contain("not-the-password-5b7e"));
    }
}
