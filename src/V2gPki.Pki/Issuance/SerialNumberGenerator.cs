// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Pki.Issuance;

/// <summary>
/// Draws certificate serials from the OS CSPRNG: 16 octets whose first octet is 0x01–0x7F, so the INTEGER is positive,
/// minimally encoded at exactly 16 octets and carries more than 120 random bits (CA/Browser Forum BR §7.1 asks for at
/// least 64; RFC 5280 §4.1.2.2 allows up to 20 octets).
/// </summary>
public static class SerialNumberGenerator
{
    /// <summary>The length of a serial in octets.</summary>
    public const int Length = 16;

    /// <summary>Fills <paramref name="destination"/> with a new serial.</summary>
    /// <param name="destination">Exactly <see cref="Length"/> bytes.</param>
    /// <exception cref="ArgumentException">The destination has another length.</exception>
    public static void Next(Span<byte> destination)
    {
        if (destination.Length != Length)
        {
            throw new ArgumentException($"a serial has {Length} octets", nameof(destination));
        }

        RandomNumberGenerator.Fill(destination);

        // High bit clear (positive INTEGER) and first octet non-zero (no shorter minimal encoding): redraw the first
        // octet until it is in 0x01–0x7F, which keeps it uniform over that range.
        while ((destination[0] & 0x7F) == 0)
        {
            RandomNumberGenerator.Fill(destination[..1]);
        }

        destination[0] &= 0x7F;
    }

    /// <summary>Returns a new serial.</summary>
    /// <returns><see cref="Length"/> octets: DER INTEGER content, positive.</returns>
    public static byte[] Next()
    {
        var serial = new byte[Length];
        Next(serial);
        return serial;
    }
}
