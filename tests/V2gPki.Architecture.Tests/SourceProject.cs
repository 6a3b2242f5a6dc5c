// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace V2gPki.Architecture.Tests;

/// <summary>One project under <c>src/</c> as its csproj and its C# files declare it.</summary>
internal sealed partial class SourceProject
{
    private SourceProject(string name, string sdk, IReadOnlyList<string> references, IReadOnlyList<string> packages, IReadOnlyList<string> files)
    {
        Name = name;
        Sdk = sdk;
        References = references;
        Packages = packages;
        Files = files;
    }

    public string Name { get; }

    public string Sdk { get; }

    /// <summary>Project references, by project name, sorted.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Package references, sorted.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>The C# files, relative to the repository root.</summary>
    public IReadOnlyList<string> Files { get; }

    public static IReadOnlyList<SourceProject> All { get; } = Load();

    /// <summary>The <c>V2gPki.*</c> projects this project's code names: in a using directive or a qualified name.</summary>
    public IReadOnlySet<string> UsedProjects(IEnumerable<string> projectNames)
    {
        var names = projectNames.ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            foreach (var line in File.ReadLines(Repository.PathOf(file)))
            {
                foreach (Match match in NamespaceUse().Matches(CodeOf(line)))
                {
                    var project = "V2gPki." + match.Groups[1].Value;
                    if (names.Contains(project) && project != Name)
                    {
                        used.Add(project);
                    }
                }
            }
        }

        return used;
    }

    /// <summary>The part of a line that names code: crefs of a doc comment, or the line without comments and strings.</summary>
    private static string CodeOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("///", StringComparison.Ordinal))
        {
            return string.Join(' ', Cref().Matches(trimmed).Select(m => m.Groups[1].Value));
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var code = StringLiteral().Replace(line, "\"\"");
        var comment = code.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? code : code[..comment];
    }

    private static List<SourceProject> Load()
    {
        var projects = new List<SourceProject>();
        foreach (var directory in Directory.GetDirectories(Repository.PathOf("src")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var csproj = Path.Combine(directory, name + ".csproj");
            if (!File.Exists(csproj))
            {
                continue;
            }

            var xml = XDocument.Load(csproj);
            var references = xml.Descendants("ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
                .Order(StringComparer.Ordinal).ToList();
            var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).Order(StringComparer.Ordinal).ToList();
            var files = Repository.Files("src/" + name, ".cs").Order(StringComparer.Ordinal).ToList();
            projects.Add(new SourceProject(name, xml.Root!.Attribute("Sdk")?.Value ?? string.Empty, references, packages, files));
        }

        return projects;
    }

    // "using V2gPki.Pki.Identifiers;", "using static V2gPki.Der.X;", or a qualified "V2gPki.Ocsp.OcspHashAlgorithm" in code
    // or in a cref (comments and strings are not code: see CodeOf).
    [GeneratedRegex(@"\bV2gPki\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex NamespaceUse();

    [GeneratedRegex("cref=\"([^\"]+)\"")]
    private static partial Regex Cref();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
