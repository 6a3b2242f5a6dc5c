// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer.Crl;

/// <summary>
/// Publishes CRLs (docs/architecture.md §3, §10): regenerates an online CA's CRL shortly after a status change
/// (debounced, ≤ 1 s) and well before nextUpdate; imports ceremony-signed CRLs of offline CAs and alerts before they
/// run out; keeps bytes, ETag and Last-Modified for the host (<see cref="ICrlSource"/>). The revoked set per CA is read
/// from the registry once at start and then kept up to date from the worker's acknowledged status changes.
/// </summary>
public sealed class CrlPublisher : ICrlSource, IMetricsSource, IAsyncDisposable
{
    private readonly IssuerDirectory _directory;
    private readonly ICertificateRegistry _registry;
    private readonly ICrlGenerator? _generator;
    private readonly CrlPublisherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CrlEntry> _crls = new(StringComparer.Ordinal);
    private readonly Dictionary<IssuerId, Dictionary<string, RevokedCertificate>> _revoked = [];
    private readonly Dictionary<IssuerId, long> _dirtySince = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _generated;
    private long _failures;
    private long _alerts;

    /// <summary>Creates a publisher.</summary>
    /// <param name="directory">The CAs.</param>
    /// <param name="registry">The registry (revoked certificates at start).</param>
    /// <param name="generator">Signs online CAs' CRLs, or null (then only imported CRLs are served).</param>
    /// <param name="options">Knobs.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Logger, or null.</param>
    public CrlPublisher(IssuerDirectory directory, ICertificateRegistry registry, ICrlGenerator? generator, CrlPublisherOptions options, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _directory = directory;
        _registry = registry;
        _generator = generator;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets CRLs generated.</summary>
    public long Generated => Volatile.Read(ref _generated);

    /// <summary>Gets CRL generations that failed.</summary>
    public long Failures => Volatile.Read(ref _failures);

    /// <summary>Gets alerts raised for imported CRLs about to run out.</summary>
    public long Alerts => Volatile.Read(ref _alerts);

    /// <inheritdoc />
    public bool TryGetCrl(string caName, [NotNullWhen(true)] out CrlEntry? entry) => _crls.TryGetValue(caName, out entry);

    /// <summary>Subscribes to a worker's acknowledged status changes.</summary>
    /// <param name="worker">The worker.</param>
    public void Attach(IssuingWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        worker.StatusChanged += OnStatusChanged;
    }

    /// <summary>Loads persisted CRLs, reads the revoked certificates from the registry, generates missing CRLs and starts the loop.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        LoadPersisted();
        await Task.Run(() => _registry.ForEachCertificate(record =>
        {
            if (record.Status != CertificateStatus.Good)
            {
                Track(record.Issuer, record.Serial, record.Status, record.RevocationTime, record.Reason);
            }

            return true;
        }), cancellationToken).ConfigureAwait(false);
        RunOnce(force: false);
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Records a status change and schedules the CA's CRL (the worker calls this through <see cref="Attach"/>).</summary>
    /// <param name="notice">The change.</param>
    public void OnStatusChanged(StatusChangeNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Track(notice.Issuer.Id, notice.Serial, notice.Status, notice.RevocationTime, notice.Reason);
        lock (_lock)
        {
            _dirtySince.TryAdd(notice.Issuer.Id, _time.GetTimestamp());
        }
    }

    /// <summary>
    /// Imports a CRL signed in a ceremony (an offline CA's): checks that it parses, names the CA as issuer and verifies with
    /// its key, and that it is not older than the one served; then serves and persists it.
    /// </summary>
    /// <param name="caName">The CA.</param>
    /// <param name="der">The DER CRL.</param>
    /// <returns>Null on success, otherwise why it was refused.</returns>
    public string? ImportCrl(string caName, ReadOnlyMemory<byte> der)
    {
        if (!_directory.TryGetIssuer(caName, out var issuer))
        {
            return "unknown CA " + caName;
        }

        if (!TryReadCrl(der, out var tbs, out var algorithm, out var signature, out var issuerName, out var thisUpdate, out var nextUpdate))
        {
            return "not a DER CRL";
        }

        if (!issuerName.AsSpan().SequenceEqual(issuer.Certificate.SubjectName))
        {
            return "the CRL's issuer is not " + caName;
        }

        using (var verifier = new SignatureVerifier(issuer.Certificate.SubjectPublicKeyInfo))
        {
            if (!verifier.Verify(algorithm, tbs, signature))
            {
                return "the CRL does not verify with " + caName + "'s key";
            }
        }

        if (_crls.TryGetValue(caName, out var current) && current.ThisUpdate > thisUpdate)
        {
            return "older than the CRL already served";
        }

        Publish(new CrlEntry(caName, der.ToArray(), ETagOf(der.Span), thisUpdate, nextUpdate, Imported: true));
        return null;
    }

    /// <summary>Regenerates what is due now (tests and tools; the loop does this every 100 ms).</summary>
    /// <param name="force">Regenerate every online CA's CRL even if nothing changed.</param>
    public void RunOnce(bool force)
    {
        var now = _time.GetUtcNow();
        foreach (var issuer in _directory.Issuers)
        {
            var canGenerate = issuer.IsOnline && _generator is not null && _generator.CanGenerate(issuer.Name);
            _crls.TryGetValue(issuer.Name, out var current);
            if (!canGenerate)
            {
                if (current is { NextUpdate: { } next } && next - now < _options.ImportedAlertLead)
                {
                    Interlocked.Increment(ref _alerts);
                    IssuerLog.CrlExpiring(_logger, issuer.Name, next);
                }

                continue;
            }

            bool due;
            lock (_lock)
            {
                due = force || current is null || current.Imported || current.NextUpdate is not { } next || next - now < _options.RegenerateBelowRemaining
                      || (_dirtySince.TryGetValue(issuer.Id, out var since) && _time.GetElapsedTime(since) >= _options.Debounce);
                if (due)
                {
                    _dirtySince.Remove(issuer.Id);
                }
            }

            if (due)
            {
                Generate(issuer, now);
            }
        }
    }

    /// <inheritdoc />
    public void Collect(IMetricsVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.Counter("v2gpki_crl_generated_total", "CRLs generated", "", Generated);
        visitor.Counter("v2gpki_crl_failures_total", "CRL generations that failed", "", Failures);
        visitor.Counter("v2gpki_crl_alerts_total", "Alerts: an imported CRL runs out soon", "", Alerts);
        var now = _time.GetUtcNow();
        foreach (var entry in _crls.Values)
        {
            if (entry.NextUpdate is { } next)
            {
                visitor.Gauge("v2gpki_crl_seconds_left", "Seconds until the served CRL's nextUpdate", "ca=\"" + entry.CaName + "\"", Math.Max(0, (next - now).TotalSeconds));
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(_options.Debounce.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerMillisecond * 100));
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(tick, stop).ConfigureAwait(false);
            RunOnce(force: false);
        }
    }

    private void Generate(IssuerEntry issuer, DateTimeOffset now)
    {
        RevokedCertificate[] revoked;
        lock (_lock)
        {
            revoked = _revoked.TryGetValue(issuer.Id, out var set) ? set.Values.ToArray() : [];
        }

        try
        {
            var thisUpdate = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var nextUpdate = thisUpdate + _options.Validity;
            var der = _generator!.Generate(issuer.Name, revoked, thisUpdate, nextUpdate);
            Publish(new CrlEntry(issuer.Name, der, ETagOf(der), thisUpdate, nextUpdate, Imported: false));
            Interlocked.Increment(ref _generated);
        }
#pragma warning disable CA1031 // A failed CRL is retried at the next tick (the CA stays dirty) and logged; the old CRL stays served.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failures);
            lock (_lock)
            {
                _dirtySince.TryAdd(issuer.Id, _time.GetTimestamp());
            }

            IssuerLog.CrlFailed(_logger, issuer.Name, error);
        }
    }

    private void Track(IssuerId issuer, ReadOnlyMemory<byte> serial, CertificateStatus status, DateTimeOffset? time, RevocationReason reason)
    {
        var key = Convert.ToHexString(serial.Span);
        lock (_lock)
        {
            if (!_revoked.TryGetValue(issuer, out var set))
            {
                _revoked[issuer] = set = new Dictionary<string, RevokedCertificate>(StringComparer.Ordinal);
            }

            if (status == CertificateStatus.Good)
            {
                set.Remove(key);
            }
            else
            {
                set[key] = new RevokedCertificate(serial.ToArray(), time ?? _time.GetUtcNow(), status == CertificateStatus.Hold ? RevocationReason.CertificateHold : reason);
            }
        }
    }

    private void Publish(CrlEntry entry)
    {
        _crls[entry.CaName] = entry;
        if (_options.Directory is not { } directory)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, entry.CaName + ".crl");
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, entry.Der.ToArray());
        File.Move(temp, path, overwrite: true);
        if (entry.Imported)
        {
            File.WriteAllText(path + ".imported", "ceremony-signed\n");
        }
        else if (File.Exists(path + ".imported"))
        {
            File.Delete(path + ".imported");
        }
    }

    private void LoadPersisted()
    {
        if (_options.Directory is not { } directory || !System.IO.Directory.Exists(directory))
        {
            return;
        }

        foreach (var issuer in _directory.Issuers)
        {
            var path = Path.Combine(directory, issuer.Name + ".crl");
            if (!File.Exists(path))
            {
                continue;
            }

            var der = File.ReadAllBytes(path);
            if (TryReadCrl(der, out _, out _, out _, out _, out var thisUpdate, out var nextUpdate))
            {
                _crls[issuer.Name] = new CrlEntry(issuer.Name, der, ETagOf(der), thisUpdate, nextUpdate, File.Exists(path + ".imported"));
            }
        }
    }

    private static string ETagOf(ReadOnlySpan<byte> der)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(der, hash);
        return "\"" + Convert.ToHexStringLower(hash[..12]) + "\"";
    }

    /// <summary>Reads the parts of a CRL (RFC 5280 §5.1) needed to check and serve it.</summary>
    internal static bool TryReadCrl(ReadOnlyMemory<byte> der, out byte[] tbs, out byte[] algorithm, out byte[] signature, out byte[] issuer,
        out DateTimeOffset thisUpdate, out DateTimeOffset? nextUpdate)
    {
        tbs = algorithm = signature = issuer = [];
        thisUpdate = default;
        nextUpdate = null;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var list = outer.ReadSequence();
            if (outer.HasData)
            {
                return false;
            }

            tbs = list.PeekEncodedValue().ToArray();
            var tbsReader = list.ReadSequence();
            algorithm = list.ReadEncodedValue().ToArray();
            signature = list.ReadBitString(out _);
            if (tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbsReader.ReadInteger();
            }

            tbsReader.ReadEncodedValue();
            issuer = tbsReader.ReadEncodedValue().ToArray();
            thisUpdate = CertificateInfo.ReadTime(tbsReader);
            if (tbsReader.HasData && (tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                nextUpdate = CertificateInfo.ReadTime(tbsReader);
            }

            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
