// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Hsm;

namespace V2gPki.IntegrationTests;

/// <summary>
/// The one SoftHSM2 instance of this test process (docs/architecture.md §6: one instance per process, never C_Finalize
/// mid-run). Every in-process fixture that opens tokens calls <see cref="EnsureLoaded"/> first: it points SOFTHSM2_CONF
/// at a token directory owned by the process and loads the module, so a fixture's own
/// <see cref="SoftHsm2Environment.Prepare"/> later cannot move the tokens into a directory that fixture deletes while
/// other collections still run. Tokens carry unique labels per fixture. The directory is removed at process exit, or
/// swept by the next run when the test host was killed.
/// </summary>
internal static class ProcessSoftHsm
{
    private const string Prefix = "v2gpki-it-hsm-";

    private static readonly Lazy<string> Directory = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Prepares and loads SoftHSM2 once for the process; returns its token directory.</summary>
    public static string EnsureLoaded() => Directory.Value;

    private static string Load()
    {
        SweepStale();
        var directory = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (!Pkcs11Module.IsAnyLoaded)
        {
            SoftHsm2Environment.Prepare(directory);
            _ = Pkcs11Module.Load(new HsmOptions().ModulePath);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    System.IO.Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            };
        }

        return directory;
    }

    private static void SweepStale()
    {
        foreach (var stale in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale).AsSpan(Prefix.Length), CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !System.IO.Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
            {
                try
                {
                    System.IO.Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
