// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Text;

namespace V2gPki.TestSupport;

/// <summary>
/// The one way tests start child processes (linked into each project that needs it): external tools (openssl,
/// ocsptool, certtool, curl, NSS), the built <c>v2gpki</c>, <c>dotnet publish</c> and the kill-test children in
/// tests/V2gPki.TestHosts. <see cref="Run(Command)"/> runs one to completion: standard input closed, standard output
/// (as bytes: DER may come out) and error captured, a timeout (60 s unless the <see cref="Command"/> says otherwise)
/// after which the whole process tree is killed through its PID, never by name. Long-running children (servers,
/// kill-test children) are started with <see cref="Start"/> on the same settings and stopped with
/// <see cref="Kill"/>; their lifecycle stays with the caller.
/// </summary>
internal static class Tool
{
    /// <summary>How long <see cref="Run(Command)"/> waits unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The <c>dotnet</c> host: the one running this process when it is <c>dotnet</c> (as under <c>dotnet test</c>),
    /// else the one on the PATH.
    /// </summary>
    public static string DotNetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Runs <paramref name="fileName"/> in the test's current directory.</summary>
    public static Result Run(string fileName, params string[] args) => Run(new Command(fileName, args));

    /// <summary>Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/> (the current one when null).</summary>
    public static Result RunIn(string? workingDirectory, string fileName, params string[] args) =>
        Run(new Command(fileName, args) { WorkingDirectory = workingDirectory });

    /// <summary>Runs <paramref name="command"/> to completion, blocking.</summary>
    /// <exception cref="TimeoutException">It did not finish within its timeout; its process tree was killed.</exception>
    public static Result Run(Command command)
    {
        using var process = Start(command);
        (var stdout, var stderr) = Capture(process);
        if (!process.WaitForExit(command.Timeout))
        {
            throw TimedOut(process, command);
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs <paramref name="command"/> to completion without blocking a thread.</summary>
    /// <exception cref="TimeoutException">It did not finish within its timeout; its process tree was killed.</exception>
    public static async Task<Result> RunAsync(Command command)
    {
        using var process = Start(command);
        (var stdout, var stderr) = Capture(process);
        using (var timeout = new CancellationTokenSource(command.Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw TimedOut(process, command);
            }
        }

        return new Result(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>
    /// Starts <paramref name="command"/> with standard input closed and standard output and error redirected, and
    /// leaves it running: the caller reads its output and stops it (<see cref="Kill"/>, or a signal).
    /// </summary>
    public static Process Start(Command command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (command.WorkingDirectory is not null)
        {
            info.WorkingDirectory = command.WorkingDirectory;
        }

        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((var name, var value) in command.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {command}.");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>SIGKILLs <paramref name="process"/> and every process it started (by PID) and waits for it.</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit(10_000);
    }

    /// <summary>Runs openssl in the test's current directory and fails the test when it exits non-zero.</summary>
    public static Result OpenSsl(params string[] args) => OpenSslIn(null, args);

    /// <summary>Runs openssl in <paramref name="workingDirectory"/> and fails the test when it exits non-zero.</summary>
    public static Result OpenSslIn(string? workingDirectory, params string[] args)
    {
        var result = RunIn(workingDirectory, "openssl", args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed ({result.ExitCode}): {result.All}");
        }

        return result;
    }

    private static (Task<byte[]> StdOut, Task<string> StdErr) Capture(Process process)
    {
        async Task<byte[]> ReadAll(Stream stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }

        return (ReadAll(process.StandardOutput.BaseStream), process.StandardError.ReadToEndAsync());
    }

    private static TimeoutException TimedOut(Process process, Command command)
    {
        Kill(process);
        return new TimeoutException($"{command} did not finish within {command.Timeout}; its process tree was killed.");
    }

    /// <summary>What to run, where, with which environment and for how long at most (<c>with</c> changes one).</summary>
    public sealed record Command
    {
        /// <summary>Creates a command.</summary>
        /// <param name="fileName">The program: a path, or a name looked up on the PATH.</param>
        /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
        public Command(string fileName, IEnumerable<string> arguments)
        {
            FileName = fileName;
            Arguments = [.. arguments];
        }

        /// <summary>The program.</summary>
        public string FileName { get; }

        /// <summary>Its arguments.</summary>
        public IReadOnlyList<string> Arguments { get; }

        /// <summary>The working directory; the current one when null.</summary>
        public string? WorkingDirectory { get; init; }

        /// <summary>Variables to set in the child's environment (inherited otherwise); a null value removes one.</summary>
        public IDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

        /// <summary>How long <see cref="Run(Command)"/> waits before it kills the process tree.</summary>
        public TimeSpan Timeout { get; init; } = DefaultTimeout;

        /// <summary>
        /// A .NET program built into <paramref name="directory"/>: its apphost when there is one, else
        /// <c>dotnet &lt;name&gt;.dll</c>.
        /// </summary>
        public static Command BuiltProgram(string directory, string name, params string[] args)
        {
            var apphost = Path.Combine(directory, name);
            return File.Exists(apphost) ? new Command(apphost, args) : DotNet(Path.Combine(directory, name + ".dll"), args);
        }

        /// <summary><c>dotnet &lt;assembly&gt; args</c>, through <see cref="DotNetHost"/>.</summary>
        public static Command DotNet(string assembly, params string[] args) => new(DotNetHost, [assembly, .. args]);

        /// <inheritdoc/>
        public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
    }

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

        /// <inheritdoc/>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }
}
