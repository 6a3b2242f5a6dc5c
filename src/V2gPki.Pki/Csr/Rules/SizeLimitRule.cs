// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Csr.Rules;

/// <summary>Refuses input larger than <see cref="CsrPolicy.MaxSize"/> before anything parses it (<see cref="CsrErrorCode.TooLarge"/>).</summary>
public sealed class SizeLimitRule : ICsrRule
{
    /// <inheritdoc/>
    public string Name => "size-limit";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Length > context.Policy.MaxSize)
        {
            failure = new CsrError(CsrErrorCode.TooLarge, Name, $"the CSR has {context.Input.Length} bytes, more than the limit of {context.Policy.MaxSize}; an ISO 15118 CSR needs well under 1 KiB: send the PKCS#10 request alone, without extra extensions or attributes");
            return false;
        }

        failure = default;
        return true;
    }
}
