// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

/// <summary>
/// TLS client certificates as party credentials: the chain to a configured party-auth CA (RFC 5280 §6 path
/// validation by the platform, a custom trust store), validity, extendedKeyUsage clientAuth (RFC 5280 §4.2.1.12),
/// and the account the commonName names. The CAs here are software keys of a test party, not CAs of this PKI.
/// </summary>
public sealed class PartyCertificatesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _ca;
    private readonly PartyDirectory _directory = new([new PartyAccount("cpo-demo", PartyRoles.Cpo, OwnedPrefixes.None)]);

    public PartyCertificatesTests() => _ca = MakeCa("Party Auth CA", _caKey);

    [Fact]
    public void Authenticate_ChainsToTheCaAndNamesAnAccount_Authenticated()
    {
        using var checker = Create(_ca);
        using var client = Issue("cpo-demo", _ca, _caKey);

        Assert.Equal(CredentialStatus.Authenticated, checker.Authenticate(client, out var account, out var reason));
        Assert.Equal("cpo-demo", account!.Id);
        Assert.Empty(reason);
    }

    [Fact]
    public void Authenticate_CommonNameIsNoAccount_InvalidAndSaysSo()
    {
        using var checker = Create(_ca);
        using var client = Issue("someone-else", _ca, _caKey);

        Assert.Equal(CredentialStatus.Invalid, checker.Authenticate(client, out var account, out var reason));
        Assert.Null(account);
        Assert.Contains("'someone-else'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_IssuedByAnotherCa_InvalidAsNotChaining()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = MakeCa("Party Auth CA", otherKey); // the same name, another key
        using var checker = Create(_ca);
        using var client = Issue("cpo-demo", other, otherKey);

        Assert.Equal(CredentialStatus.Invalid, checker.Authenticate(client, out _, out var reason));
        Assert.Contains("party authentication", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_Expired_Invalid()
    {
        using var checker = Create(_ca);
        using var client = Issue("cpo-demo", _ca, _caKey, notAfter: Now.AddDays(-1));

        Assert.Equal(CredentialStatus.Invalid, checker.Authenticate(client, out _, out var reason));
        Assert.Contains("expired", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_ServerAuthOnly_InvalidForClientAuthentication()
    {
        using var checker = Create(_ca);
        using var client = Issue("cpo-demo", _ca, _caKey, purpose: "1.3.6.1.5.5.7.3.1");

        Assert.Equal(CredentialStatus.Invalid, checker.Authenticate(client, out _, out var reason));
        Assert.Contains("client authentication", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_NoCaOrAnEndEntityAsCa_RefusedWithTheReason()
    {
        Assert.False(PartyCertificates.TryCreate(_directory, [], new FakeTimeProvider(Now), out _, out var error));
        Assert.Contains("no party-auth CA", error, StringComparison.Ordinal);

        using var leaf = Issue("cpo-demo", _ca, _caKey);
        Assert.False(PartyCertificates.TryCreate(_directory, [leaf.RawData], new FakeTimeProvider(Now), out _, out error));
        Assert.Contains("not a CA certificate", error, StringComparison.Ordinal);

        Assert.False(PartyCertificates.TryCreate(_directory, [[0x30, 0x00]], new FakeTimeProvider(Now), out _, out error));
        Assert.Contains("not a certificate", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
    }

    private static X509Certificate2 MakeCa(string name, ECDsa key)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(5));
    }

    private static X509Certificate2 Issue(string commonName, X509Certificate2 ca, ECDsa caKey, DateTimeOffset? notAfter = null, string purpose = PartyCertificates.ClientAuthOid)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(purpose)], false));
        var end = notAfter ?? Now.AddYears(1);
        using var signer = X509CertificateLoader.LoadCertificate(ca.RawData).CopyWithPrivateKey(caKey);
        return request.Create(signer, end.AddYears(-2), end, RandomNumberGenerator.GetBytes(8));
    }

    private PartyCertificates Create(X509Certificate2 ca)
    {
        Assert.True(PartyCertificates.TryCreate(_directory, [ca.RawData], new FakeTimeProvider(Now), out var checker, out var error), error);
        return checker;
    }
}
