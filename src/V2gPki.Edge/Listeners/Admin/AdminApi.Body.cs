// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using Microsoft.Net.Http.Headers;
using V2gPki.Edge.Listeners.Kestrel;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>Reading JSON request bodies: media type (415), size (413), syntax (400).</summary>
internal sealed partial class AdminApi
{
    /// <summary>The outcome of reading a JSON body: the document, or the refusal to send.</summary>
    private readonly record struct JsonBody(JsonDocument? Document, AdminOutcome Failure, string? Detail);

    /// <summary>Reads and parses the JSON body of a request.</summary>
    private async Task<JsonBody> ReadJsonAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new JsonBody(null, AdminOutcome.UnsupportedMediaType, "Content-Type must be application/json");
        }

        var limit = _options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return new JsonBody(null, AdminOutcome.TooLarge, $"body: larger than {limit} bytes");
        }

        var body = await RequestBody.ReadAsync(request.BodyReader, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return new JsonBody(null, AdminOutcome.TooLarge, $"body: larger than {limit} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new JsonBody(null, AdminOutcome.BadRequest, "body: not valid JSON (" + FirstSentence(ex.Message) + ")");
        }

        if (!JsonText.IsReadable(document.RootElement))
        {
            document.Dispose();
            return new JsonBody(null, AdminOutcome.BadRequest, "body: not valid JSON (a property name or string is not valid Unicode text, RFC 8259 §8)");
        }

        return new JsonBody(document, AdminOutcome.Ok, null);
    }

    /// <summary>Whether a Content-Type is JSON: <c>application/json</c> or any <c>+json</c> type, parameters allowed.</summary>
    /// <param name="contentType">The header value.</param>
    /// <returns>True for a JSON media type.</returns>
    internal static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.AsSpan();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    /// <summary>Reads the fields of a JSON object body, refusing unknown fields (a typo in a revocation must not pass).</summary>
    /// <param name="document">The body.</param>
    /// <param name="allowed">The field names allowed.</param>
    /// <param name="fields">Field name → value.</param>
    /// <param name="error">Why the body was refused.</param>
    /// <returns>False when the body is not an object or has an unknown or repeated field.</returns>
    internal static bool TryReadObject(JsonDocument document, ReadOnlySpan<string> allowed, out Dictionary<string, JsonElement> fields, out string? error)
    {
        fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        error = null;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            error = "body: must be a JSON object";
            return false;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                error = $"body: unknown field '{Truncate(property.Name)}' (allowed: {string.Join(", ", allowed.ToArray())})";
                return false;
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                error = $"body: field '{property.Name}' given twice";
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a required string field.</summary>
    internal static bool TryGetString(Dictionary<string, JsonElement> fields, string name, out string value, out string? error)
    {
        value = string.Empty;
        error = null;
        if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            error = $"{name}: missing";
            return false;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"{name}: must be a string";
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    /// <summary>Shortens caller-supplied text before it is echoed in an error or the audit log.</summary>
    internal static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
