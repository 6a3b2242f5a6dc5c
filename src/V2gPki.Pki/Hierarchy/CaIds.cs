// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// Assigns the stable small ids of the manifest: a CA's issuer id and a signer's id are the explicit, never reused
/// value of its <see cref="CertificateKind"/> (<c>v2g-root</c> = 1, <c>cpo-sub2</c> = 3, <c>cpo-sub2-ocsp</c> = 43, …);
/// an id already taken (a renewed CA or signer generation) gets the next free value from 256 up.
/// </summary>
public static class CaIds
{
    /// <summary>The first id handed out when the kind's own value is taken.</summary>
    public const ushort FirstGenerationId = 256;

    /// <summary>The issuer id for a new CA entry.</summary>
    /// <param name="manifest">The manifest (its CAs' ids are taken).</param>
    /// <param name="kind">The CA's kind.</param>
    /// <returns>The id, never 0.</returns>
    public static ushort NewIssuerId(CaHierarchyManifest manifest, CertificateKind kind)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var taken = new HashSet<ushort>();
        foreach (var entry in manifest.Cas)
        {
            taken.Add(entry.IssuerId);
        }

        return Pick(taken, kind);
    }

    /// <summary>The signer id for a new OCSP signer entry.</summary>
    /// <param name="manifest">The manifest (its signers' ids are taken).</param>
    /// <param name="kind">The signer's kind.</param>
    /// <returns>The id, never 0.</returns>
    public static ushort NewSignerId(CaHierarchyManifest manifest, CertificateKind kind)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var taken = new HashSet<ushort>();
        foreach (var entry in manifest.OcspSigners)
        {
            taken.Add(entry.SignerId);
        }

        return Pick(taken, kind);
    }

    private static ushort Pick(HashSet<ushort> taken, CertificateKind kind)
    {
        var own = (ushort)kind;
        if (own != 0 && !taken.Contains(own))
        {
            return own;
        }

        for (int id = FirstGenerationId; id <= ushort.MaxValue; id++)
        {
            if (!taken.Contains((ushort)id))
            {
                return (ushort)id;
            }
        }

        throw new InvalidOperationException("every 2-byte id is taken");
    }
}
