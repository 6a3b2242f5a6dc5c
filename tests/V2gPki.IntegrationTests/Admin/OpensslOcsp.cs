// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>
/// Runs <c>openssl ocsp -respin</c> as the independent verifier (docs/architecture.md §4 invariant 4).
/// </summary>
internal static class OpensslOcsp
{
    /// <summary>Verifies a DER OCSPResponse for a serial of an issuer; returns openssl's exit code and output.</summary>
    public static (int ExitCode, string Output) Verify(byte[] response, byte[] signerDer, byte[] issuerDer, byte[] serial, string hash = "-sha1")
    {
        var dir = Path.Combine(Path.GetTempPath(), "v2gpki-admin-openssl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "resp.der"), response);
            File.WriteAllText(Path.Combine(dir, "signer.pem"), Pem(signerDer));
            File.WriteAllText(Path.Combine(dir, "issuer.pem"), Pem(issuerDer));
            var (exitCode, output) = Tool.RunIn(dir, "openssl", "ocsp", "-respin", "resp.der", "-VAfile", "signer.pem", "-issuer", "issuer.pem", hash, "-no_nonce",
                "-serial", "0x" + Convert.ToHexString(serial));
            return (exitCode, output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static string Pem(byte[] der) => "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
}
