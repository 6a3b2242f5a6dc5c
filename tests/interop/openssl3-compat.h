/* Force-included (cc -include) into every libest source file by build-libest.sh: OpenSSL 3 removed FIPS_mode() and
 * FIPS_mode_set(), which libest a464ba8a still calls; OpenSSL 3 expresses FIPS mode as a default property of the
 * library context (OpenSSL 3.0 migration guide, "Deprecated function mappings"). */
#ifndef V2GPKI_LIBEST_OPENSSL3_COMPAT_H
#define V2GPKI_LIBEST_OPENSSL3_COMPAT_H
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_MAJOR >= 3
#include <openssl/evp.h>
#define FIPS_mode() EVP_default_properties_is_fips_enabled(NULL)
#define FIPS_mode_set(on) EVP_default_properties_enable_fips(NULL, (on))
#endif
#endif
