// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Time.Testing;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

/// <summary>Failed authentications per client address: the limit, the window, the bound (RFC 6585 §4 for the 429 it drives).</summary>
public sealed class FailedAttemptsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RecordFailure_UpToTheLimit_BlocksUntilTheWindowOfTheFirstFailureEnds()
    {
        var attempts = new FailedAttempts(3, TimeSpan.FromMinutes(5), _time);

        Assert.False(attempts.RecordFailure("192.0.2.1"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(attempts.RecordFailure("192.0.2.1"));
        Assert.False(attempts.IsBlocked("192.0.2.1", out _));
        Assert.True(attempts.RecordFailure("192.0.2.1"));

        Assert.True(attempts.IsBlocked("192.0.2.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(4), retryAfter);
        Assert.False(attempts.IsBlocked("192.0.2.2", out _));

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(attempts.IsBlocked("192.0.2.1", out retryAfter));
        Assert.Equal(TimeSpan.Zero, retryAfter);
        Assert.False(attempts.RecordFailure("192.0.2.1"));
    }

    [Fact]
    public void RecordFailure_TableFullOfLiveWindows_NewAddressesShareOneOverflowCount()
    {
        var attempts = new FailedAttempts(2, TimeSpan.FromMinutes(1), _time, capacity: 2);
        attempts.RecordFailure("192.0.2.1");
        attempts.RecordFailure("192.0.2.2");

        Assert.False(attempts.RecordFailure("198.51.100.1"));
        Assert.True(attempts.RecordFailure("198.51.100.2"));

        Assert.True(attempts.IsBlocked("198.51.100.3", out _));
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public void RecordFailure_TableFullOfPassedWindows_SweptToTrackTheNewAddress()
    {
        var attempts = new FailedAttempts(2, TimeSpan.FromMinutes(1), _time, capacity: 2);
        attempts.RecordFailure("192.0.2.1");
        attempts.RecordFailure("192.0.2.2");
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(attempts.RecordFailure("198.51.100.1"));

        Assert.Equal(1, attempts.Count);
        Assert.False(attempts.IsBlocked("198.51.100.9", out _));
    }

    [Fact]
    public void Constructor_BoundsOutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailedAttempts(0, TimeSpan.FromMinutes(1), _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailedAttempts(1, TimeSpan.Zero, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailedAttempts(1, TimeSpan.FromMinutes(1), _time, capacity: 0));
    }
}
