// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>What <see cref="EnrollmentService.EnrollAsync"/> answered.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Certificate">The issued certificate's DER; null unless <see cref="EstOutcome.Ok"/>.</param>
/// <param name="Reason">Why not, for the body of an error answer and the audit log; empty on success.</param>
/// <param name="CommonName">The issued certificate's CN (the normalised identifier); null unless issued.</param>
/// <param name="SerialHex">The issued certificate's serial number, hex; null unless issued.</param>
public readonly record struct EnrollmentResult(EstOutcome Outcome, byte[]? Certificate, string Reason, string? CommonName = null, string? SerialHex = null)
{
    /// <summary>A refusal with its reason.</summary>
    /// <param name="outcome">Any outcome but <see cref="EstOutcome.Ok"/>.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static EnrollmentResult Refused(EstOutcome outcome, string reason) => new(outcome, null, reason);
}
