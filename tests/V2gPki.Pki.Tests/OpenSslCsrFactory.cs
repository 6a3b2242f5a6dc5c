// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Tests;

/// <summary>
/// Makes real CSRs with openssl at test time (one key per algorithm, cached for the test class). Algorithms:
/// P-256, P-384, P-521, ED448, RSA.
/// </summary>
public sealed class OpenSslCsrFactory : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("v2gpki-csr-").FullName;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _counter;

    public string KeyFile(string algorithm)
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(algorithm, out var path))
            {
                return path;
            }

            path = Path.Combine(_dir, algorithm + ".key");
            string[] args = algorithm switch
            {
                "P-256" or "P-384" or "P-521" => ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + algorithm, "-pkeyopt", "ec_param_enc:named_curve", "-out", path],
                "ED448" => ["genpkey", "-algorithm", "ED448", "-out", path],
                "RSA" => ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path],
                _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
            };
            Tool.OpenSsl(args);
            _keys[algorithm] = path;
            return path;
        }
    }

    /// <summary>The DER SubjectPublicKeyInfo of a cached key, as openssl writes it.</summary>
    public byte[] PublicKeyDer(string algorithm) => Tool.OpenSsl("pkey", "-in", KeyFile(algorithm), "-pubout", "-outform", "DER").StdOutBytes;

    /// <summary>A CSR; <paramref name="subject"/> in openssl's -subj form, e.g. /C=DE/O=Acme/CN=DE*AB7*E1.</summary>
    public byte[] Csr(string algorithm, string subject, bool pem = false, string? digest = null, params string[] extra)
    {
        var output = Path.Combine(_dir, $"req{Interlocked.Increment(ref _counter)}.{(pem ? "pem" : "der")}");
        var args = new List<string> { "req", "-new", "-batch", "-key", KeyFile(algorithm), "-subj", subject, "-outform", pem ? "PEM" : "DER", "-out", output };
        if (digest is not null)
        {
            args.Add("-" + digest);
        }

        args.AddRange(extra);
        Tool.OpenSsl([.. args]);
        return File.ReadAllBytes(output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
