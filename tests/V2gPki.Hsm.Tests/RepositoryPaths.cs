// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm.Tests;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "V2gPki.Edge.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("V2gPki.Edge.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string RdXml => Path.Combine(Root, "src", "V2gPki.Hsm", "buildTransitive", "Pkcs11Interop.rd.xml");

    public static string Targets => Path.Combine(Root, "src", "V2gPki.Hsm", "buildTransitive", "V2gPki.Hsm.targets");
}
