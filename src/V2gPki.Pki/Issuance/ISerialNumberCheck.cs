// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Issuance;

/// <summary>
/// Tells issuance whether a serial is already taken under an issuer, so that serials stay unique per issuer (RFC 5280
/// §4.1.2.2). The issuing worker backs it with the registry; because the check and the later registry write are not
/// one atomic step, the worker issues for one issuer at a time or lets the registry refuse a duplicate write.
/// </summary>
public interface ISerialNumberCheck
{
    /// <summary>Whether <paramref name="serial"/> is already used under <paramref name="issuer"/>.</summary>
    /// <param name="issuer">The issuing CA (its <see cref="IssuingCa.IssuerId"/> names it in the store).</param>
    /// <param name="serial">The serial as DER INTEGER content octets (big-endian, positive, minimal).</param>
    /// <returns><see langword="true"/> when taken; issuance then draws another serial.</returns>
    bool IsInUse(IssuingCa issuer, ReadOnlySpan<byte> serial);
}
