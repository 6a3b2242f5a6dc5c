// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// One delegated OCSP signer (RFC 6960 §4.2.2.2) of the hierarchy manifest. Its key always lives in the online token,
/// also for offline CAs, whose signer certificate is issued in a ceremony.
/// </summary>
public sealed class OcspSignerManifestEntry
{
    /// <summary>Gets or sets the name (<c>cpo-sub2-ocsp</c>), also its profile's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the CA it answers for.</summary>
    public string Ca { get; set; } = "";

    /// <summary>Gets or sets the token role (always <c>online</c>).</summary>
    public string TokenRole { get; set; } = HsmTokenRoles.Online;

    /// <summary>Gets or sets the key label.</summary>
    public string KeyLabel { get; set; } = "";

    /// <summary>Gets or sets the key type.</summary>
    public HsmKeyType KeyType { get; set; }

    /// <summary>Gets or sets the certificate file (PEM), relative to the manifest's directory; <see langword="null"/> while its certificate is pending.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the stable small id of this signer: the serving index records it with every response it signed, and the host splices this signer's certificate in.</summary>
    public ushort SignerId { get; set; }
}
