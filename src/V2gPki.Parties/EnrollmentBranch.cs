// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties;

/// <summary>
/// The EST <c>{ca}</c> a request names, as the Hubject OPCP API spells it (docs/architecture.md §2): each maps to the
/// Sub-CA 2 of one branch of the hierarchy. Values are explicit and never reused.
/// </summary>
public enum EnrollmentBranch : byte
{
    /// <summary>No branch (the default value).</summary>
    None = 0,

    /// <summary><c>cpo</c>: SECC (EVSE) leaves from <c>cpo-sub2</c>.</summary>
    Cpo = 1,

    /// <summary><c>mo</c>: contract leaves from <c>mo-sub2</c>.</summary>
    Mo = 2,

    /// <summary><c>oem</c>: OEM provisioning leaves from <c>oem-sub2</c>.</summary>
    Oem = 3,

    /// <summary><c>veh</c>: ISO 15118-20 vehicle leaves (reserved: no public profile yet).</summary>
    Vehicle = 4,

    /// <summary><c>cps</c>: CPS signing leaves from <c>cps-sub2</c>.</summary>
    Cps = 5,
}
