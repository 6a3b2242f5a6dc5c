// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Kind of a WAL entry. Numeric values are stored and never reused.</summary>
public enum WalEntryType : byte
{
    /// <summary>A certificate was issued or imported: registry record + certificate DER + first signed response.</summary>
    Issuance = 1,

    /// <summary>Revocation, hold or un-hold: new registry record + the response signed for the new status.</summary>
    StatusChange = 2,
}
