// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>The ISO 15118 identifier types (docs/architecture.md §2: the CLI names are <c>evse</c>, <c>secc</c>, <c>emaid</c>, <c>pcid</c>).</summary>
public enum IdType
{
    /// <summary>No identifier (the default value).</summary>
    None = 0,

    /// <summary>EVSE ID in the ISO 15118-2 Annex H form (<see cref="EvseId"/>).</summary>
    Evse = 1,

    /// <summary>ISO 15118-20 SECC ID (<see cref="SeccId"/>).</summary>
    Secc = 2,

    /// <summary>E-mobility account identifier, the contract ID (<see cref="Emaid"/>).</summary>
    Emaid = 3,

    /// <summary>Provisioning certificate identifier of a vehicle (<see cref="Pcid"/>).</summary>
    Pcid = 4,
}
