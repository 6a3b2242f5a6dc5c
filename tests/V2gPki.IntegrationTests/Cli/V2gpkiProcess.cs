// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;

namespace V2gPki.IntegrationTests.Cli;

/// <summary>Runs the real built <c>v2gpki</c> executable (copied beside the tests by the project reference).</summary>
internal static class V2gpkiProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        string dir = AppContext.BaseDirectory;
        string apphost = Path.Combine(dir, "v2gpki");
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (File.Exists(apphost))
        {
            psi.FileName = apphost;
        }
        else
        {
            // No apphost on this platform: run the same build through the host that runs the tests.
            psi.FileName = Environment.ProcessPath ?? "dotnet";
            psi.ArgumentList.Add(Path.Combine(dir, "v2gpki.dll"));
        }

        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("v2gpki did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("v2gpki did not exit within 60 s");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
