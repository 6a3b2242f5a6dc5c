// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Architecture.Tests;

/// <summary>
/// The module graph of docs/architecture.md §1, checked against the csproj files and the code: references point down
/// only, each project references exactly what it uses, packages stay where they belong, and the graph drawn in the
/// document is the one the csproj files make.
/// </summary>
public sealed class ReferenceGraphTests
{
    // The layers of docs/architecture.md §1: a project may reference only projects of a lower layer.
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["V2gPki.Der"] = 0,
        ["V2gPki.Hsm"] = 0,
        ["V2gPki.Store"] = 0,
        ["V2gPki.Metrics"] = 0,
        ["V2gPki.Ocsp"] = 1,
        ["V2gPki.Pki"] = 2,
        ["V2gPki.Issuer"] = 3,
        ["V2gPki.Parties"] = 3,
        ["V2gPki.Est"] = 4,
        ["V2gPki.Contract"] = 4,
        ["V2gPki.Edge"] = 5,
    };

    // Packages by project (docs/architecture.md §1 table, docs/style.md §2): the hot-path assemblies take none,
    // BouncyCastle only where certificates are built, logging only where the issuer logs, JWT validation only where
    // credentials are checked (Parties: bearer tokens become accounts there), the command-line parser only in the exe.
    private static readonly Dictionary<string, string[]> AllowedPackages = new(StringComparer.Ordinal)
    {
        ["V2gPki.Der"] = [],
        ["V2gPki.Hsm"] = ["Pkcs11Interop"],
        ["V2gPki.Store"] = ["Microsoft.FASTER.Core"],
        ["V2gPki.Metrics"] = [],
        ["V2gPki.Ocsp"] = [],
        ["V2gPki.Pki"] = ["BouncyCastle.Cryptography"],
        ["V2gPki.Issuer"] = ["Microsoft.Extensions.Logging.Abstractions"],
        ["V2gPki.Parties"] = ["Microsoft.IdentityModel.JsonWebTokens"],
        ["V2gPki.Est"] = [],
        ["V2gPki.Contract"] = ["BouncyCastle.Cryptography"],
        ["V2gPki.Edge"] = ["System.CommandLine"],
    };

    // Projects created ahead of their content (docs/architecture.md §1: "project exists; content planned"): their
    // references are declared for the code that is to come. Remove a project from here when it gets its code.
    private static readonly HashSet<string> Homes = new(StringComparer.Ordinal) { "V2gPki.Contract" };

    [Fact]
    public void EverySourceProject_HasALayer()
    {
        Assert.Equal(Layers.Keys.Order(StringComparer.Ordinal), SourceProject.All.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProjectReferences_PointDownOnly()
    {
        var upward = new List<string>();
        foreach (var project in SourceProject.All)
        {
            foreach (var reference in project.References)
            {
                if (!Layers.TryGetValue(reference, out var layer) || layer >= Layers[project.Name])
                {
                    upward.Add($"{project.Name} -> {reference}");
                }
            }
        }

        Assert.True(upward.Count == 0, "references that do not point to a lower layer: " + string.Join(", ", upward));
    }

    [Fact]
    public void ProjectReferences_EveryOneUsed()
    {
        var unused = new List<string>();
        foreach (var project in SourceProject.All.Where(p => !Homes.Contains(p.Name)))
        {
            var used = project.UsedProjects(Layers.Keys);
            unused.AddRange(project.References.Where(r => !used.Contains(r)).Select(r => $"{project.Name} -> {r}"));
        }

        Assert.True(unused.Count == 0, "references no code of the project uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void ProjectReferences_EveryUsedProjectDeclared()
    {
        var undeclared = new List<string>();
        foreach (var project in SourceProject.All)
        {
            undeclared.AddRange(project.UsedProjects(Layers.Keys).Where(u => !project.References.Contains(u)).Select(u => $"{project.Name} uses {u}"));
        }

        Assert.True(undeclared.Count == 0, "projects used but reached only through another reference: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Packages_OnlyWhereTheyBelong_AndOnlyTheExeKnowsHttp()
    {
        foreach (var project in SourceProject.All)
        {
            Assert.All(project.Packages, p => Assert.Contains(p, AllowedPackages[project.Name]));
            Assert.Equal(project.Name == "V2gPki.Edge" ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk", project.Sdk);
            if (project.Name != "V2gPki.Edge")
            {
                var http = project.Files.Where(f => File.ReadAllText(Repository.PathOf(f)).Contains("using Microsoft.AspNetCore", StringComparison.Ordinal));
                Assert.Empty(http);
            }
        }
    }

    [Fact]
    public void ArchitectureDocument_DrawsTheGraphTheCsprojFilesMake()
    {
        const string Begin = "<!-- reference-graph:begin -->\n";
        const string End = "<!-- reference-graph:end -->";
        var document = File.ReadAllText(Repository.PathOf("docs/architecture.md")).ReplaceLineEndings("\n");
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/architecture.md has no reference-graph block");

        var drawn = document[(start + Begin.Length)..end];
        var expected = Draw();
        Assert.True(drawn == expected, "docs/architecture.md §1 is out of date; put this between the markers:\n" + expected);
    }

    /// <summary>The graph as docs/architecture.md shows it, lowest layer first.</summary>
    private static string Draw()
    {
        var text = new StringBuilder("```text\n");
        foreach (var project in SourceProject.All.OrderBy(p => Layers[p.Name]).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var line = new StringBuilder(project.Name.PadRight(17));
            line.Append(project.References.Count == 0 ? "(leaf)" : "-> " + string.Join(", ", project.References));
            if (project.Packages.Count > 0)
            {
                line.Append("; packages: ").Append(string.Join(", ", project.Packages));
            }

            if (project.Sdk == "Microsoft.NET.Sdk.Web")
            {
                line.Append("; framework: Microsoft.AspNetCore.App");
            }

            if (Homes.Contains(project.Name))
            {
                line.Append("  (home: references declared ahead of its code)");
            }

            text.Append(line).Append('\n');
        }

        return text.Append("```\n").ToString();
    }
}
