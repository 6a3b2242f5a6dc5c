// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>What <see cref="DerSequence.Check"/> found about the outer framing of a DER value.</summary>
internal enum DerSequenceStatus : byte
{
    /// <summary>Exactly one SEQUENCE with a definite, minimal length, and nothing after it.</summary>
    Ok = 0,

    /// <summary>The first byte is not the SEQUENCE tag 0x30.</summary>
    NotSequence = 1,

    /// <summary>The input ends inside the header or before the content the length announces.</summary>
    Truncated = 2,

    /// <summary>The indefinite length form (0x80), which DER forbids (X.690 §10.1).</summary>
    IndefiniteLength = 3,

    /// <summary>A length in more octets than needed (X.690 §10.1).</summary>
    NonMinimalLength = 4,

    /// <summary>A length field of more than two octets: at least 64 KiB if minimal, over any limit here.</summary>
    LengthTooLarge = 5,

    /// <summary>Bytes follow the SEQUENCE.</summary>
    TrailingBytes = 6,
}
