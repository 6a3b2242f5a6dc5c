// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;
using StoreKind = V2gPki.Store.CertificateKind;

namespace V2gPki.Issuer.Worker;

/// <summary>Maps V2gPki.Pki's profile kinds to what the registry records.</summary>
public static class CertificateKinds
{
    /// <summary>The registry kind of a certificate made with a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The registry kind.</returns>
    public static StoreKind FromProfile(CertificateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Role switch
        {
            CertificateRole.Root => StoreKind.Root,
            CertificateRole.SubCa1 or CertificateRole.SubCa2 => StoreKind.SubCa,
            CertificateRole.OcspSigner => StoreKind.OcspSigner,
            _ => profile.Kind switch
            {
                V2gPki.Pki.Profiles.CertificateKind.Evse => StoreKind.Evse,
                V2gPki.Pki.Profiles.CertificateKind.Contract => StoreKind.Contract,
                V2gPki.Pki.Profiles.CertificateKind.OemProvisioning => StoreKind.OemProvisioning,
                V2gPki.Pki.Profiles.CertificateKind.Vehicle => StoreKind.Vehicle,
                V2gPki.Pki.Profiles.CertificateKind.Cps => StoreKind.Cps,
                _ => StoreKind.Unspecified,
            },
        };
    }
}
