// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Primitives;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Tests;

/// <summary>The cached header values of RFC 5019 §6.2 / RFC 9110 and If-None-Match matching.</summary>
public class HeaderValueTests
{
    private static readonly UInt128 Tag = new(0x0011223344556677, 0x8899aabbccddeeff);

    [Theory]
    [InlineData(-5, "max-age=0, public, no-transform, must-revalidate")]
    [InlineData(0, "max-age=0, public, no-transform, must-revalidate")]
    [InlineData(59, "max-age=59, public, no-transform, must-revalidate")]
    [InlineData(3599, "max-age=3599, public, no-transform, must-revalidate")]
    [InlineData(3600, "max-age=3600, public, no-transform, must-revalidate")]
    [InlineData(3659, "max-age=3600, public, no-transform, must-revalidate")]
    [InlineData(691_199, "max-age=691140, public, no-transform, must-revalidate")]
    public void CacheControl_Get_ExactBelowAnHourThenRoundedDownToTheMinute(long seconds, string expected)
    {
        Assert.Equal(expected, new CacheControlCache().Get(seconds));
    }

    [Fact]
    public void CacheControl_Get_ClampsToTheMaximumAndReusesStrings()
    {
        var cache = new CacheControlCache(maxSeconds: 7200);

        Assert.Equal("max-age=7200, public, no-transform, must-revalidate", cache.Get(1_000_000));
        Assert.Same(cache.Get(5000), cache.Get(5001));
    }

    [Fact]
    public void HttpDate_Get_ImfFixdateOfTheSecond()
    {
        var cache = new HttpDateCache();
        var ticks = new DateTime(1994, 11, 6, 8, 49, 37, 500, DateTimeKind.Utc).Ticks;

        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", cache.Get(ticks));
        Assert.Same(cache.Get(ticks), cache.Get(ticks + 1000));
    }

    [Fact]
    public void HttpDate_Get_CollidingSlotsStillGiveTheRightValue()
    {
        var cache = new HttpDateCache(size: 2);
        var a = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var b = a + (2 * TimeSpan.TicksPerSecond);

        Assert.Equal("Thu, 01 Jan 2026 00:00:00 GMT", cache.Get(a));
        Assert.Equal("Thu, 01 Jan 2026 00:00:02 GMT", cache.Get(b));
        Assert.Equal("Thu, 01 Jan 2026 00:00:00 GMT", cache.Get(a));
    }

    [Fact]
    public void EntityTag_Get_QuotedLowercaseHexAndCached()
    {
        var cache = new EntityTagCache();

        Assert.Equal("\"00112233445566778899aabbccddeeff\"", cache.Get(Tag));
        Assert.Same(cache.Get(Tag), cache.Get(Tag));
        Assert.Equal("\"00000000000000000000000000000001\"", cache.Get(UInt128.One));
    }

    [Theory]
    [InlineData("\"00112233445566778899aabbccddeeff\"", true)]
    [InlineData("W/\"00112233445566778899aabbccddeeff\"", true)]
    [InlineData("\"a\", \"00112233445566778899aabbccddeeff\"", true)]
    [InlineData("\"a\",W/\"00112233445566778899aabbccddeeff\" ", true)]
    [InlineData("*", true)]
    [InlineData("\"00112233445566778899aabbccddeefe\"", false)]
    [InlineData("\"00112233445566778899AABBCCDDEEFF\"", false)]
    [InlineData("00112233445566778899aabbccddeeff", false)]
    [InlineData("\"00112233445566778899aabbccddeeff", false)]
    [InlineData("", false)]
    [InlineData("garbage, \"00112233445566778899aabbccddeeff\"", true)]
    public void IfNoneMatch_Matches_WeakComparisonOfTheList(string header, bool expected)
    {
        // RFC 9110 §13.1.2: If-None-Match uses the weak comparison; opaque tags compare case-sensitively.
        Assert.Equal(expected, IfNoneMatch.Matches(new StringValues(header), Tag));
    }

    [Fact]
    public void IfNoneMatch_SeveralHeaderLines_AnyMatches()
    {
        Assert.True(IfNoneMatch.Matches(new StringValues(["\"x\"", "\"00112233445566778899aabbccddeeff\""]), Tag));
        Assert.False(IfNoneMatch.Matches(StringValues.Empty, Tag));
    }

    [Fact]
    public void CachedHeaders_Hits_AllocateNothing()
    {
        var dates = new HttpDateCache();
        var cacheControl = new CacheControlCache();
        var tags = new EntityTagCache();
        var header = new StringValues("\"00112233445566778899aabbccddeeff\"");
        var ticks = DateTime.UtcNow.Ticks;

        var allocated = AllocationProbe.LeastPerRound(_ =>
        {
            dates.Get(ticks);
            cacheControl.Get(86400);
            tags.Get(Tag);
            IfNoneMatch.Matches(header, Tag);
        });

        Assert.Equal(0, allocated);
    }
}
