// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
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
        string dir = Directory.CreateTempSubdirectory("v2gpki-openssl-").FullName;
        try
        {
            string key = Path.Combine(dir, "key.der");
            string message = Path.Combine(dir, "data.bin");
            string sig = Path.Combine(dir, "sig.bin");
            File.WriteAllBytes(key, subjectPublicKeyInfo.ToArray());
            File.WriteAllBytes(message, data.ToArray());
            File.WriteAllBytes(sig, signature.ToArray());
            string[] arguments = algorithm == HsmSignatureAlgorithm.Ed448
                ? ["pkeyutl", "-verify", "-pubin", "-inkey", key, "-keyform", "DER", "-rawin", "-in", message, "-sigfile", sig]
                : ["dgst", "-" + Hash(algorithm).Name!.ToLowerInvariant(), "-verify", key, "-keyform", "DER", "-signature", sig, message];
            return Run("openssl", arguments);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, int timeoutMilliseconds = 60_000)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeoutMilliseconds} ms.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
