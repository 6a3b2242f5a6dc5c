// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>
/// The one outcome of OCSP answering, for every layer of it: a source of the chain (<see cref="IOcspResponseSource"/>:
/// a signed part was found), the responder (<see cref="IOcspResponder"/>: a whole <c>OCSPResponse</c> was written), the
/// listeners that map it to HTTP in one switch and the OCPP adapter that maps it to OCPP status codes. Values 0–6 are
/// the RFC 6960 §4.2.1 <c>OCSPResponseStatus</c> they stand for, so an error outcome is its own unsigned response
/// (<c>V2gPki.Ocsp.OcspErrorResponses.Get((OcspResponseStatus)outcome)</c>); values from 64 up are instructions that
/// never reach the wire. Explicit and never reused (docs/style.md §15).
/// </summary>
public enum OcspOutcome : byte
{
    /// <summary>
    /// RFC 6960 <c>successful</c>: a source wrote a signed part (<see cref="OcspAnswer"/> says which signer made it); the
    /// responder wrote the whole response.
    /// </summary>
    Successful = 0,

    /// <summary>
    /// RFC 6960 <c>malformedRequest</c>: the DER is not an OCSP request, or it cannot be answered as sent (a nonce
    /// outside RFC 9654 bounds under a nonce policy). Nothing was written.
    /// </summary>
    MalformedRequest = 1,

    /// <summary>RFC 6960 <c>internalError</c>: a fault on our side. Nothing was written.</summary>
    InternalError = 2,

    /// <summary>
    /// RFC 6960 <c>tryLater</c>: store not ready, a disk read, a response past nextUpdate, or the live signer over its
    /// bound. Nothing was written.
    /// </summary>
    TryLater = 3,

    // 4 is not used by RFC 6960 §4.2.1; keep it free.

    /// <summary>RFC 6960 <c>sigRequired</c>: the request must be signed. Nothing was written.</summary>
    SigRequired = 5,

    /// <summary>
    /// RFC 6960 <c>unauthorized</c>: not our CA, a serial that cannot be ours, or a never-issued serial under the
    /// <c>unauthorized</c> policy. Nothing was written.
    /// </summary>
    Unauthorized = 6,

    /// <summary>
    /// Cannot be answered from memory (a never-issued serial, a nonce under a sign-live policy, several CertIDs):
    /// nothing was written; the caller hands the request to the live slow path (<see cref="IOcspResponder.AnswerSlowAsync"/>).
    /// </summary>
    NeedsLiveSigning = 64,
}
