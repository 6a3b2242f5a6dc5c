// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The requests the two open-source CSMS back ends send to an OPCP EST, replayed header for header (docs/bearer-tokens.md;
/// their code: MaEVe manager/services/charge_station_certificate_provider.go, CitrineOS 02_Util/src/certificate/client/
/// hubject.ts), and the way each then reads our answers: MaEVe takes the first certificate of simpleenroll as the leaf and
/// walks cacerts by issuer name up to, not including, the self-signed root; CitrineOS sends the leaf plus every cacerts
/// certificate but the last to the charger and installs the last as the V2G root.
/// </summary>
[Collection(PkiServerCollection.Name)]
public sealed class EstCsmsReplayTests(PkiServerFixture fixture)
{
    [Fact]
    public async Task MaEVe_SimpleEnrollAndCacerts_LeafFirstAndTheChainItWalksByIssuerName()
    {
        using var client = fixture.EstClient();
        var csr = Csr("DE*ABC*E" + RandomNumberGenerator.GetInt32(100_000, 999_999), out _);
        using var enroll = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.EstAddress, "cpo/simpleenroll/ISO15118-2"))
        {
            // Go's http client: lower-case names as MaEVe writes them; the body unwrapped base64, no Content-Transfer-Encoding.
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes(Convert.ToBase64String(csr))),
        };
        enroll.Content.Headers.TryAddWithoutValidation("content-type", "application/pkcs10");
        enroll.Headers.TryAddWithoutValidation("x-api-key", fixture.EstToken("cpo"));
        enroll.Headers.TryAddWithoutValidation("authorization", "Bearer " + fixture.EstToken("cpo"));
        using var enrolled = await client.SendAsync(enroll);
        Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        var leaf = Certificates(await enrolled.Content.ReadAsStringAsync())[0];

        using var cacerts = await client.GetAsync(new Uri(fixture.EstAddress, "cpo/cacerts/ISO15118-2"));
        Assert.True(cacerts.IsSuccessStatusCode);
        var pool = Certificates(await cacerts.Content.ReadAsStringAsync());

        // MaEVe: from the leaf, find each issuer by subject DN string; stop at the self-signed root, which is left out.
        var chain = new List<X509Certificate2>();
        var current = leaf;
        while (pool.FirstOrDefault(c => c.Subject == current.Issuer) is { } issuer && issuer.Subject != issuer.Issuer)
        {
            chain.Add(issuer);
            current = issuer;
        }

        Assert.Equal(["CPO Sub-CA 2", "CPO Sub-CA 1"], chain.Select(c => c.GetNameInfo(X509NameType.SimpleName, false)));
    }

    [Fact]
    public async Task CitrineOS_SimpleEnrollAndCacerts_TheirHeadersAndCrlfBody_LastCertificateIsTheRoot()
    {
        using var client = fixture.EstClient();

        // CitrineOS posts the PEM's base64 with the BEGIN/END lines and '\n' removed: the '\r' of a CRLF PEM stays.
        var csr = Csr("DE*ABC*E" + RandomNumberGenerator.GetInt32(100_000, 999_999), out _);
        var pem = PemEncoding.WriteString("CERTIFICATE REQUEST", csr).Replace("\n", "\r\n", StringComparison.Ordinal);
        var lines = pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        var body = string.Concat(lines);
        Assert.Contains('\r', body);
        using var enroll = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.EstAddress, ".well-known/cpo/simpleenroll"))
        {
            Content = new StringContent(body, Encoding.ASCII),
        };
        enroll.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pkcs10");
        enroll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.EstToken("cpo"));
        enroll.Headers.TryAddWithoutValidation("Accept", "application/pkcs10");
        using var enrolled = await client.SendAsync(enroll);
        Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        var signed = Certificates(await enrolled.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.EstAddress, ".well-known/cpo/cacerts"));
        request.Headers.TryAddWithoutValidation("Accept", "application/pkcs10, application/pkcs7");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + fixture.EstToken("cpo"));
        request.Headers.TryAddWithoutValidation("Content-Transfer-Encoding", "application/pkcs10");
        using var cacerts = await client.SendAsync(request);
        Assert.True(cacerts.IsSuccessStatusCode, await cacerts.Content.ReadAsStringAsync());
        var list = Certificates(await cacerts.Content.ReadAsStringAsync());

        // CitrineOS: CertificateSigned = [signedCert[0], ...cacerts.slice(0, -1)]; InstallCertificate(V2GRoot) = cacerts.pop().
        var root = list[^1];
        Assert.Equal(root.Subject, root.Issuer);
        using var rootFile = X509CertificateLoader.LoadCertificateFromFile(fixture.Ca("v2g-root"));
        Assert.Equal(rootFile.RawData, root.RawData);
        var sentToCharger = new[] { signed[0] }.Concat(list.Take(list.Count - 1)).ToList();
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ExtraStore.AddRange(sentToCharger.Skip(1).ToArray());
        Assert.True(chain.Build(sentToCharger[0]), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    /// <summary>A charger's CSR as EVerest's libevse-security makes it: P-256, C, O, CN and DC=CPO.</summary>
    private static byte[] Csr(string commonName, out ECDsa key)
    {
        key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"C=DE, O=V2gPki Demo, CN={commonName}, DC=CPO");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        return request.CreateSigningRequest();
    }

    /// <summary>The certificates of a base64 certs-only answer, in the order of the SignedData (what the CSMSs read).</summary>
    private static List<X509Certificate2> Certificates(string base64)
    {
        // ContentInfo { contentType, [0] SignedData { version, digestAlgorithms, encapContentInfo, [0] certificates } }
        // (RFC 5652 §3, §5.1), read with the platform's ASN.1 reader so the order is the encoded one.
        var contentInfo = new AsnReader(Convert.FromBase64String(base64), AsnEncodingRules.BER).ReadSequence();
        contentInfo.ReadObjectIdentifier();
        var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadSequence();
        signedData.ReadInteger();
        signedData.ReadSetOf();
        signedData.ReadSequence();
        var set = signedData.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
        var list = new List<X509Certificate2>();
        while (set.HasData)
        {
            list.Add(X509CertificateLoader.LoadCertificate(set.ReadEncodedValue().Span));
        }

        return list;
    }
}
