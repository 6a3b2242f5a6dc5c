// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Fuzz;

/// <summary>The seed corpus: small valid inputs per target (afl mutates from these).</summary>
public static class Corpus
{
    /// <summary>Seed requests: openssl SHA-1 without and with nonce, SHA-256 without NULL parameters, and every oddity at once.</summary>
    /// <returns>The DER requests.</returns>
    public static byte[][] Requests() =>
    [
        Convert.FromHexString(
            "3049304730453043304130090605" + "2B0E03021A05000414D08CE9DAE861987DE0483E887955106165F6F7D4" +
            "0414089F6FE9AEAA395D84DDF0A6C562E7705DEED38802080123456789ABCDEF"),
        Convert.FromHexString(
            "306E306C304530433041300906052B0E03021A05000414D08CE9DAE861987DE0483E887955106165F6F7D4" +
            "0414089F6FE9AEAA395D84DDF0A6C562E7705DEED38802080123456789ABCDEF" +
            "A2233021301F06092B0601050507300102041204103DDC0135210E9F5DF0A8BF8D76A93050"),
        new RequestBuilder().With(RequestBuilder.Sha256CertId([0x00, 0x80])).Build(),
        new RequestBuilder { ExplicitVersion = 0, RequestorName = true, Signature = true }
            .With(RequestBuilder.Sha1CertId() with { SingleExtensions = [new("1.3.6.1.5.5.7.48.1.7", null, [0x30, 0x00])] })
            .With(new RequestBuilder.ExtensionSpec(RequestBuilder.NonceOid, false, [0x01, 0x02]))
            .With(new RequestBuilder.ExtensionSpec("1.3.6.1.5.5.7.48.1.4", null, [0x30, 0x00])).Build(),
    ];

    /// <summary>Seed GET paths (after the route prefix): the seed requests as base64, escaped, base64url, with slashes.</summary>
    /// <returns>The paths.</returns>
    public static string[] GetPaths()
    {
        var requests = Requests();
        var plain = Convert.ToBase64String(requests[0]);
        var escaped = Convert.ToBase64String(requests[1]).Replace("/", "%2F", StringComparison.Ordinal)
            .Replace("+", "%2b", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal);
        var url = Convert.ToBase64String(requests[2]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var spaced = Convert.ToBase64String(requests[3]).Replace("+", "%20", StringComparison.Ordinal);
        return [plain, escaped, "/" + url, "//" + spaced];
    }

    /// <summary>Seed request targets: every route of the OCSP listener, in origin and absolute form.</summary>
    /// <returns>The targets.</returns>
    public static string[] RouterTargets()
    {
        var base64 = GetPaths()[0];
        return
        [
            "/", "/ocsp", "/ocsp/" + base64, "//" + base64, "/" + base64 + "?x=1", "/crl/cpo-sub2.crl", "/health", "/ready",
            "/metrics", "/api/v1/ocpp/certificate-status", "http://ocsp.example/ocsp/" + base64, "http://ocsp.example", "*",
        ];
    }

    /// <summary>Seed serial-number texts: plain, prefixed, openssl-style, zero-padded, 20 octets with the sign octet.</summary>
    /// <returns>The texts.</returns>
    public static string[] SerialTexts() =>
        ["0A1B2C", "0x0123456789abcdef", "00:80:ff", "7F" + new string('F', 38), "00" + "80" + new string('0', 36), " 1 "];

    /// <summary>Seed GetCertificateStatus bodies: wrapped and bare, hex and base64url hashes, with responderURL and customData.</summary>
    /// <returns>The JSON texts.</returns>
    public static string[] OcppJson()
    {
        var nameHash = Convert.ToHexString(new byte[32].Select((_, i) => (byte)(0x11 * i)).ToArray());
        var keyHash = Convert.ToBase64String(Enumerable.Repeat((byte)0x22, 48).ToArray()).Replace('+', '-').Replace('/', '_');
        return
        [
            $$$"""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"{{{nameHash}}}","issuerKeyHash":"{{{nameHash.ToLowerInvariant()}}}","serialNumber":"0A1B2C","responderURL":"http://ocsp.example/"}}""",
            $$$"""{"hashAlgorithm":"SHA384","issuerNameHash":"{{{keyHash}}}","issuerKeyHash":"{{{keyHash}}}","serialNumber":"00:80","customData":{"vendorId":"x"}}""",
        ];
    }

    /// <summary>Seed identifiers: the documented vectors of each type (docs/iso15118.md §1–§3), with and without separators.</summary>
    /// <returns>The identifiers.</returns>
    public static string[] Identifiers() =>
    [
        "DE*AB7*E840*6487", "DEAB7E8406487", "DE*DES*E*BMW*0113*2", "DE-ICE-S-00003C4D557878675645330967543476-2",
        "DEICES00003C4D5578786756453309675434762", "NL-TNM-000122045-U", "NLTNMC00122045K", "EMP99CQATEST001", "WP012345678901234",
        "huboemprovcqa0615",
    ];

    /// <summary>The charger CSR the EST tests use (openssl-made, tests/V2gPki.Est.Tests/TestData), in DER.</summary>
    /// <returns>The DER.</returns>
    public static byte[] EstCsr() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "secc.csr.der"));

    /// <summary>Seed EST request bodies: the CSR as DER, as one base64 line, wrapped with CRLF, and in PEM armour.</summary>
    /// <returns>The bodies.</returns>
    public static byte[][] EstBodies()
    {
        var der = EstCsr();
        var base64 = Convert.ToBase64String(der);
        var wrapped = Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks);
        var pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n-----END CERTIFICATE REQUEST-----\n";
        return [der, .. Utf8([base64, wrapped, pem])];
    }

    /// <summary>Seed EST paths: one per shape <see cref="V2gPki.Est.EstRoute"/> documents.</summary>
    /// <returns>The paths.</returns>
    public static string[] EstRoutes() =>
    [
        "/.well-known/est/cacerts", "/.well-known/est/cpo/simpleenroll", "/.well-known/est/qa-mo/csrattrs",
        "/.well-known/est/cpo/simpleenroll/ISO15118-2", "/cpo/cacerts/ISO15118-2/secp256r1/", "/cpo/simpleenroll/ISO15118-2",
        "/cpo/cacerts/ISO15118-2", "/.well-known/cpo/simpleenroll", "/.well-known/cpo/cacerts",
    ];

    /// <summary>The seeds of one target, as the fuzzer reads them (text targets: UTF-8).</summary>
    /// <param name="name">One of <see cref="Targets.Names"/>.</param>
    /// <returns>The seeds.</returns>
    public static byte[][] Seeds(string name) => name switch
    {
        "request" => Requests(),
        "response" => [Response()],
        "der" => [.. Requests(), Response()],
        GetPathTarget.Name => Utf8(GetPaths()),
        RouterTarget.Name => Utf8(RouterTargets()),
        SerialTextTarget.Name => Utf8(SerialTexts()),
        OcppJsonTarget.Name => Utf8(OcppJson()),
        IdentifierTarget.Name => Utf8(Identifiers()),
        EstBodyTarget.Name => EstBodies(),
        EstRouteTarget.Name => Utf8(EstRoutes()),
        _ => throw new ArgumentException($"Unknown target {name}", nameof(name)),
    };

    /// <summary>Writes one folder per target under <paramref name="directory"/>.</summary>
    /// <param name="directory">Where to write.</param>
    public static void Write(string directory)
    {
        foreach (var name in Targets.Names)
        {
            WriteAll(Path.Combine(directory, name), Seeds(name));
        }
    }

    private static byte[][] Utf8(IEnumerable<string> texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];

    /// <summary>A small successful response (fake signature) written with the production writer.</summary>
    /// <returns>The DER response.</returns>
    public static byte[] Response()
    {
        IssuerHashes[] issuer = [new(OcspHashAlgorithm.Sha1, new byte[20], new byte[20]), new(OcspHashAlgorithm.Sha256, new byte[32], new byte[32])];
        var keyHash = new byte[20];
        var fields = new ResponseDataFields
        {
            ResponderId = ResponderId.ByKey(keyHash),
            ProducedAt = DateTimeOffset.UnixEpoch,
            NonceExtensionValue = [0x04, 0x01, 0x07],
            ExtendedRevokedDefinition = true,
        };
        var responses = new CertificateSingleResponses(issuer, [0x05], CertStatusInfo.NotIssued(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)));
        var tbs = new byte[1024];
        OcspResponseWriter.TryWriteTbsResponseData(tbs, fields, responses, out var tbsLength);
        var signedPart = new byte[2048];
        SignedResponsePart.TryWrite(signedPart, tbs.AsSpan(0, tbsLength), OcspSignatureAlgorithms.Ed448, new byte[114], out var signedLength);
        byte[] certificate = [0x30, 0x03, 0x02, 0x01, 0x01];
        var response = new byte[OcspResponseAssembler.GetLength(signedLength, certificate.Length)];
        OcspResponseAssembler.TryAssemble(signedPart.AsSpan(0, signedLength), certificate, response, out _);
        return response;
    }

    private static void WriteAll(string directory, byte[][] seeds)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < seeds.Length; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"seed-{i}"), seeds[i]);
        }
    }
}
