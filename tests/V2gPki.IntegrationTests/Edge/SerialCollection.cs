// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// Tests that measure the whole process (allocated bytes) and must not run beside other tests: xunit runs this
/// collection alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial, whole-process measurements";
}
