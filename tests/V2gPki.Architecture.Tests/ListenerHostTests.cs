// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.RegularExpressions;

namespace V2gPki.Architecture.Tests;

/// <summary>
/// docs/architecture.md §7 (shutdown): SIGINT and SIGTERM belong to the command, never to a listener's host. A host made
/// by <c>WebApplication.Create…</c> or <c>Host.Create…</c> brings the console lifetime, which answers SIGTERM by
/// stopping its application and cancelling a start still under way; only <c>ListenerHost</c> makes hosts, with a
/// lifetime that registers no signal handler.
/// </summary>
public sealed partial class ListenerHostTests
{
    private const string ListenerHost = "src/V2gPki.Edge/Listeners/Kestrel/ListenerHost.cs";

    [Fact]
    public void Sources_MakeWebApplicationsAndHostsOnlyThroughListenerHost()
    {
        var hits = new List<string>();
        foreach (var file in Repository.Files("src", ".cs"))
        {
            if (file == ListenerHost)
            {
                continue;
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(Repository.PathOf(file)))
            {
                lineNumber++;
                var code = line.TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && HostFactory().IsMatch(code))
                {
                    hits.Add($"{file}:{lineNumber}: {code}");
                }
            }
        }

        Assert.True(hits.Count == 0, "use ListenerHost.CreateSlimBuilder:\n" + string.Join("\n", hits));
        Assert.Contains("CommandOwnedLifetime", File.ReadAllText(Repository.PathOf(ListenerHost)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(WebApplication|Host)\.Create[A-Za-z]*Builder\s*\(")]
    private static partial Regex HostFactory();
}
