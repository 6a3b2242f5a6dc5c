// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>How the admin API names registry values in JSON (docs/architecture.md §2 kind names).</summary>
internal static class CertificateText
{
    /// <summary>The status name: <c>good</c>, <c>revoked</c> or <c>hold</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Good => "good",
        CertificateStatus.Revoked => "revoked",
        CertificateStatus.Hold => "hold",
        _ => "unknown",
    };

    /// <summary>
    /// The kind name: the docs/architecture.md §2 leaf kinds, <c>sub-ca</c>, <c>root</c>, <c>ocsp-signer</c>.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Kind(CertificateKind kind) => kind switch
    {
        CertificateKind.Evse => "evse",
        CertificateKind.Contract => "contract",
        CertificateKind.OemProvisioning => "oem-prov",
        CertificateKind.Vehicle => "veh",
        CertificateKind.Cps => "cps",
        CertificateKind.SubCa => "sub-ca",
        CertificateKind.Root => "root",
        CertificateKind.OcspSigner => "ocsp-signer",
        _ => "unspecified",
    };
}
