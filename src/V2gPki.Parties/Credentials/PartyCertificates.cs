// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// TLS client certificates as party credentials (docs/architecture.md §3 EST enrollment, "mTLS"): a certificate
/// authenticates the account whose id is its subject's commonName when it chains to one of the configured party-auth
/// CAs — a trust store of its own, never the operating system's — is inside its validity, allows TLS client
/// authentication (extendedKeyUsage clientAuth when the extension is present, RFC 5280 §4.2.1.12). Whether a
/// certificate this PKI issued is still good is the registry's answer, which the listener asks on top. Thread-safe;
/// read-only once built.
/// </summary>
public sealed class PartyCertificates : IDisposable
{
    /// <summary>id-kp-clientAuth (RFC 5280 §4.2.1.12).</summary>
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private readonly PartyDirectory _directory;
    private readonly X509Certificate2Collection _anchors;
    private readonly TimeProvider _time;

    private PartyCertificates(PartyDirectory directory, X509Certificate2Collection anchors, TimeProvider time)
    {
        _directory = directory;
        _anchors = anchors;
        _time = time;
    }

    /// <summary>Gets how many party-auth CAs are trusted.</summary>
    public int AuthorityCount => _anchors.Count;

    /// <summary>Builds the check over the configured party-auth CAs.</summary>
    /// <param name="directory">The accounts.</param>
    /// <param name="authorities">The DER certificates of the trusted party-auth CAs (at least one).</param>
    /// <param name="time">The clock (validity).</param>
    /// <param name="certificates">The check; null on error.</param>
    /// <param name="error">Why not; empty on success.</param>
    /// <returns>Whether it was built.</returns>
    public static bool TryCreate(PartyDirectory directory, IReadOnlyList<byte[]> authorities, TimeProvider time,
        [NotNullWhen(true)] out PartyCertificates? certificates, out string error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(time);
        certificates = null;
        var anchors = new X509Certificate2Collection();
        for (var i = 0; i < authorities.Count; i++)
        {
            X509Certificate2 anchor;
            try
            {
                anchor = X509CertificateLoader.LoadCertificate(authorities[i]);
            }
            catch (CryptographicException ex)
            {
                Dispose(anchors);
                error = $"party-auth CA {i + 1} is not a certificate: {ex.Message}";
                return false;
            }

            anchors.Add(anchor);
            var constraints = anchor.Extensions[Oids.BasicConstraints] as X509BasicConstraintsExtension;
            if (constraints is null || !constraints.CertificateAuthority)
            {
                error = $"party-auth CA {i + 1} ({anchor.Subject}) is not a CA certificate (basicConstraints cA)";
                Dispose(anchors);
                return false;
            }
        }

        if (anchors.Count == 0)
        {
            error = "no party-auth CA is configured";
            return false;
        }

        certificates = new PartyCertificates(directory, anchors, time);
        error = string.Empty;
        return true;
    }

    /// <summary>Checks a TLS client certificate and finds its account.</summary>
    /// <param name="certificate">The certificate the client presented in the handshake.</param>
    /// <param name="account">The account on <see cref="CredentialStatus.Authenticated"/>; otherwise null.</param>
    /// <param name="reason">Why it does not authenticate, for the answer and the log (no secret in it); empty on success.</param>
    /// <returns><see cref="CredentialStatus.Authenticated"/> or <see cref="CredentialStatus.Invalid"/>.</returns>
    public CredentialStatus Authenticate(X509Certificate2 certificate, out PartyAccount? account, out string reason)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        account = null;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        if (!chain.Build(certificate))
        {
            reason = "the TLS client certificate is not trusted for party authentication: " + Describe(chain);
            return CredentialStatus.Invalid;
        }

        var id = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrEmpty(id) || !_directory.TryGet(id, out account))
        {
            reason = $"the TLS client certificate names no configured account (its commonName '{id}' is the account id)";
            return CredentialStatus.Invalid;
        }

        reason = string.Empty;
        return CredentialStatus.Authenticated;
    }

    /// <inheritdoc/>
    public void Dispose() => Dispose(_anchors);

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    private static string Describe(X509Chain chain)
    {
        foreach (var status in chain.ChainStatus)
        {
            if (status.Status != X509ChainStatusFlags.NoError)
            {
                return status.Status switch
                {
                    X509ChainStatusFlags.NotTimeValid => "it is expired or not yet valid",
                    X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain => "it does not chain to a configured party-auth CA",
                    X509ChainStatusFlags.NotValidForUsage => "it does not allow TLS client authentication (extendedKeyUsage)",
                    X509ChainStatusFlags.NotSignatureValid => "a signature in its chain does not verify",
                    _ => status.Status.ToString(),
                };
            }
        }

        return "its chain does not build";
    }

    private static class Oids
    {
        public const string BasicConstraints = "2.5.29.19";
    }
}
