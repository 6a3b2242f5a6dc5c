// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Interop;

/// <summary>
/// A theory that drives an independent EST client built by tests/interop: Cisco libest's <c>estclient</c>
/// (<c>EDGE_ESTCLIENT</c>, or the newest <c>artifacts/interop/libest-*/bin/estclient</c> that
/// tests/interop/build-libest.sh makes) or the BouncyCastle Java client (<c>EDGE_BC_EST_CLIENT</c>, or the newest
/// <c>artifacts/interop/bc-est-*/bc-est</c> of tests/interop/build-bc-est.sh). Skipped, saying why, when the client
/// is not built — unless <c>EDGE_INTEROP_REQUIRED=1</c> (scripts/test.sh sets it after building both), when a missing
/// client fails the test instead, as <c>EDGE_AOT_REQUIRED</c> does for the NativeAOT binary.
/// </summary>
public sealed class EstClientTheoryAttribute : TheoryAttribute
{
    /// <summary>Cisco libest's example client.</summary>
    public const string Libest = "libest";

    /// <summary>The BouncyCastle Java client of tests/interop/bc-est.</summary>
    public const string BouncyCastle = "bc";

    /// <summary>Marks a test of <paramref name="client"/>.</summary>
    /// <param name="client"><see cref="Libest"/> or <see cref="BouncyCastle"/>.</param>
    public EstClientTheoryAttribute(string client)
    {
        if (PathOf(client) is null && !Required)
        {
            Skip = $"no {client} EST client: run {BuildScript(client)} (scripts/test.sh does) or set {Variable(client)}";
        }
    }

    /// <summary>Whether the run requires the clients (EDGE_INTEROP_REQUIRED=1): then their absence is a failure.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("EDGE_INTEROP_REQUIRED") == "1";

    /// <summary>The client's program; fails the test with the reason when it is missing.</summary>
    /// <param name="client"><see cref="Libest"/> or <see cref="BouncyCastle"/>.</param>
    /// <returns>The path of the program to run.</returns>
    public static string RequiredPath(string client) => PathOf(client)
        ?? throw new Xunit.Sdk.XunitException($"EDGE_INTEROP_REQUIRED=1 but the {client} EST client is missing: run {BuildScript(client)} "
            + $"(scripts/test.sh does) or set {Variable(client)}");

    /// <summary>The client's program: the variable's file when set (null when it does not exist), else the newest build.</summary>
    /// <param name="client"><see cref="Libest"/> or <see cref="BouncyCastle"/>.</param>
    /// <returns>The path, or null when there is none.</returns>
    public static string? PathOf(string client)
    {
        var configured = Environment.GetEnvironmentVariable(Variable(client));
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var interop = new DirectoryInfo(Path.Combine(dir.FullName, "artifacts", "interop"));
            if (!interop.Exists)
            {
                continue;
            }

            var (pattern, program) = client == Libest ? ("libest-*", Path.Combine("bin", "estclient")) : ("bc-est-*", "bc-est");
            return interop.EnumerateDirectories(pattern)
                .Select(d => Path.Combine(d.FullName, program))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        }

        return null;
    }

    private static string Variable(string client) => client == Libest ? "EDGE_ESTCLIENT" : "EDGE_BC_EST_CLIENT";

    private static string BuildScript(string client) => client == Libest ? "tests/interop/build-libest.sh" : "tests/interop/build-bc-est.sh";
}
