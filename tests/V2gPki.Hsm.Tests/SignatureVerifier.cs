// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Hsm.Tests;

/// <summary>Independent verification of HSM signatures: .NET's ECDsa (OpenSSL underneath) and the openssl command.</summary>
internal static class SignatureVerifier
{
    public static HashAlgorithmName Hash(HsmSignatureAlgorithm algorithm) => algorithm switch
    {
        HsmSignatureAlgorithm.EcdsaSha256 => HashAlgorithmName.SHA256,
        HsmSignatureAlgorithm.EcdsaSha384 => HashAlgorithmName.SHA384,
        HsmSignatureAlgorithm.EcdsaSha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Verifies a DER ECDSA signature over <paramref name="data"/> with .NET.</summary>
    public static bool VerifyEcdsa(ReadOnlySpan<byte> subjectPublicKeyInfo, HsmSignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return ecdsa.VerifyData(data, signature, Hash(algorithm), DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>
    /// Verifies with the openssl command: <c>openssl dgst -verify</c> for ECDSA, <c>openssl pkeyutl -verify -rawin</c>
    /// for Ed448. Returns openssl's exit code and output.
    /// </summary>
    public static (int ExitCode, string Output) VerifyWithOpenSsl(ReadOnlySpan<byte> subjectPublicKeyInfo, HsmSignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var dir = Directory.CreateTempSubdirectory("v2gpki-openssl-").FullName;
        try
        {
            var key = Path.Combine(dir, "key.der");
            var message = Path.Combine(dir, "data.bin");
            var sig = Path.Combine(dir, "sig.bin");
            File.WriteAllBytes(key, subjectPublicKeyInfo.ToArray());
            File.WriteAllBytes(message, data.ToArray());
            File.WriteAllBytes(sig, signature.ToArray());
            string[] arguments = algorithm == HsmSignatureAlgorithm.Ed448
                ? ["pkeyutl", "-verify", "-pubin", "-inkey", key, "-keyform", "DER", "-rawin", "-in", message, "-sigfile", sig]
                : ["dgst", "-" + Hash(algorithm).Name!.ToLowerInvariant(), "-verify", key, "-keyform", "DER", "-signature", sig, message];
            (var exit, var output) = Tool.Run("openssl", arguments);
            return (exit, output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
