// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>Builds OCSP requests with System.Formats.Asn1, including the odd shapes real clients send.</summary>
public sealed class RequestBuilder
{
    public const string Sha1 = "1.3.14.3.2.26";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string NonceOid = "1.3.6.1.5.5.7.48.1.2";

    public sealed record CertIdSpec(string AlgorithmOid, bool NullParameters, byte[] NameHash, byte[] KeyHash, byte[] SerialContents, List<ExtensionSpec>? SingleExtensions = null);

    /// <summary>An extension; <see cref="Critical"/> null omits the BOOLEAN, false encodes an explicit FALSE.</summary>
    public sealed record ExtensionSpec(string Oid, bool? Critical, byte[] Value);

    public List<CertIdSpec> CertIds { get; } = [];

    public List<ExtensionSpec> Extensions { get; } = [];

    public int? ExplicitVersion { get; set; }

    public bool RequestorName { get; set; }

    public bool Signature { get; set; }

    public static CertIdSpec Sha1CertId(byte serial = 0x42, bool nullParameters = true) =>
        new(Sha1, nullParameters, Filled(20, 0x11), Filled(20, 0x22), [serial]);

    public static CertIdSpec Sha256CertId(byte[] serial, bool nullParameters = false) =>
        new(Sha256, nullParameters, Filled(32, 0x33), Filled(32, 0x44), serial);

    public static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();

    /// <summary>extnValue holding DER <c>OCTET STRING nonce</c> (RFC 9654 §2.1).</summary>
    public static ExtensionSpec WrappedNonce(byte[] nonce)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(nonce);
        return new ExtensionSpec(NonceOid, null, w.Encode());
    }

    public RequestBuilder With(CertIdSpec certId)
    {
        CertIds.Add(certId);
        return this;
    }

    public RequestBuilder With(ExtensionSpec extension)
    {
        Extensions.Add(extension);
        return this;
    }

    public byte[] Build()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                if (ExplicitVersion is { } version)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    {
                        w.WriteInteger(version);
                    }
                }

                if (RequestorName)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                    {
                        // GeneralName directoryName [4] EXPLICIT Name: CN=requestor.
                        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                        using (w.PushSequence())
                        using (w.PushSetOf())
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier("2.5.4.3");
                            w.WriteCharacterString(UniversalTagNumber.UTF8String, "requestor");
                        }
                    }
                }

                using (w.PushSequence())
                {
                    foreach (var id in CertIds)
                    {
                        using (w.PushSequence())
                        {
                            using (w.PushSequence())
                            {
                                using (w.PushSequence())
                                {
                                    w.WriteObjectIdentifier(id.AlgorithmOid);
                                    if (id.NullParameters)
                                    {
                                        w.WriteNull();
                                    }
                                }

                                w.WriteOctetString(id.NameHash);
                                w.WriteOctetString(id.KeyHash);
                                w.WriteInteger(id.SerialContents); // two's-complement contents, must be minimal
                            }

                            if (id.SingleExtensions is { Count: > 0 } single)
                            {
                                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                                {
                                    WriteExtensions(w, single);
                                }
                            }
                        }
                    }
                }

                if (Extensions.Count > 0)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
                    {
                        WriteExtensions(w, Extensions);
                    }
                }
            }

            if (Signature)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.10045.4.3.2");
                    }

                    w.WriteBitString(Filled(70, 0x5A));
                }
            }
        }

        return w.Encode();
    }

    private static void WriteExtensions(AsnWriter w, List<ExtensionSpec> extensions)
    {
        using (w.PushSequence())
        {
            foreach (var e in extensions)
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(e.Oid);
                    if (e.Critical is { } critical)
                    {
                        w.WriteBoolean(critical);
                    }

                    w.WriteOctetString(e.Value);
                }
            }
        }
    }
}
