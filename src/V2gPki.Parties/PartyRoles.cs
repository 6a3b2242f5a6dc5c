// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties;

/// <summary>
/// The roles of the Plug&amp;Charge parties (docs/architecture.md §2). An account may hold several (an MO that runs its
/// own CPS). Values are explicit and never reused.
/// </summary>
[Flags]
public enum PartyRoles : byte
{
    /// <summary>No role: authenticated, allowed nothing.</summary>
    None = 0,

    /// <summary>Charge point operator: enrolls SECC (EVSE) certificates for its stations, fetches contract data for cars.</summary>
    Cpo = 1,

    /// <summary>Mobility operator: enrolls contract certificates, asks for signed contract data.</summary>
    Mo = 2,

    /// <summary>Car maker: enrolls OEM provisioning (and, with ISO 15118-20, vehicle) certificates.</summary>
    Oem = 4,

    /// <summary>Certificate provisioning service: enrolls CPS signing certificates.</summary>
    Cps = 8,

    /// <summary>Operator of this PKI: the admin API (revoke, hold, approvals).</summary>
    Admin = 16,
}
