// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// Signatures made and failed on one signing lane of a token, for the host's <c>/metrics</c> (HSM signatures and
/// errors per lane). One <see cref="Interlocked"/> increment per signature: noise next to a PKCS#11 round trip.
/// </summary>
public sealed class SigningCounters
{
    private long _signatures;
    private long _errors;

    /// <summary>Signatures the token returned.</summary>
    public long Signatures => Interlocked.Read(ref _signatures);

    /// <summary>Signatures that failed with an <see cref="HsmException"/> after every repair attempt.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    internal void Signed() => Interlocked.Increment(ref _signatures);

    internal void Failed() => Interlocked.Increment(ref _errors);
}
