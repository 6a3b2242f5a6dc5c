// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// A small integer that names one issuing CA inside the store (the first two bytes of every key).
/// </summary>
/// <remarks>
/// Chosen over the 8-byte SKI so that keys stay short (2 + serial bytes, which keeps a 16-byte serial's key in 24 bytes of
/// log) and so that a CA whose SKI is not 8 bytes (an imported hierarchy) needs no special case. The CA configuration owns
/// the assignment and must keep it stable for the CA's lifetime: the OCSP host maps a CertID (issuer name and key hashes in
/// any configured hash algorithm) to this id through its issuer table. Value 0 is reserved as "no issuer".
/// </remarks>
/// <param name="Value">The id; 1 to 65535.</param>
public readonly record struct IssuerId(ushort Value)
{
    /// <summary>Gets a value indicating whether this id names an issuer (it is not the reserved 0).</summary>
    public bool IsValid => Value != 0;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
