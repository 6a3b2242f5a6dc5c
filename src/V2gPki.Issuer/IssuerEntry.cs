// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Signers;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer;

/// <summary>
/// One CA in the <see cref="IssuerDirectory"/>: its store issuer id, certificate, CertID hashes per configured algorithm,
/// its delegated OCSP signers (the current one signs; older ones stay so their responses can still be spliced).
/// </summary>
public sealed class IssuerEntry
{
    private readonly IssuerHashes[] _hashes;
    private volatile DelegatedSigner[] _signers = [];
    private volatile DelegatedSigner? _current;

    internal IssuerEntry(int index, IssuerCaDefinition definition, CertificateInfo certificate, IssuerHashes[] hashes)
    {
        Index = index;
        Name = definition.Name;
        Id = new IssuerId(definition.IssuerId);
        ParentName = definition.ParentName;
        Certificate = certificate;
        _hashes = hashes;
        NoncePolicy = definition.NoncePolicy;
        IsOnline = definition.IsOnline;
    }

    /// <summary>Gets the position of the CA in the directory (stable while the process runs).</summary>
    public int Index { get; }

    /// <summary>Gets the CA name (docs/architecture.md §2).</summary>
    public string Name { get; }

    /// <summary>Gets the store issuer id (the first two bytes of every key of certificates it issued).</summary>
    public IssuerId Id { get; }

    /// <summary>Gets the name of the issuing CA of this CA's certificate, or null for a root.</summary>
    public string? ParentName { get; }

    /// <summary>Gets the parent entry (null for a root, or when the parent is not configured).</summary>
    public IssuerEntry? Parent { get; internal set; }

    /// <summary>Gets the CA certificate.</summary>
    public CertificateInfo Certificate { get; }

    /// <summary>Gets the CertID hashes, one per configured algorithm, in configuration order.</summary>
    public ReadOnlySpan<IssuerHashes> Hashes => _hashes;

    /// <summary>Gets whether nonce requests about this CA's certificates are signed live (RFC 9654); off keeps responses cacheable.</summary>
    public bool NoncePolicy { get; }

    /// <summary>Gets whether the CA key is online (its CRLs are generated here; offline CAs' CRLs are imported).</summary>
    public bool IsOnline { get; }

    /// <summary>Gets the signer that signs new responses, or null when none is usable.</summary>
    public DelegatedSigner? CurrentSigner => _current;

    /// <summary>Gets every signer of this CA, oldest first.</summary>
    public IReadOnlyList<DelegatedSigner> Signers => _signers;

    internal void AddSigner(DelegatedSigner signer, bool makeCurrent)
    {
        var signers = _signers;
        var next = new DelegatedSigner[signers.Length + 1];
        signers.CopyTo(next, 0);
        next[^1] = signer;
        _signers = next;
        if (makeCurrent)
        {
            _current = signer;
        }
    }

    internal void SetCurrent(DelegatedSigner? signer) => _current = signer;

    /// <inheritdoc />
    public override string ToString() => $"{Name} (issuer {Id})";
}
