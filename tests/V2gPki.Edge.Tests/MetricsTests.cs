// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Text;
using V2gPki.Edge.Listeners.Kestrel;
using V2gPki.Metrics;

namespace V2gPki.Edge.Tests;

public class MetricsTests
{
    [Fact]
    public void EdgeMetrics_ExposesEveryServerMetricFamily()
    {
        var metrics = new EdgeMetrics(new MetricsRegistry());
        metrics.CountRequest(RequestRoute.OcspPost, RequestOutcome.Successful, 100);
        metrics.CountRejected(RejectReason.UndecodableGet);
        metrics.CountTolerated((V2gPki.Ocsp.OcspRequestQuirks)0b1010);
        metrics.CountParseError(V2gPki.Ocsp.OcspParseStatus.InvalidDer);
        metrics.Registry.AddSource(new FixedSource());

        var buffer = new ArrayBufferWriter<byte>();
        metrics.Registry.WriteTo(buffer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);

        foreach (var name in new[]
        {
            "v2gpki_http_requests_total{route=\"ocsp_post\",outcome=\"successful\"} 1",
            "v2gpki_http_request_duration_seconds_bucket",
            "v2gpki_rejected_inputs_total{reason=\"get_undecodable\"} 1",
            "v2gpki_ocsp_response_age_seconds_bucket",
            "v2gpki_allocated_bytes_per_request",
            "v2gpki_process_allocated_bytes_total",
            "# TYPE v2gpki_gc_pause_seconds_total counter",
            "v2gpki_ocsp_request_tolerated_total{kind=\"requestor_name\"} 1",
            "v2gpki_ocsp_request_tolerated_total{kind=\"ignored_request_extension\"} 1",
            "v2gpki_ocsp_parse_errors_total{status=\"invalid_der\"} 1",
            "v2gpki_rejected_inputs_total{reason=\"malformed_ocsp_request\"} 1",
            "# TYPE v2gpki_hsm_signatures_total counter\nv2gpki_hsm_signatures_total{token=\"online\",lane=\"priority\"} 3\nv2gpki_hsm_signatures_total{token=\"online\",lane=\"bulk\"} 5\n",
            "v2gpki_queue_depth{queue=\"live\"} 7",
            "v2gpki_test_seconds_bucket{le=\"0.5\"} 1\nv2gpki_test_seconds_bucket{le=\"+Inf\"} 2\nv2gpki_test_seconds_sum 3.5\nv2gpki_test_seconds_count 2",
            "v2gpki_http_active_connections",
        })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Equal(1, metrics.TotalRequests);
    }

    [Fact]
    public void HotPathUpdates_AllocateNothing()
    {
        var metrics = new EdgeMetrics(new MetricsRegistry());
        metrics.CountRequest(RequestRoute.OcspGet, RequestOutcome.NotModified, 1);

        var allocated = AllocationProbe.LeastPerRound(i =>
        {
            metrics.CountRequest(RequestRoute.OcspGet, RequestOutcome.Successful, i * 100);
            metrics.CountRejected(RejectReason.BodyTooLarge);
            metrics.ResponseAge.Observe(i * 60);
            metrics.ActiveConnections.Add(1);
        });

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("request_headers_timeout", RejectReason.RequestHeadersTimeout)]
    [InlineData("max_request_headers_total_size_exceeded", RejectReason.RequestHeadersTooLarge)]
    [InlineData("max_request_header_count_exceeded", RejectReason.TooManyRequestHeaders)]
    [InlineData("invalid_request_line", RejectReason.InvalidRequestLine)]
    [InlineData("invalid_request_headers", RejectReason.InvalidRequestHeaders)]
    [InlineData("min_request_body_data_rate", RejectReason.MinRequestBodyDataRate)]
    [InlineData("unexpected_end_of_request_content", RejectReason.UnexpectedEndOfRequest)]
    [InlineData("something_new", RejectReason.OtherProtocolError)]
    public void KestrelErrorType_MapsToRejectReason(string errorType, object expectedValue)
    {
        var expected = (RejectReason)expectedValue; // the exe's types are internal; a public theory takes them as object
        Assert.True(KestrelMeterBridge.TryMapErrorType(errorType, out var reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("keep_alive_timeout")]
    [InlineData("connection_reset")]
    [InlineData(null)]
    public void KestrelErrorType_NormalClosesAreNotRejections(string? errorType)
    {
        Assert.False(KestrelMeterBridge.TryMapErrorType(errorType, out _));
    }

    /// <summary>A module's metrics source as the Issuer reports them (rendered labels, one name's samples together).</summary>
    private sealed class FixedSource : IMetricsSource
    {
        public void Collect(IMetricsVisitor visitor)
        {
            visitor.Counter("v2gpki_hsm_signatures_total", "signatures", "token=\"online\",lane=\"priority\"", 3);
            visitor.Counter("v2gpki_hsm_signatures_total", "signatures", "token=\"online\",lane=\"bulk\"", 5);
            visitor.Gauge("v2gpki_queue_depth", "depth", "queue=\"live\"", 7);
            visitor.Histogram("v2gpki_test_seconds", "a histogram", [0.5], [1, 2], 3.5);
        }
    }
}
