// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// The HSM half of <c>/ready</c> (docs/architecture.md §7: store recovered, HSM logged in). A background loop probes
/// every open token with <see cref="HsmToken.TryCheckLogin"/> (its own session, repairing a dead session or a
/// logged-out token) and keeps the result in a field, so <c>/ready</c>, served on the OCSP listener's socket threads,
/// reads a flag and never waits for a PKCS#11 call. A token that cannot be repaired (PIN changed on the token, PIN
/// locked, token removed) makes the process not ready: pre-signed answers would still be served, but nothing could be
/// re-signed or revoked. Transitions are logged with the reason (never a PIN).
/// </summary>
internal sealed partial class HsmLoginMonitor : IAsyncDisposable
{
    private readonly HsmToken[] _tokens;
    private readonly int[] _loggedIn;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _allLoggedIn = 1;

    /// <summary>Creates the monitor; the tokens count as logged in (they were, to open the runtime) until the first probe.</summary>
    /// <param name="tokens">The open tokens.</param>
    /// <param name="interval">Time between probes.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where transitions go.</param>
    public HsmLoginMonitor(IReadOnlyList<HsmToken> tokens, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _tokens = [.. tokens];
        _loggedIn = new int[_tokens.Length];
        Array.Fill(_loggedIn, 1);
        _interval = interval;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether every token passed its last probe.</summary>
    public bool AllLoggedIn => Volatile.Read(ref _allLoggedIn) != 0;

    /// <summary>The tokens, in the order of <see cref="IsLoggedIn"/>.</summary>
    public IReadOnlyList<HsmToken> Tokens => _tokens;

    /// <summary>Whether token <paramref name="index"/> passed its last probe.</summary>
    /// <param name="index">Index into <see cref="Tokens"/>.</param>
    /// <returns>The last result.</returns>
    public bool IsLoggedIn(int index) => Volatile.Read(ref _loggedIn[index]) != 0;

    /// <summary>Probes once now, then every interval on a background task.</summary>
    public void Start()
    {
        ProbeAll();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Probes every token once (tests and <see cref="Start"/>).</summary>
    public void ProbeAll()
    {
        var all = true;
        for (var i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            var ok = token.TryCheckLogin(out var problem);
            var was = Interlocked.Exchange(ref _loggedIn[i], ok ? 1 : 0) != 0;
            if (was && !ok)
            {
                LogLost(_logger, token.Role, problem ?? "unknown");
            }
            else if (!was && ok)
            {
                LogBack(_logger, token.Role);
            }

            all &= ok;
        }

        Volatile.Write(ref _allLoggedIn, all ? 1 : 0);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            ProbeAll();
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "HSM token {Role} is not usable ({Problem}): /ready answers 503; pre-signed OCSP answers are still served, nothing can be signed")]
    private static partial void LogLost(ILogger logger, string role, string problem);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "HSM token {Role} is logged in again")]
    private static partial void LogBack(ILogger logger, string role);
}
