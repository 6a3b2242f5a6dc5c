// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.Metrics;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// Feeds Kestrel's own rejections (431, 400 framing, header timeouts, slow bodies, the connection cap), which
/// never reach our request handler, into <see cref="EdgeMetrics"/>: it listens to the <c>error.type</c> tag of
/// Kestrel's <c>kestrel.connection.duration</c> and to <c>kestrel.rejected_connections</c> and
/// <c>kestrel.active_connections</c>, for one listener port. These fire once per connection, not per request.
/// </summary>
internal sealed class KestrelMeterBridge : IDisposable
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";

    private readonly EdgeMetrics _metrics;
    private readonly MeterListener _listener;
    private volatile int _port = -1;

    /// <summary>Starts listening.</summary>
    /// <param name="metrics">Where counts go.</param>
    public KestrelMeterBridge(EdgeMetrics metrics)
    {
        _metrics = metrics;
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.Start();
    }

    /// <summary>The local port whose connections are counted; until set, nothing is counted.</summary>
    public int Port
    {
        get => _port;
        set => _port = value;
    }

    /// <summary>Maps a Kestrel <c>error.type</c> value to our reason.</summary>
    /// <param name="errorType">The tag value.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>False for values that are not rejections (keep-alive timeout, resets, shutdown).</returns>
    public static bool TryMapErrorType(string? errorType, out RejectReason reason)
    {
        reason = errorType switch
        {
            "request_headers_timeout" => RejectReason.RequestHeadersTimeout,
            "max_request_headers_total_size_exceeded" => RejectReason.RequestHeadersTooLarge,
            "max_request_header_count_exceeded" => RejectReason.TooManyRequestHeaders,
            "invalid_request_line" or "invalid_http_version" => RejectReason.InvalidRequestLine,
            "invalid_request_headers" or "error_reading_headers" => RejectReason.InvalidRequestHeaders,
            "min_request_body_data_rate" => RejectReason.MinRequestBodyDataRate,
            "unexpected_end_of_request_content" => RejectReason.UnexpectedEndOfRequest,
            "max_concurrent_connections_exceeded" => RejectReason.ConnectionLimit,
            "max_request_body_size_exceeded" => RejectReason.BodyTooLarge,
            "keep_alive_timeout" or "connection_reset" or "app_shutdown_timeout" or "io_error" or null => (RejectReason)255,
            _ => RejectReason.OtherProtocolError,
        };
        return reason != (RejectReason)255;
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name == KestrelMeter
            && instrument.Name is "kestrel.connection.duration" or "kestrel.rejected_connections" or "kestrel.active_connections")
        {
            listener.EnableMeasurementEvents(instrument, this);
        }
    }

    private static void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var self = (KestrelMeterBridge)state!;
        if (!self.IsOurPort(tags))
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == "error.type" && TryMapErrorType(tag.Value as string, out var reason))
            {
                // Counted elsewhere: 413 by the handler (it sees every oversized body first), the connection cap
                // by kestrel.rejected_connections (a refused connection also reports this error type).
                if (reason is not (RejectReason.BodyTooLarge or RejectReason.ConnectionLimit))
                {
                    self._metrics.CountRejected(reason);
                }

                return;
            }
        }
    }

    private static void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var self = (KestrelMeterBridge)state!;
        if (!self.IsOurPort(tags))
        {
            return;
        }

        if (instrument.Name == "kestrel.active_connections")
        {
            self._metrics.ActiveConnections.Add(value);
        }
        else
        {
            self._metrics.CountRejected(RejectReason.ConnectionLimit);
        }
    }

    private bool IsOurPort(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var port = _port;
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port")
            {
                return tag.Value is int p && p == port;
            }
        }

        return false;
    }
}
