// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using System.Security.Cryptography;
using System.Text;
using V2gPki.Hsm;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Signing;
using V2gPki.Pki.Tls;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// What the demo adds for EST: one account per role with a random password (its PBKDF2 hash in the config, the
/// <c>user:password</c> pair in <c>est/&lt;role&gt;.basic</c>, mode 0600), a token issuer with a bearer token per role
/// (<c>est/&lt;role&gt;.jwt</c>, <see cref="DemoTokenIssuer"/>), and the TLS of the EST listener: an
/// <c>est-tls</c> root whose key lives in the online token like every CA key, and a server certificate for
/// 127.0.0.1 and localhost whose key is a PEM file (mode 0600), as for any TLS server.
/// </summary>
internal static class DemoEst
{
    /// <summary>The TLS root's key label in the online token.</summary>
    public const string RootKeyLabel = "est-tls-root";

    /// <summary>The party-auth CA's key label in the online token.</summary>
    public const string PartyAuthKeyLabel = "party-auth-ca";

    /// <summary>The party-auth CA certificate, relative to the data directory (<c>Parties:ClientCertificateAuthorities</c>).</summary>
    public const string PartyAuthCaFile = "ca/party-auth-ca.pem";

    /// <summary>The demo accounts: role (file name), account id, config role, owned prefixes (docs/architecture.md §2).</summary>
    public static IReadOnlyList<(string Role, string Id, string ConfigRole, string Prefixes)> Accounts { get; } =
    [
        ("cpo", "cpo-demo", "CPO", "\"EvseOperators\": [ \"DE*ABC\" ]"),
        ("mo", "mo-demo", "MO", "\"EmaidProviders\": [ \"DE-ABC\" ]"),
        ("oem", "oem-demo", "OEM", "\"PcidWmis\": [ \"WAB\" ]"),
        ("cps", "cps-demo", "CPS", "\"CpsNames\": [ \"V2gPki Demo CPS\" ]"),
    ];

    /// <summary>The demo tokens: role (file name), subject, claims as Hubject names them (docs/bearer-tokens.md §3).</summary>
    public static IReadOnlyList<(string Role, string Subject, IReadOnlyList<(string Claim, string[] Values)> Claims)> Tokens { get; } =
    [
        ("cpo", "cpo-demo-client@clients", [("role", ["CPO"]), ("evseid", ["DE*ABC"])]),
        ("mo", "mo-demo-client@clients", [("role", ["MO_HUBJECT_PKI"]), ("emaid", ["DE-ABC"])]),
        ("oem", "oem-demo-client@clients", [("role", ["OEM"]), ("pcid", ["WAB"])]),
        ("cps", "cps-demo-client@clients", [("role", ["CPS"]), ("cps_name", ["V2gPki Demo CPS"])]),
    ];

    /// <summary>
    /// Creates the demo token issuer (<see cref="DemoTokenIssuer"/>: <c>est/jwks.json</c>, <c>est/token-issuer.key</c>,
    /// <c>est/&lt;role&gt;.jwt</c>) and returns its <c>Parties:JwtIssuers</c> entry for the config.
    /// </summary>
    /// <param name="dataDirectory">The demo's data directory.</param>
    /// <param name="address">The EST listener's address.</param>
    /// <param name="estPort">The EST listener's port (the audience names it; never 0).</param>
    /// <param name="time">The clock.</param>
    /// <param name="writeOwnerOnly">Writes a file with mode 0600.</param>
    /// <returns>The JSON object for the template.</returns>
    public static string CreateTokenIssuer(string dataDirectory, string address, int estPort, TimeProvider time, Action<string, string> writeOwnerOnly)
    {
        var directory = Path.Combine(dataDirectory, "est");
        Directory.CreateDirectory(directory);
        var audience = DemoTokenIssuer.Audience(address, estPort);
        DemoTokenIssuer.Create(directory, audience, Tokens, time, writeOwnerOnly);
        return $"{{ \"Issuer\": \"{DemoTokenIssuer.Issuer(audience)}\", \"Audience\": \"{audience}\", \"JwksFile\": \"est/jwks.json\", \"ClockSkewSeconds\": 60 }}";
    }

    /// <summary>
    /// Makes a password per account, writes <c>est/&lt;role&gt;.basic</c> and returns the <c>Parties:Accounts</c> entries
    /// for the config. The hashes use the fewest iterations the format accepts, so the demo starts in a second; a
    /// production config uses <see cref="PasswordHash.DefaultIterations"/>.
    /// </summary>
    /// <param name="dataDirectory">The demo's data directory.</param>
    /// <param name="writeOwnerOnly">Writes a file with mode 0600.</param>
    /// <returns>The JSON array items (one per line, commented) for the template.</returns>
    public static string CreateAccounts(string dataDirectory, Action<string, string> writeOwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(writeOwnerOnly);
        var directory = Path.Combine(dataDirectory, "est");
        Directory.CreateDirectory(directory);
        var json = new StringBuilder();
        foreach (var (role, id, configRole, prefixes) in Accounts)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            writeOwnerOnly(Path.Combine(directory, role + ".basic"), id + ":" + password + "\n");
            var hash = PasswordHash.Create(password, PasswordHash.MinIterations);
            json.Append("      { \"Id\": \"").Append(id).Append("\", \"Roles\": [ \"").Append(configRole).Append("\" ], ").Append(prefixes)
                .Append(", \"PasswordHash\": \"").Append(hash).Append("\" },\n");
        }

        return json.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Creates the EST listener's TLS: the root key in the online token, the root certificate (<c>ca/est-tls-root.pem</c>),
    /// a software server key (<c>est/tls/server.key</c>, 0600) and its certificate (<c>est/tls/server.pem</c>) for
    /// 127.0.0.1 and localhost.
    /// </summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="tokens">The open tokens.</param>
    /// <param name="organization">The hierarchy's organization, for the subjects.</param>
    /// <param name="country">The hierarchy's country.</param>
    /// <param name="time">The clock.</param>
    /// <param name="writeOwnerOnly">Writes a file with mode 0600.</param>
    public static void CreateTls(CaDataLayout layout, HsmTokenSet tokens, string organization, string country, TimeProvider time, Action<string, string> writeOwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(writeOwnerOnly);
        var rootKey = new HsmCertificateSigner(tokens.GetToken(HsmTokenRoles.Online).GetOrGenerateKey(RootKeyLabel, HsmKeyType.EcP256).CreateSigner());
        var now = time.GetUtcNow();
        var root = TlsCertificates.CreateRoot(rootKey, $"CN={organization} EST TLS Root, O={organization}, C={country}", now.AddMinutes(-5), now.AddYears(10));
        File.WriteAllText(Path.Combine(layout.CaDirectory, "est-tls-root.pem"), Pem.Encode(Pem.CertificateLabel, root));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = TlsCertificates.Issue(rootKey, root, serverKey.ExportSubjectPublicKeyInfo(), $"CN=127.0.0.1, O={organization}, C={country}", client: false,
            ["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback], now.AddMinutes(-5), now.AddYears(1));
        var tls = Path.Combine(layout.DataDirectory, "est", "tls");
        Directory.CreateDirectory(tls);
        File.WriteAllText(Path.Combine(tls, "server.pem"), Pem.Encode(Pem.CertificateLabel, server));
        writeOwnerOnly(Path.Combine(tls, "server.key"), serverKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>
    /// Creates the party-auth CA (its key in the online token, its certificate <c>ca/party-auth-ca.pem</c>, the trust of
    /// <c>Parties:ClientCertificateAuthorities</c>) and a TLS client certificate per demo account, whose commonName is
    /// the account id: <c>est/&lt;role&gt;-client.pem</c> and its software key <c>est/&lt;role&gt;-client.key</c> (0600).
    /// </summary>
    /// <param name="layout">The data directory layout.</param>
    /// <param name="tokens">The open tokens.</param>
    /// <param name="organization">The hierarchy's organization, for the subjects.</param>
    /// <param name="country">The hierarchy's country.</param>
    /// <param name="time">The clock.</param>
    /// <param name="writeOwnerOnly">Writes a file with mode 0600.</param>
    public static void CreatePartyAuth(CaDataLayout layout, HsmTokenSet tokens, string organization, string country, TimeProvider time, Action<string, string> writeOwnerOnly)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(writeOwnerOnly);
        var caKey = new HsmCertificateSigner(tokens.GetToken(HsmTokenRoles.Online).GetOrGenerateKey(PartyAuthKeyLabel, HsmKeyType.EcP256).CreateSigner());
        var now = time.GetUtcNow();
        var ca = TlsCertificates.CreateRoot(caKey, $"CN={organization} Party Auth CA, O={organization}, C={country}", now.AddMinutes(-5), now.AddYears(10));
        File.WriteAllText(Path.Combine(layout.DataDirectory, PartyAuthCaFile), Pem.Encode(Pem.CertificateLabel, ca));
        var directory = Path.Combine(layout.DataDirectory, "est");
        Directory.CreateDirectory(directory);
        foreach (var (role, id, _, _) in Accounts)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var certificate = TlsCertificates.Issue(caKey, ca, key.ExportSubjectPublicKeyInfo(), $"CN={id}, O={organization}, C={country}", client: true,
                [], [], now.AddMinutes(-5), now.AddYears(1));
            File.WriteAllText(Path.Combine(directory, role + "-client.pem"), Pem.Encode(Pem.CertificateLabel, certificate));
            writeOwnerOnly(Path.Combine(directory, role + "-client.key"), key.ExportPkcs8PrivateKeyPem() + "\n");
        }
    }
}
