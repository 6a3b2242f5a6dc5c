// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>A logger factory that keeps every record at <see cref="LogLevel.Warning"/> or above, for asserting what a server logs.</summary>
internal sealed class CapturedLog : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<string> _records = new();

    /// <summary>Every kept record as <c>level category: message</c> (with the exception's type when there is one).</summary>
    public IReadOnlyCollection<string> Records => _records.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._records.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }
        }
    }
}
