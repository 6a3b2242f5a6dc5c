// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>Why an identifier was refused. Values are explicit and never reused (docs/style.md §15).</summary>
public enum IdErrorCode
{
    /// <summary>No error: the identifier is valid.</summary>
    None = 0,

    /// <summary>The value is empty.</summary>
    Empty = 1,

    /// <summary>The value holds a character the grammar does not allow (including a separator of another format).</summary>
    InvalidCharacter = 2,

    /// <summary>The value is shorter than the grammar allows.</summary>
    TooShort = 3,

    /// <summary>The value is longer than the grammar allows.</summary>
    TooLong = 4,

    /// <summary>The first two characters are not two letters.</summary>
    InvalidCountryCode = 5,

    /// <summary>The country code is two letters but not an ISO 3166-1 alpha-2 code (for example <c>ZZ</c> or <c>UK</c>).</summary>
    UnknownCountryCode = 6,

    /// <summary>The operator or provider ID is not three letters or digits.</summary>
    InvalidPartyId = 7,

    /// <summary>The ID type character (<c>E</c> for an EVSE ID, <c>S</c> for a SECC ID) is missing.</summary>
    MissingIdType = 8,

    /// <summary>The value is in a DIN SPEC 91286 form (EVSE ID or EVCO-ID), which is not supported.</summary>
    DinFormNotSupported = 9,

    /// <summary>Separators are used in some places but not in others, doubled, or placed where the grammar has none.</summary>
    InvalidSeparators = 10,

    /// <summary>Strict mode: the 15th character of an EMAID is not the eMI3 check digit.</summary>
    WrongCheckDigit = 11,

    /// <summary>The identifier type is not known.</summary>
    UnknownIdType = 12,
}
