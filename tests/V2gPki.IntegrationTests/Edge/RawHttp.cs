// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net.Sockets;
using System.Text;

namespace V2gPki.IntegrationTests.Edge;

/// <summary>One parsed HTTP/1.1 response.</summary>
internal sealed record RawResponse(int Status, Dictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// A raw-socket HTTP/1.1 client for tests that must control every byte (exact request targets, broken framing,
/// pipelining, half-close, slow headers): it sends bytes as given and parses Content-Length responses.
/// </summary>
internal sealed class RawHttp : IDisposable
{
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private RawHttp(Socket socket) => _socket = socket;

    public static RawHttp Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 15000 };
        socket.Connect("127.0.0.1", port);
        return new RawHttp(socket);
    }

    public static byte[] Post(string target, byte[] body, string? extraHeaders = null) =>
        Concat(Encoding.ASCII.GetBytes($"POST {target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {body.Length}\r\n{extraHeaders}\r\n"), body);

    public static byte[] Get(string target, string? extraHeaders = null) =>
        Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\n{extraHeaders}\r\n");

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return [.. all];
    }

    public void Send(byte[] bytes) => _socket.Send(bytes);

    public void Send(string ascii) => Send(Encoding.ASCII.GetBytes(ascii));

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads one response; null when the server closed the connection before a full response.</summary>
    public RawResponse? Read(bool headRequest = false)
    {
        while (true)
        {
            var parsed = TryParse(headRequest);
            if (parsed is not null)
            {
                return parsed;
            }

            var buffer = new byte[16384];
            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            _pending.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>True when the server closes the connection (read returns 0 or resets) within <paramref name="timeout"/>.</summary>
    public bool WaitForClose(TimeSpan timeout)
    {
        _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = _socket.Receive(buffer);
                if (n == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private RawResponse? TryParse(bool headRequest)
    {
        var data = _pending.ToArray();
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(data, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>();
        for (var i = 1; i < head.Length; i++)
        {
            var colon = head[i].IndexOf(':', StringComparison.Ordinal);
            headers[head[i][..colon].Trim().ToLowerInvariant()] = head[i][(colon + 1)..].Trim();
        }

        var length = headRequest || status == 304 || !headers.TryGetValue("content-length", out var cl) ? 0 : int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture);
        if (data.Length < end + 4 + length)
        {
            return null;
        }

        var body = data.AsSpan(end + 4, length).ToArray();
        _pending.RemoveRange(0, end + 4 + length);
        return new RawResponse(status, headers, body);
    }
}
