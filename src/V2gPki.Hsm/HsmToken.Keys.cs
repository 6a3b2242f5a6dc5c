// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm;

/// <content>Key generation, lookup by label and the key policy check.</content>
public sealed partial class HsmToken
{
    /// <summary>
    /// Generates a key pair on the token: the private key is a token object, private, sensitive, never extractable,
    /// allowed to sign and nothing else (<c>CKA_DECRYPT</c>/<c>CKA_UNWRAP</c>/<c>CKA_DERIVE</c> false); the public key
    /// may only verify. Both carry <paramref name="label"/> and a random <c>CKA_ID</c>.
    /// </summary>
    /// <param name="label">The key label, unique on the token (e.g. <c>cpo-sub2</c>, <c>cpo-sub2-ocsp</c>).</param>
    /// <param name="keyType">The curve.</param>
    /// <returns>The key, cached by label.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.KeyExists"/>, <see cref="HsmError.MechanismNotSupported"/> or another PKCS#11 failure.</exception>
    public HsmKey GenerateKey(string label, HsmKeyType keyType)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var mechanism = keyType switch
        {
            HsmKeyType.EcP256 or HsmKeyType.EcP521 => Pkcs11Constants.CkmEcKeyPairGen,
            HsmKeyType.Ed448 => Pkcs11Constants.CkmEcEdwardsKeyPairGen,
            _ => throw new ArgumentOutOfRangeException(nameof(keyType)),
        };
        var ckKeyType = keyType == HsmKeyType.Ed448 ? Pkcs11Constants.CkkEcEdwards : (ulong)CKK.CKK_EC;
        var context = $"key '{label}' ({keyType}) on {Context}";
        lock (_keyLock)
        {
            using var session = OpenManagementSession();
            try
            {
                if (FindObjects(session, CKO.CKO_PRIVATE_KEY, label).Count > 0 || FindObjects(session, CKO.CKO_PUBLIC_KEY, label).Count > 0)
                {
                    throw new HsmException(HsmError.KeyExists, $"A key labelled '{label}' already exists on {Context}.");
                }

                var attributes = session.Factories.ObjectAttributeFactory;
                var id = RandomNumberGenerator.GetBytes(16);
                var publicTemplate = new List<IObjectAttribute>
                {
                    attributes.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
                    attributes.Create(CKA.CKA_KEY_TYPE, ckKeyType),
                    attributes.Create(CKA.CKA_TOKEN, true),
                    attributes.Create(CKA.CKA_PRIVATE, false),
                    attributes.Create(CKA.CKA_LABEL, label),
                    attributes.Create(CKA.CKA_ID, id),
                    attributes.Create(CKA.CKA_EC_PARAMS, KeyEncoding.EcParameters(keyType)),
                    attributes.Create(CKA.CKA_VERIFY, true),
                    attributes.Create(CKA.CKA_ENCRYPT, false),
                    attributes.Create(CKA.CKA_WRAP, false),
                    attributes.Create(CKA.CKA_DERIVE, false),
                };
                var privateTemplate = new List<IObjectAttribute>
                {
                    attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                    attributes.Create(CKA.CKA_KEY_TYPE, ckKeyType),
                    attributes.Create(CKA.CKA_TOKEN, true),
                    attributes.Create(CKA.CKA_PRIVATE, true),
                    attributes.Create(CKA.CKA_SENSITIVE, true),
                    attributes.Create(CKA.CKA_EXTRACTABLE, false),
                    attributes.Create(CKA.CKA_SIGN, true),
                    attributes.Create(CKA.CKA_DECRYPT, false),
                    attributes.Create(CKA.CKA_UNWRAP, false),
                    attributes.Create(CKA.CKA_DERIVE, false),
                    attributes.Create(CKA.CKA_LABEL, label),
                    attributes.Create(CKA.CKA_ID, id),
                };
                try
                {
                    var generate = session.Factories.MechanismFactory.Create(mechanism);
                    session.GenerateKeyPair(generate, publicTemplate, privateTemplate, out _, out _);
                }
                finally
                {
                    DisposeAll(publicTemplate);
                    DisposeAll(privateTemplate);
                }

                var key = LoadKey(session, label)
                    ?? throw new HsmException(HsmError.KeyNotFound, $"Key '{label}' was generated but cannot be found on {Context}.");
                _keys[label] = key;
                return key;
            }
            catch (Pkcs11Exception e)
            {
                throw Pkcs11Errors.From(e, context);
            }
        }
    }

    /// <summary>Returns the key labelled <paramref name="label"/>, from the cache or the token.</summary>
    /// <param name="label">The key label.</param>
    /// <returns>The key.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.KeyNotFound"/>, <see cref="HsmError.KeyAmbiguous"/> or <see cref="HsmError.KeyPolicyViolation"/>.</exception>
    public HsmKey GetKey(string label)
    {
        if (!TryGetKey(label, out var key))
        {
            throw new HsmException(HsmError.KeyNotFound, $"No key labelled '{label}' on {Context}.");
        }

        return key;
    }

    /// <summary>Looks up the key labelled <paramref name="label"/>, from the cache or the token.</summary>
    /// <param name="label">The key label.</param>
    /// <param name="key">The key when found.</param>
    /// <returns>Whether a private key with that label exists.</returns>
    /// <exception cref="HsmException">
    /// <see cref="HsmError.KeyAmbiguous"/>, <see cref="HsmError.KeyPolicyViolation"/>, or <see cref="HsmError.KeyNotFound"/>
    /// when the private key exists without its public key.
    /// </exception>
    public bool TryGetKey(string label, [NotNullWhen(true)] out HsmKey? key)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (_keys.TryGetValue(label, out key))
        {
            return true;
        }

        lock (_keyLock)
        {
            if (_keys.TryGetValue(label, out key))
            {
                return true;
            }

            using var session = OpenManagementSession();
            try
            {
                key = LoadKey(session, label);
            }
            catch (Pkcs11Exception e)
            {
                throw Pkcs11Errors.From(e, $"key '{label}' on {Context}");
            }

            if (key is null)
            {
                return false;
            }

            _keys[label] = key;
            return true;
        }
    }

    /// <summary>Returns the key labelled <paramref name="label"/>, generating it first when it does not exist (demo set-up).</summary>
    /// <param name="label">The key label.</param>
    /// <param name="keyType">The curve of a new key; an existing key must have it.</param>
    /// <returns>The key.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.KeyExists"/> when the existing key has another type.</exception>
    public HsmKey GetOrGenerateKey(string label, HsmKeyType keyType)
    {
        if (TryGetKey(label, out var key))
        {
            if (key.KeyType != keyType)
            {
                throw new HsmException(HsmError.KeyExists, $"Key '{label}' on {Context} is {key.KeyType}, not {keyType}.");
            }

            return key;
        }

        return GenerateKey(label, keyType);
    }

    /// <summary>Finds the private key handle of a label again (after <c>CKR_KEY_HANDLE_INVALID</c>).</summary>
    /// <param name="label">The key label.</param>
    /// <returns>The handle.</returns>
    internal ulong FindPrivateKeyHandle(string label)
    {
        using var session = OpenManagementSession();
        try
        {
            var found = FindObjects(session, CKO.CKO_PRIVATE_KEY, label);
            return found.Count switch
            {
                1 => found[0].ObjectId,
                0 => throw new HsmException(HsmError.KeyNotFound, $"Key '{label}' disappeared from {Context}."),
                _ => throw new HsmException(HsmError.KeyAmbiguous, $"{found.Count} private keys are labelled '{label}' on {Context}."),
            };
        }
        catch (Pkcs11Exception e)
        {
            throw Pkcs11Errors.From(e, $"key '{label}' on {Context}");
        }
    }

    /// <summary>Reads the security attributes of a private key.</summary>
    /// <param name="privateKeyHandle">The handle.</param>
    /// <param name="label">The label, for messages.</param>
    /// <returns>The policy as stored on the token.</returns>
    internal HsmKeyPolicy ReadPolicy(ulong privateKeyHandle, string label)
    {
        using var session = OpenManagementSession();
        try
        {
            return ReadPolicy(session, session.Factories.ObjectHandleFactory.Create(privateKeyHandle));
        }
        catch (Pkcs11Exception e)
        {
            throw Pkcs11Errors.From(e, $"key '{label}' on {Context}");
        }
    }

    private HsmKey? LoadKey(ISession session, string label)
    {
        var privateKeys = FindObjects(session, CKO.CKO_PRIVATE_KEY, label);
        if (privateKeys.Count == 0)
        {
            return null;
        }

        if (privateKeys.Count > 1)
        {
            throw new HsmException(HsmError.KeyAmbiguous, $"{privateKeys.Count} private keys are labelled '{label}' on {Context}.");
        }

        var publicKeys = FindObjects(session, CKO.CKO_PUBLIC_KEY, label);
        if (publicKeys.Count != 1)
        {
            throw new HsmException(publicKeys.Count == 0 ? HsmError.KeyNotFound : HsmError.KeyAmbiguous,
                $"Key '{label}' on {Context} has {publicKeys.Count} public keys with its label; exactly one is needed for its SubjectPublicKeyInfo.");
        }

        var values = session.GetAttributeValue(publicKeys[0], [CKA.CKA_KEY_TYPE, CKA.CKA_EC_PARAMS, CKA.CKA_EC_POINT]);
        try
        {
            if (values[0].CannotBeRead || values[1].CannotBeRead || values[2].CannotBeRead
                || !KeyEncoding.TryClassify(values[0].GetValueAsUlong(), values[1].GetValueAsByteArray(), out var keyType))
            {
                throw new HsmException(HsmError.MechanismNotSupported,
                    $"Key '{label}' on {Context} is not a P-256, P-521 or Ed448 key.");
            }

            var spki = KeyEncoding.SubjectPublicKeyInfo(keyType, values[2].GetValueAsByteArray());
            var policy = ReadPolicy(session, privateKeys[0]);
            if (!policy.IsSigningKeyPolicy)
            {
                throw new HsmException(HsmError.KeyPolicyViolation,
                    $"Key '{label}' on {Context} breaks the key policy (token, private, sensitive, never extractable, sign only): {policy}.");
            }

            return new HsmKey(this, label, keyType, privateKeys[0].ObjectId, spki);
        }
        finally
        {
            DisposeAll(values);
        }
    }

    private static HsmKeyPolicy ReadPolicy(ISession session, IObjectHandle privateKey)
    {
        var values = session.GetAttributeValue(privateKey,
        [
            CKA.CKA_TOKEN, CKA.CKA_PRIVATE, CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_SIGN, CKA.CKA_DECRYPT,
            CKA.CKA_UNWRAP, CKA.CKA_DERIVE, CKA.CKA_ALWAYS_SENSITIVE, CKA.CKA_NEVER_EXTRACTABLE, CKA.CKA_LOCAL, CKA.CKA_VALUE,
        ]);
        try
        {
            return new HsmKeyPolicy(
                IsToken: Flag(values[0]),
                IsPrivate: Flag(values[1]),
                IsSensitive: Flag(values[2]),
                IsExtractable: Flag(values[3]),
                CanSign: Flag(values[4]),
                CanDecrypt: Flag(values[5]),
                CanUnwrap: Flag(values[6]),
                CanDerive: Flag(values[7]),
                IsAlwaysSensitive: Flag(values[8]),
                IsNeverExtractable: Flag(values[9]),
                IsLocal: Flag(values[10]),
                IsValueReadable: !values[11].CannotBeRead);
        }
        finally
        {
            DisposeAll(values);
        }

        static bool Flag(IObjectAttribute attribute) => !attribute.CannotBeRead && attribute.GetValueAsBool();
    }

    private static List<IObjectHandle> FindObjects(ISession session, CKO objectClass, string label)
    {
        var attributes = session.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_CLASS, objectClass),
            attributes.Create(CKA.CKA_LABEL, label),
        };
        try
        {
            return session.FindAllObjects(template);
        }
        finally
        {
            DisposeAll(template);
        }
    }

    private static void DisposeAll(List<IObjectAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            attribute.Dispose();
        }
    }
}
