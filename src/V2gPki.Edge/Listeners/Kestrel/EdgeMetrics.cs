// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Issuer.Answering;
using V2gPki.Metrics;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// The metrics of the edge server: requests by route and outcome, latency, rejected inputs by reason,
/// allocated bytes per request, plus the hooks other modules fill once wired (store size, pending reads, HSM
/// signatures and errors per lane, queue depths). Every child the HTTP hot path touches is created here, up front.
/// No EMAID or PCID ever goes into a label (docs/architecture.md §9).
/// </summary>
internal sealed class EdgeMetrics : IOcspRequestCounters
{
    private const int RouteCount = (int)RequestRoute.Api + 1;
    private const int OutcomeCount = (int)RequestOutcome.Aborted + 1;
    private const int RejectCount = (int)RejectReason.MalformedOcspRequest + 1;

    // Label values of the OcspRequestQuirks flags, bit i → QuirkKinds[i] (V2gPki.Ocsp.OcspRequestQuirks).
    private static readonly string[] QuirkKinds =
    [
        "explicit_default_version", "requestor_name", "request_signature", "ignored_request_extension",
        "ignored_single_request_extension", "nonce_without_octet_string", "nonce_length_out_of_range", "explicit_default_critical",
    ];

    // Label values of V2gPki.Ocsp.OcspParseStatus 1..13 (index = status − 1); the last one counts unknown values.
    private static readonly string[] ParseStatusNames =
    [
        "truncated", "invalid_der", "unexpected_structure", "trailing_data", "unsupported_version", "empty_request_list",
        "unsupported_hash_algorithm", "invalid_cert_id", "unknown_critical_extension", "duplicate_extension", "invalid_nonce",
        "unsupported_response_type", "invalid_response_status", "other",
    ];

    private static readonly double[] LatencyBuckets =
        [5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 0.1, 0.5, 1, 5];

    private static readonly double[] AgeBuckets =
        [60, 600, 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 3 * 86400, 4 * 86400, 5 * 86400, 6 * 86400, 7 * 86400, 8 * 86400, 9 * 86400, 10 * 86400, 30 * 86400];

    private readonly Counter[] _requests = new Counter[RouteCount * OutcomeCount];
    private readonly Histogram[] _latency = new Histogram[RouteCount];
    private readonly Counter[] _rejected = new Counter[RejectCount];
    private readonly Counter[] _tolerated = new Counter[QuirkKinds.Length];
    private readonly Counter[] _parseErrors = new Counter[ParseStatusNames.Length];
    private readonly Lock _allocationLock = new();
    private long _lastAllocated;
    private long _lastRequests;
    private double _lastPerRequest;

    /// <summary>Creates and registers the edge metrics.</summary>
    /// <param name="registry">The registry served at <c>/metrics</c>.</param>
    public EdgeMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;

        var requests = registry.CreateCounter("v2gpki_http_requests_total", "HTTP requests by route and outcome.", "route", "outcome");
        var latency = registry.CreateHistogram(
            "v2gpki_http_request_duration_seconds", "Time in our request handler, from Kestrel's hand-over to the response being queued.",
            LatencyBuckets, 1.0 / Stopwatch.Frequency, "route");
        for (var r = 0; r < RouteCount; r++)
        {
            var route = RouteLabel((RequestRoute)r);
            _latency[r] = latency.WithLabels(route);
            for (var o = 0; o < OutcomeCount; o++)
            {
                _requests[(r * OutcomeCount) + o] = requests.WithLabels(route, OutcomeLabel((RequestOutcome)o));
            }
        }

        var rejected = registry.CreateCounter("v2gpki_rejected_inputs_total", "Inputs rejected or answered with an error, by reason.", "reason");
        for (var i = 0; i < RejectCount; i++)
        {
            _rejected[i] = rejected.WithLabels(ReasonLabel((RejectReason)i));
        }

        ResponseAge = registry.CreateHistogram(
            "v2gpki_ocsp_response_age_seconds", "Age (now - thisUpdate) of the signed OCSP responses served.", AgeBuckets, 1).WithLabels();
        ActiveConnections = registry.CreateGauge("v2gpki_http_active_connections", "Open connections on the OCSP listener.").WithLabels();

        registry.CreateCallback("v2gpki_process_allocated_bytes_total", "Bytes allocated by the process (GC.GetTotalAllocatedBytes).", MetricType.Counter, static () => GC.GetTotalAllocatedBytes());
        registry.CreateCallback("v2gpki_allocated_bytes_per_request", "Bytes allocated by the whole process per HTTP request between the last two scrapes.", MetricType.Gauge, AllocatedPerRequest);
        registry.CreateCallback("v2gpki_process_resident_memory_bytes", "Resident set size.", MetricType.Gauge, static () => Environment.WorkingSet);
        registry.CreateCallback("v2gpki_gc_collections_total", "Garbage collections of generation 0.", MetricType.Counter, static () => GC.CollectionCount(0));
        registry.CreateCallback("v2gpki_gc_pause_seconds_total", "Time the process spent paused by garbage collections (GC.GetTotalPauseDuration).", MetricType.Counter, static () => GC.GetTotalPauseDuration().TotalSeconds);

        // Store, HSM, queue and issuer figures are read at scrape time from the modules (Hosting/RuntimeMetricsSource).
        RequestTolerated = registry.CreateCounter("v2gpki_ocsp_request_tolerated_total", "OCSP request parts skipped leniently (docs/architecture.md §3 Parsing), by kind.", "kind");
        for (var i = 0; i < QuirkKinds.Length; i++)
        {
            _tolerated[i] = RequestTolerated.WithLabels(QuirkKinds[i]);
        }

        var parseErrors = registry.CreateCounter("v2gpki_ocsp_parse_errors_total", "OCSP requests answered malformedRequest, by parser status.", "status");
        for (var i = 0; i < ParseStatusNames.Length; i++)
        {
            _parseErrors[i] = parseErrors.WithLabels(ParseStatusNames[i]);
        }
    }

    /// <summary>The registry these metrics live in.</summary>
    public MetricsRegistry Registry { get; }

    /// <summary>Age of the signed responses served (now − thisUpdate), in seconds.</summary>
    public Histogram ResponseAge { get; }

    /// <summary>Open connections on the OCSP listener (from Kestrel's meter).</summary>
    public Gauge ActiveConnections { get; }

    /// <summary>Leniently skipped request parts, per kind (unknown extension, requestorName, …).</summary>
    public MetricFamily<Counter> RequestTolerated { get; }

    /// <summary>Counts one request.</summary>
    /// <param name="route">Its route.</param>
    /// <param name="outcome">Its outcome.</param>
    /// <param name="elapsedTicks">Stopwatch ticks spent in our handler.</param>
    public void CountRequest(RequestRoute route, RequestOutcome outcome, long elapsedTicks)
    {
        _requests[((int)route * OutcomeCount) + (int)outcome].Increment();
        _latency[(int)route].Observe(elapsedTicks);
    }

    /// <inheritdoc/>
    public void CountTolerated(OcspRequestQuirks quirks)
    {
        if (quirks == OcspRequestQuirks.None)
        {
            return;
        }

        for (var i = 0; i < _tolerated.Length; i++)
        {
            if (((int)quirks & (1 << i)) != 0)
            {
                _tolerated[i].Increment();
            }
        }
    }

    /// <inheritdoc/>
    public void CountParseError(OcspParseStatus status)
    {
        _rejected[(int)RejectReason.MalformedOcspRequest].Increment();
        var parseStatus = (int)status;
        var index = (uint)(parseStatus - 1) < (uint)(ParseStatusNames.Length - 1) ? parseStatus - 1 : ParseStatusNames.Length - 1;
        _parseErrors[index].Increment();
    }

    /// <summary>The count of one tolerated-quirk kind.</summary>
    /// <param name="bit">The flag's bit index in <c>OcspRequestQuirks</c>.</param>
    /// <returns>The counter value.</returns>
    public long ToleratedCount(int bit) => _tolerated[bit].Value;

    /// <summary>Counts one rejected input.</summary>
    /// <param name="reason">Why.</param>
    public void CountRejected(RejectReason reason) => _rejected[(int)reason].Increment();

    /// <summary>The count of requests with this route and outcome.</summary>
    /// <param name="route">The route.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The counter value.</returns>
    public long RequestCount(RequestRoute route, RequestOutcome outcome) => _requests[((int)route * OutcomeCount) + (int)outcome].Value;

    /// <summary>The count of rejected inputs for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The counter value.</returns>
    public long RejectedCount(RejectReason reason) => _rejected[(int)reason].Value;

    /// <summary>All requests counted so far.</summary>
    public long TotalRequests
    {
        get
        {
            long total = 0;
            foreach (var counter in _requests)
            {
                total += counter.Value;
            }

            return total;
        }
    }

    /// <summary>The Prometheus label of a route.</summary>
    /// <param name="route">The route.</param>
    /// <returns>Its label value.</returns>
    public static string RouteLabel(RequestRoute route) => route switch
    {
        RequestRoute.OcspPost => "ocsp_post",
        RequestRoute.OcspGet => "ocsp_get",
        RequestRoute.Health => "health",
        RequestRoute.Ready => "ready",
        RequestRoute.Metrics => "metrics",
        RequestRoute.Crl => "crl",
        RequestRoute.Api => "api",
        _ => "other",
    };

    /// <summary>The Prometheus label of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its label value.</returns>
    public static string OutcomeLabel(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Successful => "successful",
        RequestOutcome.MalformedRequest => "malformed_request",
        RequestOutcome.InternalError => "internal_error",
        RequestOutcome.TryLater => "try_later",
        RequestOutcome.SigRequired => "sig_required",
        RequestOutcome.Unauthorized => "unauthorized",
        RequestOutcome.NotModified => "not_modified",
        RequestOutcome.Ok => "ok",
        RequestOutcome.NotFound => "not_found",
        RequestOutcome.MethodNotAllowed => "method_not_allowed",
        RequestOutcome.PayloadTooLarge => "payload_too_large",
        RequestOutcome.NotReady => "not_ready",
        RequestOutcome.BadRequest => "bad_request",
        _ => "aborted",
    };

    /// <summary>The Prometheus label of a reject reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>Its label value.</returns>
    public static string ReasonLabel(RejectReason reason) => reason switch
    {
        RejectReason.BodyTooLarge => "body_too_large",
        RejectReason.UndecodableGet => "get_undecodable",
        RejectReason.EmptyRequest => "empty_request",
        RejectReason.MethodNotAllowed => "method_not_allowed",
        RejectReason.NotFound => "not_found",
        RejectReason.RequestHeadersTimeout => "request_headers_timeout",
        RejectReason.RequestHeadersTooLarge => "request_headers_too_large",
        RejectReason.TooManyRequestHeaders => "too_many_request_headers",
        RejectReason.InvalidRequestLine => "invalid_request_line",
        RejectReason.InvalidRequestHeaders => "invalid_request_headers",
        RejectReason.MinRequestBodyDataRate => "min_request_body_data_rate",
        RejectReason.UnexpectedEndOfRequest => "unexpected_end_of_request",
        RejectReason.ConnectionLimit => "connection_limit",
        RejectReason.OtherProtocolError => "other_protocol_error",
        RejectReason.MalformedOcspRequest => "malformed_ocsp_request",
        _ => "responder_exception",
    };

    private double AllocatedPerRequest()
    {
        lock (_allocationLock)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var requests = TotalRequests;
            var deltaRequests = requests - _lastRequests;
            if (deltaRequests > 0)
            {
                _lastPerRequest = (double)(allocated - _lastAllocated) / deltaRequests;
            }

            _lastAllocated = allocated;
            _lastRequests = requests;
            return _lastPerRequest;
        }
    }
}
