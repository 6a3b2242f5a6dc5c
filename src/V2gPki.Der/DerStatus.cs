// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// The outcome of a DER read (docs/style.md §7, §15). Values are explicit and never reused. Every status other than
/// <see cref="Done"/> leaves the reader where it was (nothing consumed) and the <c>out</c> values zeroed.
/// </summary>
public enum DerStatus
{
    /// <summary>The element was read and consumed.</summary>
    Done = 0,

    /// <summary>The input ends inside the element (top-level reader only): more bytes could complete it.</summary>
    NeedMoreData = 1,

    /// <summary>A well-formed element has another tag than the one asked for.</summary>
    UnexpectedTag = 2,

    /// <summary>The tag is the end-of-contents tag or uses the high-tag-number form (X.690 §8.1.2.4), which PKIX never needs.</summary>
    InvalidTag = 3,

    /// <summary>The indefinite length form (0x80), forbidden by DER (X.690 §10.1).</summary>
    IndefiniteLength = 4,

    /// <summary>The length is not in the shortest form (X.690 §10.1): long form below 128 or leading zero octets.</summary>
    NonMinimalLength = 5,

    /// <summary>The length uses the reserved 0xFF octet (X.690 §8.1.3.5 c) or does not fit a 32-bit signed integer.</summary>
    InvalidLength = 6,

    /// <summary>Inside an enclosing element, an element (or a required element) runs past the enclosing contents.</summary>
    UnexpectedEnd = 7,

    /// <summary>Opening one more constructed element would exceed the reader's nesting-depth limit.</summary>
    DepthLimitExceeded = 8,

    /// <summary>An INTEGER or ENUMERATED has a redundant leading 0x00 or 0xFF octet (X.690 §8.3.2).</summary>
    NonMinimalInteger = 9,

    /// <summary>An INTEGER has no content octets (X.690 §8.3.1).</summary>
    InvalidInteger = 10,

    /// <summary>An INTEGER does not fit the requested type.</summary>
    IntegerOverflow = 11,

    /// <summary>An INTEGER read as unsigned is negative.</summary>
    NegativeInteger = 12,

    /// <summary>A BOOLEAN is not one octet of 0x00 or 0xFF (X.690 §8.2.1, §11.1).</summary>
    InvalidBoolean = 13,

    /// <summary>A NULL has content octets (X.690 §8.8.2).</summary>
    InvalidNull = 14,

    /// <summary>An OBJECT IDENTIFIER is empty, truncated, or has a subidentifier with a leading 0x80 (X.690 §8.19.2).</summary>
    InvalidObjectIdentifier = 15,

    /// <summary>A BIT STRING has no unused-bits octet, more than 7 unused bits, or non-zero unused bits (X.690 §8.6.2, §11.2.1).</summary>
    InvalidBitString = 16,

    /// <summary>A GeneralizedTime is not of the DER form <c>YYYYMMDDHHMMSS[.f*]Z</c> or names no real instant (X.690 §11.7).</summary>
    InvalidTime = 17,

    /// <summary>Bytes follow the last element where the structure ends.</summary>
    TrailingData = 18,
}
