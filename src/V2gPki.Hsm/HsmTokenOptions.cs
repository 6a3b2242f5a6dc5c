// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// One token of the configuration: which token (label or slot), its role, its PIN source and the sizes of its signing
/// lanes. Bound from the <c>Hsm:Tokens</c> configuration section.
/// </summary>
public sealed class HsmTokenOptions
{
    /// <summary>The role this token plays (<see cref="HsmTokenRoles.Root"/>, <see cref="HsmTokenRoles.Online"/>, …).</summary>
    public string Role { get; set; } = "";

    /// <summary>The token label (CKA token info label, up to 32 bytes). Used to find the token unless <see cref="SlotId"/> is set.</summary>
    public string? Label { get; set; }

    /// <summary>A fixed slot ID. SoftHSM2 assigns slot IDs on initialisation, so prefer <see cref="Label"/>.</summary>
    public ulong? SlotId { get; set; }

    /// <summary>Where the user PIN comes from.</summary>
    public PinSource Pin { get; set; } = new();

    /// <summary>Where the security officer PIN comes from; only needed when <see cref="InitializeIfMissing"/> is set.</summary>
    public PinSource? SoPin { get; set; }

    /// <summary>
    /// Initialise the token (<c>C_InitToken</c> + <c>C_InitPIN</c> on a free slot) when no token with <see cref="Label"/>
    /// exists. For the demo's SoftHSM2 tokens; production tokens are initialised in a ceremony.
    /// </summary>
    public bool InitializeIfMissing { get; set; }

    /// <summary>
    /// Sessions reserved for the priority lane (revocation, issuance), 1 or more. Each serves one signature at a time on
    /// the caller's thread; raise it when more priority signers run concurrently than there are reserved sessions.
    /// </summary>
    public int PrioritySessions { get; set; } = 1;

    /// <summary>
    /// Sessions (each with its own worker thread) of the bulk lane, 1 or more. The sign rate of SoftHSM2 grows with
    /// sessions only up to the CPU cores it can use; about one per core is a good start (see bench/ Hsm figures).
    /// </summary>
    public int BulkSessions { get; set; } = 4;

    /// <summary>
    /// Upper bound of signatures queued or executing in the bulk lane for this token; producers wait (back-pressure)
    /// beyond it. Size it as bulk sessions × a few hundred: enough to keep every session busy, small enough that a
    /// newly queued batch is not stuck behind minutes of work.
    /// </summary>
    public int BulkMaxInFlight { get; set; } = 1024;
}
