// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// A fact that runs against the NativeAOT-published binary: <c>EDGE_AOT_BINARY</c>, or
/// <c>artifacts/v2gpki-aot/v2gpki</c> in the repository (made by
/// <c>dotnet publish src/V2gPki.Edge -c Release -r linux-x64 -o artifacts/v2gpki-aot</c>, as scripts/test.sh can);
/// skipped, saying why, when there is none — unless <c>EDGE_AOT_REQUIRED=1</c> (scripts/test.sh and CI set it after
/// publishing), when a missing binary fails the test instead of skipping it. (Not <c>V2GPKI_</c> variables: those
/// are config overrides.)
/// </summary>
public sealed class AotBinaryFactAttribute : FactAttribute
{
    public AotBinaryFactAttribute()
    {
        if (Path is null && !Required)
        {
            Skip = "no NativeAOT binary: set EDGE_AOT_BINARY or publish to artifacts/v2gpki-aot";
        }
    }

    /// <summary>Whether the run requires the AOT binary (EDGE_AOT_REQUIRED=1): then its absence is a failure.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("EDGE_AOT_REQUIRED") == "1";

    /// <summary>The binary; fails the test with the reason when it is missing although required.</summary>
    public static string RequiredPath => Path
        ?? throw new Xunit.Sdk.XunitException("EDGE_AOT_REQUIRED=1 but there is no NativeAOT binary: publish it with "
            + "'dotnet publish src/V2gPki.Edge -c Release -r linux-x64 -o artifacts/v2gpki-aot' (scripts/test.sh does) or set EDGE_AOT_BINARY");

    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("EDGE_AOT_BINARY");
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured) ? configured : null;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "artifacts", "v2gpki-aot", "v2gpki");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
