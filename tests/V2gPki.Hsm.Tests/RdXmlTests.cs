// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm.Tests;

/// <summary>
/// NativeAOT needs marshalling data for every structure Pkcs11Interop marshals through Marshal.*(Type)
/// (docs/nativeaot.md §3). The committed rd.xml must be exactly what <see cref="Generate"/> derives from the
/// Pkcs11Interop.dll in use, so a package upgrade that adds or renames a structure fails here instead of at run time
/// in an AOT binary. Run with V2GPKI_UPDATE_RDXML=1 to rewrite the file after an upgrade.
/// </summary>
public class RdXmlTests
{
    [Fact]
    public void RdXml_Committed_MatchesPkcs11InteropAssembly()
    {
        var expected = Generate();
        var actual = File.ReadAllText(RepositoryPaths.RdXml, Encoding.UTF8);
        if (expected != actual && Environment.GetEnvironmentVariable("V2GPKI_UPDATE_RDXML") == "1")
        {
            File.WriteAllText(RepositoryPaths.RdXml, expected, new UTF8Encoding(false));
            actual = expected;
        }

        Assert.True(expected == actual,
            "src/V2gPki.Hsm/buildTransitive/Pkcs11Interop.rd.xml is out of date with Pkcs11Interop.dll; missing: "
            + string.Join(", ", Structures().Except(Listed(actual)))
            + "; extra: " + string.Join(", ", Listed(actual).Except(Structures()))
            + ". Rerun the tests with V2GPKI_UPDATE_RDXML=1 and commit the file.");
    }

    [Fact]
    public void Structures_Pkcs11Interop530_IncludesTheOnesTheProbeHitAndTheSignPathUses()
    {
        var structures = Structures();

        Assert.Contains("Net.Pkcs11Interop.LowLevelAPI80.CK_FUNCTION_LIST", structures);
        Assert.Contains("Net.Pkcs11Interop.LowLevelAPI80.CK_C_INITIALIZE_ARGS", structures);
        Assert.Contains("Net.Pkcs11Interop.LowLevelAPI80.CK_ATTRIBUTE", structures);
        Assert.Contains("Net.Pkcs11Interop.LowLevelAPI80.CK_MECHANISM", structures);
        Assert.Contains("Net.Pkcs11Interop.LowLevelAPI80.MechanismParams.CK_ECDH1_DERIVE_PARAMS", structures);
        Assert.Equal(67, structures.Length);
    }

    [Fact]
    public void Targets_BuildTransitive_AddsTheRdXmlAsRdXmlFile()
    {
        var targets = XDocument.Load(RepositoryPaths.Targets);

        var item = Assert.Single(targets.Descendants(), e => e.Name.LocalName == "RdXmlFile");
        Assert.Equal("$(MSBuildThisFileDirectory)Pkcs11Interop.rd.xml", item.Attribute("Include")!.Value);
    }

    /// <summary>Every non-enum struct and every sequential class with fields in Net.Pkcs11Interop.LowLevelAPI80[.*].</summary>
    internal static string[] Structures()
    {
        var names = new List<string>();
        foreach (var type in typeof(Pkcs11InteropFactories).Assembly.GetTypes())
        {
            var ns = type.Namespace;
            if (ns is null || !(ns == "Net.Pkcs11Interop.LowLevelAPI80" || ns.StartsWith("Net.Pkcs11Interop.LowLevelAPI80.", StringComparison.Ordinal)))
            {
                continue;
            }

            if (type.IsEnum || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }

            var structure = type.IsValueType && !type.IsPrimitive;
            var sequentialClass = type.IsClass && !typeof(Delegate).IsAssignableFrom(type) && type.IsLayoutSequential
                && type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length > 0;
            if (structure || sequentialClass)
            {
                names.Add(type.FullName!);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    internal static string Generate()
    {
        var text = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            .Append("<!--\n")
            .Append("  NativeAOT marshalling data for Pkcs11Interop on 64-bit Unix (LowLevelAPI80: CK_ULONG is 8 bytes, structs unpacked).\n")
            .Append("  Generated: every non-enum struct and every sequential class with fields in Net.Pkcs11Interop.LowLevelAPI80[.*], plus the\n")
            .Append("  primitives Pkcs11Interop passes to Marshal.SizeOf(Type). Do not edit by hand: RdXmlTests checks this file against\n")
            .Append("  Pkcs11Interop.dll and rewrites it when run with V2GPKI_UPDATE_RDXML=1.\n")
            .Append("-->\n")
            .Append("<Directives xmlns=\"http://schemas.microsoft.com/netfx/2013/01/metadata\">\n")
            .Append("  <Application>\n")
            .Append("    <Assembly Name=\"Pkcs11Interop\">\n");
        foreach (var name in Structures())
        {
            text.Append("      <Type Name=\"").Append(name).Append("\" MarshalStructure=\"Required All\" />\n");
        }

        return text
            .Append("    </Assembly>\n")
            .Append("    <Assembly Name=\"System.Private.CoreLib\">\n")
            .Append("      <Type Name=\"System.UInt32\" MarshalStructure=\"Required All\" />\n")
            .Append("      <Type Name=\"System.UInt64\" MarshalStructure=\"Required All\" />\n")
            .Append("    </Assembly>\n")
            .Append("  </Application>\n")
            .Append("</Directives>\n")
            .ToString();
    }

    private static string[] Listed(string rdXml) =>
        [.. XDocument.Parse(rdXml).Descendants()
            .Where(e => e.Name.LocalName == "Type" && e.Parent?.Attribute("Name")?.Value == "Pkcs11Interop")
            .Select(e => e.Attribute("Name")!.Value)];
}
