// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki;

/// <summary>The part of ISO 15118 whose certificate profile and identifier limits apply.</summary>
public enum Iso15118Version
{
    /// <summary>ISO 15118-2: EC P-256 keys, ecdsa-with-SHA256, certificates of at most 800 bytes DER.</summary>
    Part2 = 2,

    /// <summary>ISO 15118-20: EC P-521 keys with ecdsa-with-SHA512 or Ed448, certificates of at most 1600 bytes DER.</summary>
    Part20 = 20,
}
