// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.RegularExpressions;

namespace V2gPki.Architecture.Tests;

/// <summary>
/// Code, tests, scripts and benchmarks cite the repository's own documents (docs/…), never an issue number or a
/// document outside the repository, which a reader of a clone cannot open.
/// </summary>
public sealed partial class CitationTests
{
    [Fact]
    public void SourcesTestsScriptsAndBenchmarks_CiteOnlyTheRepositorysDocuments()
    {
        var hits = new List<string>();
        foreach (var folder in new[] { "src", "tests", "scripts", "perf-scripts", "bench" })
        {
            foreach (var file in Repository.Files(folder))
            {
                if (IsBinary(file))
                {
                    continue;
                }

                var lineNumber = 0;
                foreach (var line in File.ReadLines(Repository.PathOf(file)))
                {
                    lineNumber++;
                    if (OutsideCitation().IsMatch(line))
                    {
                        hits.Add($"{file}:{lineNumber}: {line.Trim()}");
                    }
                }
            }
        }

        Assert.True(hits.Count == 0, string.Join("\n", hits));
    }

    private static bool IsBinary(string file) =>
        file.EndsWith(".der", StringComparison.Ordinal) || file.EndsWith(".req", StringComparison.Ordinal) || file.EndsWith(".resp", StringComparison.Ordinal)
        || file.EndsWith(".p12", StringComparison.Ordinal) || file.EndsWith(".crl", StringComparison.Ordinal) || file.EndsWith(".tar.gz", StringComparison.Ordinal);

    // The same pattern as the project's checklist: issue numbers, the design and style documents kept outside the
    // repository, and paths into the shared notes (spelled in pieces so that this file does not match itself).
    [GeneratedRegex("[Ii]ssue [0-9]+|" + "DES" + "IGN|\\b" + "STY" + "LE\\b|" + "notes" + "/|" + "shared" + "/")]
    private static partial Regex OutsideCitation();
}
