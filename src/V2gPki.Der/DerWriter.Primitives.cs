// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

public ref partial struct DerWriter
{
    /// <summary>Prepends a BOOLEAN: 0xFF for true in DER (X.690 §11.1).</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Boolean"/> unless IMPLICITly tagged.</param>
    public void WriteBoolean(bool value, byte tag = DerTag.Boolean)
    {
        WriteByte(value ? (byte)0xFF : (byte)0x00);
        WriteTagAndLength(tag, 1);
    }

    /// <summary>Prepends a NULL (X.690 §8.8).</summary>
    /// <param name="tag">The identifier octet, <see cref="DerTag.Null"/> unless IMPLICITly tagged (e.g. OCSP <c>good [0] IMPLICIT NULL</c>).</param>
    public void WriteNull(byte tag = DerTag.Null) => WriteTagAndLength(tag, 0);

    /// <summary>Prepends a primitive OCTET STRING.</summary>
    /// <param name="value">The content octets.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.OctetString"/> unless IMPLICITly tagged.</param>
    public void WriteOctetString(scoped ReadOnlySpan<byte> value, byte tag = DerTag.OctetString)
    {
        WriteEncoded(value);
        WriteTagAndLength(tag, value.Length);
    }

    /// <summary>Prepends a primitive BIT STRING (X.690 §8.6); the unused bits of the last octet must be zero (X.690 §11.2.1).</summary>
    /// <param name="value">The bit octets.</param>
    /// <param name="unusedBitCount">Unused bits in the last octet, 0–7 (0 when <paramref name="value"/> is empty).</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.BitString"/> unless IMPLICITly tagged.</param>
    /// <exception cref="ArgumentException">The unused-bit count is out of range or the unused bits are not zero.</exception>
    public void WriteBitString(scoped ReadOnlySpan<byte> value, int unusedBitCount = 0, byte tag = DerTag.BitString)
    {
        if ((uint)unusedBitCount > 7 || (value.IsEmpty && unusedBitCount != 0)
            || (!value.IsEmpty && (value[^1] & ((1 << unusedBitCount) - 1)) != 0))
        {
            ThrowHelper.ThrowArgument("Invalid unused-bit count for a DER BIT STRING.", nameof(unusedBitCount));
        }

        WriteEncoded(value);
        WriteByte((byte)unusedBitCount);
        WriteTagAndLength(tag, value.Length + 1);
    }

    /// <summary>Prepends an OBJECT IDENTIFIER from its pre-encoded content octets (see <see cref="Oids"/>).</summary>
    /// <param name="contents">The content octets.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.ObjectIdentifier"/> unless IMPLICITly tagged.</param>
    public void WriteObjectIdentifier(scoped ReadOnlySpan<byte> contents, byte tag = DerTag.ObjectIdentifier)
    {
        WriteEncoded(contents);
        WriteTagAndLength(tag, contents.Length);
    }

    /// <summary>Prepends a GeneralizedTime <c>YYYYMMDDHHMMSSZ</c> (X.690 §11.7, RFC 5280 §4.1.2.5.2), truncated to whole seconds.</summary>
    /// <param name="utcTicks">A UTC instant as <see cref="DateTime.Ticks"/>.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.GeneralizedTime"/> unless IMPLICITly tagged.</param>
    public void WriteGeneralizedTime(long utcTicks, byte tag = DerTag.GeneralizedTime)
    {
        var position = _position - GeneralizedTime.EncodedLength;
        if (position >= 0)
        {
            // Format straight into place; a measuring or overflowed writer only counts.
            GeneralizedTime.Format(utcTicks, _buffer.Slice(position, GeneralizedTime.EncodedLength));
        }
        else if ((ulong)utcTicks > (ulong)DateTime.MaxValue.Ticks)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(utcTicks));
        }

        _position = position;
        WriteTagAndLength(tag, GeneralizedTime.EncodedLength);
    }

    /// <summary>Prepends a GeneralizedTime for <paramref name="value"/> converted to UTC, truncated to whole seconds.</summary>
    /// <param name="value">The instant.</param>
    /// <param name="tag">The identifier octet, <see cref="DerTag.GeneralizedTime"/> unless IMPLICITly tagged.</param>
    public void WriteGeneralizedTime(DateTimeOffset value, byte tag = DerTag.GeneralizedTime) =>
        WriteGeneralizedTime(value.UtcTicks, tag);
}
