// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

public static partial class OcspRequestParser
{
    /// <summary>
    /// Reads the contents of an <c>[n] EXPLICIT Extensions</c>: <c>SEQUENCE OF Extension</c>, each
    /// <c>SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }</c> (RFC 5280 §4.1).
    /// </summary>
    private static OcspParseStatus ReadExtensions(scoped ref DerReader explicitContents, bool requestLevel, scoped ref OcspRequestQuirks quirks, scoped ref NonceState nonce)
    {
        var der = explicitContents.TryReadSequence(out var extensions);
        if (der != DerStatus.Done)
        {
            return OcspStatusMap.FromDer(der);
        }

        if (explicitContents.HasData)
        {
            return OcspParseStatus.UnexpectedStructure;
        }

        while (extensions.HasData)
        {
            der = extensions.TryReadSequence(out var extension);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            der = extension.TryReadObjectIdentifier(out var oid);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            var critical = false;
            if (extension.PeekTagIs(DerTag.Boolean))
            {
                der = extension.TryReadBoolean(out critical);
                if (der != DerStatus.Done)
                {
                    return OcspStatusMap.FromDer(der);
                }

                if (!critical)
                {
                    // X.690 §11.5: DER omits DEFAULT values; tolerated in what we skip.
                    quirks |= OcspRequestQuirks.ExplicitDefaultCritical;
                }
            }

            der = extension.TryReadOctetString(out var value);
            if (der != DerStatus.Done)
            {
                return OcspStatusMap.FromDer(der);
            }

            if (extension.HasData)
            {
                return OcspParseStatus.UnexpectedStructure;
            }

            if (requestLevel && oid.SequenceEqual(Oids.OcspNonce))
            {
                if (nonce.Present)
                {
                    // RFC 5280 §4.2: one instance per extension; two nonces leave nothing definite to echo.
                    return OcspParseStatus.DuplicateExtension;
                }

                nonce = ReadNonce(value, ref quirks);
                continue;
            }

            if (critical)
            {
                // RFC 5280 §4.2: a critical extension that is not understood makes the message unacceptable.
                return OcspParseStatus.UnknownCriticalExtension;
            }

            quirks |= requestLevel ? OcspRequestQuirks.IgnoredRequestExtension : OcspRequestQuirks.IgnoredSingleRequestExtension;
        }

        return OcspParseStatus.Ok;
    }

    /// <summary>RFC 9654 §2.1: extnValue holds <c>Nonce ::= OCTET STRING</c>; some clients put the raw nonce there instead.</summary>
    private static NonceState ReadNonce(ReadOnlySpan<byte> extensionValue, scoped ref OcspRequestQuirks quirks)
    {
        var inner = new DerReader(extensionValue);
        if (inner.TryReadOctetString(out var nonce) == DerStatus.Done && !inner.HasData)
        {
            return new NonceState(nonce, extensionValue);
        }

        quirks |= OcspRequestQuirks.NonceWithoutOctetString;
        return new NonceState(extensionValue, extensionValue);
    }

    /// <summary>The nonce found so far.</summary>
    private readonly ref struct NonceState
    {
        public NonceState(ReadOnlySpan<byte> value, ReadOnlySpan<byte> extensionValue)
        {
            Present = true;
            Value = value;
            ExtensionValue = extensionValue;
        }

        public bool Present { get; }

        public ReadOnlySpan<byte> Value { get; }

        public ReadOnlySpan<byte> ExtensionValue { get; }
    }
}
