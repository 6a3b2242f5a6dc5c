// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

public ref partial struct DerReader
{
    /// <summary>Reads a BOOLEAN: one octet, 0x00 or 0xFF (X.690 §8.2.1, §11.1).</summary>
    /// <param name="value">The value; <see langword="false"/> on failure.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Boolean"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidBoolean"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadBoolean(out bool value, byte expectedTag = DerTag.Boolean)
    {
        value = false;
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out var contents);
        if (status != DerStatus.Done)
        {
            return status;
        }

        // X.690 §8.2.1: exactly one octet; §11.1: TRUE is 0xFF in DER.
        if (contents.Length != 1 || (contents[0] != 0x00 && contents[0] != 0xFF))
        {
            _data = saved;
            return DerStatus.InvalidBoolean;
        }

        value = contents[0] != 0;
        return DerStatus.Done;
    }

    /// <summary>Reads a NULL (X.690 §8.8: no content octets).</summary>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.Null"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidNull"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadNull(byte expectedTag = DerTag.Null)
    {
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out var contents);
        if (status != DerStatus.Done)
        {
            return status;
        }

        if (!contents.IsEmpty)
        {
            // X.690 §8.8.2: the contents octets are empty.
            _data = saved;
            return DerStatus.InvalidNull;
        }

        return DerStatus.Done;
    }

    /// <summary>Reads an OCTET STRING in its primitive form (X.690 §10.2: DER forbids the constructed form).</summary>
    /// <param name="value">The content octets.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.OctetString"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadOctetString(out ReadOnlySpan<byte> value, byte expectedTag = DerTag.OctetString) =>
        TryReadPrimitive(expectedTag, out value);

    /// <summary>Reads a primitive BIT STRING (X.690 §8.6, §11.2).</summary>
    /// <param name="value">The bit octets after the unused-bits octet.</param>
    /// <param name="unusedBitCount">The number of unused bits in the last octet, 0–7.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.BitString"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidBitString"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadBitString(out ReadOnlySpan<byte> value, out int unusedBitCount, byte expectedTag = DerTag.BitString)
    {
        value = default;
        unusedBitCount = 0;
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out var contents);
        if (status != DerStatus.Done)
        {
            return status;
        }

        // X.690 §8.6.2.2: an initial octet 0–7; §8.6.2.3: 0 when there are no bits.
        // X.690 §11.2.1: the unused bits are zero in DER.
        if (contents.IsEmpty
            || contents[0] > 7
            || (contents.Length == 1 && contents[0] != 0)
            || (contents.Length > 1 && (contents[^1] & ((1 << contents[0]) - 1)) != 0))
        {
            _data = saved;
            return DerStatus.InvalidBitString;
        }

        unusedBitCount = contents[0];
        value = contents[1..];
        return DerStatus.Done;
    }

    /// <summary>Reads an OBJECT IDENTIFIER and returns its content octets (compare them with <see cref="Oids"/>).</summary>
    /// <param name="contents">The content octets.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.ObjectIdentifier"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidObjectIdentifier"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadObjectIdentifier(out ReadOnlySpan<byte> contents, byte expectedTag = DerTag.ObjectIdentifier)
    {
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out contents);
        if (status != DerStatus.Done)
        {
            return status;
        }

        if (!IsValidObjectIdentifier(contents))
        {
            _data = saved;
            contents = default;
            return DerStatus.InvalidObjectIdentifier;
        }

        return DerStatus.Done;
    }

    /// <summary>Checks OBJECT IDENTIFIER content octets (X.690 §8.19.2).</summary>
    /// <param name="contents">The content octets.</param>
    /// <returns><see langword="true"/> when non-empty, the last subidentifier is complete and none starts with 0x80.</returns>
    public static bool IsValidObjectIdentifier(ReadOnlySpan<byte> contents)
    {
        // X.690 §8.19.2: each subidentifier is minimal (no leading 0x80) and the last octet of each has bit 8 clear.
        if (contents.IsEmpty || (contents[^1] & 0x80) != 0)
        {
            return false;
        }

        var atStart = true;
        foreach (var b in contents)
        {
            if (atStart && b == 0x80)
            {
                return false;
            }

            atStart = (b & 0x80) == 0;
        }

        return true;
    }
}
