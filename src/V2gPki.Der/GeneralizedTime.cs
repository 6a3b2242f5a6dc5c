// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// DER GeneralizedTime contents (X.690 §11.7; RFC 5280 §4.1.2.5.2): <c>YYYYMMDDHHMMSSZ</c>, with an optional fraction
/// of a second (no trailing zeros) accepted when reading. No allocation; UTC ticks in and out.
/// </summary>
public static class GeneralizedTime
{
    /// <summary>The length of the form written: <c>YYYYMMDDHHMMSSZ</c>.</summary>
    public const int EncodedLength = 15;

    /// <summary>Writes the 15 content octets for <paramref name="utcTicks"/>, truncated to whole seconds.</summary>
    /// <param name="utcTicks">A UTC instant as <see cref="DateTime.Ticks"/>.</param>
    /// <param name="destination">At least <see cref="EncodedLength"/> bytes.</param>
    public static void Format(long utcTicks, Span<byte> destination)
    {
        if ((ulong)utcTicks > (ulong)DateTime.MaxValue.Ticks)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(utcTicks));
        }

        if (destination.Length < EncodedLength)
        {
            ThrowHelper.ThrowArgument("The destination is shorter than 15 bytes.", nameof(destination));
        }

        var t = new DateTime(utcTicks, DateTimeKind.Utc);

        // One calendar computation for year, month and day (the separate properties each redo it).
        DateOnly.FromDateTime(t).Deconstruct(out var year, out var month, out var day);
        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        WriteTwoDigits(destination[4..], month);
        WriteTwoDigits(destination[6..], day);
        WriteTwoDigits(destination[8..], t.Hour);
        WriteTwoDigits(destination[10..], t.Minute);
        WriteTwoDigits(destination[12..], t.Second);
        destination[14] = (byte)'Z';
    }

    /// <summary>Parses DER GeneralizedTime content octets.</summary>
    /// <param name="contents">The content octets.</param>
    /// <param name="utcTicks">The instant as UTC <see cref="DateTime.Ticks"/> (fractions beyond 100 ns are truncated); 0 on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="contents"/> is a valid DER GeneralizedTime.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out long utcTicks)
    {
        utcTicks = 0;

        // X.690 §11.7.1: ends with Z; §11.7.2: seconds present; §11.7.3/4: a fraction has '.', no trailing zero.
        if (contents.Length < EncodedLength || contents[^1] != 'Z')
        {
            return false;
        }

        if (!TryDigits(contents[..4], out var year)
            || !TryDigits(contents.Slice(4, 2), out var month)
            || !TryDigits(contents.Slice(6, 2), out var day)
            || !TryDigits(contents.Slice(8, 2), out var hour)
            || !TryDigits(contents.Slice(10, 2), out var minute)
            || !TryDigits(contents.Slice(12, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fractionTicks = 0;
        var fraction = contents[14..^1];
        if (!fraction.IsEmpty)
        {
            // ".d+" with the last digit not 0 (X.690 §11.7.3, §11.7.4: the decimal point is '.').
            if (fraction.Length < 2 || fraction[0] != '.' || fraction[^1] == '0')
            {
                return false;
            }

            var scale = TimeSpan.TicksPerSecond / 10;
            for (var i = 1; i < fraction.Length; i++)
            {
                var d = fraction[i] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                fractionTicks += d * scale;
                scale /= 10;
            }
        }

        utcTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        return true;
    }

    private static void WriteTwoDigits(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
