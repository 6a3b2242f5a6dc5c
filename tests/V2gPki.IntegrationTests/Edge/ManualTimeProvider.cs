// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>A clock the test sets.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
