// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>The openssl-made OCSP fixtures (tests/V2gPki.Edge.Tests/TestData), loaded by name.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    public static string TableDirectory => Path("ocsp-set/table");

    public static byte[] Request(int serial) => Read($"ocsp-set/table/s{serial:0000}.req");

    public static byte[] Response(int serial) => Read($"ocsp-set/table/s{serial:0000}.resp");
}
