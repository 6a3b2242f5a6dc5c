// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Architecture.Tests;

/// <summary>Finds the repository root from the test's output directory (the folder holding V2gPki.Edge.sln).</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "V2gPki.Edge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("V2gPki.Edge.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The files under a folder of the repository, without build output.</summary>
    public static IEnumerable<string> Files(string folder, params string[] extensions)
    {
        var root = PathOf(folder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/TestResults/", StringComparison.Ordinal) || relative.StartsWith("perf-scripts/results/", StringComparison.Ordinal))
            {
                continue;
            }

            if (extensions.Length == 0 || extensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                yield return relative;
            }
        }
    }
}
