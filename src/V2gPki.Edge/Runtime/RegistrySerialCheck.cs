// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Issuance;
using V2gPki.Store;

namespace V2gPki.Edge.Runtime;

/// <summary>Serial uniqueness per issuer (RFC 5280 §4.1.2.2) checked against the registry; the store refuses a duplicate write as well.</summary>
/// <param name="registry">The certificate registry.</param>
internal sealed class RegistrySerialCheck(ICertificateRegistry registry) : ISerialNumberCheck
{
    /// <inheritdoc/>
    public bool IsInUse(IssuingCa issuer, ReadOnlySpan<byte> serial)
    {
        ArgumentNullException.ThrowIfNull(issuer);

        // Anything but a clear NotFound (not ready, unreadable) counts as taken: drawing another serial is cheap.
        return registry.TryGetCertificate(new IssuerId(issuer.IssuerId), serial, out _) != LookupStatus.NotFound;
    }
}
