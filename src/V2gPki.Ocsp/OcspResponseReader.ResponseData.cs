// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

public static partial class OcspResponseReader
{
    /// <summary>Reads ResponseData (RFC 6960 §4.2.1) from a reader positioned at its SEQUENCE.</summary>
    private static OcspParseStatus ReadResponseData(scoped ref DerReader reader, out ResponseDataView view)
    {
        view = default;
        var der = reader.TryReadSequence(out var data);
        if (der == DerStatus.Done)
        {
            der = reader.TryReadEnd();
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var version = 0;
        var explicitVersion = false;
        if (data.PeekTagIs(ExplicitTag0))
        {
            der = data.TryReadExplicit(0, out var versionReader);
            if (der == DerStatus.Done)
            {
                der = versionReader.TryReadInt32(out version);
            }

            if (der == DerStatus.Done)
            {
                der = versionReader.TryReadEnd();
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            if (version != 0)
            {
                return OcspParseStatus.UnsupportedVersion;
            }

            explicitVersion = true;
        }

        var status = ReadResponderId(ref data, out var responderId);
        if (status != OcspParseStatus.Ok)
        {
            return status;
        }

        der = data.TryReadGeneralizedTime(out var producedAt);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        der = data.TryReadSequence(out var responses);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        var responseList = responses.RemainingData;
        var count = 0;
        while (responses.HasData)
        {
            status = ReadSingleResponse(ref responses, out _);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            count++;
        }

        var extensions = default(ResponseExtensionsView);
        if (data.HasData)
        {
            der = TryReadExplicitSequence(ref data, 1, out var extensionList);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            status = ReadResponseExtensions(ref extensionList, out extensions);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            if (data.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }
        }

        view = new ResponseDataView
        {
            Version = version,
            HasExplicitVersion = explicitVersion,
            ResponderId = responderId,
            ProducedAt = producedAt,
            ResponseCount = count,
            Responses = responseList,
            Extensions = extensions.Contents,
            HasNonce = extensions.HasNonce,
            NonceExtensionValue = extensions.NonceExtensionValue,
            HasExtendedRevokedDefinition = extensions.HasExtendedRevokedDefinition,
        };
        return OcspParseStatus.Ok;
    }

    private static OcspParseStatus ReadResponderId(scoped ref DerReader data, out ResponderId responderId)
    {
        responderId = default;
        if (data.PeekTagIs(ExplicitTag1))
        {
            // byName [1] Name.
            var der = data.TryReadExplicit(1, out var byName);
            ReadOnlySpan<byte> name = default;
            if (der == DerStatus.Done)
            {
                der = byName.TryReadEncodedValue(DerTag.Sequence, out name);
            }

            if (der == DerStatus.Done)
            {
                der = byName.TryReadEnd();
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            responderId = ResponderId.FromParts(ResponderIdKind.ByName, name);
            return OcspParseStatus.Ok;
        }

        if (data.PeekTagIs(ExplicitTag2))
        {
            // byKey [2] KeyHash ::= OCTET STRING, the SHA-1 hash of the responder's public key.
            var der = data.TryReadExplicit(2, out var byKey);
            ReadOnlySpan<byte> keyHash = default;
            if (der == DerStatus.Done)
            {
                der = byKey.TryReadOctetString(out keyHash);
            }

            if (der == DerStatus.Done)
            {
                der = byKey.TryReadEnd();
            }

            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            if (keyHash.Length != ResponderId.KeyHashLength)
            {
                return OcspParseStatus.UnexpectedStructure;
            }

            responderId = ResponderId.FromParts(ResponderIdKind.ByKey, keyHash);
            return OcspParseStatus.Ok;
        }

        return data.HasData ? OcspParseStatus.UnexpectedStructure : OcspParseStatus.Truncated;
    }

    private static OcspParseStatus ReadResponseExtensions(scoped ref DerReader extensions, out ResponseExtensionsView view)
    {
        view = default;
        var contents = extensions.RemainingData;
        var hasNonce = false;
        var extendedRevoke = false;
        ReadOnlySpan<byte> nonce = default;
        while (extensions.HasData)
        {
            var status = ReadExtension(ref extensions, out var oid, out var critical, out var value);
            if (status != OcspParseStatus.Ok)
            {
                return status;
            }

            if (oid.SequenceEqual(Oids.OcspNonce))
            {
                if (hasNonce)
                {
                    return OcspParseStatus.DuplicateExtension;
                }

                hasNonce = true;
                nonce = value;
            }
            else if (oid.SequenceEqual(Oids.OcspExtendedRevoke))
            {
                // RFC 6960 §4.4.8: extnValue is NULL.
                if (extendedRevoke)
                {
                    return OcspParseStatus.DuplicateExtension;
                }

                if (value.Length != 2 || value[0] != DerTag.Null || value[1] != 0)
                {
                    return OcspParseStatus.UnexpectedStructure;
                }

                extendedRevoke = true;
            }
            else if (critical)
            {
                return OcspParseStatus.UnknownCriticalExtension;
            }
        }

        view = new ResponseExtensionsView
        {
            Contents = contents,
            HasNonce = hasNonce,
            NonceExtensionValue = nonce,
            HasExtendedRevokedDefinition = extendedRevoke,
        };
        return OcspParseStatus.Ok;
    }

    /// <summary>Reads one <c>Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }</c> strictly.</summary>
    private static OcspParseStatus ReadExtension(scoped ref DerReader extensions, out ReadOnlySpan<byte> oid, out bool critical, out ReadOnlySpan<byte> value)
    {
        oid = default;
        critical = false;
        value = default;
        var der = extensions.TryReadSequence(out var extension);
        ReadOnlySpan<byte> id = default;
        if (der == DerStatus.Done)
        {
            der = extension.TryReadObjectIdentifier(out id);
        }

        var isCritical = false;
        if (der == DerStatus.Done && extension.PeekTagIs(DerTag.Boolean))
        {
            der = extension.TryReadBoolean(out isCritical);
            if (der == DerStatus.Done && !isCritical)
            {
                // X.690 §11.5: DER never encodes the DEFAULT FALSE.
                return OcspParseStatus.InvalidDer;
            }
        }

        ReadOnlySpan<byte> extnValue = default;
        if (der == DerStatus.Done)
        {
            der = extension.TryReadOctetString(out extnValue);
        }

        if (der == DerStatus.Done)
        {
            der = extension.TryReadEnd();
        }

        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        oid = id;
        critical = isCritical;
        value = extnValue;
        return OcspParseStatus.Ok;
    }

    /// <summary>The fields of ResponseData other than the SingleResponses.</summary>
    private readonly ref struct ResponseDataView
    {
        public int Version { get; init; }

        public bool HasExplicitVersion { get; init; }

        public ResponderId ResponderId { get; init; }

        public DateTimeOffset ProducedAt { get; init; }

        public int ResponseCount { get; init; }

        public ReadOnlySpan<byte> Responses { get; init; }

        public ReadOnlySpan<byte> Extensions { get; init; }

        public bool HasNonce { get; init; }

        public ReadOnlySpan<byte> NonceExtensionValue { get; init; }

        public bool HasExtendedRevokedDefinition { get; init; }
    }

    /// <summary>What responseExtensions held.</summary>
    private readonly ref struct ResponseExtensionsView
    {
        public ReadOnlySpan<byte> Contents { get; init; }

        public bool HasNonce { get; init; }

        public ReadOnlySpan<byte> NonceExtensionValue { get; init; }

        public bool HasExtendedRevokedDefinition { get; init; }
    }
}
