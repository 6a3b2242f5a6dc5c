// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// Waits for a metric to reach its value: a request is counted when Kestrel disposes its context, which is after
/// the response bytes have been flushed to the client, so a client can read the answer before the count moves.
/// </summary>
internal static class Eventually
{
    public static async Task EqualAsync(long expected, Func<long> actual)
    {
        for (var i = 0; i < 200 && actual() != expected; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(expected, actual());
    }
}
