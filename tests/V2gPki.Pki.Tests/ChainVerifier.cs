// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Hierarchy;

namespace V2gPki.Pki.Tests;

/// <summary>Independent verification of a chain with `openssl verify -x509_strict` and GnuTLS `certtool --verify-chain`.</summary>
internal static class ChainVerifier
{
    /// <summary>Verifies <paramref name="chain"/> (leaf first, root last) with openssl against the root as the only trust anchor.</summary>
    public static void OpenSsl(string directory, IReadOnlyList<ReadOnlyMemory<byte>> chain, bool partialChain = false)
    {
        var leaf = Write(directory, "leaf", chain.Take(1));
        var anchor = Write(directory, "anchor", partialChain ? chain.Skip(1).Take(1) : chain.Skip(chain.Count - 1));
        var args = new List<string> { "verify", "-x509_strict", "-CAfile", anchor };
        if (partialChain)
        {
            args.Add("-partial_chain");
        }
        else if (chain.Count > 2)
        {
            args.Add("-untrusted");
            args.Add(Write(directory, "untrusted", chain.Skip(1).Take(chain.Count - 2)));
        }

        args.Add(leaf);
        (var exit, var output) = Tool.Run("openssl", [.. args]);
        Assert.True(exit == 0 && output.Contains(": OK", StringComparison.Ordinal), $"openssl verify: {output}");
    }

    /// <summary>Verifies <paramref name="chain"/> (leaf first, self-signed root last) with GnuTLS certtool.</summary>
    public static void CertTool(string directory, IReadOnlyList<ReadOnlyMemory<byte>> chain)
    {
        var file = Write(directory, "chain", chain);
        (var exit, var output) = Tool.Run("certtool", "--verify-chain", "--infile", file);
        Assert.True(exit == 0 && output.Contains("Chain verification output: Verified.", StringComparison.Ordinal), $"certtool --verify-chain: {output}");
    }

    public static string Write(string directory, string name, IEnumerable<ReadOnlyMemory<byte>> certificates)
    {
        var path = Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, string.Concat(certificates.Select(c => Pem.Encode(Pem.CertificateLabel, c.Span))));
        return path;
    }
}
