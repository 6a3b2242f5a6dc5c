// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer;

/// <summary>A token bucket: up to <c>burst</c> tokens, refilled at <c>rate</c> per second (rate limits of slow paths).</summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _burst;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    /// <summary>Creates a full bucket.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="ratePerSecond">Refill rate; 0 or less means unlimited.</param>
    /// <param name="burst">Capacity.</param>
    public TokenBucket(TimeProvider time, double ratePerSecond, double burst)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _rate = ratePerSecond;
        _burst = Math.Max(1, burst);
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token if there is one.</summary>
    /// <returns>Whether a token was taken.</returns>
    public bool TryTake()
    {
        if (_rate <= 0)
        {
            return true;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = (now - _last) / (double)_time.TimestampFrequency;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + elapsed * _rate);
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
