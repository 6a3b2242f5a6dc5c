// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Pki.Hierarchy;

/// <summary>One CA of the hierarchy manifest.</summary>
public sealed class CaManifestEntry
{
    /// <summary>Gets or sets the docs/architecture.md §2 name (<c>v2g-root</c>, <c>cpo-sub2</c>, …), also its profile's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the parent CA's name; <see langword="null"/> for a root.</summary>
    public string? Parent { get; set; }

    /// <summary>Gets or sets the role of the token holding the key (<c>root</c>, <c>online</c>); <see langword="null"/> for an external CA whose key is not ours.</summary>
    public string? TokenRole { get; set; }

    /// <summary>Gets or sets the key label on that token; <see langword="null"/> for an external CA.</summary>
    public string? KeyLabel { get; set; }

    /// <summary>Gets or sets the key type (<c>EcP256</c>, <c>EcP521</c>, <c>Ed448</c>); <see langword="null"/> for an external CA.</summary>
    public HsmKeyType? KeyType { get; set; }

    /// <summary>Gets or sets the ISO 15118 part (2 or 20).</summary>
    public int IsoVersion { get; set; }

    /// <summary>Gets or sets the certificate file (PEM), relative to the manifest's directory; <see langword="null"/> while a CSR awaits its certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the name of its delegated OCSP signer (<c>&lt;name&gt;-ocsp</c>).</summary>
    public string OcspSigner { get; set; } = "";

    /// <summary>Gets or sets the stable small id the store keys this issuer by (2 bytes; 0 is reserved).</summary>
    public ushort IssuerId { get; set; }

    /// <summary>Gets or sets the AIA OCSP URL of the certificates this CA issues.</summary>
    public string OcspUrl { get; set; } = "";

    /// <summary>Gets a value indicating whether the CA is external (its key is not in our tokens).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsExternal => TokenRole is null;
}
