// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Collections;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.est.CACertsResponse;
import org.bouncycastle.est.ESTException;
import org.bouncycastle.est.ESTService;
import org.bouncycastle.est.EnrollmentResponse;
import org.bouncycastle.est.jcajce.JcaHttpAuthBuilder;
import org.bouncycastle.est.jcajce.JcaJceUtils;
import org.bouncycastle.est.jcajce.JsseESTServiceBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * An EST client (RFC 7030) on BouncyCastle Java's org.bouncycastle.est, for the interop tests in
 * tests/V2gPki.IntegrationTests/Interop. It uses the library as an application would: JsseESTServiceBuilder with the
 * server's TLS root as the only trust anchor, the label as RFC 7030 §3.2.2 path segment, and JcaHttpAuthBuilder for
 * HTTP Basic, which the library sends only after the server's 401 challenge (RFC 7030 §3.2.3).
 *
 * <pre>
 * EstClient cacerts &lt;host:port&gt; &lt;label&gt; &lt;tls-root.pem&gt; &lt;out.pem&gt;
 * EstClient enroll  &lt;host:port&gt; &lt;label&gt; &lt;tls-root.pem&gt; &lt;out.pem&gt; &lt;user&gt; &lt;password&gt; &lt;subject DN&gt;
 * </pre>
 *
 * Writes every certificate of the answer to out.pem as PEM, in the order of the PKCS#7 SignedData, and prints one line
 * "certificates: N". A failed request prints "status: NNN" (the HTTP status the library saw) and exits 2.
 */
public final class EstClient {
    private EstClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: EstClient cacerts|enroll <host:port> <label> <tls-root.pem> <out.pem> [<user> <password> <subject>]");
            System.exit(64);
        }

        // The library's certificate path checks (JcaJceUtils) ask for the "BC" provider by name.
        Security.addProvider(new BouncyCastleProvider());
        String operation = args[0];
        ESTService est = new JsseESTServiceBuilder(args[1], JcaJceUtils.getCertPathTrustManager(trustAnchors(args[3]), null))
                .withTimeout(30_000)
                .withLabel(args[2])
                .build();
        try {
            X509CertificateHolder[] certificates;
            if (operation.equals("cacerts")) {
                CACertsResponse response = est.getCACerts();
                certificates = ESTService.storeToArray(response.getCertificateStore());
            } else if (operation.equals("enroll") && args.length == 8) {
                EnrollmentResponse response = est.simpleEnroll(false, request(args[7]),
                        new JcaHttpAuthBuilder(args[5], args[6].toCharArray()).build());
                if (!response.isCompleted()) {
                    System.out.println("pending: retry after " + response.getNotBefore());
                    System.exit(3);
                    return;
                }

                certificates = ESTService.storeToArray(response.getStore());
            } else {
                System.err.println("unknown operation or wrong argument count: " + operation);
                System.exit(64);
                return;
            }

            try (Writer file = new FileWriter(args[4]); JcaPEMWriter pem = new JcaPEMWriter(file)) {
                for (X509CertificateHolder certificate : certificates) {
                    pem.writeObject(certificate);
                }
            }

            System.out.println("certificates: " + certificates.length);
        } catch (ESTException e) {
            System.out.println("status: " + e.getStatusCode());
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static Set<TrustAnchor> trustAnchors(String pemFile) throws IOException, java.security.cert.CertificateException {
        try (InputStream in = new FileInputStream(pemFile)) {
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Collections.singleton(new TrustAnchor(root, null));
        }
    }

    /** A P-256 key made here and a CSR over it (SHA-256 with ECDSA), as a station's back end makes one. */
    private static PKCS10CertificationRequest request(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    }
}
