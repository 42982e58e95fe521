using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Diligence.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Diligence.Web.Hosting;

public static class DataProtectionSetup
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>
    /// Keys that sign cookies and antiforgery tokens live in the database, so a restart does not sign everyone out. With
    /// <c>DataProtection:CertificatePath</c> (a PFX file, its password in <c>DataProtection:CertificatePassword</c>) they
    /// are encrypted with that certificate before they are stored; without it they are stored as plain XML, and the
    /// database must be protected like a secret.
    /// </summary>
    public static WebApplicationBuilder AddKeyStorage(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Diligence");
        if (builder.Configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            protection.ProtectKeysWithCertificate(LoadCertificate(path, builder.Configuration[CertificatePasswordKey]));
        }
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IDataProtectionKeyStore, TimeProvider>((options, keys, clock) =>
                options.XmlRepository = new DatabaseXmlRepository(keys, clock));
        return builder;
    }

    // The message names the keys and the file, never the password.
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{CertificatePathKey}: the certificate '{path}' could not be opened with {CertificatePasswordKey}: {exception.Message}", exception);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate '{path}' has no private key, so stored keys could not be read back.");
        }
        return certificate;
    }
}
