// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using V2gPki.IntegrationTests.Cli;

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// A long-running <c>v2gpki</c> process (<c>demo</c> or <c>serve</c>): its output collected line by line, stopped by
/// PID with SIGTERM (graceful) or SIGKILL (crash), never by name.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineAdded = new(0);

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output => string.Join('\n', _lines);

    /// <summary>The JIT-built <c>v2gpki</c> next to the tests (the project reference copies it).</summary>
    public static ServerProcess StartJit(params string[] args) => StartJitWith(null, args);

    /// <summary>The JIT-built <c>v2gpki</c> with extra environment variables (e.g. runtime knobs).</summary>
    public static ServerProcess StartJitWith(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartWith(environment, V2gpkiProcess.Command(args));

    public static ServerProcess Start(string file, params string[] args) => StartWith(null, new Tool.Command(file, args));

    private static ServerProcess StartWith(IReadOnlyDictionary<string, string>? environment, Tool.Command command)
    {
        // Token PINs come from the demo's PIN file, not from whatever the test runner's environment holds.
        var variables = new Dictionary<string, string?> { ["V2GPKI_ROOT_PIN"] = null, ["V2GPKI_ONLINE_PIN"] = null, ["V2GPKI_SO_PIN"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return new ServerProcess(Tool.Start(command with { WorkingDirectory = Path.GetTempPath(), Environment = variables }));
    }

    /// <summary>Waits for a line containing <paramref name="text"/>; fails with the output so far when it does not come.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var line in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited && _lineAdded.CurrentCount == 0)
            {
                Assert.Fail($"no line with '{text}' (exited: {_process.HasExited})\n{Output}");
            }

            await _lineAdded.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The port of the first <c>http://127.0.0.1:&lt;port&gt;/</c> printed.</summary>
    public async Task<int> WaitForPortAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync("listening on http://", timeout);
        var at = line.IndexOf("http://", StringComparison.Ordinal);
        var uri = new Uri(line[at..line.IndexOf('/', at + 7)]);
        return uri.Port;
    }

    public void Signal(string signal) => Assert.Equal(0, Tool.Run("kill", "-" + signal, Id.ToString(CultureInfo.InvariantCulture)).ExitCode);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits for the exit and asserts its status; a wrong status or no exit in time fails with everything the process
    /// printed (stdout and stderr, where the runtime writes "Unhandled exception." before it aborts with 134).
    /// </summary>
    public async Task AssertExitsWithAsync(int expected, TimeSpan timeout)
    {
        int status;
        try
        {
            status = await WaitForExitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"pid {Id} did not exit within {timeout.TotalSeconds} s; its output:\n{Output}");
            return;
        }

        // The asynchronous readers may still be delivering the last lines: the exit is known, the pipes close next.
        _process.WaitForExit();
        Assert.True(status == expected, $"pid {Id} exited with status {status}, expected {expected}; its output:\n{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Tool.Kill(_process);
        }

        _process.Dispose();
        _lineAdded.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _lineAdded.Release();
        }
    }
}
