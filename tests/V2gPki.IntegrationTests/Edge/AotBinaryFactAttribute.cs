// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Edge;

/// <summary>
/// A fact that runs against the NativeAOT-published binary: <c>EDGE_AOT_BINARY</c>, or
/// <c>artifacts/v2gpki-aot/v2gpki</c> in the repository (made by
/// <c>dotnet publish src/V2gPki.Edge -c Release -r linux-x64 -o artifacts/v2gpki-aot</c>, as scripts/test.sh can);
/// skipped, saying why, when there is none. (Not a <c>V2GPKI_</c> variable: those are config overrides.)
/// </summary>
public sealed class AotBinaryFactAttribute : FactAttribute
{
    public AotBinaryFactAttribute()
    {
        if (Path is null)
        {
            Skip = "no NativeAOT binary: set EDGE_AOT_BINARY or publish to artifacts/v2gpki-aot";
        }
    }

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
