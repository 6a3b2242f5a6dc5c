// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>Findings that lenient parsing accepts but reports; strict parsing refuses them.</summary>
[Flags]
public enum IdWarnings
{
    /// <summary>Nothing to report.</summary>
    None = 0,

    /// <summary>The EMAID carries a 15th character that is not the eMI3 check digit.</summary>
    WrongCheckDigit = 1,

    /// <summary>The EMAID's country code is two letters but not an ISO 3166-1 alpha-2 code.</summary>
    UnknownCountryCode = 2,
}
