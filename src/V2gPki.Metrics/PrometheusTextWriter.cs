// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Globalization;
using System.Text;

namespace V2gPki.Metrics;

/// <summary>Writes the Prometheus text exposition format 0.0.4 into an <see cref="IBufferWriter{T}"/> (scrape time only).</summary>
/// <param name="output">Receives UTF-8 text.</param>
internal readonly struct PrometheusTextWriter(IBufferWriter<byte> output)
{
    /// <summary>Throws when <paramref name="name"/> is not a valid metric or label name.</summary>
    /// <param name="name">The name to check.</param>
    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (i > 0 && c is >= '0' and <= '9');
            if (!ok)
            {
                throw new ArgumentException($"invalid metric name '{name}'", nameof(name));
            }
        }
    }

    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="help">The help text.</param>
    /// <param name="type">The type.</param>
    public void WriteHeader(string name, string help, MetricType type)
    {
        Write("# HELP ");
        Write(name);
        Write(" ");
        WriteEscaped(help, escapeQuotes: false);
        Write("\n# TYPE ");
        Write(name);
        Write(type switch
        {
            MetricType.Counter => " counter\n",
            MetricType.Gauge => " gauge\n",
            _ => " histogram\n",
        });
    }

    /// <summary>Writes one sample line.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="suffix">A suffix such as <c>_bucket</c>, or null.</param>
    /// <param name="labelNames">Label names.</param>
    /// <param name="labelValues">Label values.</param>
    /// <param name="extraLabel">An extra label name (<c>le</c>), or null.</param>
    /// <param name="extraValue">The extra label's value.</param>
    /// <param name="value">The sample value.</param>
    public void WriteSample(string name, string? suffix, IReadOnlyList<string> labelNames, string[] labelValues, string? extraLabel, string? extraValue, double value) =>
        WriteRenderedSample(name, suffix, RenderLabels(labelNames, labelValues), extraLabel, extraValue, value);

    /// <summary>Writes the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> lines of one histogram child.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="labelNames">Label names.</param>
    /// <param name="labelValues">Label values.</param>
    /// <param name="histogram">The child.</param>
    public void WriteHistogram(string name, IReadOnlyList<string> labelNames, string[] labelValues, Histogram histogram)
    {
        var counts = new long[histogram.BucketCount];
        var sum = histogram.Snapshot(counts);
        var bounds = histogram.UpperBounds;
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            var le = i < bounds.Length ? FormatValue(bounds[i]) : "+Inf";
            WriteSample(name, "_bucket", labelNames, labelValues, "le", le, cumulative);
        }

        WriteSample(name, "_sum", labelNames, labelValues, null, null, histogram.ToBaseUnits(sum));
        WriteSample(name, "_count", labelNames, labelValues, null, null, cumulative);
    }

    /// <summary>Writes one sample line whose labels arrive rendered (<c>ca="cpo-sub2",lane="bulk"</c>) from a module's metrics source.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="suffix">A suffix such as <c>_bucket</c>, or null.</param>
    /// <param name="renderedLabels">Label pairs as Prometheus text, or empty.</param>
    /// <param name="extraLabel">An extra label name (<c>le</c>), or null.</param>
    /// <param name="extraValue">The extra label's value.</param>
    /// <param name="value">The sample value.</param>
    public void WriteRenderedSample(string name, string? suffix, string renderedLabels, string? extraLabel, string? extraValue, double value)
    {
        Write(name);
        if (suffix is not null)
        {
            Write(suffix);
        }

        if (renderedLabels.Length > 0 || extraLabel is not null)
        {
            Write("{");
            Write(renderedLabels);
            if (extraLabel is not null)
            {
                if (renderedLabels.Length > 0)
                {
                    Write(",");
                }

                Write(extraLabel);
                Write("=\"");
                Write(extraValue ?? string.Empty);
                Write("\"");
            }

            Write("}");
        }

        Write(" ");
        Write(FormatValue(value));
        Write("\n");
    }

    /// <summary>Renders label pairs as Prometheus text (<c>route="post",outcome="ok"</c>), values escaped.</summary>
    /// <param name="labelNames">Label names.</param>
    /// <param name="labelValues">Label values, one per name.</param>
    /// <returns>The pairs, or empty.</returns>
    private static string RenderLabels(IReadOnlyList<string> labelNames, string[] labelValues)
    {
        if (labelNames.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        for (var i = 0; i < labelNames.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(labelNames[i]).Append("=\"");
            foreach (var c in labelValues[i])
            {
                switch (c)
                {
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '\n':
                        text.Append("\\n");
                        break;
                    case '"':
                        text.Append("\\\"");
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }

            text.Append('"');
        }

        return text.ToString();
    }

    /// <summary>Formats a sample value or a bucket bound.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Prometheus text (<c>+Inf</c>, <c>NaN</c>, shortest round-trip decimal).</returns>
    public static string FormatValue(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private void WriteEscaped(string text, bool escapeQuotes)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    Write("\\\\");
                    break;
                case '\n':
                    Write("\\n");
                    break;
                case '"' when escapeQuotes:
                    Write("\\\"");
                    break;
                default:
                    Span<char> one = [c];
                    WriteChars(one);
                    break;
            }
        }
    }

    private void Write(string text) => WriteChars(text);

    private void WriteChars(ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
