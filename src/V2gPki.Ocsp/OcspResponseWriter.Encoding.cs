// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

public static partial class OcspResponseWriter
{
    private const byte ExplicitTag0 = 0xA0;
    private const byte ExplicitTag1 = 0xA1;
    private const byte ExplicitTag2 = 0xA2;

    /// <summary>Extension { id-pkix-ocsp-extended-revoke, extnValue NULL } (RFC 6960 §4.4.8), non-critical.</summary>
    private static ReadOnlySpan<byte> ExtendedRevokeExtension =>
        [0x30, 0x0F, 0x06, 0x09, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x09, 0x04, 0x02, 0x05, 0x00];

    /// <summary>Prepends ResponseData (RFC 6960 §4.2.1) with the backwards writer: last field first.</summary>
    /// <typeparam name="TResponses">The SingleResponse list type.</typeparam>
    /// <param name="writer">The writer (measuring or writing).</param>
    /// <param name="fields">responderID, producedAt, responseExtensions.</param>
    /// <param name="responses">The SingleResponses.</param>
    internal static void WriteResponseData<TResponses>(ref DerWriter writer, scoped in ResponseDataFields fields, scoped in TResponses responses)
        where TResponses : ISingleResponseList, allows ref struct
    {
        var data = writer.Mark;

        // responseExtensions [1] EXPLICIT Extensions OPTIONAL.
        if (!fields.NonceExtensionValue.IsEmpty || fields.ExtendedRevokedDefinition || !fields.AdditionalExtensions.IsEmpty)
        {
            var extensions = writer.Mark;
            writer.WriteEncoded(fields.AdditionalExtensions);
            if (fields.ExtendedRevokedDefinition)
            {
                writer.WriteEncoded(ExtendedRevokeExtension);
            }

            if (!fields.NonceExtensionValue.IsEmpty)
            {
                // RFC 6960 §4.4.1: the nonce extension echoes the request's; extnValue as the client sent it.
                var nonce = writer.Mark;
                writer.WriteOctetString(fields.NonceExtensionValue);
                writer.WriteObjectIdentifier(Oids.OcspNonce);
                writer.Wrap(DerTag.Sequence, nonce);
            }

            writer.Wrap(DerTag.Sequence, extensions);
            writer.Wrap(ExplicitTag1, extensions);
        }

        // responses SEQUENCE OF SingleResponse (RFC 6960 §4.2.2.3 allows more than were asked for).
        var list = writer.Mark;
        for (var i = responses.Count - 1; i >= 0; i--)
        {
            WriteSingleResponse(ref writer, responses.GetResponse(i));
        }

        writer.Wrap(DerTag.Sequence, list);
        writer.WriteGeneralizedTime(fields.ProducedAt);
        WriteResponderId(ref writer, fields.ResponderId);

        // version [0] EXPLICIT DEFAULT v1: omitted, DER never encodes a DEFAULT value (X.690 §11.5).
        writer.Wrap(DerTag.Sequence, data);
    }

    private static void WriteResponderId(ref DerWriter writer, scoped in ResponderId responderId)
    {
        var mark = writer.Mark;
        if (responderId.Kind == ResponderIdKind.ByKey)
        {
            // byKey [2] KeyHash, EXPLICIT (the OCSP module uses EXPLICIT TAGS).
            writer.WriteOctetString(responderId.Value);
            writer.Wrap(ExplicitTag2, mark);
        }
        else
        {
            // byName [1] Name, EXPLICIT.
            writer.WriteEncoded(responderId.Value);
            writer.Wrap(ExplicitTag1, mark);
        }
    }

    private static void WriteSingleResponse(ref DerWriter writer, scoped in SingleResponse response)
    {
        var single = writer.Mark;

        // singleExtensions [1] EXPLICIT Extensions OPTIONAL.
        if (!response.Extensions.IsEmpty)
        {
            var extensions = writer.Mark;
            writer.WriteEncoded(response.Extensions);
            writer.Wrap(DerTag.Sequence, extensions);
            writer.Wrap(ExplicitTag1, extensions);
        }

        var status = response.StatusInfo;
        if (status.NextUpdate is { } nextUpdate)
        {
            // nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL.
            var next = writer.Mark;
            writer.WriteGeneralizedTime(nextUpdate);
            writer.Wrap(ExplicitTag0, next);
        }

        writer.WriteGeneralizedTime(status.ThisUpdate);
        switch (status.Status)
        {
            case CertStatus.Good:
                // good [0] IMPLICIT NULL.
                writer.WriteNull(DerTag.ContextPrimitive(0));
                break;
            case CertStatus.Revoked:
                // revoked [1] IMPLICIT RevokedInfo { revocationTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }.
                var revoked = writer.Mark;
                if (status.RevocationReason is { } reason)
                {
                    var reasonMark = writer.Mark;
                    writer.WriteEnumerated((int)reason);
                    writer.Wrap(ExplicitTag0, reasonMark);
                }

                writer.WriteGeneralizedTime(status.RevocationTime);
                writer.Wrap(ExplicitTag1, revoked);
                break;
            default:
                // unknown [2] IMPLICIT UnknownInfo (NULL).
                writer.WriteNull(DerTag.ContextPrimitive(2));
                break;
        }

        CertIdCodec.Write(ref writer, response.CertId);
        writer.Wrap(DerTag.Sequence, single);
    }
}
