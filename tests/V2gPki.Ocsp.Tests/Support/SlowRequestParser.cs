// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>
/// An independent, slow implementation of the same request rules on System.Formats.Asn1 (docs/style.md §25): whatever
/// the span parser accepts is re-checked here and must give the same fields.
/// </summary>
public static class SlowRequestParser
{
    private static readonly Asn1Tag Ctx0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Ctx1 = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Ctx2 = new(TagClass.ContextSpecific, 2, isConstructed: true);

    public sealed record Result(List<(OcspHashAlgorithm Alg, string NameHash, string KeyHash, string Serial)> CertIds, bool HasNonce, string Nonce, string NonceExtensionValue, OcspRequestQuirks Quirks);

    public static void AssertAgrees(byte[] der, OcspRequest request, bool enforceNonceLength = false)
    {
        var slow = Parse(der, enforceNonceLength);
        Assert.NotNull(slow);
        Assert.Equal(slow.CertIds.Count, request.Count);
        var i = 0;
        foreach (var id in request)
        {
            Assert.Equal(slow.CertIds[i++], (id.HashAlgorithm, Hex.Of(id.IssuerNameHash), Hex.Of(id.IssuerKeyHash), Hex.Of(id.SerialNumber)));
        }

        Assert.Equal(slow.HasNonce, request.HasNonce);
        Assert.Equal(slow.Nonce, Hex.Of(request.Nonce));
        Assert.Equal(slow.NonceExtensionValue, Hex.Of(request.NonceExtensionValue));
        Assert.Equal(slow.Quirks, request.Quirks);
    }

    /// <summary>Parses with AsnReader (DER); null when the request must be refused.</summary>
    public static Result? Parse(byte[] der, bool enforceNonceLength = false)
    {
        try
        {
            return ParseCore(der, enforceNonceLength);
        }
        catch (AsnContentException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static Result ParseCore(byte[] der, bool enforceNonceLength)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var ocspRequest = outer.ReadSequence();
        Require(!outer.HasData);
        var tbs = ocspRequest.ReadSequence();
        var quirks = OcspRequestQuirks.None;
        if (ocspRequest.HasData)
        {
            var signature = ocspRequest.ReadEncodedValue();
            Require(signature.Span[0] == 0xA0);
            var contents = Contents(signature.Span);
            Require(contents.Length > 0 && contents[0] == 0x30);
            quirks |= OcspRequestQuirks.Signature;
            Require(!ocspRequest.HasData);
        }

        if (tbs.HasData && tbs.PeekTag() == Ctx0)
        {
            var version = tbs.ReadSequence(Ctx0);
            Require(version.TryReadInt32(out var v) && v == 0);
            Require(!version.HasData);
            quirks |= OcspRequestQuirks.ExplicitDefaultVersion;
        }

        if (tbs.HasData && tbs.PeekTag() == Ctx1)
        {
            var name = tbs.ReadSequence(Ctx1);
            var element = name.ReadEncodedValue();
            var first = element.Span[0];
            Require(first != 0 && (first & 0x1F) != 0x1F);
            Require(!name.HasData);
            quirks |= OcspRequestQuirks.RequestorName;
        }

        var list = tbs.ReadSequence();
        var ids = new List<(OcspHashAlgorithm, string, string, string)>();
        while (list.HasData)
        {
            var request = list.ReadSequence();
            ids.Add(ReadCertId(request.ReadSequence()));
            if (request.HasData)
            {
                var extensions = request.ReadSequence(Ctx0);
                ReadExtensions(extensions, requestLevel: false, ref quirks, out _, out _, out _);
                Require(!request.HasData);
            }
        }

        Require(ids.Count > 0);
        var hasNonce = false;
        byte[] nonce = [], extensionValue = [];
        if (tbs.HasData)
        {
            var extensions = tbs.ReadSequence(Ctx2);
            ReadExtensions(extensions, requestLevel: true, ref quirks, out hasNonce, out nonce, out extensionValue);
            Require(!tbs.HasData);
        }

        if (hasNonce && (nonce.Length < 1 || nonce.Length > 128))
        {
            Require(!enforceNonceLength);
            quirks |= OcspRequestQuirks.NonceLengthOutOfRange;
        }

        return new Result(ids, hasNonce, Hex.Of(nonce), Hex.Of(extensionValue), quirks);
    }

    private static (OcspHashAlgorithm, string, string, string) ReadCertId(AsnReader certId)
    {
        var algorithm = certId.ReadSequence();
        var alg = algorithm.ReadObjectIdentifier() switch
        {
            "1.3.14.3.2.26" => OcspHashAlgorithm.Sha1,
            "2.16.840.1.101.3.4.2.1" => OcspHashAlgorithm.Sha256,
            "2.16.840.1.101.3.4.2.2" => OcspHashAlgorithm.Sha384,
            "2.16.840.1.101.3.4.2.3" => OcspHashAlgorithm.Sha512,
            _ => throw new InvalidDataException("hash"),
        };
        if (algorithm.HasData)
        {
            algorithm.ReadNull();
            Require(!algorithm.HasData);
        }

        var nameHash = certId.ReadOctetString();
        var keyHash = certId.ReadOctetString();
        var serial = certId.ReadIntegerBytes();
        Require(!certId.HasData);
        var length = OcspHashAlgorithms.GetHashLength(alg);
        Require(nameHash.Length == length && keyHash.Length == length && serial.Length <= 20);
        return (alg, Hex.Of(nameHash), Hex.Of(keyHash), Hex.Of(serial.Span));
    }

    private static void ReadExtensions(AsnReader explicitContents, bool requestLevel, ref OcspRequestQuirks quirks, out bool hasNonce, out byte[] nonce, out byte[] extensionValue)
    {
        hasNonce = false;
        nonce = [];
        extensionValue = [];
        var extensions = explicitContents.ReadSequence();
        Require(!explicitContents.HasData);
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = ReadExtensionOid(extension);
            var critical = false;
            if (extension.HasData && extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                critical = extension.ReadBoolean();
                if (!critical)
                {
                    quirks |= OcspRequestQuirks.ExplicitDefaultCritical;
                }
            }

            var value = extension.ReadOctetString();
            Require(!extension.HasData);
            if (requestLevel && oid == "1.3.6.1.5.5.7.48.1.2")
            {
                Require(!hasNonce);
                hasNonce = true;
                extensionValue = value;
                nonce = InnerOctetString(value) ?? value;
                if (InnerOctetString(value) is null)
                {
                    quirks |= OcspRequestQuirks.NonceWithoutOctetString;
                }

                continue;
            }

            Require(!critical);
            quirks |= requestLevel ? OcspRequestQuirks.IgnoredRequestExtension : OcspRequestQuirks.IgnoredSingleRequestExtension;
        }
    }

    /// <summary>
    /// System.Formats.Asn1 refuses OIDs beyond 64 arcs or 128-bit arcs (a library limit, not DER); such an extension ID
    /// is merely unknown to the responder, so read it raw here.
    /// </summary>
    private static string ReadExtensionOid(AsnReader extension)
    {
        try
        {
            return extension.ReadObjectIdentifier();
        }
        catch (AsnContentException e) when (e.Message.Contains("exceeds the limits", StringComparison.Ordinal))
        {
            var raw = extension.ReadEncodedValue();
            Require(raw.Span[0] == 0x06);
            return "oversized:" + Hex.Of(raw.Span);
        }
    }

    private static byte[]? InnerOctetString(byte[] value)
    {
        try
        {
            var reader = new AsnReader(value, AsnEncodingRules.DER);
            var inner = reader.ReadOctetString();
            return reader.HasData ? null : inner;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> Contents(ReadOnlySpan<byte> encoded)
    {
        AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.DER, out var offset, out var length, out _);
        return encoded.Slice(offset, length);
    }

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("refused");
        }
    }
}
