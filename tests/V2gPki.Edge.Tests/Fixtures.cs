// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Tests;

/// <summary>
/// Real OCSP fixtures made by openssl (TestData/make-fixtures.sh), loaded by name (docs/style.md §24).
/// </summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    /// <summary>Every request fixture: the table requests (SHA-1 and SHA-256 CertIDs), '+'/'/' ones, nonce, multi-CertID.</summary>
    public static IEnumerable<string> RequestNames()
    {
        foreach (var file in Directory.EnumerateFiles(Path("ocsp-set/table"), "*.req"))
        {
            yield return "ocsp-set/table/" + System.IO.Path.GetFileName(file);
        }

        yield return "get-plus-slash.req";
        yield return "get-double-slash.req";
        yield return "nonce.req";
        yield return "multi.req";
        yield return "ocsp-set/unknown-issuer.req";
    }
}
