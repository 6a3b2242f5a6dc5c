// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

public static partial class OcspResponseReader
{
    /// <summary>
    /// Reads one <c>SingleResponse ::= SEQUENCE { certID, certStatus, thisUpdate, nextUpdate [0] EXPLICIT OPTIONAL,
    /// singleExtensions [1] EXPLICIT OPTIONAL }</c> (RFC 6960 §4.2.1).
    /// </summary>
    /// <param name="list">Positioned at the SingleResponse; advanced past it on success.</param>
    /// <param name="response">The SingleResponse; default on failure.</param>
    /// <returns><see cref="OcspParseStatus.Ok"/> or why it is malformed.</returns>
    internal static OcspParseStatus ReadSingleResponse(scoped ref DerReader list, out SingleResponse response)
    {
        response = default;
        var der = list.TryReadSequence(out var single);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var status = CertIdCodec.TryRead(ref single, out var certId);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        status = ReadCertStatus(ref single, out var certStatus, out var revocationTicks, out var reason);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        der = single.TryReadGeneralizedTimeTicks(out var thisUpdate);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        long nextUpdate = -1;
        if (single.PeekTagIs(ExplicitTag0))
        {
            der = single.TryReadExplicit(0, out var next);
            if (der == DerStatus.Done)
            {
                der = next.TryReadGeneralizedTimeTicks(out nextUpdate);
            }

            if (der == DerStatus.Done)
            {
                der = next.TryReadEnd();
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }
        }

        ReadOnlySpan<byte> extensions = default;
        if (single.HasData)
        {
            der = TryReadExplicitSequence(ref single, 1, out var sequence);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            extensions = sequence.RemainingData;
            while (sequence.HasData)
            {
                status = ReadExtension(ref sequence, out _, out _, out _);
                if (status != OcspParseStatus.Ok)
                {
                    return status;
                }
            }

            if (single.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        var thisUpdateTime = new DateTimeOffset(thisUpdate, TimeSpan.Zero);
        DateTimeOffset? nextUpdateTime = nextUpdate < 0 ? null : new DateTimeOffset(nextUpdate, TimeSpan.Zero);
        var info = certStatus switch
        {
            CertStatus.Good => CertStatusInfo.Good(thisUpdateTime, nextUpdateTime),
            CertStatus.Unknown => CertStatusInfo.Unknown(thisUpdateTime, nextUpdateTime),
            _ => CertStatusInfo.Revoked(new DateTimeOffset(revocationTicks, TimeSpan.Zero), reason < 0 ? null : (CrlReason)reason, thisUpdateTime, nextUpdateTime),
        };
        response = new SingleResponse(certId, info, extensions);
        return OcspParseStatus.Ok;
    }

    private static OcspParseStatus ReadCertStatus(scoped ref DerReader single, out CertStatus status, out long revocationTicks, out int reason)
    {
        status = CertStatus.Good;
        revocationTicks = 0;
        reason = -1;
        if (single.PeekTagIs(DerTag.ContextPrimitive(0)))
        {
            // good [0] IMPLICIT NULL.
            var der = single.TryReadNull(DerTag.ContextPrimitive(0));
            return der == DerStatus.Done ? OcspParseStatus.Ok : OcspStatusMap.FromDer(der);
        }

        if (single.PeekTagIs(DerTag.ContextPrimitive(2)))
        {
            // unknown [2] IMPLICIT UnknownInfo ::= NULL.
            var der = single.TryReadNull(DerTag.ContextPrimitive(2));
            status = CertStatus.Unknown;
            return der == DerStatus.Done ? OcspParseStatus.Ok : OcspStatusMap.FromDer(der);
        }

        // revoked [1] IMPLICIT RevokedInfo ::= SEQUENCE { revocationTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }.
        var result = single.TryReadConstructed(ExplicitTag1, out var revoked);
        if (result == DerStatus.Done)
        {
            result = revoked.TryReadGeneralizedTimeTicks(out revocationTicks);
        }

        if (result == DerStatus.Done && revoked.HasData)
        {
            result = revoked.TryReadExplicit(0, out var reasonReader);
            if (result == DerStatus.Done)
            {
                result = reasonReader.TryReadEnumerated(out reason);
            }

            if (result == DerStatus.Done)
            {
                result = reasonReader.TryReadEnd();
            }

            // RFC 5280 §5.3.1: CRLReason 0–10, 7 unused.
            if (result == DerStatus.Done && (reason < 0 || reason > 10 || reason == 7))
            {
                revocationTicks = 0;
                reason = -1;
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        if (result == DerStatus.Done)
        {
            result = revoked.TryReadEnd();
        }

        if (result != DerStatus.Done)
        {
            revocationTicks = 0;
            reason = -1;
            return OcspStatusMap.FromDer(result);
        }

        status = CertStatus.Revoked;
        return OcspParseStatus.Ok;
    }
}
