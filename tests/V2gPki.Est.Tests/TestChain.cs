// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2gPki.Est.Tests;

/// <summary>A V2G-shaped chain made with .NET (software P-256 keys): root → Sub-CA 1 → Sub-CA 2 → SECC leaf.</summary>
internal sealed class TestChain
{
    private TestChain(byte[] root, byte[] sub1, byte[] sub2, byte[] leaf)
    {
        Root = root;
        Sub1 = sub1;
        Sub2 = sub2;
        Leaf = leaf;
    }

    /// <summary>One chain for every test (making keys is the slow part).</summary>
    public static TestChain Shared { get; } = Create();

    public byte[] Root { get; }

    public byte[] Sub1 { get; }

    public byte[] Sub2 { get; }

    public byte[] Leaf { get; }

    /// <summary>The subject CN of each certificate, by its DER.</summary>
    public static string CommonName(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    private static TestChain Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var sub1Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var sub2Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var root = Ca("CN=V2G Root CA, O=Example, C=DE", rootKey, 2).CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        using var sub1 = Issue(Ca("CN=CPO Sub-CA 1, O=Example, C=DE", sub1Key, 1), root, now, 1);
        using var sub1WithKey = sub1.CopyWithPrivateKey(sub1Key);
        using var sub2 = Issue(Ca("CN=CPO Sub-CA 2, O=Example, C=DE", sub2Key, 0), sub1WithKey, now, 2);
        using var sub2WithKey = sub2.CopyWithPrivateKey(sub2Key);
        var leafRequest = new CertificateRequest("CN=DEABCE1234567, O=Example CPO, C=DE", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        using var leaf = Issue(leafRequest, sub2WithKey, now, 3);
        return new TestChain(root.RawData, sub1.RawData, sub2.RawData, leaf.RawData);
    }

    private static CertificateRequest Ca(string subject, ECDsa key, int pathLength)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    private static X509Certificate2 Issue(CertificateRequest request, X509Certificate2 issuer, DateTimeOffset now, byte serial) =>
        request.Create(issuer, now.AddDays(-1), now.AddYears(1), [serial]);
}
