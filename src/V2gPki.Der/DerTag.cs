// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Der;

/// <summary>Single-octet DER identifier octets (X.690 §8.1.2) used by PKIX and OCSP.</summary>
public static class DerTag
{
    /// <summary>UNIVERSAL 1, BOOLEAN.</summary>
    public const byte Boolean = 0x01;

    /// <summary>UNIVERSAL 2, INTEGER.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The ASN.1 type is called INTEGER (X.680 §19).")]
    public const byte Integer = 0x02;

    /// <summary>UNIVERSAL 3, BIT STRING (primitive; DER forbids the constructed form).</summary>
    public const byte BitString = 0x03;

    /// <summary>UNIVERSAL 4, OCTET STRING (primitive; DER forbids the constructed form).</summary>
    public const byte OctetString = 0x04;

    /// <summary>UNIVERSAL 5, NULL.</summary>
    public const byte Null = 0x05;

    /// <summary>UNIVERSAL 6, OBJECT IDENTIFIER.</summary>
    public const byte ObjectIdentifier = 0x06;

    /// <summary>UNIVERSAL 10, ENUMERATED.</summary>
    public const byte Enumerated = 0x0A;

    /// <summary>UNIVERSAL 12, UTF8String.</summary>
    public const byte Utf8String = 0x0C;

    /// <summary>UNIVERSAL 23, UTCTime.</summary>
    public const byte UtcTime = 0x17;

    /// <summary>UNIVERSAL 24, GeneralizedTime.</summary>
    public const byte GeneralizedTime = 0x18;

    /// <summary>UNIVERSAL 16, SEQUENCE / SEQUENCE OF (constructed).</summary>
    public const byte Sequence = 0x30;

    /// <summary>UNIVERSAL 17, SET / SET OF (constructed).</summary>
    public const byte Set = 0x31;

    /// <summary>The constructed bit of an identifier octet (X.690 §8.1.2.5).</summary>
    public const byte ConstructedFlag = 0x20;

    /// <summary>The context-specific class bits of an identifier octet (X.690 §8.1.2.2).</summary>
    public const byte ContextSpecificClass = 0x80;

    /// <summary>The largest tag number the single-octet form can carry (X.690 §8.1.2.3).</summary>
    public const int MaxLowTagNumber = 30;

    /// <summary>The identifier octet of a primitive context-specific tag <c>[number] IMPLICIT</c> of a primitive type.</summary>
    /// <param name="number">The tag number, 0–30.</param>
    /// <returns>0x80 | <paramref name="number"/>.</returns>
    public static byte ContextPrimitive(int number)
    {
        if ((uint)number > MaxLowTagNumber)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(number));
        }

        return (byte)(ContextSpecificClass | number);
    }

    /// <summary>The identifier octet of a constructed context-specific tag (<c>[number] EXPLICIT</c>, or IMPLICIT of a constructed type).</summary>
    /// <param name="number">The tag number, 0–30.</param>
    /// <returns>0xA0 | <paramref name="number"/>.</returns>
    public static byte ContextConstructed(int number)
    {
        if ((uint)number > MaxLowTagNumber)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(number));
        }

        return (byte)(ContextSpecificClass | ConstructedFlag | number);
    }

    /// <summary>Whether the identifier octet has the constructed bit set.</summary>
    /// <param name="tag">An identifier octet.</param>
    /// <returns><see langword="true"/> for a constructed encoding.</returns>
    public static bool IsConstructed(byte tag) => (tag & ConstructedFlag) != 0;
}
