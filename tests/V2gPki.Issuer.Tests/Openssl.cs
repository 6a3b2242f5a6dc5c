// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// Runs <c>openssl ocsp -respin</c> as the independent verifier (docs/architecture.md §4 invariant 4).
/// </summary>
internal static class Openssl
{
    /// <summary>Verifies a DER OCSPResponse and returns openssl's stdout + stderr and exit code.</summary>
    public static (int ExitCode, string Output) VerifyResponse(byte[] response, byte[] signerDer, byte[] issuerDer, byte[]? certificateDer, byte[]? serial, string hash = "-sha1")
    {
        var dir = Path.Combine(Path.GetTempPath(), "v2gpki-openssl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "resp.der"), response);
            File.WriteAllText(Path.Combine(dir, "signer.pem"), Pem(signerDer));
            File.WriteAllText(Path.Combine(dir, "issuer.pem"), Pem(issuerDer));
            var args = new List<string> { "ocsp", "-respin", "resp.der", "-VAfile", "signer.pem", "-issuer", "issuer.pem", hash, "-no_nonce" };
            if (certificateDer is not null)
            {
                File.WriteAllText(Path.Combine(dir, "cert.pem"), Pem(certificateDer));
                args.Add("-cert");
                args.Add("cert.pem");
            }

            if (serial is not null)
            {
                args.Add("-serial");
                args.Add("0x" + Convert.ToHexString(serial));
            }

            var result = Tool.RunIn(dir, "openssl", [.. args]);
            return (result.ExitCode, result.All);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static string Pem(byte[] der) => "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
}
