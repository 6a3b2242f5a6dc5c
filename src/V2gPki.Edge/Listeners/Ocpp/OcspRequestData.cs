// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>An OCPP 2.0.1 <c>OCSPRequestDataType</c>, decoded: the parts of an RFC 6960 CertID.</summary>
/// <param name="HashAlgorithm">The CertID hash algorithm.</param>
/// <param name="IssuerNameHash">The hash of the issuer's DER Name.</param>
/// <param name="IssuerKeyHash">The hash of the issuer's subjectPublicKey BIT STRING contents.</param>
/// <param name="SerialNumber">The serial as DER INTEGER content octets.</param>
/// <param name="ResponderUrl">The responderURL given (informational; this responder answers whatever it was sent).</param>
internal sealed record OcspRequestData(OcspHashAlgorithm HashAlgorithm, byte[] IssuerNameHash, byte[] IssuerKeyHash, byte[] SerialNumber, string? ResponderUrl);
