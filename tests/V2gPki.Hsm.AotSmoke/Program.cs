// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace V2gPki.Hsm.AotSmoke;

/// <summary>
/// Initialises a throw-away SoftHSM2 token, generates a P-256, a P-521 and an Ed448 key, signs one message with each on
/// the priority lane, in a batch on the bulk lane and through the IOcspSigner adapter, and prints one line per fact:
/// <c>dynamic-code False</c>, <c>message BASE64</c>, <c>key NAME ALGORITHM SPKI-BASE64</c>, <c>policy NAME True</c>,
/// <c>sig NAME LANE SIGNATURE-BASE64</c>, and finally <c>ok</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs the smoke; the optional argument is the PKCS#11 module path.</summary>
    /// <param name="args">[module path].</param>
    /// <returns>0 on success.</returns>
    public static async Task<int> Main(string[] args)
    {
        var modulePath = args.Length > 0 ? args[0] : HsmOptions.DefaultModulePath;
        var work = Path.Combine(Path.GetTempPath(), "v2gpki-aot-smoke-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        try
        {
            SoftHsm2Environment.Prepare(work);
            var options = new HsmOptions { ModulePath = modulePath };
            options.Tokens.Add(new HsmTokenOptions
            {
                Role = HsmTokenRoles.Online,
                Label = "aot-smoke",
                Pin = PinSource.FromValue(Convert.ToHexString(RandomNumberGenerator.GetBytes(8))),
                SoPin = PinSource.FromValue(Convert.ToHexString(RandomNumberGenerator.GetBytes(8))),
                InitializeIfMissing = true,
                PrioritySessions = 1,
                BulkSessions = 2,
            });

            using var tokens = HsmTokenSet.Open(options);
            var token = tokens.GetToken(HsmTokenRoles.Online);
            var message = "V2gPki.Edge NativeAOT smoke: tbsResponseData stand-in"u8.ToArray();
            Console.WriteLine($"dynamic-code {RuntimeFeature.IsDynamicCodeSupported}");
            Console.WriteLine($"message {Convert.ToBase64String(message)}");
            // The /ready probe: C_GetSessionInfo marshals CK_SESSION_INFO (rd.xml) under NativeAOT.
            var loggedIn = token.TryCheckLogin(out var problem);
            Console.WriteLine(loggedIn ? "login-probe True" : $"login-probe False {problem}");
            foreach ((var name, var type) in new[] { ("p256", HsmKeyType.EcP256), ("p521", HsmKeyType.EcP521), ("ed448", HsmKeyType.Ed448) })
            {
                var key = token.GenerateKey(name, type);
                var signer = key.CreateSigner();
                Console.WriteLine($"key {name} {signer.Algorithm} {Convert.ToBase64String(key.SubjectPublicKeyInfo.Span)}");
                Console.WriteLine($"policy {name} {key.GetPolicy().IsSigningKeyPolicy}");
                Console.WriteLine($"sig {name} priority {Convert.ToBase64String(signer.Sign(message))}");

                var batch = new SigningBatch(signer, 3);
                for (var i = 0; i < batch.Capacity; i++)
                {
                    batch.Add(message);
                }

                await signer.SignBatchAsync(batch).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    Console.WriteLine($"sig {name} bulk {Convert.ToBase64String(batch.GetSignature(i))}");
                }

                // One signature queued on the bulk lane by a blocking caller (how the OCSP signer adapter signs in bulk mode).
                var buffer = new byte[signer.MaxSignatureLength];
                if (!token.BulkLane.TrySign(signer, message, buffer, out var written))
                {
                    throw new InvalidOperationException("BulkSigningLane.TrySign refused a buffer of MaxSignatureLength bytes.");
                }

                Console.WriteLine($"sig {name} bulk-single {Convert.ToBase64String(buffer.AsSpan(0, written))}");
            }

            Console.WriteLine("ok");
            return 0;
        }
        catch (HsmException e)
        {
            await Console.Error.WriteLineAsync($"hsm error {e.Error}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
