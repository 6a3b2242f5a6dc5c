// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>
/// Every certificate the PKI issues (docs/architecture.md §2). Values are explicit and never reused; a delegated OCSP
/// signer's value is its CA's value + 40.
/// </summary>
public enum CertificateKind
{
    /// <summary>No kind (the default value).</summary>
    None = 0,

    /// <summary>The V2G root CA, <c>v2g-root</c>.</summary>
    V2gRoot = 1,

    /// <summary>CPO Sub-CA 1, <c>cpo-sub1</c>.</summary>
    CpoSub1 = 2,

    /// <summary>CPO Sub-CA 2, <c>cpo-sub2</c>, issues SECC (EVSE) leaves.</summary>
    CpoSub2 = 3,

    /// <summary>The optional separate MO root CA, <c>mo-root</c>.</summary>
    MoRoot = 4,

    /// <summary>MO Sub-CA 1, <c>mo-sub1</c>.</summary>
    MoSub1 = 5,

    /// <summary>MO Sub-CA 2, <c>mo-sub2</c>, issues contract leaves.</summary>
    MoSub2 = 6,

    /// <summary>The optional separate OEM root CA, <c>oem-root</c>.</summary>
    OemRoot = 7,

    /// <summary>OEM Sub-CA 1, <c>oem-sub1</c>.</summary>
    OemSub1 = 8,

    /// <summary>OEM Sub-CA 2, <c>oem-sub2</c>, issues OEM provisioning leaves.</summary>
    OemSub2 = 9,

    /// <summary>CPS Sub-CA 1, <c>cps-sub1</c>.</summary>
    CpsSub1 = 10,

    /// <summary>CPS Sub-CA 2, <c>cps-sub2</c>, issues CPS signing leaves.</summary>
    CpsSub2 = 11,

    /// <summary>SECC leaf, <c>evse</c>: CN = EVSE ID (ISO 15118-2) or SECC ID (ISO 15118-20).</summary>
    Evse = 20,

    /// <summary>Contract leaf, <c>contract</c>: CN = EMAID.</summary>
    Contract = 21,

    /// <summary>OEM provisioning leaf, <c>oem-prov</c>: CN = PCID.</summary>
    OemProvisioning = 22,

    /// <summary>
    /// ISO 15118-20 vehicle leaf, <c>veh</c>: reserved, no public profile (docs/architecture.md §10).
    /// </summary>
    Vehicle = 23,

    /// <summary>CPS signing leaf, <c>cps</c>: signs contract data.</summary>
    Cps = 24,

    /// <summary>Delegated OCSP signer of <c>v2g-root</c>.</summary>
    V2gRootOcsp = 41,

    /// <summary>Delegated OCSP signer of <c>cpo-sub1</c>.</summary>
    CpoSub1Ocsp = 42,

    /// <summary>Delegated OCSP signer of <c>cpo-sub2</c>.</summary>
    CpoSub2Ocsp = 43,

    /// <summary>Delegated OCSP signer of <c>mo-root</c>.</summary>
    MoRootOcsp = 44,

    /// <summary>Delegated OCSP signer of <c>mo-sub1</c>.</summary>
    MoSub1Ocsp = 45,

    /// <summary>Delegated OCSP signer of <c>mo-sub2</c>.</summary>
    MoSub2Ocsp = 46,

    /// <summary>Delegated OCSP signer of <c>oem-root</c>.</summary>
    OemRootOcsp = 47,

    /// <summary>Delegated OCSP signer of <c>oem-sub1</c>.</summary>
    OemSub1Ocsp = 48,

    /// <summary>Delegated OCSP signer of <c>oem-sub2</c>.</summary>
    OemSub2Ocsp = 49,

    /// <summary>Delegated OCSP signer of <c>cps-sub1</c>.</summary>
    CpsSub1Ocsp = 50,

    /// <summary>Delegated OCSP signer of <c>cps-sub2</c>.</summary>
    CpsSub2Ocsp = 51,
}
