// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

public ref partial struct DerReader
{
    /// <summary>Reads a DER GeneralizedTime (X.690 §11.7) as UTC ticks.</summary>
    /// <param name="utcTicks">The instant as UTC <see cref="DateTime.Ticks"/>; 0 on failure.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.GeneralizedTime"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidTime"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadGeneralizedTimeTicks(out long utcTicks, byte expectedTag = DerTag.GeneralizedTime)
    {
        var saved = _data;
        var status = TryReadPrimitive(expectedTag, out var contents);
        if (status != DerStatus.Done)
        {
            utcTicks = 0;
            return status;
        }

        if (!GeneralizedTime.TryParse(contents, out utcTicks))
        {
            _data = saved;
            return DerStatus.InvalidTime;
        }

        return DerStatus.Done;
    }

    /// <summary>Reads a DER GeneralizedTime (X.690 §11.7) as a UTC <see cref="DateTimeOffset"/>.</summary>
    /// <param name="value">The instant, offset zero; <see langword="default"/> on failure.</param>
    /// <param name="expectedTag">The identifier octet, <see cref="DerTag.GeneralizedTime"/> unless IMPLICITly tagged.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.InvalidTime"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadGeneralizedTime(out DateTimeOffset value, byte expectedTag = DerTag.GeneralizedTime)
    {
        var status = TryReadGeneralizedTimeTicks(out var ticks, expectedTag);
        value = status == DerStatus.Done ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
        return status;
    }
}
