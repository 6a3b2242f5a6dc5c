// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// What a registered certificate is (docs/architecture.md §2 leaf kinds plus CA and signer certificates).
/// </summary>
/// <remarks>Stored as one byte; values are never reused. The store does not interpret it.</remarks>
public enum CertificateKind : byte
{
    /// <summary>Not specified.</summary>
    Unspecified = 0,

    /// <summary>SECC (EVSE) leaf, <c>evse</c>.</summary>
    Evse = 1,

    /// <summary>Contract leaf, <c>contract</c>.</summary>
    Contract = 2,

    /// <summary>OEM provisioning leaf, <c>oem-prov</c>.</summary>
    OemProvisioning = 3,

    /// <summary>ISO 15118-20 vehicle leaf, <c>veh</c>.</summary>
    Vehicle = 4,

    /// <summary>CPS signing leaf, <c>cps</c>.</summary>
    Cps = 5,

    /// <summary>Sub-CA certificate (Sub-CA 1 or 2).</summary>
    SubCa = 6,

    /// <summary>Root certificate.</summary>
    Root = 7,

    /// <summary>Delegated OCSP signer certificate.</summary>
    OcspSigner = 8,
}
