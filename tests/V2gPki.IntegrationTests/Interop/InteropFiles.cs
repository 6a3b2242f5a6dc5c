// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Pki.Identifiers;

namespace V2gPki.IntegrationTests.Interop;

/// <summary>
/// What the interop tests do around a client run, with openssl as the independent judge: identifiers inside the demo
/// accounts' prefixes, keys and CSRs, and reading and verifying the certificates a client wrote.
/// </summary>
internal static class InteropFiles
{
    /// <summary>An EVSE ID inside the demo CPO's prefix <c>DE*ABC</c> (docs/iso15118.md §1), with separators.</summary>
    public static string EvseId() => "DE*ABC*E" + Digits(8);

    /// <summary>
    /// An eMI3 EMAID inside the demo MO's prefix <c>DE-ABC</c> with its check digit (docs/iso15118.md §2.1), in the
    /// separated form <c>DE-ABC-C12345678-X</c>.
    /// </summary>
    public static string Emaid()
    {
        var instance = "C" + Digits(8);
        return "DE-ABC-" + instance + "-" + EmaidCheckDigit.Compute("DEABC" + instance);
    }

    /// <summary>The CN the certificate carries for an identifier: no separators, upper case (docs/iso15118.md §2.3).</summary>
    public static string Normalized(string id) => id.Replace("*", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>An openssl-made P-256 key and PEM CSR with C, O and the identifier as CN, as a station's back end makes them.</summary>
    /// <returns>The CSR's path.</returns>
    public static string MakeCsr(string directory, string commonName)
    {
        var key = Path.Combine(directory, "leaf.key");
        var csr = Path.Combine(directory, "leaf.csr");
        Tool.OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key);
        Tool.OpenSsl("req", "-new", "-key", key, "-subj", "/C=DE/O=V2gPki Demo/CN=" + commonName, "-out", csr);
        return csr;
    }

    /// <summary>The certificates of a base64 (or PEM-less DER) certs-only PKCS#7 file, as openssl prints them.</summary>
    public static string PrintPkcs7(string base64File)
    {
        var der = base64File + ".der";
        File.WriteAllBytes(der, Convert.FromBase64String(File.ReadAllText(base64File)));
        return Tool.OpenSsl("pkcs7", "-inform", "DER", "-in", der, "-print_certs").StdOut;
    }

    /// <summary>The subject lines (<c>subject=…</c>) of openssl's printout, in order.</summary>
    public static string[] Subjects(string printout) =>
        printout.Split('\n').Where(l => l.StartsWith("subject=", StringComparison.Ordinal)).ToArray();

    /// <summary>The PEM blocks of a printout or PEM file, in order.</summary>
    public static string[] PemBlocks(string text)
    {
        const string End = "-----END CERTIFICATE-----";
        var blocks = new List<string>();
        var start = text.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf(End, start, StringComparison.Ordinal) + End.Length;
            blocks.Add(text[start..end] + "\n");
            start = text.IndexOf("-----BEGIN CERTIFICATE-----", end, StringComparison.Ordinal);
        }

        return [.. blocks];
    }

    /// <summary>
    /// Verifies <paramref name="leafPem"/> with openssl (<c>-x509_strict</c>) up to the last certificate of
    /// <paramref name="caCertsPem"/> as the only trust anchor and the others as the chain, and checks that this anchor
    /// is the demo's own root (<paramref name="rootPem"/>).
    /// </summary>
    /// <returns>openssl's verdict line.</returns>
    public static string VerifyWithCaCerts(string directory, string leafPem, string[] caCertsPem, string rootPem)
    {
        Assert.True(caCertsPem.Length >= 2, "cacerts should hold the Sub-CAs and the root");
        var anchor = Path.Combine(directory, "anchor.pem");
        var chain = Path.Combine(directory, "chain.pem");
        File.WriteAllText(anchor, caCertsPem[^1]);
        File.WriteAllText(chain, string.Concat(caCertsPem[..^1]));
        Assert.Equal(Der(File.ReadAllText(rootPem)), Der(caCertsPem[^1]));

        var verify = Tool.OpenSsl("verify", "-x509_strict", "-CAfile", anchor, "-untrusted", chain, leafPem);
        Assert.Contains(leafPem + ": OK", verify.StdOut, StringComparison.Ordinal);
        return verify.StdOut;
    }

    private static byte[] Der(string pem) => Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));

    private static string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
