// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Text;

namespace V2gPki.TestSupport;

/// <summary>
/// Runs external tools (openssl, ocsptool, certtool) as child processes (linked into each test project that needs
/// it): standard input closed, standard output (as bytes: DER may come out) and error captured, 60 s at most.
/// </summary>
internal static class Tool
{
    /// <summary>How a run ended.</summary>
    /// <param name="ExitCode">The exit code.</param>
    /// <param name="StdOutBytes">Standard output as written.</param>
    /// <param name="StdErr">Standard error.</param>
    public sealed record Result(int ExitCode, byte[] StdOutBytes, string StdErr)
    {
        public string StdOut => Encoding.UTF8.GetString(StdOutBytes);

        public string All => StdOut + StdErr;

        /// <summary>Deconstructs into the exit code and <see cref="All"/>.</summary>
        public void Deconstruct(out int exitCode, out string output)
        {
            exitCode = ExitCode;
            output = All;
        }
    }

    /// <summary>Runs <paramref name="fileName"/> in the test's current directory.</summary>
    public static Result Run(string fileName, params string[] args) => RunIn(null, fileName, args);

    /// <summary>Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/> (the current one when null).</summary>
    public static Result RunIn(string? workingDirectory, string fileName, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 60 s.");
        }

        copy.GetAwaiter().GetResult();
        return new Result(process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs openssl in the test's current directory and fails the test when it exits non-zero.</summary>
    public static Result OpenSsl(params string[] args) => OpenSslIn(null, args);

    /// <summary>Runs openssl in <paramref name="workingDirectory"/> and fails the test when it exits non-zero.</summary>
    public static Result OpenSslIn(string? workingDirectory, params string[] args)
    {
        Result result = RunIn(workingDirectory, "openssl", args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed ({result.ExitCode}): {result.All}");
        }

        return result;
    }
}
