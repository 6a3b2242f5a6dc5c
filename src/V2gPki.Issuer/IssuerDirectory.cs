// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using V2gPki.Hsm;
using V2gPki.Issuer.Signers;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer;

/// <summary>
/// The CAs this responder answers for: per CA its store issuer id, certificate, CertID hashes per configured algorithm
/// and delegated signers. The OCSP hot path maps a request CertID (any configured hash algorithm) to its CA with
/// <see cref="TryFindIssuer"/> and a signer id to the certificate to splice with <see cref="TryGetSignerCertificate"/>;
/// both scan or index small arrays and never allocate.
/// </summary>
public sealed class IssuerDirectory
{
    private readonly IssuerEntry[] _issuers;
    private readonly HashRow[] _rows;
    private readonly OcspHashAlgorithm[] _algorithms;
    private readonly SignerCatalog _catalog;
    private readonly Lock _signerLock = new();
    private volatile DelegatedSigner?[] _signersById = new DelegatedSigner?[1];

    private IssuerDirectory(IssuerEntry[] issuers, OcspHashAlgorithm[] algorithms, SignerCatalog catalog)
    {
        _issuers = issuers;
        _algorithms = algorithms;
        _catalog = catalog;
        var rows = new List<HashRow>();
        foreach (var issuer in issuers)
        {
            foreach (var hashes in issuer.Hashes)
            {
                rows.Add(new HashRow(hashes.Algorithm, hashes.NameHash.ToArray(), hashes.KeyHash.ToArray(), issuer));
            }
        }

        _rows = rows.ToArray();
    }

    /// <summary>Gets the configured CertID hash algorithms, in the order every response lists its SingleResponses.</summary>
    public ReadOnlySpan<OcspHashAlgorithm> HashAlgorithms => _algorithms;

    /// <summary>Gets every CA.</summary>
    public IReadOnlyList<IssuerEntry> Issuers => _issuers;

    /// <summary>Builds a directory.</summary>
    /// <param name="cas">The CAs (parents may come in any order).</param>
    /// <param name="hashAlgorithms">The CertID hash algorithms answered (SHA-1 and SHA-256 by default).</param>
    /// <param name="catalog">The signer catalog: every signer it lists is loaded (the key resolved by label, if present).</param>
    /// <param name="resolveKey">Resolves an online-token key label to a signer, or null when the key is not there.</param>
    /// <param name="time">The clock, to pick each CA's current signer.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentException">A duplicate name or issuer id, an unreadable certificate, or a signer that the CA did not certify.</exception>
    public static IssuerDirectory Create(IEnumerable<IssuerCaDefinition> cas, IReadOnlyList<OcspHashAlgorithm> hashAlgorithms, SignerCatalog catalog,
        Func<string, HsmSigner?> resolveKey, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(cas);
        ArgumentNullException.ThrowIfNull(hashAlgorithms);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(resolveKey);
        ArgumentNullException.ThrowIfNull(time);
        if (hashAlgorithms.Count == 0)
        {
            throw new ArgumentException("At least one CertID hash algorithm is needed.", nameof(hashAlgorithms));
        }

        var algorithms = new OcspHashAlgorithm[hashAlgorithms.Count];
        for (var i = 0; i < algorithms.Length; i++)
        {
            algorithms[i] = hashAlgorithms[i];
        }

        var entries = new List<IssuerEntry>();
        foreach (var definition in cas)
        {
            if (definition.IssuerId == 0)
            {
                throw new ArgumentException($"CA {definition.Name}: issuer id 0 is reserved.", nameof(cas));
            }

            foreach (var other in entries)
            {
                if (other.Name == definition.Name || other.Id.Value == definition.IssuerId)
                {
                    throw new ArgumentException($"CA {definition.Name}: duplicate name or issuer id {definition.IssuerId}.", nameof(cas));
                }
            }

            var certificate = CertificateInfo.Parse(definition.CertificateDer);
            var hashes = new IssuerHashes[algorithms.Length];
            for (var i = 0; i < algorithms.Length; i++)
            {
                hashes[i] = IssuerHashes.Compute(algorithms[i], certificate.Der);
            }

            entries.Add(new IssuerEntry(entries.Count, definition, certificate, hashes));
        }

        foreach (var entry in entries)
        {
            if (entry.ParentName is null)
            {
                continue;
            }

            foreach (var candidate in entries)
            {
                if (candidate.Name == entry.ParentName)
                {
                    entry.Parent = candidate;
                }
            }
        }

        var directory = new IssuerDirectory(entries.ToArray(), algorithms, catalog);
        foreach (var known in catalog.Entries)
        {
            if (!directory.TryGetIssuer(known.CaName, out var issuer))
            {
                continue;
            }

            directory.Register(issuer, known.Id, known.KeyLabel, known.CertificateDer, resolveKey(known.KeyLabel));
        }

        directory.SelectCurrentSigners(time.GetUtcNow());
        return directory;
    }

    /// <summary>Finds the CA a CertID names (hash algorithm, issuerNameHash and issuerKeyHash all equal). Hot path: no allocation.</summary>
    /// <param name="certId">The request's CertID.</param>
    /// <param name="issuer">The CA, or null.</param>
    /// <returns>Whether a configured CA matches under a configured algorithm.</returns>
    public bool TryFindIssuer(scoped in CertId certId, [NotNullWhen(true)] out IssuerEntry? issuer)
    {
        var rows = _rows;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            if (row.Algorithm == certId.HashAlgorithm
                && certId.IssuerKeyHash.SequenceEqual(row.KeyHash)
                && certId.IssuerNameHash.SequenceEqual(row.NameHash))
            {
                issuer = row.Issuer;
                return true;
            }
        }

        issuer = null;
        return false;
    }

    /// <summary>Gets the CA with a store issuer id (small array scan, no allocation).</summary>
    /// <param name="id">The issuer id.</param>
    /// <param name="issuer">The CA, or null.</param>
    /// <returns>Whether it is configured.</returns>
    public bool TryGetIssuer(IssuerId id, [NotNullWhen(true)] out IssuerEntry? issuer)
    {
        foreach (var candidate in _issuers)
        {
            if (candidate.Id == id)
            {
                issuer = candidate;
                return true;
            }
        }

        issuer = null;
        return false;
    }

    /// <summary>Gets the CA with a name.</summary>
    /// <param name="name">The CA name.</param>
    /// <param name="issuer">The CA, or null.</param>
    /// <returns>Whether it is configured.</returns>
    public bool TryGetIssuer(string name, [NotNullWhen(true)] out IssuerEntry? issuer)
    {
        foreach (var candidate in _issuers)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                issuer = candidate;
                return true;
            }
        }

        issuer = null;
        return false;
    }

    /// <summary>Gets the certificate to splice into a response signed by <paramref name="signerId"/> (hot path, no allocation).</summary>
    /// <param name="signerId">The signer id recorded with the response.</param>
    /// <param name="certificate">The signer certificate DER, or empty.</param>
    /// <returns>Whether the signer is known.</returns>
    public bool TryGetSignerCertificate(ushort signerId, out ReadOnlyMemory<byte> certificate)
    {
        var signers = _signersById;
        if (signerId < signers.Length && signers[signerId] is { } signer)
        {
            certificate = signer.CertificateDer;
            return true;
        }

        certificate = default;
        return false;
    }

    /// <summary>Gets a signer by id.</summary>
    /// <param name="signerId">The signer id.</param>
    /// <param name="signer">The signer, or null.</param>
    /// <returns>Whether it is known.</returns>
    public bool TryGetSigner(ushort signerId, [NotNullWhen(true)] out DelegatedSigner? signer)
    {
        var signers = _signersById;
        signer = signerId < signers.Length ? signers[signerId] : null;
        return signer is not null;
    }

    /// <summary>
    /// Adds a delegated signer certificate for a CA (initial set-up or a rollover), assigning and persisting its id in the
    /// catalog before it can sign anything.
    /// </summary>
    /// <param name="caName">The CA.</param>
    /// <param name="keyLabel">The key label in the online token.</param>
    /// <param name="certificateDer">The signer certificate, issued by the CA.</param>
    /// <param name="signer">The HSM signer of that key.</param>
    /// <param name="makeCurrent">Whether new responses are signed by it from now on.</param>
    /// <param name="signerId">An id chosen by the CA manifest, or 0 to let the catalog assign the next free one.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">Unknown CA, or the certificate was not issued by it or does not certify the key.</exception>
    public DelegatedSigner AddSigner(string caName, string keyLabel, ReadOnlyMemory<byte> certificateDer, HsmSigner? signer, bool makeCurrent, ushort signerId = 0)
    {
        if (!TryGetIssuer(caName, out var issuer))
        {
            throw new ArgumentException("Unknown CA " + caName + ".", nameof(caName));
        }

        var id = _catalog.Register(signerId, caName, keyLabel, certificateDer.Span);
        foreach (var existing in issuer.Signers)
        {
            if (existing.Id == id)
            {
                if (makeCurrent)
                {
                    issuer.SetCurrent(existing);
                }

                return existing;
            }
        }

        var added = Register(issuer, id, keyLabel, certificateDer.ToArray(), signer);
        if (makeCurrent && added.Signer is not null)
        {
            issuer.SetCurrent(added);
        }

        return added;
    }

    /// <summary>
    /// Re-evaluates every CA's current signer: the usable one (key present, valid now) with the latest notAfter, the
    /// newest (highest id) on a tie.
    /// </summary>
    /// <param name="now">The current time.</param>
    public void SelectCurrentSigners(DateTimeOffset now)
    {
        foreach (var issuer in _issuers)
        {
            DelegatedSigner? best = null;
            foreach (var signer in issuer.Signers)
            {
                if (signer.Signer is not null && signer.NotBefore <= now && now < signer.NotAfter && (best is null || signer.NotAfter > best.NotAfter || (signer.NotAfter == best.NotAfter && signer.Id > best.Id)))
                {
                    best = signer;
                }
            }

            issuer.SetCurrent(best);
        }
    }

    private DelegatedSigner Register(IssuerEntry issuer, ushort id, string keyLabel, byte[] certificateDer, HsmSigner? hsmSigner)
    {
        var certificate = CertificateInfo.Parse(certificateDer);
        if (!certificate.IssuerName.AsSpan().SequenceEqual(issuer.Certificate.SubjectName))
        {
            throw new ArgumentException($"Signer certificate {id} was not issued by {issuer.Name}.", nameof(certificateDer));
        }

        using (var verifier = new SignatureVerifier(issuer.Certificate.SubjectPublicKeyInfo))
        {
            if (!verifier.Verify(certificate.SignatureAlgorithm, certificate.TbsCertificate, certificate.Signature))
            {
                throw new ArgumentException($"Signer certificate {id} does not verify against {issuer.Name}.", nameof(certificateDer));
            }
        }

        var signer = new DelegatedSigner(id, issuer.Name, keyLabel, certificate, hsmSigner);
        lock (_signerLock)
        {
            var current = _signersById;
            var next = new DelegatedSigner?[Math.Max(current.Length, id + 1)];
            current.CopyTo(next, 0);
            next[id] = signer;
            _signersById = next;
            issuer.AddSigner(signer, makeCurrent: false);
        }

        return signer;
    }

    private readonly record struct HashRow(OcspHashAlgorithm Algorithm, byte[] NameHash, byte[] KeyHash, IssuerEntry Issuer);
}
