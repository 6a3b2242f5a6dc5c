// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est.Tests;

/// <summary>Real CSR fixtures made by openssl (TestData/make-fixtures.sh), loaded by name (docs/style.md §24).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    /// <summary>The charger CSR in DER.</summary>
    public static byte[] SeccCsrDer => Read("secc.csr.der");

    /// <summary>The charger CSR as openssl writes it: PEM, 64-character lines, LF.</summary>
    public static string SeccCsrPem => File.ReadAllText(Path("secc.csr.pem"));
}
