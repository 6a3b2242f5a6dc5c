// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.TestSupport;

/// <summary>
/// tests/V2gPki.TestHosts, the console holding the children the kill tests start (linked into those test projects,
/// which reference it with ReferenceOutputAssembly="false" so that it is built first), run through dotnet as built
/// beside the running tests: the same configuration and target framework.
/// </summary>
internal static class TestHostsProgram
{
    /// <summary><c>dotnet V2gPki.TestHosts.dll args</c>; fails the test when it has not been built.</summary>
    /// <param name="args">The mode and its arguments (Program.cs of tests/V2gPki.TestHosts).</param>
    /// <returns>The command, to run with <see cref="Tool"/>.</returns>
    public static Tool.Command Command(params string[] args)
    {
        // tests/<test project>/bin/<Configuration>/<tfm>/ → tests/V2gPki.TestHosts/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = tfm.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        var path = Path.Combine(tests.FullName, "V2gPki.TestHosts", "bin", configuration.Name, tfm.Name, "V2gPki.TestHosts.dll");
        Assert.True(File.Exists(path), "build tests/V2gPki.TestHosts first: " + path);
        return Tool.Command.DotNet(path, args);
    }
}
